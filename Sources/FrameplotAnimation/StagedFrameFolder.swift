import Foundation
import FrameplotFiles

/// A frame folder replaced all at once: the new frames wait in a hidden staging folder inside
/// it, and replace the folder's frames only when every one of them is written.
///
/// For renders that cannot resume (a stream of frames drawn as a loop runs, per-frame SVG):
/// until ``commit(frames:manifest:)`` the folder keeps its previous render untouched, and a
/// failure, a cancellation or a kill leaves it so. The folder is locked from creation to
/// commit or discard (a second render into it stops with `folderBusy`); a staging folder that a
/// killed process left is removed by the next render that takes the lock.
///
/// The commit moves the staged frames in by renaming (no copy), removes every other frame file
/// (`frame_NNNNN.png` or `.svg`) and then writes the manifest. It is not one atomic step: a
/// crash in its few milliseconds leaves the new frames without a manifest next to some old
/// ones, which a later render recognises by their identity and replaces.
///
/// ```swift
/// let folder = try StagedFrameFolder(locking: "Output/run")
/// try AtomicFile.write(bytes, to: folder.stagingPath + "/frame_00000.png", sync: false)
/// try folder.commit(frames: ["frame_00000.png"], manifest: manifest)
/// ```
final class StagedFrameFolder {
    /// The folder the frames are for.
    let directory: String
    /// The hidden folder the frames are written into first.
    let stagingPath: String
    private let folder: OutputFolder
    private let createdDirectory: Bool
    private var finished = false

    /// Names of staging folders start with this.
    static let stagingPrefix = ".frameplot-staging-"

    /// Creates (if needed) and locks `directory`, removes what killed renders left in it, and
    /// makes a new staging folder.
    ///
    /// - Throws: ``FrameplotFiles/FileWriteError`` (folder busy, not writable, a file in the way).
    init(locking directory: String) throws {
        createdDirectory = FileKind.at(directory) == nil
        folder = try OutputFolder(locking: directory)
        self.directory = directory
        Self.removeAbandoned(in: folder)
        stagingPath = try Self.makeStaging(in: folder)
    }

    deinit { discard() }

    /// Moves `frames` (names of staged files) into the folder, removes every other frame file
    /// and writes `manifest`; then the folder holds exactly this render.
    ///
    /// - Throws: ``FrameplotFiles/FileWriteError``; on a failure the staged frames are removed.
    func commit(frames: [String], manifest: FrameManifest) throws {
        guard !finished else { throw FileWriteError(path: directory, reason: .other("the frames were already committed"), isFolder: true) }
        defer { discard() }
        OutputFolder.sync(frames, in: stagingPath)
        // The old manifest lists frames about to be replaced: it goes first.
        try folder.remove(FrameManifest.fileName)
        let keep = Set(frames)
        for name in frames {
            let moved = PathEncoding.withFileSystemPath(stagingPath + "/" + name) { source in
                PathEncoding.withFileSystemPath(folder.file(name)) { rename(source, $0) == 0 }
            }
            if !moved { throw FileWriteError(path: folder.file(name), errno: errno, folder: directory) }
        }
        for name in folder.entries() where FrameFolder.isFrameFile(name) && !keep.contains(name) {
            try folder.remove(name)
        }
        try manifest.write(to: directory)
    }

    /// Removes the staging folder and unlocks; the folder keeps what it held. A folder this
    /// render created is removed when it is still empty. Safe to call twice.
    func discard() {
        guard !finished else { return }
        finished = true
        Self.removeStaging(stagingPath)
        folder.unlock()
        if createdDirectory { _ = PathEncoding.withFileSystemPath(directory) { rmdir($0) } }
    }

    /// Removes the temporary files and staging folders that killed renders left in `folder`
    /// (which the caller has locked, so no live render is using them).
    static func removeAbandoned(in folder: OutputFolder) {
        TemporaryFile.removeAbandoned(in: folder.path, where: FrameFolder.isTemporary)
        for name in folder.entries() where name.hasPrefix(stagingPrefix) {
            removeStaging(folder.file(name))
        }
    }

    /// A new, empty staging folder in `folder`.
    private static func makeStaging(in folder: OutputFolder) throws -> String {
        var generator = SystemRandomNumberGenerator()
        let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        for _ in 0..<100 {
            let tag = String((0..<8).map { _ in letters[Int(generator.next(upperBound: UInt64(letters.count)))] })
            let path = folder.file(stagingPrefix + tag)
            if PathEncoding.withFileSystemPath(path, { mkdir($0, 0o777) }) == 0 { return path }
            let code = errno
            if code != EEXIST { throw FileWriteError(path: folder.path, errno: code, folder: folder.path, isFolder: true) }
        }
        throw FileWriteError(path: folder.path, reason: .other("cannot find a free staging folder name"), isFolder: true)
    }

    /// Removes a staging folder and the files in it (it holds only files this type wrote). A
    /// symbolic link of that name is removed as a link, never followed.
    static func removeStaging(_ path: String) {
        guard FileKind.ofLink(path) == .folder else {
            if FileKind.ofLink(path) == .symbolicLink { _ = PathEncoding.withFileSystemPath(path) { unlink($0) } }
            return
        }
        PathEncoding.withFileSystemPath(path) { cPath in
            guard let stream = opendir(cPath) else { return }
            var names: [[CChar]] = []
            while let entry = readdir(stream) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.bindMemory(to: CChar.self).prefix { $0 != 0 }) }
                if name != [46] && name != [46, 46] { names.append(name + [0]) }
            }
            closedir(stream)
            let folder = Array(PathEncoding.fileSystemBytes(path).map { CChar(bitPattern: $0) })
            for name in names {
                let full = folder + [47] + name
                full.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
            }
            rmdir(cPath)
        }
    }
}
