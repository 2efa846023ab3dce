import Foundation
import Testing
@testable import FrameplotFiles

@Suite("Atomic file replacement")
struct AtomicFileTests {
    @Test("an existing file is replaced by a complete new one and keeps its permissions")
    func replacesExistingFile() throws {
        let folder = ScratchFolder()
        let path = folder.file("data.bin")
        try AtomicFile.write([1, 2, 3], to: path)
        chmod(path, 0o640)
        try AtomicFile.write([4, 5], to: path)
        #expect(folder.bytes("data.bin") == [4, 5])
        var info = stat()
        #expect(stat(path, &info) == 0 && info.st_mode & 0o777 == 0o640)
        #expect(folder.contents() == ["data.bin"])
    }

    @Test("a new file gets 0666 minus the umask")
    func newFilePermissions() throws {
        let folder = ScratchFolder()
        try AtomicFile.write(text: "x", to: folder.file("p.txt"))
        var info = stat()
        #expect(stat(folder.file("p.txt"), &info) == 0)
        #expect(info.st_mode & 0o777 == 0o666 & ~FileSystem.processUmask)
    }

    @Test("a symbolic link is followed: its target is replaced and the link is kept")
    func followsLinks() throws {
        let folder = ScratchFolder()
        try FileManager.default.createDirectory(atPath: folder.file("real"), withIntermediateDirectories: false)
        folder.write("real/video.mp4", [9, 9, 9])
        // A relative link to a link to the file.
        try FileManager.default.createSymbolicLink(atPath: folder.file("hop"), withDestinationPath: "real/video.mp4")
        try FileManager.default.createSymbolicLink(atPath: folder.file("video.mp4"), withDestinationPath: "hop")
        try AtomicFile.write([1, 2], to: folder.file("video.mp4"))
        #expect(kind(folder.file("video.mp4")) == .symbolicLink)
        #expect(kind(folder.file("hop")) == .symbolicLink)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.file("video.mp4")) == "hop")
        #expect(folder.bytes("real/video.mp4") == [1, 2])
        #expect(folder.contents() == ["hop", "real", "video.mp4"])
        #expect((FileSystem.entries(of: folder.file("real")) ?? []) == ["video.mp4"])

        // A dangling link gets its target created.
        try FileManager.default.createSymbolicLink(atPath: folder.file("new.png"), withDestinationPath: "real/new.png")
        try AtomicFile.write([7], to: folder.file("new.png"))
        #expect(folder.bytes("real/new.png") == [7])
        #expect(kind(folder.file("new.png")) == .symbolicLink)
    }

