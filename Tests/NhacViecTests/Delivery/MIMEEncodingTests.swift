import Foundation
import NhacViecTestSupport
import Testing

@testable import NhacViec

@Suite struct MIMEEncodingTests {
    static func decodeWords(_ words: [String]) -> String {
        var bytes: [UInt8] = []
        for word in words {
            let payload = word.dropFirst("=?UTF-8?B?".count).dropLast(2)
            bytes += Array(Data(base64Encoded: String(payload)) ?? Data())
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test(arguments: [
        DeliveryFixtures.subject,
        String(repeating: "Nhắc việc: báo cáo kết quả thực hiện công tác cải cách hành chính quý II — ", count: 4),
        "Ngắn",
        String(repeating: "ệ", count: 200),
    ])
    func encodedWordsAreShortAndDecodeBackExactly(text: String) {
        let words = MIMEEncoding.encodedWords(text, firstLineUsed: 9)
        #expect(words.allSatisfy { $0.utf8.count <= 75 })
        #expect(words.allSatisfy { $0.hasPrefix("=?UTF-8?B?") && $0.hasSuffix("?=") })
        #expect(Self.decodeWords(words) == text)
        // Each word decodes on its own: no UTF-8 sequence is split between words.
        #expect(words.allSatisfy { !Self.decodeWords([$0]).contains("\u{FFFD}") })
    }

    @Test func longVietnameseSubjectFoldsIntoLinesOfAtMost78() throws {
        let long = String(repeating: "Nhắc việc: 3 nhiệm vụ sắp đến hạn — Phòng Quản lý đầu tư; ", count: 5)
        let field = MIMEEncoding.unstructuredField("Subject", long)
        let lines = field.components(separatedBy: "\r\n").dropLast()
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.utf8.count <= 78 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        let parsed = try ParsedEmail.parse(bytes: Array(("From: a@example.vn\r\n" + field + "\r\nbody\r\n").utf8))
        #expect(parsed.subject == long.trimmingCharacters(in: .whitespaces))
    }

    /// Issue 9 #19: a reader that shows each encoded-word on its own must still see
    /// whole words ("lao động", never "lao đ ộng").
    @Test(arguments: [
        "[Nhắc việc] Phòng Tổ chức – Lao động: báo cáo tình hình thực hiện chính sách lao động, tiền lương quý II năm 2024: quá hạn 3 ngày làm việc",
        String(repeating: "Nhắc việc: 3 nhiệm vụ sắp đến hạn — Phòng Quản lý đầu tư; ", count: 5),
        "Báo cáo   nhiều    khoảng trắng   giữa các từ ở đây để thử việc tách từ đúng chỗ khi mã hoá",
        "Ngắn",
    ])
    func encodedWordsAreSplitAtSpacesAndReadBackByPython(subject: String) throws {
        var message = DeliveryFixtures.message(subject: subject)
        message.from = DeliveryFixtures.mailbox(
            "Văn phòng Ban Quản lý Khu kinh tế Hải Phòng – Bộ phận một cửa liên thông <vanphong@example.gov.vn>")
        let parsed = try ParsedEmail.parse(bytes: message.rendered())

        #expect(parsed.subject == subject.trimmingCharacters(in: .whitespaces))
        // Python keeps the space between encoded-words in a display name (RFC 2047 §6.2 says
        // drop it), so the space encoded before the boundary reads double there: never a cut word.
        let name = try #require(parsed.from.first?.name)
        #expect(
            name.split(separator: " ").joined(separator: " ")
                == "Văn phòng Ban Quản lý Khu kinh tế Hải Phòng – Bộ phận một cửa liên thông")
        for words in [parsed.subject_words, parsed.from_words] {
            #expect(!words.isEmpty)
            #expect(words.allSatisfy { $0.raw.utf8.count <= 75 }, "\(words.map(\.raw))")
            // Every word but the last ends at a space, so no word of the text is cut.
            let cut = words.dropLast().filter { !$0.text.hasSuffix(" ") }
            #expect(cut.isEmpty, "split inside a word: \(words.map(\.text))")
            #expect(words.allSatisfy { !$0.text.contains("\u{FFFD}") })
        }
        #expect(parsed.subject_words.map(\.text).joined() == subject.trimmingCharacters(in: .whitespaces))
        // RFC 2047 §2: a line holding encoded-words is at most 76 characters.
        for lines in [parsed.subject_lines, parsed.from_lines] {
            #expect(lines.allSatisfy { $0.utf8.count <= 76 }, "\(lines)")
            #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        }
    }

    @Test func aWordLongerThanAnEncodedWordIsTheOnlyOneSplit() {
        let long = String(repeating: "ệ", count: 40)
        let words = MIMEEncoding.encodedWords("lao động " + long + " xong", firstLineUsed: 9)
        let texts = words.map { Self.decodeWords([$0]) }
        #expect(texts.first == "lao động ")
        #expect(texts.last?.hasSuffix(" xong") == true || texts.last == "xong")
        #expect(texts.joined() == "lao động " + long + " xong")
        #expect(words.allSatisfy { $0.utf8.count <= 75 })
    }

    @Test func aFirstWordTooLongForTheFirstLineIsSplitToKeepTheLineShort() {
        // 14 three-byte letters and a space: 43 bytes fit a whole encoded-word (45) but not one beside "Subject: " (42).
        let word = String(repeating: "ệ", count: 14)
        let field = MIMEEncoding.unstructuredField("Subject", word + " cuối")
        let lines = field.components(separatedBy: "\r\n").dropLast()
        #expect(lines.allSatisfy { $0.utf8.count <= 76 }, "\(lines)")
        #expect(Self.decodeWords(MIMEEncoding.encodedWords(word + " cuối", firstLineUsed: 9)) == word + " cuối")
    }

    @Test func asciiSubjectsStayReadable() {
        #expect(MIMEEncoding.unstructuredField("Subject", "Monthly report") == "Subject: Monthly report\r\n")
        #expect(MIMEEncoding.unstructuredField("Subject", "looks =?like?= a word").contains("=?UTF-8?B?"))
    }

    @Test func renderingIsDeterministicAndFollowsLineRules() {
        let message = DeliveryFixtures.message(attachments: [DeliveryFixtures.report])
        let bytes = message.rendered()
        #expect(bytes == message.rendered())
        let text = String(decoding: bytes, as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        // A msg-id or a MIME type is one token and cannot be folded (998 is the hard limit).
        let long = lines.filter {
            $0.utf8.count > 78 && !$0.hasPrefix("Message-ID: ") && !$0.hasPrefix("Content-Type: ")
        }
        #expect(lines.allSatisfy { $0.utf8.count <= 998 })
        #expect(long.isEmpty, "lines over 78: \(long)")
        #expect(!lines.contains { $0.contains("\n") || $0.contains("\r") })
        #expect(bytes.allSatisfy { $0 < 0x80 }, "7-bit clean: every non-ASCII byte is encoded")
        #expect(
            text.contains(
                "\r\nMessage-ID: <task=3AII.3=2F2024-04-01=2Fbefore-5wd=2Fphong-qldt=2Femail@example.gov.vn>\r\n"))
        #expect(text.hasPrefix("Date: Mon, 25 Mar 2024 08:00:00 +0700\r\n"))
        #expect(text.contains("\r\nAuto-Submitted: auto-generated\r\nMIME-Version: 1.0\r\n"))
        #expect(text.contains("=2Ed=C3=B2ng"), "a leading dot is encoded")
        #expect(text.hasSuffix("--\r\n"))
    }

    @Test func differentKeysGiveDifferentBoundariesAndIDs() {
        let first = DeliveryFixtures.message(key: "a/b")
        let second = DeliveryFixtures.message(key: "a:b")
        #expect(first.messageID != second.messageID)
        #expect(first.rendered() != second.rendered())
    }

    @Test func aVeryLongLineIsSoftBrokenAndDecodesBack() throws {
        let longLine = String(repeating: "Nội dung rất dài không có xuống dòng. ", count: 80)
        var message = DeliveryFixtures.message(key: "k1", html: false)
        message.textBody = longLine
        let parsed = try ParsedEmail.parse(bytes: message.rendered())
        #expect(parsed.max_line <= 78)
        #expect(
            MIMEEncoding.quotedPrintable(longLine).components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 76 })
        #expect(parsed.parts.first?.text == longLine + "\r\n" || parsed.parts.first?.text == longLine)
    }

