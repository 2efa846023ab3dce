import Foundation
import Testing
@testable import FrameplotFiles

@Suite("Write errors in their own words")
struct WriteErrorTests {
    @Test("a full disk, a quota, a permission, a read-only file system and a missing folder read differently")
    func reasonsHaveTheirOwnWords() {
        let cases: [(Int32, String)] = [
            (ENOSPC, "the disk is full"), (EDQUOT, "quota"), (EACCES, "permission denied"), (EPERM, "permission denied"),
            (EROFS, "read-only"), (ENOENT, "does not exist"), (ENOTDIR, "is not a folder"), (EIO, "input/output"),
        ]
        var texts = Set<String>()
        for (code, words) in cases {
            let error = FileWriteError(path: "out/a.png", errno: code, folder: "out")
            #expect(error.description.hasPrefix("cannot write \"out/a.png\": "))
            #expect(error.description.contains(words), "\(error)")
            #expect(!error.description.contains("\n"))
            texts.insert(error.reason.explanation)
        }
        #expect(texts.count == cases.count - 1)   // EACCES and EPERM share their words
        #expect(FileWriteError(path: "out", reason: .folderBusy, isFolder: true).description
                    == "cannot write into the folder \"out\": another render is writing into it right now; wait for it to finish or choose another folder")
    }

    @Test("a full disk is reported as such, leaves no temporary file and keeps the old file",
          .enabled(if: SmallDisk.available, "needs root and permission to mount a small tmpfs"))
    func diskFull() throws {
        let disk = try #require(SmallDisk(kilobytes: 64))
        let path = disk.path + "/history.csv"
        try AtomicFile.write([UInt8](repeating: 1, count: 1000), to: path)
        #expect(throws: FileWriteError(path: path, reason: .diskFull)) {
            try AtomicFile.write([UInt8](repeating: 2, count: 200_000), to: path)
        }
        #expect(disk.folder.contents() == ["history.csv"])
        #expect(disk.folder.bytes("history.csv") == [UInt8](repeating: 1, count: 1000))
    }

    @Test("a read-only file system is reported as such",
          .enabled(if: SmallDisk.available, "needs root and permission to mount a small tmpfs"))
    func readOnly() throws {
        let disk = try #require(SmallDisk(kilobytes: 64, readOnly: true))
        #expect(throws: FileWriteError(path: disk.path + "/a.png", reason: .readOnlyFileSystem)) {
            try AtomicFile.write([1], to: disk.path + "/a.png")
        }
        #expect(throws: FileWriteError(path: disk.path + "/frames", reason: .readOnlyFileSystem, isFolder: true)) {
            try OutputFolder.create(disk.path + "/frames")
        }
    }

    @Test("no permission to write in the folder is reported as such")
    func permissionDenied() throws {
        let folder = ScratchFolder()
        let locked = folder.file("locked")
        try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: false)
        if geteuid() == 0 {
            // Root ignores modes; an immutable folder refuses even root (EPERM).
            guard run("/usr/bin/chattr", ["+i", locked]) == 0 else { return }
        } else {
            chmod(locked, 0o555)
        }
        defer { _ = run("/usr/bin/chattr", ["-i", locked]); chmod(locked, 0o755) }
        #expect(throws: FileWriteError(path: locked + "/a.png", reason: .permissionDenied(folder: locked))) {
            try AtomicFile.write([1], to: locked + "/a.png")
        }
        #expect(FileSystem.entries(of: locked) == [])
    }
}

