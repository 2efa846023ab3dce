import Foundation
import Testing
@testable import FrameplotAnimation
import FrameplotCanvas
import FrameplotFiles

@Suite("Video encoding")
struct VideoTests {
    static let ffprobe = "/usr/bin/ffprobe"
    static var hasFFmpeg: Bool { (try? FFmpeg.locate("ffmpeg")) != nil && FileManager.default.isExecutableFile(atPath: ffprobe) }

    /// `nb_read_frames,r_frame_rate,width,height` of the first video stream.
    func probe(_ path: String) -> [String: String] {
        let out = runProgram(Self.ffprobe, ["-v", "error", "-count_frames", "-select_streams", "v:0",
                                            "-show_entries", "stream=nb_read_frames,r_frame_rate,width,height,pix_fmt,codec_name",
                                            "-of", "default=noprint_wrappers=1", path]) ?? ""
        var result: [String: String] = [:]
        for line in out.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { result[parts[0]] = parts[1] }
        }
        return result
    }

    @Test("MP4: H.264, yuv420p, odd size padded to even, every frame at the scene's rate",
          .enabled(if: VideoTests.hasFFmpeg))
    func mp4() throws {
        let folder = TemporaryFolder(); defer { folder.cleanup() }
        let path = folder.file("box.mp4")
        try FrameRenderer(scene: SlidingBoxScene(frameCount: 12, size: Size(width: 65, height: 47)), progress: .quiet)
            .renderVideo(to: path)
        let info = probe(path)
        #expect(info["codec_name"] == "h264")
        #expect(info["pix_fmt"] == "yuv420p")
        #expect(info["nb_read_frames"] == "12")
        #expect(info["r_frame_rate"] == "10/1")
        #expect(info["width"] == "66" && info["height"] == "48")
        #expect(folder.contents() == ["box.mp4"], "temporary files left: \(folder.contents())")
    }

    @Test("GIF: every frame, the scene's rate, one palette, loops", .enabled(if: VideoTests.hasFFmpeg))
    func gif() throws {
        let folder = TemporaryFolder(); defer { folder.cleanup() }
        let path = folder.file("box.gif")
        try FrameRenderer(scene: SlidingBoxScene(frameCount: 8), progress: .quiet).renderVideo(to: path)
        let info = probe(path)
        #expect(info["codec_name"] == "gif")
        #expect(info["nb_read_frames"] == "8")
        #expect(info["width"] == "64" && info["height"] == "48")
        let bytes = try #require(folder.bytes("box.gif"))
        #expect(Array(bytes.prefix(6)) == Array("GIF89a".utf8))
        // NETSCAPE2.0 application extension: the loop setting is present.
        #expect(String(decoding: bytes, as: UTF8.self).contains("NETSCAPE2.0"))
        #expect(folder.contents() == ["box.gif"], "temporary files left: \(folder.contents())")
    }

    @Test("a missing ffmpeg gives one clear line naming the Debian package, and writes nothing")
    func missingFFmpeg() throws {
        let folder = TemporaryFolder(); defer { folder.cleanup() }
        var options = VideoOptions()
        options.ffmpegPath = "/nonexistent/bin/ffmpeg"
        let renderer = FrameRenderer(scene: SlidingBoxScene(frameCount: 3), progress: .quiet)
        do {
            try renderer.renderVideo(to: folder.file("x.mp4"), options: options)
            Issue.record("expected an error")
        } catch let error as AnimationError {
            #expect(error == .ffmpegMissing(path: "/nonexistent/bin/ffmpeg"))
            #expect(error.description.contains("`ffmpeg`"))
            #expect(!error.description.contains("\n"))
        }
        #expect(folder.contents().isEmpty)
    }

    @Test("an unknown video extension is refused")
    func unknownExtension() {
        #expect(throws: AnimationError.unsupportedVideoFormat("out.avi")) {
            try FrameRenderer(scene: SlidingBoxScene(), progress: .quiet).renderVideo(to: "out.avi")
        }
    }

    @Test("writing a video twice replaces it; a symbolic link is followed and kept", .enabled(if: VideoTests.hasFFmpeg))
    func writeTwiceAndThroughALink() throws {
        let folder = TemporaryFolder(); defer { folder.cleanup() }
        let renderer = FrameRenderer(scene: SlidingBoxScene(frameCount: 4), progress: .quiet)
        for ext in ["mp4", "gif"] {
            let path = folder.file("box.\(ext)")
            try renderer.renderVideo(to: path)
            try renderer.renderVideo(to: path)
            #expect(probe(path)["nb_read_frames"] == "4", "\(ext) written twice is not playable")
        }
        try FileManager.default.createDirectory(atPath: folder.file("real"), withIntermediateDirectories: false)
        _ = FileManager.default.createFile(atPath: folder.file("real/linked.mp4"), contents: Data([1, 2, 3]))
        try FileManager.default.createSymbolicLink(atPath: folder.file("linked.mp4"), withDestinationPath: "real/linked.mp4")
        try renderer.renderVideo(to: folder.file("linked.mp4"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.file("linked.mp4")) == "real/linked.mp4")
        #expect(probe(folder.file("real/linked.mp4"))["nb_read_frames"] == "4")
        #expect(folder.contents() == ["box.gif", "box.mp4", "linked.mp4", "real"])
    }

    @Test("a FIFO, a device or a folder named like the video is refused before any work and kept",
          .enabled(if: VideoTests.hasFFmpeg), arguments: ["fifo", "device-link", "folder"])
    func specialTargets(_ what: String) throws {
        let folder = TemporaryFolder(); defer { folder.cleanup() }
        let path = folder.file("x.mp4")
        switch what {
        case "fifo": #expect(mkfifo(path, 0o644) == 0)
        case "folder": try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        default: try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/dev/null")
        }
        let drawn = Flag()
        let renderer = FrameRenderer(scene: SlidingBoxScene(frameCount: 3), progress: .quiet, isCancelled: { drawn.value = true; return false })
        do {
            try renderer.renderVideo(to: path)
            Issue.record("a \(what) was written over")
        } catch let error as FileWriteError {
            guard case .notARegularFile = error.reason else { Issue.record("wrong reason \(error)"); return }
        }
        #expect(!drawn.value, "frames were drawn before the target was checked")
        #expect(folder.contents() == ["x.mp4"])
        #expect(FileKind.ofLink(path) == (what == "fifo" ? .fifo : what == "folder" ? .folder : .symbolicLink))
    }

    @Test("a cancelled video writes nothing, keeps the old file and leaves no temporary file", .enabled(if: VideoTests.hasFFmpeg))
    func cancelledVideo() throws {
        let folder = TemporaryFolder(); defer { folder.cleanup() }
        let path = folder.file("box.mp4")
        _ = FileManager.default.createFile(atPath: path, contents: Data("old".utf8))
        let polls = Counter()
        let renderer = FrameRenderer(scene: SlidingBoxScene(frameCount: 40), workerCount: 2, progress: .quiet,
                                     isCancelled: { polls.next() > 5 })
        #expect(throws: AnimationError.videoCancelled(path: path)) { try renderer.renderVideo(to: path) }
        #expect(folder.contents() == ["box.mp4"])
        #expect(folder.bytes("box.mp4") == Array("old".utf8))
        #expect(ProcessCleanup.shared.registeredTemporaryFiles.allSatisfy { !$0.hasPrefix(folder.path) })
    }

    @Test("an odd-sized dark MP4 is padded with its own edge colour, not white", .enabled(if: VideoTests.hasFFmpeg))
    func darkPadding() throws {
        let folder = TemporaryFolder(); defer { folder.cleanup() }
        let path = folder.file("dark.mp4")
        try FrameRenderer(scene: DarkScene(), progress: .quiet).renderVideo(to: path)
        let info = probe(path)
        #expect(info["width"] == "66" && info["height"] == "48")
        // The first frame as RGB: the padded right column and bottom row are dark.
        let raw = try #require(runProgramBytes("/usr/bin/ffmpeg", ["-v", "error", "-i", path, "-frames:v", "1",
                                                                   "-f", "rawvideo", "-pix_fmt", "rgb24", "-"]))
        #expect(raw.count == 66 * 48 * 3)
        for (x, y) in [(65, 10), (65, 30), (20, 47), (65, 47)] {
            let i = (y * 66 + x) * 3
            #expect(raw[i] < 60 && raw[i + 1] < 60 && raw[i + 2] < 60, "pixel \(x),\(y) is \(raw[i]),\(raw[i + 1]),\(raw[i + 2])")
        }
    }

    @Test("an ffmpeg that quits early gives its own status and message, and we survive the closed pipe")
    func ffmpegQuitsEarly() throws {
        let folder = TemporaryFolder(); defer { folder.cleanup() }
        let fake = folder.file("fake-ffmpeg")
        try writeFakeFFmpeg(at: fake, script: "echo 'Unknown encoder' >&2\nexit 7\n")
        var options = VideoOptions()
        options.ffmpegPath = fake
        let renderer = FrameRenderer(scene: SlidingBoxScene(frameCount: 30, size: Size(width: 400, height: 300)), progress: .quiet)
        #expect(throws: AnimationError.ffmpegFailed(status: 7, message: "Unknown encoder")) {
            try renderer.renderVideo(to: folder.file("x.mp4"), options: options)
        }
        #expect(folder.contents() == ["fake-ffmpeg"])
    }

    @Test("temporary files of killed video renders are removed, also those of older versions", .enabled(if: VideoTests.hasFFmpeg))
    func abandonedVideoTemporaries() throws {
        let folder = TemporaryFolder(); defer { folder.cleanup() }
        for name in [".box.gif.tmp-abc123", ".box.gif.palette.tmp-abc123.png", ".box.gif.4194300-17.tmp",
                     ".box.gif.4194300-17.palette.png", ".other.gif.tmp-abc123"] {
            _ = FileManager.default.createFile(atPath: folder.file(name), contents: Data([1]))
        }
        try FrameRenderer(scene: SlidingBoxScene(frameCount: 2), progress: .quiet).renderVideo(to: folder.file("box.gif"))
        #expect(folder.contents() == [".other.gif.tmp-abc123", "box.gif"])
    }
}

