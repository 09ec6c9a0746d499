/// "Did you mean …" hints: the closest known word within a small edit distance.
enum Suggestion {
    /// The candidate closest to `word`, if it is close enough to be a plausible typo.
    static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased())
        let limit = max(1, min(3, target.count / 3))
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            // The distance is at least the difference in length: a huge value costs nothing.
            guard abs(candidate.count - target.count) <= limit else { continue }
            let distance = editDistance(target, Array(candidate.lowercased()))
            if distance <= limit, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// The candidate `word` is plausibly a typo of (never `word` itself), for a hint in any language.
    static func typo(of word: String, in candidates: some Sequence<String>) -> String? {
        guard let match = closest(to: word, in: candidates), match != word else { return nil }
        return match
    }

    /// "; did you mean 'x'?" or "".
    static func hint(for word: String, in candidates: some Sequence<String>) -> String {
        YAMLProblem.englishHint(typo(of: word, in: candidates))
    }

    /// "a, b, c, …" with at most `limit` names, for "(known: …)" lists.
    static func list(_ names: [String], limit: Int = 8) -> String {
        let shown = names.prefix(limit).joined(separator: ", ")
        return names.count > limit ? shown + ", …" : shown
    }

    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
