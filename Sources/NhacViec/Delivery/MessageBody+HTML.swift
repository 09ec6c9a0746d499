extension MessageBody {
    /// The `text/html` part: nested presentation tables with inline styles only.
    ///
    /// Outlook renders HTML with Word's engine, which ignores `<style>` blocks in
    /// part, most CSS layout and `max-width`; Gmail strips `<head>` styles in some
    /// views. Tables, `bgcolor`-free inline colours and fixed widths read the same
    /// in both. No images, scripts, fonts or links to anything outside the message.
    /// Every piece of text is escaped: titles and names come from the config.
    var html: String {
        // Repeated on every cell: Outlook does not pass fonts on to nested tables.
        let font = "font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:21px;"
        var out = """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta http-equiv="Content-Type" content="text/html; charset=utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(Self.escaped(heading))</title>
            </head>
            <body style="margin:0;padding:0;background-color:#f3f4f6;">
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" \
            style="background-color:#f3f4f6;">
            <tr><td align="center" style="padding:16px 8px;">
            <table role="presentation" width="680" cellpadding="0" cellspacing="0" border="0" \
            style="width:680px;max-width:100%;background-color:#ffffff;border:1px solid #d9dce1;\(font)\
            color:#1f2328;">
            <tr><td style="padding:14px 20px;background-color:#1f4e79;color:#ffffff;\(font)font-size:17px;\
            line-height:24px;font-weight:bold;">\(Self.escaped(banner))</td></tr>

            """
        var intro: [String] = []
        if let greeting {
            intro.append("<p style=\"margin:0 0 12px 0;font-weight:bold;\">\(Self.escaped(greeting))</p>")
        }
        for paragraph in paragraphs {
            intro.append("<p style=\"margin:0 0 12px 0;\">\(Self.escaped(paragraph))</p>")
        }
        if !intro.isEmpty {
            out +=
                "<tr><td style=\"padding:16px 20px 4px 20px;\(font)\">\n\(intro.joined(separator: "\n"))\n</td></tr>\n"
        }
        let numbered = sections.count > 1
        for (index, section) in sections.enumerated() {
            out += sectionHTML(section, number: numbered ? index + 1 : nil, font: font)
        }
        if !closing.isEmpty {
            let text = closing.map { "<p style=\"margin:0 0 12px 0;\">\(Self.escaped($0))</p>" }
            out += "<tr><td style=\"padding:4px 20px 4px 20px;\(font)\">\n\(text.joined(separator: "\n"))\n</td></tr>\n"
        }
        if let template {
            // Each line escaped on its own: `escaped` turns line breaks into spaces.
            let lines = template.split(separator: "\n", omittingEmptySubsequences: false).map {
                Self.escaped(String($0))
            }
            out +=
                "<tr><td style=\"padding:4px 20px 12px 20px;\"><pre style=\"margin:0;font-family:monospace;"
                + "font-size:13px;white-space:pre-wrap;\">\(lines.joined(separator: "\n"))</pre></td></tr>\n"
        }
        let footer = footer.map { "<p style=\"margin:0 0 6px 0;\">\(Self.escaped($0))</p>" }
        out += """
            <tr><td style="padding:12px 20px 16px 20px;border-top:1px solid #d9dce1;\(font)font-size:12px;\
            line-height:18px;color:#5b6370;">
            \(footer.joined(separator: "\n"))
            </td></tr>
            </table>
            </td></tr>
            </table>
            </body>
            </html>

            """
        return out.nfc
    }

    private func sectionHTML(_ section: Section, number: Int?, font: String) -> String {
        let accent = Self.accent(section.tone)
        let title = (number.map { "\($0). " } ?? "") + section.title
        var rows = [
            """
            <tr><td colspan="2" style="padding:10px 12px 6px 12px;\(font)font-size:15px;line-height:22px;\
            font-weight:bold;color:#1f2328;">\(Self.escaped(title))</td></tr>
            """
        ]
        for field in section.fields {
            var value = field.value.split(separator: "\n").map { Self.escaped(String($0)) }.joined(separator: "<br>")
            if field.isLink { value = "<a href=\"\(Self.escaped(field.value))\" style=\"color:#0b4a8b;\">\(value)</a>" }
            let emphasis = field.emphasized ? "font-weight:bold;color:\(accent);" : ""
            rows.append(
                """
                <tr><td width="140" valign="top" style="width:140px;padding:3px 8px 3px 12px;\(font)color:#5b6370;\
                vertical-align:top;">\(Self.escaped(field.label))</td>\
                <td valign="top" style="padding:3px 12px 3px 0;\(font)vertical-align:top;\(emphasis)">\(value)</td></tr>
                """)
        }
        return """
            <tr><td style="padding:8px 20px 8px 20px;">
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" \
            style="border:1px solid #d9dce1;border-left:4px solid \(accent);">
            \(rows.joined(separator: "\n"))
            <tr><td colspan="2" style="height:6px;line-height:6px;font-size:6px;">&nbsp;</td></tr>
            </table>
            </td></tr>

            """
    }

    private static func accent(_ tone: Tone) -> String {
        switch tone {
        case .overdue: "#b42318"
        case .dueToday: "#b54708"
        case .upcoming: "#1f4e79"
        case .neutral: "#5b6370"
        }
    }

    /// Text as HTML character data or an attribute value.
    static func escaped(_ text: String) -> String {
        HTMLText.escaped(text)
    }
}
