import Foundation
import NhacViecTestSupport
import Testing

@testable import NhacViec

/// One encoding of a delivery key for the outbox file name and the `Message-ID`
/// local part (DESIGN §6), reversible and safe in both places.
@Suite struct DeliveryKeyTests {
    static let keys = [
        "task:II.3/2024-04-01/before-5wd/phong-qldt/email",
        "report:monthly:phong-tc/2024-03/overdue-2/head:phong-tc/webhook:zalo-qldt",
        "report:consolidated/2024-03/compile/ban-giam-doc/email",
        ".leading..dots.",
        "..",
        ".",
        "a@b.example.vn/x",
        "người nhận/Phòng Quản lý đầu tư",
        "a=b=3D%2F",
        "=_0123456789abcdef0123456789abcdef",
        "spaces and\ttabs\r\nand CRLF",
        "emoji 📅 and combining e\u{0301}",
        "a/b",
        "a:b",
    ]

    /// `dot-atom-text` (RFC 5322 §3.2.3): atext runs joined by single dots.
    static func isDotAtom(_ text: String) -> Bool {
        let atext = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~")
        let atoms = text.split(separator: ".", omittingEmptySubsequences: false)
        return atoms.allSatisfy { !$0.isEmpty && $0.allSatisfy(atext.contains) }
    }

    static func isSafeFileName(_ text: String) -> Bool {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.=")
        return !text.isEmpty && !text.hasPrefix(".") && text.allSatisfy(allowed.contains)
            && text.utf8.count <= DeliveryKey.maximumEncodedLength
    }

    @Test(arguments: keys)
    func everyKeyRoundTripsThroughASafeName(key: String) throws {
        let encoded = DeliveryKey.encoded(key)
        #expect(DeliveryKey.decoded(encoded) == key)
        #expect(Self.isDotAtom(encoded), "\(encoded) is not a dot-atom")
        #expect(Self.isSafeFileName(encoded), "\(encoded) is not a safe file name")
    }

    @Test func knownKeysHaveReadableEncodings() {
        #expect(DeliveryKey.encoded("task:II.3/2024-04-01/due") == "task=3AII.3=2F2024-04-01=2Fdue")
        #expect(DeliveryKey.encoded(".leading..dots.") == "=2Eleading.=2Edots=2E")
        #expect(DeliveryKey.encoded("người") == "ng=C6=B0=E1=BB=9Di")
        #expect(DeliveryKey.encoded("a=b") == "a=3Db")
        #expect(DeliveryKey.encoded("../../etc/passwd") == "=2E=2E=2F.=2E=2Fetc=2Fpasswd")
    }

    @Test func distinctKeysGiveDistinctNames() {
        let names = Self.keys.map(DeliveryKey.encoded)
        #expect(Set(names).count == Self.keys.count)
    }

    @Test(arguments: ["a%2Fb", "a=2fb", "a=2", "a=", "a=ZZ", "a/b", "a..b", "=C3", "a b", ""])
    func textThatNoKeyEncodesToDoesNotDecode(text: String) {
        #expect(DeliveryKey.decoded(text) == nil)
    }

    @Test(arguments: [
        String(repeating: "x", count: 500),
        String(repeating: "/", count: 300),
        String(repeating: "ệ", count: 1000),
        "task:" + String(repeating: "Nhiệm vụ rất dài ", count: 40) + "/2024-04-01/due/phong-qldt/email",
    ])
    func aVeryLongKeyGetsAShortHashedNameThatDoesNotDecode(key: String) {
        let encoded = DeliveryKey.encoded(key)
        #expect(encoded.utf8.count <= DeliveryKey.maximumEncodedLength)
        #expect(encoded.contains("=_"))
        #expect(Self.isDotAtom(encoded) && Self.isSafeFileName(encoded))
        #expect(DeliveryKey.decoded(encoded) == nil)
        #expect(DeliveryKey.encoded(key) == encoded, "stable")
        #expect(DeliveryKey.encoded(key + "x") != encoded, "keys differing past the cut stay apart")
        #expect(DeliveryKey.encoded(String(key.dropLast()) + "y") != encoded)
    }

    @Test func aKeyJustBelowTheCapIsKeptWholeAndOneAboveIsHashed() {
        let whole = String(repeating: "k", count: DeliveryKey.maximumEncodedLength)
        #expect(DeliveryKey.encoded(whole) == whole)
        #expect(DeliveryKey.decoded(whole) == whole)
        let longer = whole + "k"
        #expect(DeliveryKey.encoded(longer).utf8.count == DeliveryKey.maximumEncodedLength)
        #expect(DeliveryKey.decoded(DeliveryKey.encoded(longer)) == nil)
    }

    /// The cut never splits an `=HH` escape, whatever the alignment.
    @Test func theCutFallsBetweenEscapes() {
        for padding in 0..<3 {
            let key = String(repeating: "a", count: padding) + String(repeating: "/", count: 100)
            let encoded = DeliveryKey.encoded(key)
            let prefix = encoded.components(separatedBy: "=_")[0]
            #expect(DeliveryKey.decoded(prefix) != nil, "prefix \(prefix) ends inside an escape")
        }
    }

    /// The bug: the file was `task%3A…` while the Message-ID was `task=3A…`.
    @Test(arguments: [
        "task:II.3/2024-04-01/before-5wd/phong-qldt/email",
        "người nhận/@:./x",
        "task:" + String(repeating: "Dài ", count: 100) + "/email",
    ])
    func theOutboxFileNameIsTheMessageIDLocalPart(key: String) throws {
        let directory = try TemporaryDirectory()
        let outbox = Outbox(directory: directory.path)
        let path = try outbox.write(DeliveryFixtures.message(key: key)).path
        let name = URL(fileURLWithPath: path).lastPathComponent
        #expect(name.utf8.count <= 255)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == [name])

        // Read by an independent parser: the id's local part is the file's stem.
        let parsed = try ParsedEmail.parse(file: path)
        let id = try #require(parsed.message_id)
        #expect(id == "<\(String(name.dropLast(".eml".count)))@example.gov.vn>")
        if key.utf8.count < 100 {
            #expect(Outbox.key(ofFileName: name) == key)
        }
        #expect(Outbox.key(ofFileName: name) == DeliveryKey.decoded(String(name.dropLast(4))))
    }

    @Test func aWebhookBodyForTheSameKeySharesTheStem() throws {
        let directory = try TemporaryDirectory()
        let outbox = Outbox(directory: directory.path)
        let key = "task:A.1/2024-04-01/due/phong-qldt/webhook:zalo"
        let request = WebhookRequest(
            key: key, url: "https://hooks.example.vn/x", body: Array("{}".utf8), timestamp: DeliveryFixtures.sendTime)
        let path = try outbox.write(request).path
        #expect(path == directory.path + "/" + DeliveryKey.encoded(key) + ".json")
        #expect(Outbox.key(ofFileName: URL(fileURLWithPath: path).lastPathComponent) == key)
    }
}