extension VideoTests {
    @Test("a truncated MP4 or GIF (ffmpeg 5 exits 0 on a full disk) is recognised as incomplete", .enabled(if: VideoTests.hasFFmpeg))
    func truncatedVideosAreRefused() throws {
        let folder = TemporaryFolder(); defer { folder.cleanup() }
        let renderer = FrameRenderer(scene: SlidingBoxScene(frameCount: 6), progress: .quiet)
        for format in [VideoOptions.Format.mp4, .gif] {
            let path = folder.file("v.\(format.rawValue)")
            try renderer.renderVideo(to: path)
            try VideoFileCheck.verify(path, format: format, output: path)
            let bytes = try #require(folder.bytes("v.\(format.rawValue)"))
            for cut in [bytes.count / 2, bytes.count - 1] {
                try Data(bytes.prefix(cut)).write(to: URL(fileURLWithPath: path))
                #expect(throws: AnimationError.ffmpegFailed(status: 0, message: "the \(format.rawValue.uppercased()) it wrote is incomplete")) {
                    try VideoFileCheck.verify(path, format: format, output: path)
                }
            }
        }
    }
}

/// A dark scene of odd size, for the padding of MP4s.
struct DarkScene: AnimationScene {
    var name: String { "dark" }
    var size: Size { Size(width: 65, height: 47) }
    var framesPerSecond: Double { 10 }
    var frameCount: Int { 3 }
    func renderStatic(on canvas: Canvas) throws { canvas.clear(Color(hex: 0x101418)) }
    func renderFrame(_ index: Int, on canvas: Canvas) throws {
        canvas.fill(.rect(Rect(x: 10 + Double(index) * 5, y: 10, width: 8, height: 8)), color: Color(hex: 0x4060a0))
    }
}
