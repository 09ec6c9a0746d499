import CCurl
import CurlShim

/// Owns one libcurl easy handle and everything libcurl points into during a transfer.
///
/// libcurl copies strings but not slists, upload sources, sinks or the error
/// buffer, so this object keeps them until they are replaced or the handle is
/// freed in `deinit`. Not `Sendable`: an easy handle must never be used by two
/// threads at once; the transports confine each handle to one thread.
/// `perform()` blocks, so it must not run on the Swift cooperative pool.
final class CurlEasy {
    let handle: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private var slists: [UInt32: UnsafeMutablePointer<curl_slist>] = [:]
    private var upload: CurlUploadSource?
    private var sink: CurlResponseSink?
    private var transcript: CurlTranscript?

    init() throws(CurlError) {
        try CurlGlobal.ensure()
        guard let handle = curl_easy_init() else {
            throw CurlError(code: CURLE_FAILED_INIT, detail: "curl_easy_init returned NULL")
        }
        self.handle = handle
        errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        try check(nv_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer))
        // Signals for DNS timeouts are unsafe in a multi-threaded process.
        try set(CURLOPT_NOSIGNAL, 1)
    }

    deinit {
        curl_easy_cleanup(handle)
        for list in slists.values { curl_slist_free_all(list) }
        errorBuffer.deallocate()
    }

    /// The error buffer's current text.
    var errorText: String { String(cString: errorBuffer) }

    func check(_ code: CURLcode) throws(CurlError) {
        if code != CURLE_OK { throw error(for: code) }
    }

    /// A ``CurlError`` for `code` carrying this handle's error text and reply code.
    func error(for code: CURLcode) -> CurlError {
        CurlError(code: code, detail: errorText, responseCode: responseCode)
    }

    func set(_ option: CURLoption, _ value: Int) throws(CurlError) {
        try check(nv_easy_setopt_long(handle, option, value))
    }

    /// Sets a string option; libcurl copies it.
    func set(_ option: CURLoption, _ value: String) throws(CurlError) {
        try check(value.withCString { nv_easy_setopt_string(handle, option, $0) })
    }

    /// Resets a string or pointer option to libcurl's default (passes NULL).
    func clear(_ option: CURLoption) throws(CurlError) {
        try check(nv_easy_setopt_pointer(handle, option, nil))
    }

    /// Sets a string-list option, freeing the list it replaces. libcurl does not copy slists.
    func set(_ option: CURLoption, list: [String]) throws(CurlError) {
        var head: UnsafeMutablePointer<curl_slist>?
        for item in list {
            guard let next = curl_slist_append(head, item) else {
                if let head { curl_slist_free_all(head) }
                throw CurlError(code: CURLE_OUT_OF_MEMORY, detail: "curl_slist_append failed")
            }
            head = next
        }
        let code = nv_easy_setopt_slist(handle, option, head)
        guard code == CURLE_OK else {
            if let head { curl_slist_free_all(head) }
            throw error(for: code)
        }
        let old = slists.removeValue(forKey: option.rawValue)
        if let head { slists[option.rawValue] = head }
        if let old { curl_slist_free_all(old) }
    }

    /// Makes `bytes` the upload body (SMTP DATA) of the next transfer.
    func setUpload(_ bytes: [UInt8]) throws(CurlError) {
        let source = CurlUploadSource(bytes)
        try check(nv_easy_setopt_read_function(handle, CURLOPT_READFUNCTION, CurlUploadSource.callback))
        try check(nv_easy_setopt_pointer(handle, CURLOPT_READDATA, Unmanaged.passUnretained(source).toOpaque()))
        try check(nv_easy_setopt_off_t(handle, CURLOPT_INFILESIZE_LARGE, curl_off_t(bytes.count)))
        upload = source
    }

    /// Sends `bytes` as the POST body; libcurl copies them (`CURLOPT_COPYPOSTFIELDS`).
    func setPostBody(_ bytes: [UInt8]) throws(CurlError) {
        // The size must be set first, or COPYPOSTFIELDS stops at the first NUL.
        try check(nv_easy_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(bytes.count)))
        var copy = bytes
        copy.append(0)  // a valid pointer even for an empty body
        let code = copy.withUnsafeMutableBytes {
            nv_easy_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, $0.baseAddress)
        }
        try check(code)
    }

    /// Keeps up to `limit` bytes of the response body; read them with ``responseBody``.
    func captureResponse(limit: Int) throws(CurlError) {
        let sink = CurlResponseSink(limit: limit)
        try check(nv_easy_setopt_write_function(handle, CURLOPT_WRITEFUNCTION, CurlResponseSink.callback))
        try check(nv_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, Unmanaged.passUnretained(sink).toOpaque()))
        self.sink = sink
    }

    var responseBody: [UInt8] { sink?.bytes ?? [] }

    /// Records the protocol conversation (see ``CurlTranscript``) for later transfers.
    func recordTranscript() throws(CurlError) -> CurlTranscript {
        if let transcript { return transcript }
        let transcript = CurlTranscript()
        try check(nv_easy_setopt_debug_function(handle, CURLOPT_DEBUGFUNCTION, CurlTranscript.callback))
        try check(nv_easy_setopt_pointer(handle, CURLOPT_DEBUGDATA, Unmanaged.passUnretained(transcript).toOpaque()))
        try set(CURLOPT_VERBOSE, 1)  // the debug callback is only called in verbose mode
        self.transcript = transcript
        return transcript
    }

    /// Runs the transfer to completion on the calling thread.
    func perform() throws(CurlError) {
        prepareTransfer()
        try check(curl_easy_perform(handle))
    }

    /// Clears per-transfer state before a transfer starts (also used by ``CurlMulti``).
    func prepareTransfer() {
        errorBuffer[0] = 0
        sink?.reset()
        transcript?.reset()
    }

    func info(_ item: CURLINFO) -> Int {
        var value = 0
        _ = nv_easy_getinfo_long(handle, item, &value)
        return value
    }

    /// The HTTP status, or the last SMTP reply code; 0 if the server never replied.
    var responseCode: Int { info(CURLINFO_RESPONSE_CODE) }

    /// How many new connections the last transfer opened (0 = a cached one was reused).
    var newConnections: Int { info(CURLINFO_NUM_CONNECTS) }

    /// The last value of a response header of the last transfer (`curl_easy_header`).
    func responseHeader(_ name: String) -> String? {
        var header: UnsafeMutablePointer<curl_header>?
        let code = curl_easy_header(handle, name, 0, UInt32(CURLH_HEADER), -1, &header)
        guard code == CURLHE_OK, let value = header?.pointee.value else { return nil }
        return String(cString: value)
    }
}
