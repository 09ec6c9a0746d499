import Foundation
import Logging

/// Which messages the report mailbox refused silently an outgoing digest lists
/// (DESIGN §12: "the Office is told", in its next digest): only an e-mail digest to
/// the Office unit, at most ``perDigest`` of them (a flood of spam waits for later
/// digests rather than making one enormous e-mail). Each is listed by one digest key,
/// so a retry or a resend after a crash lists the same ones and nothing twice.
struct RejectedMailLister {
    static let perDigest = 100

    let config: Config
    let store: StateStore
    let logger: Logger

    func rejections(for digest: Digest) -> [IntakeRejection] {
        guard digest.channel == .email, digest.recipient == .unit(config.organization.office) else { return [] }
        do {
            return try store.claimIntakeRejections(for: digest.key, limit: Self.perDigest)
        } catch {
            // The reminder matters more: it goes without the list, which waits for the next digest.
            logger.error(
                "cannot read the refused intake messages; the digest goes without them",
                metadata: ["delivery.key": "\(digest.key)", "error": "\(error)"])
            return []
        }
    }
}
