/// Messages whose intents are recorded, each with the digest it carries. An e-mail is
/// composed when its turn to be sent comes (``DeliveryBatch`` keeps a window of them
/// out), not all before the first goes: a morning burst then never holds hundreds of
/// rendered digests at once, whose pieces, freed between the few that live on, would
/// leave the idle daemon's heap holding the burst's peak (issue 15).
struct OutgoingMessages {
    var emails: [(Digest, DeliveryService.ComposeEmail)] = []
    var calls: [(Digest, WebhookRequest)] = []

    var isEmpty: Bool { emails.isEmpty && calls.isEmpty }

    /// Most urgent first (the first item of a digest is its most urgent), keeping
    /// the given order among equals: the worker starts messages in this order, so
    /// a large burst delivers escalations before early reminders.
    func mostUrgentFirst() -> OutgoingMessages {
        OutgoingMessages(emails: Self.ordered(emails), calls: Self.ordered(calls))
    }

    private static func ordered<Message>(_ list: [(Digest, Message)]) -> [(Digest, Message)] {
        list.enumerated().sorted { lhs, rhs in
            let (left, right) = (lhs.element.0.items.first?.step, rhs.element.0.items.first?.step)
            if let left, let right {
                if ScheduledStep.moreUrgent(left, right) { return true }
                if ScheduledStep.moreUrgent(right, left) { return false }
            }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
