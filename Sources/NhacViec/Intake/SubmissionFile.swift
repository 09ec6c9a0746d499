import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a report file from an open descriptor: its type and size are checked on
/// the descriptor (`fstat`) before a byte is read, so neither a huge file nor a
/// FIFO or device is ever loaded, and what is checked is what is read.
enum SubmissionFile {
    /// `nhacviec submit FILE`: the file the admin named (a symbolic link given on the
    /// command line is followed, as any command would).
    static func read(path: String, messages: SubmissionMessages) throws(SubmissionError) -> Data {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            let reason =
                code == ENOENT
                ? messages.noSuchFile : code == EACCES ? messages.permissionDenied : messages.cannotBeRead
            throw SubmissionError(code: .unreadable, file: path, message: reason)
        }
        defer { close(fd) }
        return try read(
            descriptor: fd, fileName: URL(fileURLWithPath: path).lastPathComponent, issueFile: path, messages: messages)
    }

    /// Reads a regular file whose size is within the limit for its type.
    static func read(descriptor fd: Int32, fileName: String, issueFile: String, messages: SubmissionMessages)
        throws(SubmissionError) -> Data
    {
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw SubmissionError(code: .unreadable, file: issueFile, message: messages.cannotBeRead)
        }
        let type = info.st_mode & S_IFMT
        guard type == S_IFREG else {
            let what = type == S_IFDIR ? messages.isDirectory : messages.notRegularFile
            throw SubmissionError(
                code: type == S_IFDIR ? .unreadable : .unsupportedType, file: issueFile, message: what)
        }
        try SubmissionParser.checkFormat(fileName, issueFile: issueFile, messages: messages)
        let size = Int(info.st_size)
        try SubmissionParser.checkSize(size, fileName: issueFile, messages: messages)
        // One byte more than announced: a file that grew since fstat is still caught.
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var total = 0
        while total < bytes.count {
            let count = bytes[total...].withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else {
                throw SubmissionError(code: .unreadable, file: issueFile, message: messages.cannotBeRead)
            }
            if count == 0 { break }
            total += count
        }
        try SubmissionParser.checkSize(total, fileName: issueFile, messages: messages)
        return Data(bytes[..<total])
    }
}
