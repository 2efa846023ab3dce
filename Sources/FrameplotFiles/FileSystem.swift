#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What a path names, for checks before writing.
///
/// ```swift
/// FileKind.at("Output") == .folder
/// FileKind.at("/dev/null") == .characterDevice
/// ```
public enum FileKind: Equatable, Sendable {
    case regular, folder, symbolicLink, characterDevice, blockDevice, fifo, socket, unknown

    /// What `path` names, following symbolic links (``PathEncoding`` paths); nil when nothing.
    public static func at(_ path: String) -> FileKind? {
        FileSystem.status(path).map(FileSystem.kind(of:))
    }

    /// What `path` itself is, without following a symbolic link; nil when nothing.
    public static func ofLink(_ path: String) -> FileKind? {
        FileSystem.linkStatus(path).map(FileSystem.kind(of:))
    }

    /// Why a file cannot be created in `folder` now (`access(W_OK)`), or nil when it can.
    public static func writeBlocker(inFolder folder: String) -> FileWriteError.Reason? {
        PathEncoding.withFileSystemPath(folder) { access($0, W_OK) } == 0 ? nil : FileWriteError.reason(errno: errno, folder: folder)
    }

    /// "a folder", "a character device", … for messages.
    public var phrase: String {
        switch self {
        case .regular: return "a regular file"
        case .folder: return "a folder"
        case .symbolicLink: return "a symbolic link"
        case .characterDevice: return "a character device"
        case .blockDevice: return "a block device"
        case .fifo: return "a named pipe (FIFO)"
        case .socket: return "a socket"
        case .unknown: return "a special file"
        }
    }
}

/// Thin wrappers over the C library's path calls, taking paths in ``PathEncoding``.
///
/// ```swift
/// if let info = FileSystem.linkStatus("Output/x.mp4"), FileSystem.kind(of: info) == .symbolicLink { … }
/// ```
enum FileSystem {
    typealias Kind = FileKind

    static func kind(of info: stat) -> Kind {
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .folder
        case S_IFLNK: return .symbolicLink
        case S_IFCHR: return .characterDevice
        case S_IFBLK: return .blockDevice
        case S_IFIFO: return .fifo
        case S_IFSOCK: return .socket
        default: return .unknown
        }
    }

    /// `lstat`, or nil with `errno` set.
    static func linkStatus(_ path: String) -> stat? {
        var info = stat()
        return PathEncoding.withFileSystemPath(path) { lstat($0, &info) } == 0 ? info : nil
    }

    /// `stat` (follows links), or nil with `errno` set.
    static func status(_ path: String) -> stat? {
        var info = stat()
        return PathEncoding.withFileSystemPath(path) { stat($0, &info) } == 0 ? info : nil
    }

    /// `open` with close-on-exec always set (no descriptor may leak into ffmpeg), retrying EINTR.
    static func open(_ path: String, _ flags: Int32, mode: mode_t = 0) -> Int32 {
        PathEncoding.withFileSystemPath(path) { cPath in
            while true {
                let fd = cOpen(cPath, flags | O_CLOEXEC, mode)
                if fd >= 0 || errno != EINTR { return fd }
            }
        }
    }

    static func unlink(_ path: String) -> Bool {
        PathEncoding.withFileSystemPath(path) { cUnlink($0) } == 0
    }

    static func rename(_ from: String, _ to: String) -> Bool {
        PathEncoding.withFileSystemPath(from) { a in PathEncoding.withFileSystemPath(to) { b in cRename(a, b) } } == 0
    }

    /// The target of a symbolic link, or nil with `errno` set.
    static func readLink(_ path: String) -> String? {
        var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = PathEncoding.withFileSystemPath(path) { cPath in
            buffer.withUnsafeMutableBufferPointer { readlink(cPath, UnsafeMutableRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), $0.count - 1) }
        }
        guard count >= 0 else { return nil }
        return PathEncoding.decode(buffer[0..<count])
    }

    /// Writes all of `buffer` to `fd`, retrying short writes and EINTR; returns 0 or an `errno`.
    static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Int32 {
        guard var pointer = buffer.baseAddress else { return 0 }
        var remaining = buffer.count
        while remaining > 0 {
            let n = cWrite(fd, pointer, remaining)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if n == 0 { return EIO }
            pointer += n
            remaining -= n
        }
        return 0
    }

    /// `fsync` retrying EINTR; returns 0 or an `errno`.
    static func sync(_ fd: Int32) -> Int32 {
        while fsync(fd) != 0 {
            if errno != EINTR { return errno }
        }
        return 0
    }

    /// Makes the entries of `folder` (renames, new and removed files) durable.
    static func syncFolder(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else { return }
        _ = sync(fd)
        close(fd)
    }

    /// The names in `folder` (without `.` and `..`), decoded with ``PathEncoding``, or nil with `errno` set.
    static func entries(of folder: String) -> [String]? {
        guard let dir = PathEncoding.withFileSystemPath(folder, { opendir($0) }) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { PathEncoding.decode(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Splits `path` into its folder ("." when there is none) and last component.
    static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = String(path[..<slash])
        let name = String(path[path.index(after: slash)...])
        return (folder.isEmpty ? "/" : folder, name)
    }

    /// `folder/name`, without doubling a slash.
    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// The process's file-creation mask, read without changing it where possible: `umask()`
    /// can only be read by setting it, which races with files other threads create.
    static let processUmask: mode_t = {
        let fd = open("/proc/self/status", O_RDONLY)
        if fd >= 0 {
            defer { close(fd) }
            var bytes: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n <= 0 { break }
                bytes += chunk[0..<n]
            }
            for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") where line.hasPrefix("Umask:") {
                let digits = line.dropFirst("Umask:".count).filter { !$0.isWhitespace }
                if let value = mode_t(digits, radix: 8) { return value }
            }
        }
        let mask = umask(0o022)
        umask(mask)
        return mask
    }()
}

// The C library's functions under names that the wrappers above do not shadow.
private func cOpen(_ path: UnsafePointer<CChar>, _ flags: Int32, _ mode: mode_t) -> Int32 { open(path, flags, mode) }
private func cUnlink(_ path: UnsafePointer<CChar>) -> Int32 { unlink(path) }
private func cRename(_ a: UnsafePointer<CChar>, _ b: UnsafePointer<CChar>) -> Int32 { rename(a, b) }
private func cWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int { write(fd, p, n) }
