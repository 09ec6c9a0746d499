import CCurl

/// The bytes libcurl reads for an upload (an SMTP message), and how far it got.
///
/// A class because libcurl holds an unretained pointer to it between calls;
/// ``CurlEasy`` keeps it alive until the next upload replaces it.
final class CurlUploadSource {
    let bytes: [UInt8]
    private(set) var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Copies up to `capacity` bytes into `buffer`; returns how many (0 = end of upload).
    func read(into buffer: UnsafeMutableRawPointer, capacity: Int) -> Int {
        let count = min(capacity, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            if let base = source.baseAddress {
                buffer.copyMemory(from: base + offset, byteCount: count)
            }
        }
        offset += count
        return count
    }

    /// A C read callback: `userdata` is an unretained `CurlUploadSource`.
    static let callback: curl_read_callback = { buffer, size, count, userdata in
        guard let buffer, let userdata else { return Int(CURL_READFUNC_ABORT) }
        let source = Unmanaged<CurlUploadSource>.fromOpaque(userdata).takeUnretainedValue()
        return source.read(into: UnsafeMutableRawPointer(buffer), capacity: size * count)
    }
}
