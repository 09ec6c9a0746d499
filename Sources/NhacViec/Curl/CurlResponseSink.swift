import CCurl

/// Collects the start of a response body, up to a limit, and discards the rest.
///
/// Webhook receivers answer with a short status text at most; the prefix is kept
/// for failure reasons. Bytes past the limit are accepted and dropped: returning
/// less than was offered would make libcurl fail the transfer.
final class CurlResponseSink {
    let limit: Int
    private(set) var bytes: [UInt8] = []

    init(limit: Int) {
        self.limit = limit
    }

    func reset() {
        bytes.removeAll(keepingCapacity: true)
    }

    func append(_ data: UnsafeRawBufferPointer) {
        let room = limit - bytes.count
        if room > 0 {
            bytes.append(contentsOf: data.prefix(room))
        }
    }

    /// A C write callback: `userdata` is an unretained `CurlResponseSink`.
    static let callback: curl_write_callback = { data, size, count, userdata in
        let length = size * count
        guard let userdata else { return 0 }
        if let data, length > 0 {
            let sink = Unmanaged<CurlResponseSink>.fromOpaque(userdata).takeUnretainedValue()
            sink.append(UnsafeRawBufferPointer(start: data, count: length))
        }
        return length
    }
}