@Suite("Output folders")
struct OutputFolderTests {
    @Test("a folder is created with its parents; a file in the way is named")
    func creation() throws {
        let folder = ScratchFolder()
        try OutputFolder.create(folder.file("a/b/c"))
        #expect(kind(folder.file("a/b/c")) == .folder)
        try OutputFolder.create(folder.file("a/b/c"))   // again: nothing to do
        folder.write("plain", [1])
        #expect(throws: FileWriteError(path: folder.file("plain/x"), reason: .notAFolder(folder.file("plain")), isFolder: true)) {
            try OutputFolder.create(folder.file("plain/x"))
        }
    }

    @Test("a second lock on a folder stops at once; the first one's release frees it")
    func lock() throws {
        let folder = ScratchFolder()
        let first = try OutputFolder(locking: folder.file("frames"))
        #expect(throws: FileWriteError(path: folder.file("frames"), reason: .folderBusy, isFolder: true)) {
            _ = try OutputFolder(locking: folder.file("frames"))
        }
        first.unlock()
        let second = try OutputFolder(locking: folder.file("frames"))
        #expect(second.entries().isEmpty, "the lock leaves no file behind")
    }

    @Test("file contents are read without following links")
    func contents() throws {
        let folder = ScratchFolder()
        let frames = try OutputFolder(locking: folder.path)
        folder.write("a.png", [1, 2, 3])
        try FileManager.default.createSymbolicLink(atPath: folder.file("b.png"), withDestinationPath: "a.png")
        #expect(frames.contents(of: "a.png") == [1, 2, 3])
        #expect(frames.contents(of: "b.png") == nil)
        #expect(frames.size(of: "a.png") == 3)
        #expect(frames.isSymbolicLink("b.png"))
        try frames.remove("b.png")
        try frames.remove("missing.png")
        #expect(folder.contents() == ["a.png"])
    }
}

@Suite("Child processes")
struct ChildProcessTests {
    @Test("a program that quits early gives PipeClosed, not SIGPIPE, and no process-wide setting changes")
    func earlyExit() throws {
        var before = sigaction()
        sigaction(SIGPIPE, nil, &before)
        let child = try ChildProcess(executable: "/bin/sh", arguments: ["-c", "echo oops >&2; exit 3"])
        let big = [UInt8](repeating: 0, count: 4 << 20)
        #expect(throws: ChildProcess.PipeClosed.self) { try big.withUnsafeBytes { try child.write($0) } }
        #expect(child.finish() == 3)
        #expect(child.errorOutput.contains("oops"))
        var after = sigaction()
        sigaction(SIGPIPE, nil, &after)
        #expect(unsafeBitCast(after.__sigaction_handler, to: Int.self) == unsafeBitCast(before.__sigaction_handler, to: Int.self))
        var pending = sigset_t()
        sigpending(&pending)
        #expect(sigismember(&pending, SIGPIPE) == 0)
    }

    @Test("a program reads what is written, runs in its own process group, and is reaped")
    func normalRun() throws {
        let folder = ScratchFolder()
        let child = try ChildProcess(executable: "/bin/sh", arguments: ["-c", "cat > '\(folder.file("out"))'"])
        #expect(getpgid(child.pid) == child.pid)
        try Array("hello".utf8).withUnsafeBytes { try child.write($0) }
        #expect(child.finish() == 0)
        #expect(folder.bytes("out") == Array("hello".utf8))
        #expect(kill(child.pid, 0) != 0)
    }

    @Test("terminate kills and reaps; an exiting process removes its temporary files and children")
    func cleanup() throws {
        let folder = ScratchFolder()
        let registry = ProcessCleanup()
        let sleeper = try ChildProcess(executable: "/bin/sleep", arguments: ["30"])
        sleeper.terminate()
        #expect(kill(sleeper.pid, 0) != 0)

        folder.write(".x.png.tmp-abcdef", [1])
        #expect(registry.register(temporaryFile: folder.file(".x.png.tmp-abcdef")))
        let other = Process()
        other.executableURL = URL(fileURLWithPath: "/bin/sleep")
        other.arguments = ["30"]
        try other.run()
        #expect(registry.register(child: other.processIdentifier))
        registry.removeEverything()
        #expect(folder.contents().isEmpty)
        #expect(!registry.register(temporaryFile: folder.file("later")))
        // Killed and reaped: the process id names no process any more.
        #expect(kill(other.processIdentifier, 0) != 0)
    }
}
