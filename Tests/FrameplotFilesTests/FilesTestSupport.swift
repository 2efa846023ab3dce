import Foundation
@testable import FrameplotFiles

/// A fresh empty folder under the system temporary directory, removed on deinit.
final class ScratchFolder {
    let path: String
    init(_ label: String = #function) {
        let safe = label.filter { $0.isLetter || $0.isNumber }
        path = NSTemporaryDirectory() + "frameplot-files-\(safe)-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { _ = run("/bin/rm", ["-rf", path]) }

    func file(_ name: String) -> String { path + "/" + name }
    /// Every name in the folder, hidden ones included.
    func contents() -> [String] { (FileSystem.entries(of: path) ?? []).sorted() }
    func bytes(_ name: String) -> [UInt8]? { FileManager.default.contents(atPath: file(name)).map { [UInt8]($0) } }
    func write(_ name: String, _ bytes: [UInt8]) { _ = FileManager.default.createFile(atPath: file(name), contents: Data(bytes)) }
}

/// A tmpfs mounted on a fresh folder (root only), unmounted on deinit.
final class SmallDisk {
    let folder: ScratchFolder
    var path: String { folder.path }

    /// Nil when this machine does not let us mount (not root, no mount permission in a container).
    init?(kilobytes: Int, readOnly: Bool = false) {
        guard geteuid() == 0 else { return nil }
        folder = ScratchFolder("disk")
        let options = "size=\(kilobytes)k" + (readOnly ? ",ro" : "")
        guard run("/bin/mount", ["-t", "tmpfs", "-o", options, "tmpfs", folder.path]) == 0 else { return nil }
    }
    deinit { _ = run("/bin/umount", ["-l", folder.path]) }

    /// Whether a small tmpfs can be mounted here (decides whether the disk-full tests run).
    static let available: Bool = SmallDisk(kilobytes: 16) != nil
}

/// Runs a program (through the module's own ``ChildProcess``) and returns its exit status,
/// -1 when it cannot start.
@discardableResult
func run(_ program: String, _ arguments: [String]) -> Int32 {
    (try? ChildProcess(executable: program, arguments: arguments))?.finish() ?? -1
}

/// What `path` is, without following a link.
func kind(_ path: String) -> FileKind? { FileKind.ofLink(path) }
