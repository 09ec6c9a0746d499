import Foundation

/// Gives the heap's free pages back to the system once a burst is over.
///
/// A morning burst allocates a few MiB per SMTP session thread and on the main
/// thread (messages, their rendered bytes, TLS state). glibc keeps freed memory in
/// its arenas, so an idle daemon would go on holding the burst's peak as private
/// memory all day (issue 15: RssAnon under 8 MiB when idle). `malloc_trim(0)`
/// returns the free pages of every arena. `malloc_trim` and `mallopt` are looked up
/// at run time because Swift's Glibc module does not import `<malloc.h>`; without
/// glibc they do nothing.
enum HeapTrim {
    private typealias Trim = @convention(c) (Int) -> Int32
    private typealias Option = @convention(c) (Int32, Int32) -> Int32

    /// `M_ARENA_MAX` in glibc's `<malloc.h>`.
    private static let arenaMaximum: Int32 = -8
    /// `M_MMAP_THRESHOLD` in glibc's `<malloc.h>`.
    private static let mmapThreshold: Int32 = -3
    /// Blocks of this many bytes or more get pages of their own.
    static let largeBlock: Int32 = 64 * 1024

    private static let trim: Trim? = symbol("malloc_trim")
    private static let option: Option? = symbol("mallopt")

    private static func symbol<Function>(_ name: String) -> Function? {
        guard let address = dlsym(dlopen(nil, RTLD_NOW), name) else { return nil }
        return unsafeBitCast(address, to: Function.self)
    }

    /// Makes every thread allocate from the main heap. glibc gives each thread that
    /// allocates while another holds the heap's lock an arena of its own (up to 8 per
    /// core), and `malloc_trim` never releases the top of such an arena: after a
    /// burst of 8 SMTP sessions the idle daemon kept about 1 MiB in 11 arenas of
    /// a few bytes each. The daemon's threads mostly wait on the network, so one
    /// lock costs nothing measurable. Called by the daemon before its first thread.
    static func shareOneArena() {
        _ = option?(arenaMaximum, 1)
    }

    /// Fixes the size from which glibc maps a block on pages of its own (mmap), given
    /// back the moment it is freed, at `largeBlock`. glibc does so only when the heap's
    /// free space cannot hold the block, and its own threshold starts at 128 KiB but
    /// rises to the largest such block freed (up to 32 MiB), after which a burst's big
    /// arrays grow the heap instead. Measured after a 300-digest burst: about 0.3 MiB
    /// less private memory when idle.
    static func mapLargeBlocks() {
        _ = option?(mmapThreshold, largeBlock)
    }

    /// Returns freed heap memory to the system; cheap when there is little to return.
    static func releaseFreedMemory() {
        _ = trim?(0)
    }
}
