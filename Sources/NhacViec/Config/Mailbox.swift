/// An email mailbox: an optional display name and an address (`addr-spec`).
///
/// Parsing is deliberately strict: the address is what goes into SMTP
/// `MAIL FROM`/`RCPT TO` and into headers, so anything that could smuggle a
/// line break, a second address or a header is rejected here, once, instead of
/// being escaped in every place that uses it.
package struct Mailbox: Hashable, Sendable, CustomStringConvertible {
    /// The display name as written (may contain any Unicode except control characters).
    package let displayName: String?
    /// `local@domain`, ASCII only.
    package let address: String

    package init?(displayName: String? = nil, address: String) {
        guard Mailbox.isValidAddress(address) else { return nil }
        if let displayName {
            guard !displayName.unicodeScalars.contains(where: Mailbox.isControl) else { return nil }
        }
        let trimmed = displayName?.trimmingSpaces
        self.displayName = (trimmed?.isEmpty ?? true) ? nil : trimmed
        self.address = address
    }

    /// Parses `addr@example.vn` or `Display Name <addr@example.vn>` (the name may be quoted).
    package init?(parsing text: String) {
        let text = text.trimmingSpaces
        guard let open = text.lastIndex(of: "<") else {
            self.init(address: text)
            return
        }
        guard text.hasSuffix(">") else { return nil }
        let address = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
        var name = String(text[..<open]).trimmingSpaces
        if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") {
            name = String(name.dropFirst().dropLast())
        }
        self.init(displayName: name.isEmpty ? nil : name, address: address)
    }

    /// The domain part, lower-cased.
    package var domain: String {
        String(address[address.index(after: address.lastIndex(of: "@") ?? address.startIndex)...]).lowercased()
    }

    package var description: String {
        guard let displayName else { return address }
        return "\(displayName) <\(address)>"
    }

    /// A practical subset of RFC 5321 `Mailbox`: dot-atom local part, a domain of
    /// LDH labels with at least one dot. Quoted local parts and address literals
    /// are not accepted: no government mail system here uses them.
    ///
    /// Read byte by byte: every allowed character is ASCII, so any other byte
    /// (a multi-byte character, a line break) fails the character checks.
    package static func isValidAddress(_ address: String) -> Bool {
        let bytes = address.utf8
        guard bytes.count <= 254, let at = bytes.lastIndex(of: UInt8(ascii: "@")) else { return false }
        let local = bytes[..<at]
        let domain = bytes[bytes.index(after: at)...]
        guard !local.isEmpty, local.count <= 64, !domain.isEmpty else { return false }
        let localAtoms = local.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard localAtoms.allSatisfy({ !$0.isEmpty && $0.allSatisfy(isAtomText) }) else { return false }
        let labels = domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        let hyphen = UInt8(ascii: "-")
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && label.allSatisfy { isLetterOrDigit($0) || $0 == hyphen }
                && label.first != hyphen && label.last != hyphen
        }
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default: false
        }
    }

    /// RFC 5322 `atext`: letters, digits and ``!#$%&'*+-/=?^_`{|}~``.
    private static func isAtomText(_ byte: UInt8) -> Bool {
        isLetterOrDigit(byte) || "!#$%&'*+-/=?^_`{|}~".utf8.contains(byte)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
            || scalar == "\u{2028}" || scalar == "\u{2029}"
    }
}
