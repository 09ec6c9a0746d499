import Foundation

/// Gives the heap's free pages back to the system once a burst is over.
///
/// A morning burst allocates a few MiB per SMTP session thread and on the main
/// thread (messages, their rendered bytes, TLS state). glibc keeps freed memory in
/// its arenas, so an idle daemon would go on holding the burst's peak as private
/// memory all day (issue 15: RssAnon under 8 MiB when idle). `malloc_trim(0)`
/// returns the free pages of every arena. It is looked up at run time because
/// Swift's Glibc module does not import `<malloc.h>`; without glibc it does nothing.
enum HeapTrim {
    private typealias Trim = @convention(c) (Int) -> Int32

    private static let trim: Trim? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: Trim.self)
    }()

    /// Returns freed heap memory to the system; cheap when there is little to return.
    static func releaseFreedMemory() {
        _ = trim?(0)
    }
}
