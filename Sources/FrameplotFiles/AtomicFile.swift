#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces files so that a reader never sees a half-written one and nothing is ever lost:
/// the one way Frameplot writes every output (figures, frames, manifests, histories, videos).
///
/// The bytes go to a temporary file in the destination's folder, which is flushed (`fsync`),
/// renamed over the destination (atomic on POSIX file systems) and made durable by flushing
/// the folder. So:
/// - an existing file is replaced only by a complete new one, and kept on any failure;
/// - a symbolic link is followed: the file it points to is replaced and the link is kept;
/// - a destination that is not a regular file (a folder, a device such as `/dev/null`, a
///   FIFO, a socket) is refused with ``FileWriteError/Reason/notARegularFile(kind:)`` and left
///   as it was;
/// - of concurrent writers to one path, each renames its own complete file and the last
///   rename wins: a complete file always remains, and every writer that reports success wrote
///   a complete file;
/// - a permission or mode of an existing file is kept (new files get 0666 minus the umask);
/// - a hard-linked destination is replaced under this name only (the rename breaks the link).
///
/// Paths follow ``PathEncoding``, so names with bytes that are not UTF-8 are written exactly.
///
/// ```swift
/// try AtomicFile.write(pngBytes, to: "Output/figure.png")
/// try AtomicFile.write(frameBytes, to: "Output/run/frame_00007.png", sync: false)  // see `sync`
/// ```
public enum AtomicFile {
    /// Writes `bytes` to `path` atomically.
    ///
    /// `sync: false` skips both flushes: the file is complete for every reader but may be lost
    /// or damaged by a power cut. The frame renderer uses it and flushes frames in batches.
    ///
    /// - Throws: ``FileWriteError``.
    public static func write(_ bytes: [UInt8], to path: String, sync: Bool = true) throws {
        try bytes.withUnsafeBytes { try write($0, to: path, sync: sync) }
    }

    /// Writes `text` as UTF-8 to `path` atomically.
    public static func write(text: String, to path: String, sync: Bool = true) throws {
        try write(Array(text.utf8), to: path, sync: sync)
    }

    /// Writes the bytes of `buffer` to `path` atomically.
    public static func write(_ buffer: UnsafeRawBufferPointer, to path: String, sync: Bool = true) throws {
        let replacement = try Replacement(replacing: path)
        try replacement.write(buffer)
        try replacement.commit(sync: sync)
    }

    /// Where a write to `path` lands, after following symbolic links: its folder, its name,
    /// and the file now there (nil when there is none).
    ///
    /// - Throws: ``FileWriteError`` for an empty path, a missing folder, a link loop, or a
    ///   destination that is not a regular file.
    static func resolve(_ path: String) throws -> (folder: String, name: String, existing: stat?) {
        var current = path
        for _ in 0...40 {
            let (folder, name) = FileSystem.split(current)
            guard !name.isEmpty, name != ".", name != ".." else {
                throw FileWriteError(path: path, reason: .notAFileName)
            }
            if let info = FileSystem.linkStatus(current) {
                switch FileSystem.kind(of: info) {
                case .regular:
                    return (folder, name, info)
                case .symbolicLink:
                    guard let destination = FileSystem.readLink(current) else {
                        throw FileWriteError(path: path, errno: errno, folder: folder)
                    }
                    current = destination.hasPrefix("/") ? destination : FileSystem.join(folder, destination)
                    continue
                case let kind:
                    throw FileWriteError(path: path, reason: .notARegularFile(kind: kind.phrase))
                }
            }
            let code = errno
            guard code == ENOENT else { throw FileWriteError(path: path, errno: code, folder: folder) }
            // No file yet: its folder must exist.
            guard let folderInfo = FileSystem.status(folder) else {
                let folderError = errno
                throw FileWriteError(path: path, reason: folderError == ENOENT ? .missingFolder(folder)
                                     : FileWriteError.reason(errno: folderError, folder: folder))
            }
            guard FileSystem.kind(of: folderInfo) == .folder else {
                throw FileWriteError(path: path, reason: .notAFolder(folder))
            }
            return (folder, name, nil)
        }
        throw FileWriteError(path: path, reason: .symbolicLinkLoop)
    }

