#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file or folder could not be written, worded for the person who chose the path.
///
/// Each cause that a person can act on has its own words: a full disk, a quota, a missing
/// permission, a read-only file system and a missing folder are never all "cannot write".
///
/// ```swift
/// do { try AtomicFile.write([1, 2, 3], to: "/mnt/full/data.bin") }
/// catch let error as FileWriteError { print(error) }
/// // cannot write "/mnt/full/data.bin": the disk is full (no space left on device)
/// ```
public struct FileWriteError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Hashable, Sendable {
        /// ENOSPC.
        case diskFull
        /// EDQUOT.
        case quotaExceeded
        /// EACCES or EPERM while creating or replacing a file in `folder`.
        case permissionDenied(folder: String)
        /// EROFS.
        case readOnlyFileSystem
        /// The folder that should hold the file does not exist.
        case missingFolder(String)
        /// A path component that should be a folder is a file.
        case notAFolder(String)
        /// The target exists and is a folder, device, FIFO or socket (`kind` says which):
        /// it is refused and left as it was.
        case notARegularFile(kind: String)
        /// Another render holds the lock of this output folder.
        case folderBusy
        /// The path is empty or names no file (`""`, `"dir/"`, `"."`).
        case notAFileName
        /// ENAMETOOLONG.
        case nameTooLong
        /// ELOOP: a symbolic link points (indirectly) to itself.
        case symbolicLinkLoop
        /// EIO.
        case inputOutput
        /// The process is exiting on a signal and creates no more files.
        case shuttingDown
        /// Any other cause, as the C library words it.
        case other(String)
    }

    /// The path as the caller gave it.
    public var path: String
    public var reason: Reason
    /// Whether `path` is the folder written into (a frame folder) rather than a file.
    public var isFolder: Bool

    public init(path: String, reason: Reason, isFolder: Bool = false) {
        self.path = path; self.reason = reason; self.isFolder = isFolder
    }

    /// The error for the C library's `errno` after an operation on `path` inside `folder`.
    public init(path: String, errno code: Int32, folder: String, isFolder: Bool = false) {
        self.init(path: path, reason: Self.reason(errno: code, folder: folder), isFolder: isFolder)
    }

    /// The reason for an `errno` value.
    public static func reason(errno code: Int32, folder: String) -> Reason {
        switch code {
        case ENOSPC: return .diskFull
        case EDQUOT: return .quotaExceeded
        case EACCES, EPERM: return .permissionDenied(folder: folder)
        case EROFS: return .readOnlyFileSystem
        case ENOENT:
            // The folder exists (/proc, a vanished mount): the file system refuses new files.
            guard FileKind.at(folder) == .folder else { return .missingFolder(folder) }
            return .other("its folder exists, but its file system does not allow creating files there (no such file or directory)")
        case ENOTDIR: return .notAFolder(folder)
        case EISDIR: return .notARegularFile(kind: "a folder")
        case ENAMETOOLONG: return .nameTooLong
        case ELOOP: return .symbolicLinkLoop
        case EIO: return .inputOutput
        default: return .other(String(cString: strerror(code)))
        }
    }

    public var description: String {
        let shown = "\"" + PathEncoding.display(path) + "\""
        let subject = isFolder ? "cannot write into the folder \(shown)" : "cannot write \(shown)"
        return subject + ": " + reason.explanation
    }
}

extension FileWriteError.Reason {
    /// The reason in words, e.g. `the disk is full (no space left on device)`.
    public var explanation: String {
        func quoted(_ path: String) -> String { "\"" + PathEncoding.display(path) + "\"" }
        switch self {
        case .diskFull: return "the disk is full (no space left on device)"
        case .quotaExceeded: return "your disk quota is used up"
        case let .permissionDenied(folder): return "permission denied (no right to create or replace files in \(quoted(folder)))"
        case .readOnlyFileSystem: return "the file system is read-only"
        case let .missingFolder(folder): return "the folder \(quoted(folder)) does not exist"
        case let .notAFolder(folder): return "\(quoted(folder)) is not a folder"
        case let .notARegularFile(kind): return "it is \(kind), not a regular file; it was left unchanged"
        case .folderBusy: return "another render is writing into it right now; wait for it to finish or choose another folder"
        case .notAFileName: return "the path does not name a file"
        case .nameTooLong: return "the name is too long for the file system"
        case .symbolicLinkLoop: return "too many levels of symbolic links"
        case .inputOutput: return "the device reported an input/output error"
        case .shuttingDown: return "frameplot is stopping on a signal"
        case let .other(text): return text.lowercased()
        }
    }
}
