import ArgumentParser
import Foundation
import NhacViec

struct SendTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send-test",
        abstract: "Send a clearly marked test message to a unit, group, webhook or email address."
    )

    @OptionGroup var config: ConfigOption
    @OptionGroup var state: StateOption
    @Argument(help: "A unit id, group id, webhook id or email address.") var target: String

    func run() throws {
        let loaded = try config.load()
        let environment = ProcessInfo.processInfo.environment
        let delivery: DeliveryService
        do {
            delivery = try DeliveryService(
                config: loaded, stateDirectory: state.resolvedPath, mode: .live, environment: environment)
        } catch {
            printError(error.description)
            throw ExitCode(ExitStatus.configError.rawValue)
        }
        let sender = TestMessageSender(config: loaded, delivery: delivery, environment: environment)
        let attempts: [TestMessageSender.Attempt]
        do {
            attempts = try sender.send(to: target, now: Date())
        } catch {
            printError("nhacviec: \(error)")
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        var failed = false
        for attempt in attempts {
            switch attempt.outcome {
            case .delivered(let receipt):
                print("\(attempt.channel): ok: \(receipt.replyCode) \(receipt.replyText)")
                for refused in receipt.rejectedRecipients {
                    print("\(attempt.channel): refused \(refused.address): \(refused.replyCode) \(refused.replyText)")
                    failed = true
                }
            case .failed(let failure):
                printError("\(attempt.channel): failed: \(failure)")
                failed = true
            }
        }
        if failed { throw ExitCode(ExitStatus.unavailable.rawValue) }
    }
}
