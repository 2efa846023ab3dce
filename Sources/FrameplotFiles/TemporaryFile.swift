#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The temporary files that an output is written into before it is renamed into place:
/// their names, and the removal of ones that a killed process left behind.
///
/// A temporary file for `name` is called `.name.tmp-XXXXXX` (plus an optional suffix), in the
/// folder of the final file. Its writer holds an exclusive `flock` on it from creation until
/// the rename, so a file of that pattern that nobody has locked was abandoned (the lock dies
/// with its process, even on `kill -9`) and can be removed, while the file of a concurrent
/// writer is left alone. A writer checks, once locked, that its name still refers to its file,
/// so a sweep that removed it between creation and locking only makes it try another name.
///
/// ```swift
/// TemporaryFile.removeAbandoned(of: "Output/run.mp4")   // removes .run.mp4.tmp-Ab12Cd left by a kill -9
/// ```
public enum TemporaryFile {
    /// The file-name prefix of temporary files for `name`: `.name.tmp-`. Very long names are
    /// shortened so that the temporary name stays within the 255-byte limit of file names.
    public static func prefix(for name: String) -> String {
        var kept = String.UnicodeScalarView()
        var bytes = 0
        for scalar in name.unicodeScalars {
            let size = PathEncoding.fileSystemBytes(String(scalar)).count
            if bytes + size > 200 { break }
            kept.append(scalar)
            bytes += size
        }
        return "." + String(kept) + ".tmp-"
    }

    /// Whether `entry` (a name in a folder) is one of our temporary files for `name`.
    public static func isTemporary(_ entry: String, for name: String) -> Bool {
        let prefix = prefix(for: name)
        return entry.hasPrefix(prefix) && entry.utf8.count >= prefix.utf8.count + randomLength
    }

    /// Removes the abandoned temporary files of the output `path` (and of `path` with each of
    /// `companions` appended, e.g. `.palette`); returns how many it removed.
    @discardableResult
    public static func removeAbandoned(of path: String, companions: [String] = []) -> Int {
        let (folder, name) = FileSystem.split(path)
        let names = [name] + companions.map { name + $0 }
        return removeAbandoned(in: folder) { entry in names.contains { isTemporary(entry, for: $0) } }
    }

    /// Removes the files in `folder` for which `matches` is true and that no live writer holds.
    @discardableResult
    public static func removeAbandoned(in folder: String, where matches: (String) -> Bool) -> Int {
        guard let entries = FileSystem.entries(of: folder) else { return 0 }
        var removed = 0
        for entry in entries where matches(entry) {
            if removeIfAbandoned(FileSystem.join(folder, entry)) { removed += 1 }
        }
        return removed
    }

    /// Removes `path` if it is a regular file that no process holds a `flock` on and, when
    /// `ownerPID` is given (names that carry their writer's process id), that process is gone.
    @discardableResult
    public static func removeIfAbandoned(_ path: String, ownerPID: Int32? = nil) -> Bool {
        if let pid = ownerPID, pid == getpid() || kill(pid, 0) == 0 || errno == EPERM { return false }
        let fd = FileSystem.open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, FileSystem.kind(of: info) == .regular else { return false }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { return false }
        // Still the same file under that name (not renamed away and replaced meanwhile)?
        guard let now = FileSystem.linkStatus(path), now.st_ino == info.st_ino, now.st_dev == info.st_dev else {
            return false
        }
        return FileSystem.unlink(path)
    }

    static let randomLength = 6

    /// Six random letters and digits (not part of any output, so not seeded).
    static func randomTag() -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<randomLength).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }

    /// Creates, registers and locks a new temporary file for `name` in `folder`; returns its
    /// path and an open, writable descriptor. `errorPath` names the output in errors.
    static func create(in folder: String, for name: String, suffix: String, errorPath: String) throws -> (path: String, fd: Int32) {
        for _ in 0..<100 {
            let path = FileSystem.join(folder, prefix(for: name) + randomTag() + suffix)
            guard ProcessCleanup.shared.register(temporaryFile: path) else {
                throw FileWriteError(path: errorPath, reason: .shuttingDown)
            }
            let fd = FileSystem.open(path, O_WRONLY | O_CREAT | O_EXCL, mode: 0o600)
            guard fd >= 0 else {
                let code = errno
                ProcessCleanup.shared.unregister(temporaryFile: path)
                if code == EEXIST { continue }
                throw FileWriteError(path: errorPath, errno: code, folder: folder)
            }
            while flock(fd, LOCK_EX) != 0 && errno == EINTR {}
            var mine = stat()
            if fstat(fd, &mine) == 0, let named = FileSystem.linkStatus(path),
               named.st_ino == mine.st_ino, named.st_dev == mine.st_dev {
                return (path, fd)
            }
            // A sweep removed the file before we locked it: try another name.
            close(fd)
            ProcessCleanup.shared.unregister(temporaryFile: path)
        }
        throw FileWriteError(path: errorPath, reason: .other("cannot find a free temporary file name"))
    }
}

/// A temporary file next to an output for intermediate data (a GIF's palette): locked and
/// registered like every temporary file, and removed by ``remove()`` or on deinit.
///
/// Named `.output.purpose.tmp-XXXXXX` plus `suffix`, so that
/// `TemporaryFile.removeAbandoned(of: output, companions: [".purpose"])` finds it after a kill.
///
/// ```swift
/// let palette = try ScratchFile(nextTo: "Output/run.gif", purpose: "palette", suffix: ".png")
/// // … let ffmpeg write palette.path …
/// palette.remove()
/// ```
public final class ScratchFile {
    /// Where to write.
    public let path: String
    private var fd: Int32

    public init(nextTo output: String, purpose: String, suffix: String = "") throws {
        let (folder, name) = FileSystem.split(output)
        (path, fd) = try TemporaryFile.create(in: folder, for: name + "." + purpose, suffix: suffix, errorPath: output)
    }

    deinit { remove() }

    /// Removes the file (safe to call twice).
    public func remove() {
        guard fd >= 0 else { return }
        _ = FileSystem.unlink(path)
        ProcessCleanup.shared.unregister(temporaryFile: path)
        close(fd)
        fd = -1
    }
}
