import Foundation
import Yams

extension ConfigParser {
    func parseOrganization(_ mapping: YAMLMapping?) -> Located<Organization>? {
        guard let mapping else { return nil }
        mapping.finish(known: [
            "name", "parent", "abbreviation", "place", "timezone", "language", "office", "plan_year", "admins",
        ])
        let name = mapping.string("name", required: true)
        let office = mapping.string("office", required: true)
        var timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? .current
        if let node = mapping.value("timezone"), let identifier = reader.string(node, mapping.path.key("timezone")) {
            if let zone = TimeZone(identifier: identifier), identifier.contains("/") || identifier == "UTC" {
                timeZone = zone
            } else {
                reader.report(
                    "unknown time zone '\(identifier)' (use an IANA name such as Asia/Ho_Chi_Minh)", at: node,
                    mapping.path.key("timezone"))
            }
        }
        let language = mapping.choice("language", ["vi": MessageLanguage.vietnamese, "en": .english]) ?? .vietnamese
        let planYear = mapping.integer("plan_year", range: 1900...2100)
        let abbreviation = documentSymbol(mapping)
        let admins = mailboxes(mapping, "admins")
        guard let name, let office else { return Located(value: nil, mapping: mapping) }
        let organization = Organization(
            name: name, parent: mapping.string("parent"), abbreviation: abbreviation, place: mapping.string("place"),
            timeZone: timeZone, language: language, office: office, planYear: planYear, admins: admins)
        return Located(value: organization, mapping: mapping)
    }

    /// A list of mailboxes (or one), each validated.
    func mailboxes(_ mapping: YAMLMapping, _ key: String) -> [Mailbox] {
        guard let items = mapping.list(key, allowSingle: true) else { return [] }
        return items.compactMap { node, path in mailbox(node, path) }
    }

    func mailbox(_ node: Node, _ path: ConfigPath) -> Mailbox? {
        guard let text = reader.string(node, path) else { return nil }
        guard let mailbox = Mailbox(parsing: text) else {
            reader.report("'\(text)' is not a valid email address", at: node, path)
            return nil
        }
        return mailbox
    }
}

extension ConfigParser {
    /// `abbreviation`: the agency part of a document symbol (`Số: /BC-BQL`), of an
    /// organisation or a unit.
    func documentSymbol(_ mapping: YAMLMapping) -> String? {
        guard let value = mapping.string("abbreviation") else { return nil }
        if let node = mapping.value("abbreviation"), !value.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) {
            reader.report(
                "'\(value)' cannot be a document symbol (letters, digits and '-' only, e.g. BQL)", at: node,
                mapping.path.key("abbreviation"))
            return nil
        }
        return value
    }
}