    /// Removes the temporary files that killed writers of `path` left (see ``TemporaryFile``).
    @discardableResult
    public static func removeAbandonedTemporaries(of path: String) -> Int {
        guard let target = try? resolve(path) else { return 0 }
        return TemporaryFile.removeAbandoned(of: FileSystem.join(target.folder, target.name))
    }

    /// One replacement in progress: a locked temporary file next to the destination that is
    /// filled (by ``write(_:)``, or by another program given ``temporaryPath``, such as
    /// ffmpeg), then renamed over the destination by ``commit(sync:)`` or removed by
    /// ``discard()`` (also on deinit).
    ///
    /// ```swift
    /// let video = try AtomicFile.Replacement(replacing: "Output/run.mp4")
    /// try runFFmpeg(writingTo: video.temporaryPath)
    /// try video.commit()
    /// ```
    public final class Replacement {
        /// The path as given (used in errors).
        public let path: String
        /// The file that will be replaced: `path` with symbolic links followed.
        public let destination: String
        /// The temporary file to fill.
        public let temporaryPath: String
        private let folder: String
        private let existing: stat?
        private var fd: Int32
        private var finished = false

        /// Creates the temporary file for `path`; `temporarySuffix` is appended to its name
        /// (for programs that choose a format from the extension).
        ///
        /// - Throws: ``FileWriteError`` (see ``AtomicFile/resolve(_:)``; also when the folder
        ///   is not writable).
        public init(replacing path: String, temporarySuffix: String = "") throws {
            let target = try AtomicFile.resolve(path)
            self.path = path
            self.folder = target.folder
            self.destination = FileSystem.join(target.folder, target.name)
            self.existing = target.existing
            (temporaryPath, fd) = try TemporaryFile.create(in: target.folder, for: target.name,
                                                           suffix: temporarySuffix, errorPath: path)
        }

        deinit { discard() }

        /// Appends `buffer` to the temporary file.
        public func write(_ buffer: UnsafeRawBufferPointer) throws {
            let code = FileSystem.writeAll(fd, buffer)
            if code != 0 { throw fail(code) }
        }

        /// Flushes the temporary file (when `sync`), gives it the destination's permissions,
        /// renames it over the destination and flushes the folder (when `sync`).
        public func commit(sync: Bool = true) throws {
            guard !finished else { throw FileWriteError(path: path, reason: .other("the replacement was already finished")) }
            if sync {
                let code = FileSystem.sync(fd)
                if code != 0 { throw fail(code) }
            }
            if let existing {
                fchmod(fd, existing.st_mode & 0o7777)
                if geteuid() == 0 { _ = fchown(fd, existing.st_uid, existing.st_gid) }
            } else {
                fchmod(fd, 0o666 & ~FileSystem.processUmask)
            }
            // The destination may have been replaced by a folder or device since we looked.
            if let now = FileSystem.linkStatus(destination), FileSystem.kind(of: now) != .regular {
                discard()
                throw FileWriteError(path: path, reason: .notARegularFile(kind: FileSystem.kind(of: now).phrase))
            }
            guard FileSystem.rename(temporaryPath, destination) else { throw fail(errno) }
            finished = true
            ProcessCleanup.shared.unregister(temporaryFile: temporaryPath)
            // Closing after the rename keeps the lock until the temporary name is gone.
            let closed = close(fd)
            let closeError = errno
            fd = -1
            if sync { FileSystem.syncFolder(folder) }
            if closed != 0 && closeError != EINTR { throw FileWriteError(path: path, errno: closeError, folder: folder) }
        }

        /// Removes the temporary file; the destination stays as it was. Safe to call twice.
        public func discard() {
            guard !finished else { return }
            finished = true
            _ = FileSystem.unlink(temporaryPath)
            ProcessCleanup.shared.unregister(temporaryFile: temporaryPath)
            if fd >= 0 { close(fd); fd = -1 }
        }

        /// Discards the temporary file and returns the error for `errno` `code`.
        private func fail(_ code: Int32) -> FileWriteError {
            discard()
            return FileWriteError(path: path, errno: code, folder: folder)
        }
    }
}
