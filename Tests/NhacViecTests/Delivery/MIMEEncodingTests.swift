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

    @Test(arguments: [
        ("task:II.3/2024-04-01/due", "task=3AII.3=2F2024-04-01=2Fdue"),
        (".leading..dots.", "=2Eleading.=2Edots=2E"),
        ("người", "ng=C6=B0=E1=BB=9Di"),
        ("a=b", "a=3Db"),
    ])
    func messageIDLeftIsAnInjectiveDotAtom(key: String, expected: String) {
        #expect(DeliveryKey.messageIDLeft(key) == expected)
    }

    @Test func fileNamesAreSafeAndDistinct() {
        #expect(DeliveryKey.fileName("../../etc/passwd") == "%2E%2E%2F.%2E%2Fetc%2Fpasswd")
        #expect(DeliveryKey.fileName("a/b") != DeliveryKey.fileName("a:b"))
        let long = DeliveryKey.fileName(String(repeating: "x", count: 500))
        #expect(long.utf8.count <= 200)
        #expect(long != DeliveryKey.fileName(String(repeating: "x", count: 501)))
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
