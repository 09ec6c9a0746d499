/// What a message says, independent of its format: rendered once as wrapped
/// plain text and once as table-layout HTML, so both parts of an email carry the
/// same content.
///
/// All text is plain (never markup); the HTML renderer escapes it.
struct MessageBody: Sendable, Equatable {
    /// How urgent a section is; the HTML accent colour.
    enum Tone: Sendable, Equatable {
        case upcoming, dueToday, overdue, neutral
    }

    /// One labelled line of a section. A value of several lines (a list of keys)
    /// keeps its lines.
    struct Field: Sendable, Equatable {
        var label: String
        var value: String
        /// Shown in the tone's colour, in bold (the item's timing).
        var emphasized: Bool = false
        /// The value is a URL: a link in HTML (plain text shows it as it is).
        var isLink: Bool = false
    }

    /// One item of the message: a duty, a dead letter, the facts of a test.
    struct Section: Sendable, Equatable {
        var title: String
        var tone: Tone
        var fields: [Field]
    }

    var language: MessageLanguage
    /// The HTML `<title>`: the subject.
    var heading: String
    /// The HTML banner: what kind of message this is and who sends it
    /// (``MessageComposer/banner(_:)``). Not the subject, which every mail client
    /// already shows above the message; never shortened.
    var banner: String
    /// "Kính gửi: …", on its own line above the text.
    var greeting: String?
    var paragraphs: [String]
    var sections: [Section]
    /// Paragraphs after the sections (what to do about an alert).
    var closing: [String] = []
    /// Who sends this and why, set apart under a signature separator.
    var footer: [String]
    /// Text kept exactly as it is (no wrapping), before the footer: the pre-filled
    /// report a unit replies with (DESIGN §12).
    var template: String? = nil

    /// The column plain text is wrapped at: narrower than the 78 of RFC 5322 so
    /// clients that quote with "> " still show whole lines.
    static let width = 76
}
