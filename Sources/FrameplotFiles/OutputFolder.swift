#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder that holds exactly one render, locked while it is written.
///
/// The lock is an exclusive `flock` on the folder itself (or, where the file system cannot
/// lock folders, on a `.frameplot.lock` file in it): it dies with its process, so a killed
/// render never leaves a stale lock, and it leaves no file behind. A second render into a
/// locked folder stops within a quarter of a second with ``FileWriteError/Reason/folderBusy``.
///
/// ```swift
/// let folder = try OutputFolder(locking: "Output/gd-locus")
/// for name in folder.entries() where name.hasPrefix("frame_") { … }
/// ```
public final class OutputFolder {
    /// The folder's path as given.
    public let path: String
    private var lockFD: Int32

    /// Creates `path` (and missing parents) and locks it.
    ///
    /// - Throws: ``FileWriteError`` (`isFolder` set) when the folder cannot be created, is a
    ///   file, or is locked by another render.
    public init(locking path: String) throws {
        try OutputFolder.create(path)
        self.path = path
        var fd = FileSystem.open(path, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else { throw FileWriteError(path: path, errno: errno, folder: path, isFolder: true) }
        let code = Self.lockExclusively(fd)
        if code != 0 {
            if code == EWOULDBLOCK { close(fd); throw FileWriteError(path: path, reason: .folderBusy, isFolder: true) }
            // Some network file systems cannot lock a folder: lock a file in it instead.
            close(fd)
            fd = FileSystem.open(FileSystem.join(path, ".frameplot.lock"), O_RDWR | O_CREAT, mode: 0o666)
            guard fd >= 0 else { throw FileWriteError(path: path, errno: errno, folder: path, isFolder: true) }
            let lockError = Self.lockExclusively(fd)
            if lockError != 0 {
                close(fd)
                throw FileWriteError(path: path, reason: lockError == EWOULDBLOCK ? .folderBusy
                                     : FileWriteError.reason(errno: lockError, folder: path), isFolder: true)
            }
        }
        lockFD = fd
    }

    deinit { unlock() }

    /// Takes the exclusive `flock` of `fd`, trying again for a moment while it is held; returns
    /// 0 or the `errno`. A program that another thread of this process is starting holds a copy
    /// of every descriptor until it executes (close-on-exec closes them only then), so a lock
    /// this process has just released can look held for a few milliseconds; a render in another
    /// process holds it far longer.
    private static func lockExclusively(_ fd: Int32) -> Int32 {
        for attempt in 1...25 {
            if flock(fd, LOCK_EX | LOCK_NB) == 0 { return 0 }
            let code = errno
            guard code == EWOULDBLOCK || code == EINTR else { return code }
            if attempt < 25 { usleep(10_000) }
        }
        return EWOULDBLOCK
    }

    /// Releases the lock (also on deinit).
    public func unlock() {
        if lockFD >= 0 { close(lockFD); lockFD = -1 }
    }

    /// The names in the folder (empty when it cannot be read).
    public func entries() -> [String] {
        FileSystem.entries(of: path) ?? []
    }

    /// The path of `name` in this folder.
    public func file(_ name: String) -> String {
        FileSystem.join(path, name)
    }

    /// The bytes of the regular file `name` (symbolic links are not followed), or nil.
    public func contents(of name: String) -> [UInt8]? {
        let fd = FileSystem.open(file(name), O_RDONLY | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, FileSystem.kind(of: info) == .regular else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var filled = 0
        while filled < bytes.count {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            filled += n
        }
        return filled == bytes.count ? bytes : nil
    }

    /// The size of the regular file `name`, or nil when it is missing or not a regular file.
    public func size(of name: String) -> Int? {
        guard let info = FileSystem.linkStatus(file(name)), FileSystem.kind(of: info) == .regular else { return nil }
        return Int(info.st_size)
    }

    /// Whether `name` is a symbolic link.
    public func isSymbolicLink(_ name: String) -> Bool {
        FileSystem.linkStatus(file(name)).map { FileSystem.kind(of: $0) == .symbolicLink } ?? false
    }

    /// Removes `name` (a file or a link, never a folder).
    ///
    /// - Throws: ``FileWriteError`` when it exists and cannot be removed.
    public func remove(_ name: String) throws {
        if !FileSystem.unlink(file(name)) && errno != ENOENT {
            throw FileWriteError(path: file(name), errno: errno, folder: path)
        }
    }

    /// Flushes the named files and then the folder itself, so that a later record of them
    /// (a manifest) never outlives them on a power cut. Files that are gone are skipped.
    public func sync(_ names: [String]) {
        Self.sync(names, in: path)
    }

    /// Flushes the files `names` in the folder at `path` (several at once), then the folder
    /// (see ``sync(_:)``).
    public static func sync(_ names: [String], in path: String) {
        FileSystem.syncFiles(names.map { FileSystem.join(path, $0) })
        FileSystem.syncFolder(path)
    }

    /// Creates the folder `path` and its missing parents (like `mkdir -p`).
    ///
    /// - Throws: ``FileWriteError`` (`isFolder` set) naming why: a file in the way, no
    ///   permission, a read-only file system, a full disk.
    public static func create(_ path: String) throws {
        try create(path, requested: path)
    }

    private static func create(_ path: String, requested: String) throws {
        guard !path.isEmpty else { throw FileWriteError(path: requested, reason: .notAFileName, isFolder: true) }
        if let info = FileSystem.status(path) {
            guard FileSystem.kind(of: info) == .folder else {
                throw FileWriteError(path: requested, reason: .notAFolder(path), isFolder: true)
            }
            return
        }
        var trimmed = path
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        let parent = FileSystem.split(trimmed).folder
        if parent != trimmed && parent != "." && parent != "/" { try create(parent, requested: requested) }
        let made = PathEncoding.withFileSystemPath(trimmed) { mkdir($0, 0o777) } == 0
        if !made {
            let code = errno
            if code == EEXIST, let info = FileSystem.status(trimmed), FileSystem.kind(of: info) == .folder { return }
            let reason: FileWriteError.Reason = code == EEXIST ? .notAFolder(trimmed)
                : FileWriteError.reason(errno: code, folder: parent)
            throw FileWriteError(path: requested, reason: reason, isFolder: true)
        }
    }
}
