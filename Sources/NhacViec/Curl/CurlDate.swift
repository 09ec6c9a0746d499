import CCurl
import Foundation

/// HTTP date parsing through libcurl's `curl_getdate`, which accepts every form
/// RFC 9110 allows (IMF-fixdate, RFC 850, asctime).
enum CurlDate {
    static func parse(_ text: String) -> Date? {
        let seconds = curl_getdate(text, nil)
        guard seconds >= 0 else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
