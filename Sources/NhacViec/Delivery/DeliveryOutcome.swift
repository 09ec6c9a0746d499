/// The result of one delivery attempt of one message, for the daemon to record.
package enum DeliveryOutcome: Sendable, Equatable {
    case delivered(DeliveryReceipt)
    case failed(DeliveryFailure)

    package var receipt: DeliveryReceipt? {
        if case .delivered(let receipt) = self { return receipt }
        return nil
    }

    package var failure: DeliveryFailure? {
        if case .failed(let failure) = self { return failure }
        return nil
    }
}