    @Test("a folder, a FIFO or a device is refused and left as it was", arguments: ["folder", "fifo", "device", "device-link"])
    func refusesNonRegularTargets(_ what: String) throws {
        let folder = ScratchFolder()
        let path = folder.file("x.mp4")
        let expected: FileKind
        switch what {
        case "folder":
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
            expected = .folder
        case "fifo":
            #expect(mkfifo(path, 0o644) == 0)
            expected = .fifo
        case "device":
            // Only root may create a device node; a link to /dev/null covers the rest.
            guard mknod(path, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0 else { return }   // makedev(1, 3): /dev/null
            expected = .characterDevice
        default:
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/dev/null")
            expected = .symbolicLink
        }
        do {
            try AtomicFile.write([1, 2, 3], to: path)
            Issue.record("writing over a \(what) succeeded")
        } catch let error as FileWriteError {
            guard case .notARegularFile = error.reason else { Issue.record("wrong reason \(error)"); return }
            #expect(error.description.contains("not a regular file"))
            #expect(error.description.contains("left unchanged"))
        }
        #expect(kind(path) == expected)
        #expect(folder.contents() == ["x.mp4"], "temporary files left: \(folder.contents())")
        #expect(kind("/dev/null") == .characterDevice)
    }

    @Test("a link loop, an empty path and a path without a file name are reported")
    func badPaths() throws {
        let folder = ScratchFolder()
        try FileManager.default.createSymbolicLink(atPath: folder.file("a"), withDestinationPath: "b")
        try FileManager.default.createSymbolicLink(atPath: folder.file("b"), withDestinationPath: "a")
        #expect(throws: FileWriteError(path: folder.file("a"), reason: .symbolicLinkLoop)) {
            try AtomicFile.write([1], to: folder.file("a"))
        }
        #expect(throws: FileWriteError(path: "", reason: .notAFileName)) { try AtomicFile.write([1], to: "") }
        #expect(throws: FileWriteError(path: folder.path + "/", reason: .notAFileName)) {
            try AtomicFile.write([1], to: folder.path + "/")
        }
        #expect(throws: FileWriteError(path: folder.file("no/x"), reason: .missingFolder(folder.file("no")))) {
            try AtomicFile.write([1], to: folder.file("no/x"))
        }
        #expect(folder.contents() == ["a", "b"])
    }

    @Test("concurrent writers of one file: each succeeds, the last rename wins, a complete file remains")
    func concurrentWriters() throws {
        let folder = ScratchFolder()
        let path = folder.file("shared.bin")
        let writers = 6, rounds = 20
        let payloads = (0..<writers).map { w in [UInt8](repeating: UInt8(w + 1), count: 50_000 + w) }
        let failures = Failures()
        // A sweeper runs alongside, as a second render starting up would.
        let sweeping = Failures()
        DispatchQueue.concurrentPerform(iterations: writers + 1) { w in
            if w == writers {
                for _ in 0..<200 { AtomicFile.removeAbandonedTemporaries(of: path) }
                return
            }
            for _ in 0..<rounds {
                do { try AtomicFile.write(payloads[w], to: path, sync: false) } catch { failures.add("\(error)") }
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all.prefix(3))")
        #expect(sweeping.all.isEmpty)
        let final = try #require(folder.bytes("shared.bin"))
        #expect(payloads.contains(final))
        #expect(folder.contents() == ["shared.bin"], "temporary files left: \(folder.contents())")
    }

    @Test("abandoned temporary files are removed, those of a live writer are kept")
    func abandonedTemporaries() throws {
        let folder = ScratchFolder()
        folder.write("x.mp4", [1])
        folder.write(".x.mp4.tmp-abc123", [2])          // left by a kill -9
        folder.write(".x.mp4.palette.tmp-abc123.png", [3])
        folder.write(".x.mp4.tmp-live99", [4])          // a writer that is still running
        folder.write(".y.mp4.tmp-abc123", [5])          // another output's
        folder.write(".x.mp4.bak", [6])                 // not ours
        let live = open(folder.file(".x.mp4.tmp-live99"), O_RDONLY)
        defer { close(live) }
        #expect(flock(live, LOCK_EX) == 0)
        let removed = TemporaryFile.removeAbandoned(of: folder.file("x.mp4"), companions: [".palette"])
        #expect(removed == 2)
        #expect(folder.contents() == [".x.mp4.bak", ".x.mp4.tmp-live99", ".y.mp4.tmp-abc123", "x.mp4"])
    }

    @Test("a replacement that is discarded leaves the destination and no temporary file")
    func discardedReplacement() throws {
        let folder = ScratchFolder()
        folder.write("v.gif", [1, 2])
        do {
            let replacement = try AtomicFile.Replacement(replacing: folder.file("v.gif"))
            try [UInt8](repeating: 7, count: 1000).withUnsafeBytes { try replacement.write($0) }
            #expect(ProcessCleanup.shared.registeredTemporaryFiles.contains(replacement.temporaryPath))
            #expect(folder.contents().count == 2)
        }
        #expect(folder.contents() == ["v.gif"])
        #expect(folder.bytes("v.gif") == [1, 2])
    }

    @Test("file names with bytes that are not UTF-8 are written under exactly those bytes")
    func nonUTF8Names() throws {
        let folder = ScratchFolder()
        let raw: [UInt8] = [0x78, 0xFF, 0xC3, 0x28, 0x2E, 0x62, 0x69, 0x6E]   // x, 0xFF, an invalid pair, .bin
        let name = PathEncoding.decode(raw)
        #expect(PathEncoding.fileSystemBytes(name) == raw)
        #expect(PathEncoding.display(name) == "x\\xFF\\xC3(.bin")
        try AtomicFile.write([42], to: folder.path + "/" + name)
        // Look the name up with the raw bytes, as any other program would.
        let rawPath = Array(folder.path.utf8) + [0x2F] + raw + [0]
        var info = stat()
        #expect(rawPath.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { stat($0.baseAddress!, &info) } } == 0)
        #expect(info.st_size == 1)
        #expect(folder.contents() == [name])
    }

    @Test("decoding then encoding gives back any byte string")
    func pathEncodingRoundTrip() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for length in 0..<300 {
            var bytes: [UInt8] = []
            for _ in 0..<(length % 23) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                bytes.append(UInt8(truncatingIfNeeded: state >> 33) | (length % 3 == 0 ? 0x80 : 0))
            }
            bytes.removeAll { $0 == 0 }
            #expect(PathEncoding.fileSystemBytes(PathEncoding.decode(bytes)) == bytes)
        }
        // Valid UTF-8 (Japanese) decodes to itself.
        #expect(PathEncoding.decode(Array("損失.png".utf8)) == "損失.png")
        // A literal escape code point in the input is escaped byte by byte, so it round-trips too.
        let literal = Array("\u{10FDFF}".utf8)
        #expect(PathEncoding.fileSystemBytes(PathEncoding.decode(literal)) == literal)
    }
}

/// Error texts collected from several threads.
final class Failures: @unchecked Sendable {
    // `@unchecked Sendable`: `items` is read and written only with `lock` held.
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ text: String) { lock.lock(); items.append(text); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
}

@Suite("Flushing many files")
struct SyncManyTests {
    @Test("files are flushed from several threads, each left as written; missing ones and links are skipped")
    func flushesEveryFile() throws {
        let folder = ScratchFolder()
        let names = (0..<40).map { "frame_\($0).png" }
        for (i, name) in names.enumerated() { folder.write(name, Array(repeating: UInt8(i), count: 1_000 + i)) }
        symlink(folder.file("frame_0.png"), folder.file("link.png"))
        OutputFolder.sync(names + ["missing.png", "link.png"], in: folder.path)
        for (i, name) in names.enumerated() { #expect(folder.bytes(name) == Array(repeating: UInt8(i), count: 1_000 + i)) }
        #expect(folder.contents() == (names + ["link.png"]).sorted())
        // One thread, or none to do.
        FileSystem.syncFiles([folder.file(names[0])], threads: 8)
        FileSystem.syncFiles([], threads: 8)
        FileSystem.syncFiles(names.map(folder.file), threads: 1)
        #expect(folder.bytes(names[3]) == Array(repeating: 3, count: 1_003))
    }
}
