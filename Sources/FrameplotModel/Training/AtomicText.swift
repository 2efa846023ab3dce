import Foundation

/// Writes text to `path` through a temporary file in the same folder and a rename,
/// so a failure never leaves a half-written file. (FrameplotModel cannot use the
/// canvas module's AtomicFile: it imports no drawing code.)
func writeTextAtomically(_ text: String, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent().path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
        throw TrainingError.historyFile(path: path, line: 0, message: "folder \(folder) does not exist")
    }
    let temporary = folder + "/." + url.lastPathComponent + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
    guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else {
        throw TrainingError.historyFile(path: path, line: 0, message: "cannot write in folder \(folder)")
    }
    if rename(temporary, path) != 0 {
        unlink(temporary)
        throw TrainingError.historyFile(path: path, line: 0, message: "cannot replace the file")
    }
}
