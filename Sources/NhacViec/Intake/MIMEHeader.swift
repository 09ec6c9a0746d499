/// The header section of a MIME entity: fields in the order written, unfolded.
///
/// Raw 8-bit header bytes (some clients send UTF-8 names unencoded) are read as
/// UTF-8 when they are valid, else as Latin-1, so nothing is lost or rejected.
package struct MIMEHeader: Sendable, Hashable {
    package struct Field: Sendable, Hashable {
        package var name: String
        /// Unfolded, without the name and colon, leading blanks removed; still RFC 2047-encoded.
        package var value: String
    }

    package var fields: [Field]

    package init(fields: [Field]) {
        self.fields = fields
    }

    /// Parses the header bytes (everything before the blank line).
    package init(bytes: ArraySlice<UInt8>) {
        var fields: [Field] = []
        var current: [UInt8] = []
        func flush() {
            defer { current.removeAll(keepingCapacity: true) }
            guard let colon = current.firstIndex(of: UInt8(ascii: ":")) else { return }
            let name = String(decoding: current[..<colon], as: UTF8.self).trimmingCharacters(in: " \t")
            guard !name.isEmpty else { return }
            let value = MIMECharset.headerText(Array(current[(colon + 1)...]))
            fields.append(Field(name: name, value: value.trimmingCharacters(in: " \t")))
        }
        for line in MIMEBytes.lines(bytes) {
            if let first = line.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
                current.append(contentsOf: line)  // folding: the line break goes, the blank stays
            } else {
                flush()
                current.append(contentsOf: line)
            }
        }
        flush()
        self.fields = fields
    }

    /// The first (topmost) field of that name, raw.
    package func raw(_ name: String) -> String? {
        fields.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// Every field of that name, topmost first, raw.
    package func all(_ name: String) -> [String] {
        fields.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }.map(\.value)
    }

    /// The first field of that name with RFC 2047 encoded-words decoded.
    package func text(_ name: String) -> String? {
        raw(name).map(EncodedWords.decode)
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        let blanks = Set(set.unicodeScalars)
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, blanks.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, blanks.contains(last) { scalars.removeLast() }
        return String(scalars)
    }
}
