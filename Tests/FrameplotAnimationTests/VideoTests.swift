import Foundation
import Testing
@testable import FrameplotAnimation
import FrameplotCanvas

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
}
