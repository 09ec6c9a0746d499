import Foundation
import Testing

@testable import NhacViec

@Suite struct WebPartsTests {
    @Test func htpasswdBcryptLinesAreReadTheirY2PrefixMappedAndOtherFormatsIgnored() throws {
        // `htpasswd -nbB -C 4 a secret` output, $2y$ as Apache writes it.
        let users = try OfficeUsers(
            parsing: """
                a:$2y$04$i3S7r4EOX3yCzG1LBylEyu1C8nWat5BN.Po6TAvvFfJAlaHCt/Wye
                b:$apr1$x$abcdefghijklmnopqrstu
                # a comment

                c:plain
                """, source: "users")
        #expect(users.count == 1)
        #expect(users.ignored.count == 2)
        #expect(users.ignored[0].hasPrefix("users:2:"))
        #expect(users.verify(user: "a", password: "secret"))
        #expect(!users.verify(user: "a", password: "Secret"))
        #expect(!users.verify(user: "b", password: "secret"))
    }

    /// `$2y$NN$` and 53 characters: the shape is all the cost check reads (no bcrypt run).
    static func hash(cost: String) -> String {
        "$2y$\(cost)$" + String(repeating: "a", count: 53)
    }

    @Test func aBcryptCostAboveTheMaximumRefusesTheFileNamingEachLine() throws {
        let accepted = try OfficeUsers(
            parsing: "five:\(Self.hash(cost: "05"))\nfourteen:\(Self.hash(cost: "14"))\n", source: "users")
        #expect(accepted.count == 2 && accepted.ignored.isEmpty)
        let error = #expect(throws: WebError.self) {
            try OfficeUsers(
                parsing: """
                    five:\(Self.hash(cost: "05"))
                    hours:\(Self.hash(cost: "31"))
                    # a comment
                    slow:\(Self.hash(cost: "15"))
                    """, source: "/etc/nhacviec/web-users")
        }
        let lines = (error?.message.split(separator: "\n") ?? []).map(String.init)
        #expect(lines.count == 2)
        #expect(
            lines.first
                == "/etc/nhacviec/web-users:2: error: user 'hours': bcrypt cost 31 is above 14, the most a login may "
                + "cost; set the password again with htpasswd -B -C 14 /etc/nhacviec/web-users hours (or a lower -C)")
        #expect(
            lines.last?.hasPrefix("/etc/nhacviec/web-users:4: error: user 'slow': bcrypt cost 15 is above 14") == true)
        // No cost, or one below bcrypt's 4: no bcrypt hash, ignored like any other format.
        let odd = try OfficeUsers(
            parsing: "three:\(Self.hash(cost: "03"))\nletters:\(Self.hash(cost: "xy"))\n", source: "users")
        #expect(odd.count == 0 && odd.ignored.count == 2)
    }

    @Test func icsLinesFoldAt75OctetsWithoutSplittingCharacters() {
        let line = "SUMMARY:" + String(repeating: "Báo cáo cải cách hành chính ", count: 6)
        let folded = ICSCalendar.fold(line)
        let pieces = folded.components(separatedBy: "\r\n")
        #expect(pieces.count > 2)
        #expect(pieces.allSatisfy { $0.utf8.count <= 75 })
        #expect(pieces.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(
            pieces.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined() == line)
        #expect(ICSCalendar.text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
    }

    @Test func signaturesAndCSRFTokensAreCheckedExactly() {
        let signer = WebSignature(key: Array("k".utf8))
        let signature = signer.calendarSignature(unit: "phong-qldt")
        #expect(!signature.contains("=") && !signature.contains("+") && !signature.contains("/"))
        #expect(signer.isValid(signature, for: "ics|phong-qldt"))
        #expect(!signer.isValid(signature, for: "ics|phong-tc"))
        #expect(!WebSignature(key: Array("other".utf8)).isValid(signature, for: "ics|phong-qldt"))
        let csrf = CSRFToken(key: CSRFToken.randomKey())
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let token = csrf.token(user: "vanphong", now: now)
        #expect(csrf.isValid(token, user: "vanphong", now: now))
        #expect(!csrf.isValid(token, user: "lanhdao", now: now))
        #expect(!csrf.isValid(token, user: "vanphong", now: now.addingTimeInterval(CSRFToken.lifetime + 1)))
        #expect(!csrf.isValid("", user: "vanphong", now: now))
    }

    @Test func listenAddressesAndFormBodiesParse() {
        #expect(WebListenAddress(parsing: "127.0.0.1:8080") == WebListenAddress(host: "127.0.0.1", port: 8080))
        #expect(WebListenAddress(parsing: "[::1]:9000") == WebListenAddress(host: "::1", port: 9000))
        #expect(WebListenAddress(parsing: "::1:9000") == nil)
        #expect(WebListenAddress(parsing: "localhost") == nil)
        #expect(WebListenAddress(parsing: "127.0.0.1:70000") == nil)
        let form = FormDecoding.decode("status=done&note=%C4%90%C3%A3+xong%26ok&note=second&empty=")
        #expect(form == ["status": "done", "note": "Đã xong&ok", "empty": ""])
    }

    @Test func templatesNeverUseUnescapedOutput() {
        for (name, text) in WebTemplates.all {
            #expect(!text.contains("{{{") && !text.contains("{{&"), "\(name)")
            #expect(!text.lowercased().contains("<script") && !text.contains("style=\""), "\(name)")
        }
    }
}
