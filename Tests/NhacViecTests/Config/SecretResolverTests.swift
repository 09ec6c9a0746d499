import Foundation
import NhacViecTestSupport
import Testing

@testable import NhacViec

/// `*_env` and `*_file` secrets, read in one place for the daemon and `send-test`.
@Suite struct SecretResolverTests {
    static func webhook(url: WebhookURL, secret: SecretReference? = nil) -> WebhookConfig {
        WebhookConfig(
            id: "tg", url: url, format: .json, secret: secret,
            timeout: ConfigDuration(amount: 10, unit: .seconds), chatID: nil)
    }

    @Test func aWebhookURLAndSecretAreReadFromTheEnvironmentOrAFile() throws {
        let directory = try TemporaryDirectory()
        try "file-secret\n".write(toFile: directory.file("hook.secret"), atomically: true, encoding: .utf8)
        let webhook = Self.webhook(url: .secret(.environment("NHACVIEC_TG_URL")), secret: .file("hook.secret"))
        let resolver = SecretResolver(
            environment: ["NHACVIEC_TG_URL": "https://api.telegram.org/bot123:abc/sendMessage"],
            configDirectory: directory.path)

        #expect(try resolver.webhookURL(webhook) == "https://api.telegram.org/bot123:abc/sendMessage")
        #expect(try resolver.webhookSigningKey(webhook) == Array("file-secret".utf8))
        #expect(throws: SecretError.self) {
            try SecretResolver(environment: [:], configDirectory: directory.path).webhookURL(webhook)
        }
    }

    @Test func aRelativeSecretFileIsTakenFromTheCredentialsDirectoryFirst() throws {
        let config = try TemporaryDirectory()
        let credentials = try TemporaryDirectory()
        try "next-to-config".write(toFile: config.file("smtp.pw"), atomically: true, encoding: .utf8)
        try "from-systemd\n".write(toFile: credentials.file("smtp.pw"), atomically: true, encoding: .utf8)
        let email = EmailSettings(
            url: "smtp://127.0.0.1:25", tls: .none, from: try #require(Mailbox(parsing: "a@example.gov.vn")),
            username: "a", password: .file("smtp.pw"), caFile: nil,
            timeout: ConfigDuration(amount: 30, unit: .seconds))

        let systemd = SecretResolver(
            environment: ["CREDENTIALS_DIRECTORY": credentials.path], configDirectory: config.path)
        #expect(try systemd.smtpPassword(email) == "from-systemd")
        #expect(
            try SecretResolver(environment: [:], configDirectory: config.path).smtpPassword(email) == "next-to-config")
    }

    @Test func aURLReadFromTheEnvironmentThatIsNotHTTPIsRefusedWithoutQuotingIt() throws {
        let webhook = Self.webhook(url: .secret(.environment("HOOK")))
        let resolver = SecretResolver(environment: ["HOOK": "token-abc123"], configDirectory: "/nonexistent")
        do {
            _ = try resolver.webhookURL(webhook)
            Issue.record("a non-http URL was accepted")
        } catch {
            #expect(error.message.contains("environment variable HOOK"))
            #expect(!error.message.contains("token-abc123"))
        }
    }

    /// `send-test` resolves through the same resolver as the daemon, so it refuses
    /// what the daemon refuses instead of calling a URL that isn't one.
    @Test func sendTestRefusesAWebhookURLTheDaemonWouldRefuse() throws {
        let yaml = TestConfig.yaml(tasks: "tasks: []").replacingOccurrences(
            of: "webhooks:\n", with: "webhooks:\n  - id: hook-env\n    url_env: NHACVIEC_HOOK_URL\n")
        let config = try TestConfig.load(yaml)
        let state = try TemporaryDirectory()
        let environment = ["NHACVIEC_HOOK_URL": "not-a-url"]
        let delivery = try DeliveryService(
            config: config, stateDirectory: state.path, mode: .dryRun, environment: environment)
        let sender = TestMessageSender(config: config, delivery: delivery, environment: environment)
        #expect(throws: TestMessageSender.TargetError.self) {
            try sender.send(to: "hook-env", now: Date(timeIntervalSince1970: 1_712_129_400))
        }
    }
}
