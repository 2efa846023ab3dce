import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so that a reader never sees a half-written one.
///
/// The bytes go to a temporary file in the destination's folder, which is then renamed over
/// the destination (atomic on POSIX file systems). If anything fails, the temporary file is
/// removed and an existing destination is left untouched.
///
/// ```swift
/// try AtomicFile.write(pngBytes, to: "Output/figure.png")
/// ```
public enum AtomicFile {
    /// Writes `bytes` to `path` atomically; `sync: true` also flushes the data to disk before the rename.
    ///
    /// - Throws: ``CanvasError/missingFolder(path:folder:)``, ``CanvasError/unwritableFolder(path:folder:reason:)``
    ///   or ``CanvasError/writeFailed(path:reason:)``.
    public static func write(_ bytes: [UInt8], to path: String, sync: Bool = false) throws {
        try bytes.withUnsafeBytes { try write(UnsafeRawBufferPointer($0), to: path, sync: sync) }
    }

    /// Writes the bytes of `buffer` to `path` atomically (see ``write(_:to:sync:)-(([UInt8],_,_)``).
    public static func write(_ buffer: UnsafeRawBufferPointer, to path: String, sync: Bool = false) throws {
        guard !path.isEmpty else { throw CanvasError.writeFailed(path: path, reason: "the path is empty") }
        let (folder, name) = split(path)
        guard !name.isEmpty, name != ".", name != ".." else {
            throw CanvasError.writeFailed(path: path, reason: "the path does not name a file")
        }
        var info = stat()
        guard stat(folder, &info) == 0 else { throw CanvasError.missingFolder(path: path, folder: folder) }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw CanvasError.notAFolder(path: path, folder: folder) }

        // A unique temporary name in the same folder (so the rename stays on one file system).
        let prefix = folder == "." && !path.hasPrefix("./") ? "" : (folder.hasSuffix("/") ? folder : folder + "/")
        var template = Array((prefix + "." + name + ".tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            let reason = errnoDescription()
            throw CanvasError.unwritableFolder(path: path, folder: folder, reason: reason)
        }
        let tempPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var closed = false
        var renamed = false
        defer {
            if !closed { close(fd) }
            if !renamed { unlink(tempPath) }
        }

        var offset = 0
        while offset < buffer.count {
            let n = systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw CanvasError.writeFailed(path: path, reason: errnoDescription())
            }
            offset += n
        }
        // mkstemp creates 0600; give the file the usual permissions (0666 minus umask).
        fchmod(fd, 0o666 & ~processUmask)
        if sync, fsync(fd) != 0 {
            throw CanvasError.writeFailed(path: path, reason: errnoDescription())
        }
        closed = true
        if close(fd) != 0 {
            throw CanvasError.writeFailed(path: path, reason: errnoDescription())
        }
        if rename(tempPath, path) != 0 {
            throw CanvasError.writeFailed(path: path, reason: errnoDescription())
        }
        renamed = true
        if sync {
            // Make the rename itself durable.
            let folderFD = open(folder, O_RDONLY | O_DIRECTORY)
            if folderFD >= 0 {
                fsync(folderFD)
                close(folderFD)
            }
        }
    }

    /// The process's file-creation mask, read once without changing it where possible:
    /// `umask()` can only be read by setting it, which races with files other threads create.
    static let processUmask: mode_t = {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
           let value = mode_t(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8) {
            return value
        }
        let mask = umask(0o022)
        umask(mask)
        return mask
    }()

    /// Splits `path` into its folder ("." when there is none) and file name.
    static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = String(path[..<slash])
        let name = String(path[path.index(after: slash)...])
        return (folder.isEmpty ? "/" : folder, name)
    }

    static func errnoDescription() -> String {
        String(cString: strerror(errno))
    }
}

/// The C library's `write`, reachable from inside ``AtomicFile`` whose own `write` shadows it.
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, bytes, count)
}
