import CCurl
import CurlShim

/// Lets a blocking transfer on the calling thread be ended from outside: libcurl's
/// progress callback (`CURLOPT_XFERINFOFUNCTION`, called at least once a second, also
/// while connecting or waiting on a silent server) asks `shouldAbort`, and a true
/// answer ends the transfer with `CURLE_ABORTED_BY_CALLBACK`.
///
/// The easy handle points at this object (`CURLOPT_XFERINFODATA`) without retaining
/// it: its owner keeps it as long as the handle.
final class CurlIMAPAbortCheck {
    let shouldAbort: @Sendable () -> Bool

    init(_ shouldAbort: @escaping @Sendable () -> Bool) {
        self.shouldAbort = shouldAbort
    }

    func install(on easy: CurlEasy) throws(CurlError) {
        // Passed through the pointer setter: a C function pointer and a data pointer have the
        // same representation on every platform libcurl and Swift share here, and a new typed
        // setter in curl_shim.h would make <curl/curl.h> owned by the shim's Clang module.
        let function = unsafeBitCast(Self.callback, to: UnsafeMutableRawPointer.self)
        try easy.check(nv_easy_setopt_pointer(easy.handle, CURLOPT_XFERINFOFUNCTION, function))
        try easy.check(
            nv_easy_setopt_pointer(easy.handle, CURLOPT_XFERINFODATA, Unmanaged.passUnretained(self).toOpaque()))
        try easy.set(CURLOPT_NOPROGRESS, 0)
    }

    static let callback: curl_xferinfo_callback = { context, _, _, _, _ in
        guard let context else { return 0 }
        return Unmanaged<CurlIMAPAbortCheck>.fromOpaque(context).takeUnretainedValue().shouldAbort() ? 1 : 0
    }
}
