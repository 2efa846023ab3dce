import Foundation
import Testing

/// What a write does to the disk: special targets, full and read-only disks, permissions,
/// names that are not UTF-8, and `demo` run twice.
@Suite("Output safety")
struct CLIOutputSafetyTests {
    static let hasFFmpeg = FileManager.default.isExecutableFile(atPath: "/usr/bin/ffmpeg")
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/ffprobe")
    static let isRoot = geteuid() == 0

    /// Frames counted by ffprobe, or nil when the file is not a playable video.
    static func playableFrames(_ path: String) -> Int? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/ffprobe")
        process.arguments = ["-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries",
                             "stream=nb_read_frames", "-of", "csv=p=0", path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return process.terminationStatus == 0 ? Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) : nil
    }

    /// A target that is not a regular file, and the command aimed at it.
    enum SpecialTarget: String, CaseIterable, CustomTestStringConvertible {
        case fifoVideo, nullLinkVideo, deviceVideo, fifoFigure, deviceFigure, fifoFolder, fifoLog
        var testDescription: String { rawValue }
    }

    @Test("a FIFO, a device or a link to /dev/null as output: one line, exit 1, nothing deleted",
          arguments: SpecialTarget.allCases)
    func specialTargets(_ target: SpecialTarget) throws {
        let box = try CLISandbox()
        defer { box.remove() }
        try box.write("data.csv", "a,b\n1,2\n2,3\n3,5\n")
        let name: String, arguments: [String]
        switch target {
        case .fifoVideo, .nullLinkVideo, .deviceVideo: name = "x.mp4"; arguments = ["animate", "gd1d", "--quiet", "-o", name]
        case .fifoFigure, .deviceFigure: name = "x.png"; arguments = ["scatter", "data.csv", "--x", "a", "--y", "b", "-o", name]
        case .fifoFolder: name = "frames"; arguments = ["animate", "gd1d", "--quiet", "-o", name]
        case .fifoLog: name = "log.csv"; arguments = ["animate", "gd1d", "--quiet", "--log", name, "-o", "frames"]
        }
        switch target {
        case .nullLinkVideo: try FileManager.default.createSymbolicLink(atPath: box.path(name), withDestinationPath: "/dev/null")
        case .deviceVideo, .deviceFigure:
            guard mknod(box.path(name), S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0 else { return }   // /dev/null's numbers; root only
        default: #expect(mkfifo(box.path(name), 0o644) == 0)
        }
        let before = try FileManager.default.attributesOfItem(atPath: box.path(name))[.type] as? FileAttributeType
        let result = try box.run(arguments)
        #expect(result.status == 1 || result.status == 2, "status \(result.status): \(result.stderr)")
        #expect(result.errorLines.count == 1, "\(result.stderr)")
        #expect(result.stderr.contains(name))
        #expect(try FileManager.default.attributesOfItem(atPath: box.path(name))[.type] as? FileAttributeType == before)
        #expect(box.entries().filter { $0.hasPrefix(".") }.isEmpty, "temporary files left: \(box.entries())")
    }

    @Test("a symbolic link to a video is followed and kept", .enabled(if: hasFFmpeg))
    func linkedVideo() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        try FileManager.default.createDirectory(atPath: box.path("videos"), withIntermediateDirectories: false)
        try box.write("videos/run.gif", "old")
        try FileManager.default.createSymbolicLink(atPath: box.path("run.gif"), withDestinationPath: "videos/run.gif")
        let result = try box.run("animate", "gd1d", "--quiet", "-o", "run.gif")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: box.path("run.gif")) == "videos/run.gif")
        #expect((Self.playableFrames(box.path("videos/run.gif")) ?? 0) > 1)
    }

    @Test("a folder nobody may write in, and a missing folder, each say so in one line")
    func unwritableAndMissingFolders() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        try FileManager.default.createDirectory(atPath: box.path("locked"), withIntermediateDirectories: false)
        if Self.isRoot {
            // Root ignores modes; an immutable folder refuses even root.
            guard MountCheck.system("/usr/bin/chattr", ["+i", box.path("locked")]) == 0 else { return }
        } else {
            chmod(box.path("locked"), 0o555)
        }
        defer { MountCheck.system("/usr/bin/chattr", ["-i", box.path("locked")]); chmod(box.path("locked"), 0o755) }
        expectFailure(try box.run("animate", "gd1d", "--quiet", "-o", "locked/run.gif"), status: 1, ["locked", "permission denied"])
        expectFailure(try box.run("animate", "gd1d", "--quiet", "-o", "locked/frames"), status: 1, ["locked", "permission denied"])
        expectFailure(try box.run("animate", "gd1d", "--quiet", "-o", "missing/run.gif"), status: 1, ["missing", "does not exist"])
        #expect(box.entries(of: "locked").isEmpty)
    }

    @Test("a full disk stops the render with its own words, leaving complete frames and no temporary file",
          .enabled(if: MountCheck.canMount, "needs root and permission to mount a small tmpfs"))
    func diskFull() throws {
        let box = try CLISandbox()
        defer { MountCheck.unmount(box.path("disk")); MountCheck.unmount(box.path("tiny")); box.remove() }
        try #require(MountCheck.mount(box.path("disk"), kilobytes: 600))
        let frames = try box.run("animate", "gd-locus", "--quiet", "-o", "disk/frames")
        expectFailure(frames, status: 1, ["disk/frames/frame_", "the disk is full"])
        let left = box.entries(of: "disk/frames")
        #expect(left.allSatisfy { $0 == "manifest.json" || $0.hasPrefix("frame_") }, "\(left)")

        try #require(MountCheck.mount(box.path("tiny"), kilobytes: 24))
        if Self.hasFFmpeg {
            try box.write("tiny/run.mp4", "old")
            expectFailure(try box.run("animate", "gd-locus", "--quiet", "-o", "tiny/run.mp4"), status: 1, ["run.mp4", "the disk is full"])
            #expect(box.entries(of: "tiny") == ["run.mp4"])
            #expect(box.bytes("tiny/run.mp4") == Array("old".utf8))
        }
        // The training history on a full disk (the frames go elsewhere).
        try box.write("tiny/fill", String(repeating: "x", count: 20_000))
        expectFailure(try box.run("animate", "gd-locus", "--quiet", "--log", "tiny/log.csv", "-o", "frames"),
                      status: 1, ["log.csv", "the disk is full"])
        #expect(!box.entries(of: "tiny").contains { $0.contains("log.csv") })
    }

    @Test("a read-only file system says so",
          .enabled(if: MountCheck.canMount, "needs root and permission to mount a small tmpfs"))
    func readOnly() throws {
        let box = try CLISandbox()
        defer { MountCheck.unmount(box.path("ro")); box.remove() }
        try #require(MountCheck.mount(box.path("ro"), kilobytes: 64, readOnly: true))
        expectFailure(try box.run("animate", "gd1d", "--quiet", "-o", "ro/run.gif"), status: 1, ["ro", "read-only"])
        expectFailure(try box.run("animate", "gd1d", "--quiet", "-o", "ro/frames"), status: 1, ["ro", "read-only"])
    }

    @Test("a file name with a byte that is not UTF-8 is written under exactly that name")
    func nonUTF8Name() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        try box.write("data.csv", "a,b\n1,2\n2,3\n3,5\n")
        let result = try box.shell(#"exec "$FRAMEPLOT" scatter data.csv --x a --y b -o "$(printf 'plot\377.png')""#)
        #expect(result.status == 0, "\(result.stderr)")
        let names = box.entries().filter { $0 != "data.csv" }
        #expect(names.count == 1)
        // Read the folder with raw bytes: the name is p l o t 0xFF . p n g.
        let listing = try box.shell(#"for f in plot*; do printf '%s' "$f" | od -An -tx1; done"#)
        #expect(listing.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ") == "70 6c 6f 74 ff 2e 70 6e 67")
    }

    @Test("frameplot demo run twice exits 0 both times, every video present and playable",
          .enabled(if: hasFFmpeg))
    func demoTwice() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        for round in 1...2 {
            let result = try box.run("demo", "--out", "out", "--only", "gd1d", "--quiet")
            #expect(result.status == 0, "round \(round): \(result.stderr)")
        }
        for name in ["out/gd1d.mp4", "out/gd1d.gif"] {
            #expect((Self.playableFrames(box.path(name)) ?? 0) > 1, "\(name) is missing or not playable")
        }
        #expect(box.entries(of: "out").filter { $0.hasPrefix(".") }.isEmpty, "\(box.entries(of: "out"))")
    }
}
