import CCurl
import CurlShim

/// Owns a libcurl multi handle and the easy handles it is driving.
///
/// The multi handle keeps the connection cache, so easy handles can come and go
/// while connections to the same host are reused. Not `Sendable`: every call but
/// ``wakeup()`` must come from the one thread that drives it (``CurlMultiWorker``).
final class CurlMulti {
    private let handle: UnsafeMutableRawPointer
    private var transfers: [UnsafeMutableRawPointer: CurlEasy] = [:]

    /// - Parameter maxHostConnections: `CURLMOPT_MAX_HOST_CONNECTIONS` (0: no cap);
    ///   transfers beyond it wait for a free connection instead of opening another.
    init(maxHostConnections: Int) throws(CurlError) {
        try CurlGlobal.ensure()
        guard let handle = curl_multi_init() else {
            throw CurlError(code: CURLE_FAILED_INIT, detail: "curl_multi_init returned NULL")
        }
        self.handle = handle
        var code = nv_multi_setopt_long(handle, CURLMOPT_MAX_HOST_CONNECTIONS, max(0, maxHostConnections))
        // Idle connections (kept-alive webhook hosts)
        // stay cached for reuse; curl's default cache shrinks with the handles in use.
        if code == CURLM_OK { code = nv_multi_setopt_long(handle, CURLMOPT_MAXCONNECTS, Self.cachedConnections) }
        if code != CURLM_OK {
            curl_multi_cleanup(handle)
            throw CurlError(code: CURLE_FAILED_INIT, detail: String(cString: curl_multi_strerror(code)))
        }
    }

    deinit {
        for easy in transfers.keys { curl_multi_remove_handle(handle, easy) }
        transfers.removeAll()
        curl_multi_cleanup(handle)
    }

    /// Kept-alive connections to webhook hosts (8 per host).
    static let cachedConnections = 96

    var isEmpty: Bool { transfers.isEmpty }

    /// Starts driving `easy`; this object keeps it alive until it completes.
    func add(_ easy: CurlEasy) throws(CurlError) {
        easy.prepareTransfer()
        let code = curl_multi_add_handle(handle, easy.handle)
        guard code == CURLM_OK else {
            throw CurlError(code: CURLE_FAILED_INIT, detail: String(cString: curl_multi_strerror(code)))
        }
        transfers[easy.handle] = easy
    }

    /// Does whatever I/O is ready without blocking; returns the transfers that
    /// finished, each with its error (nil = success).
    func perform() -> [(easy: CurlEasy, error: CurlError?)] {
        var running: Int32 = 0
        _ = curl_multi_perform(handle, &running)
        var finished: [(easy: CurlEasy, error: CurlError?)] = []
        var queued: Int32 = 0
        while let message = curl_multi_info_read(handle, &queued) {
            guard message.pointee.msg == CURLMSG_DONE, let easyHandle = message.pointee.easy_handle else { continue }
            let result = nv_multi_message_result(message)
            curl_multi_remove_handle(handle, easyHandle)
            if let easy = transfers.removeValue(forKey: easyHandle) {
                finished.append((easy, result == CURLE_OK ? nil : easy.error(for: result)))
            }
        }
        return finished
    }

    /// Blocks until there is I/O to do, `timeoutMilliseconds` pass, or ``wakeup()``.
    func poll(timeoutMilliseconds: Int32) {
        _ = curl_multi_poll(handle, nil, 0, timeoutMilliseconds, nil)
    }

    /// Interrupts ``poll(timeoutMilliseconds:)``; the one call safe from any thread.
    func wakeup() {
        _ = curl_multi_wakeup(handle)
    }
}
