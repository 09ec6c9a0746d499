import CCurl

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Process-wide libcurl set-up, done exactly once before the first handle exists.
///
/// `static let` initialisers run once and thread-safely (swift_once), which is what
/// `curl_global_init` needs: it is not thread-safe itself. SIGPIPE is ignored here
/// too because handles set `CURLOPT_NOSIGNAL`, and then libcurl no longer shields
/// the process from SIGPIPE on a peer that closed its socket.
enum CurlGlobal {
    private static let initResult: CURLcode = {
        signal(SIGPIPE, SIG_IGN)
        return curl_global_init(Int(CURL_GLOBAL_DEFAULT))
    }()

    /// Initialises libcurl on first use; throws if that failed.
    static func ensure() throws(CurlError) {
        if initResult != CURLE_OK {
            throw CurlError(code: initResult, detail: "curl_global_init failed")
        }
    }
}