    @Test func quotedPrintableEncodesEveryCaseByteForByte() {
        // Leading dots, "=", trailing space and tab, CR, LF, CRLF and CR CRLF line
        // ends, soft breaks inside multi-byte characters' escapes, a dot that lands
        // at column 75, and combining marks composed (NFC) before encoding.
        let sample =
            ".Báo cáo tháng 3\r\nDòng có dấu = và khoảng trắng cuối \nDòng\tcó tab\t\r\r\n"
            + String(repeating: "Nội dung rất dài không có xuống dòng. ", count: 4) + ".\n\n"
            + String(repeating: "x", count: 74) + ".y" + "\nCombining: Vie\u{0302}\u{0323}t"
        let expected =
            "=2EB=C3=A1o c=C3=A1o th=C3=A1ng 3\r\nD=C3=B2ng c=C3=B3 d=E1=BA=A5u =3D v=C3=A0 kho=E1=BA=A3ng "
            + "tr=E1=BA=AFng cu=\r\n=E1=BB=91i=20\r\nD=C3=B2ng\tc=C3=B3 tab=09\r\n\r\nN=E1=BB=99i dung "
            + "r=E1=BA=A5t d=C3=A0i kh=C3=B4ng c=C3=B3 xu=E1=BB=91ng d=C3=\r\n=B2ng. N=E1=BB=99i dung "
            + "r=E1=BA=A5t d=C3=A0i kh=C3=B4ng c=C3=B3 xu=E1=BB=91=\r\nng d=C3=B2ng. N=E1=BB=99i dung "
            + "r=E1=BA=A5t d=C3=A0i kh=C3=B4ng c=C3=B3 xu=\r\n=E1=BB=91ng d=C3=B2ng. N=E1=BB=99i dung "
            + "r=E1=BA=A5t d=C3=A0i kh=C3=B4ng c=\r\n=C3=B3 xu=E1=BB=91ng d=C3=B2ng. .\r\n\r\n"
            + String(repeating: "x", count: 74) + ".=\r\ny\r\nCombining: Vi=E1=BB=87t"
        #expect(MIMEEncoding.quotedPrintable(sample) == expected)
        #expect(MIMEEncoding.quotedPrintable("") == "")
        #expect(MIMEEncoding.quotedPrintable("a\n") == "a\r\n")
    }

    @Test func dateHeaderUsesTheGivenZone() {
        let utc = TimeZone(identifier: "UTC") ?? .current
        #expect(
            RFC5322Date.format(DeliveryFixtures.sendTime, timeZone: DeliveryFixtures.vietnam)
                == "Mon, 25 Mar 2024 08:00:00 +0700")
        #expect(RFC5322Date.format(DeliveryFixtures.sendTime, timeZone: utc) == "Mon, 25 Mar 2024 01:00:00 +0000")
    }

    @Test func hmacMatchesRFC4231TestCase2() {
        let mac = WebhookSignature.hmacSHA256(
            key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))
        #expect(
            mac.map { String(format: "%02x", $0) }.joined()
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }
}
