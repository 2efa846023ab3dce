import Foundation
import Testing
import FrameplotCanvas
import FrameplotFiles
import FrameplotPlot
@testable import FrameplotAnimation

@Suite("FrameWriter: frames streamed from your own loop")
struct FrameWriterTests {
    static let xs: [Double] = [0, 1, 2, 3, 4, 5, 6, 7]
    static let ys: [Double] = [1.1, 2.9, 5.2, 6.8, 9.1, 11.0, 12.8, 15.2]
    static let red = Color(hex: 0xd62728)

    /// A hand-written gradient-descent loop that draws a frame every 10 steps: 11 frames.
    static func trainAndDraw(_ frame: (Figure) throws -> Void) rethrows {
        var w = 0.0, b = 0.0
        for step in 0...100 {
            var gradientW = 0.0, gradientB = 0.0
            for (x, y) in zip(xs, ys) {
                let residual = w * x + b - y
                gradientW += 2 * residual * x / Double(xs.count)
                gradientB += 2 * residual / Double(xs.count)
            }
            if step % 10 == 0 {
                var figure = Figure(width: 160, height: 120)
                figure.axes.x.limits = AxisLimits(lower: 0, upper: 7)
                figure.axes.y.limits = AxisLimits(lower: 0, upper: 16)
                figure.axes.scatter(xs: xs, ys: ys, label: "data")
                figure.axes.straightLine(slope: w, intercept: b, color: red, label: "fit")
                try frame(figure)
            }
            w -= 0.01 * gradientW
            b -= 0.01 * gradientB
        }
    }

    @Test("a hand-drawn loop streams into a PNG folder, an MP4, a GIF and a PDF", .enabled(if: VideoTests.hasFFmpeg))
    func everyFormat() throws {
        let folder = TemporaryFolder(); defer { folder.cleanup() }
        for name in ["frames", "run.mp4", "run.gif", "run.pdf"] {
            let summary = try FrameWriter.writing(to: folder.file(name), size: Size(width: 160, height: 120), framesPerSecond: 5) { writer in
                try Self.trainAndDraw { try writer.write($0) }
            }
            #expect(summary.framesRendered == 11, "\(name)")
        }
        #expect(folder.contents() == ["frames", "run.gif", "run.mp4", "run.pdf"], "left: \(folder.contents())")
        let frames = TemporaryFolder.at(folder.file("frames"))
        #expect(frames.contents() == (0..<11).map { FrameManifest.frameFileName($0) } + ["manifest.json"])
        let manifest = try #require(FrameManifest.read(from: frames.path))
        #expect(manifest.frameCount == 11 && manifest.frames.count == 11 && manifest.framesPerSecond == 5)
        // The frames carry the stream's identity and their index, as rendered frames do.
        let last = try #require(frames.bytes("frame_00010.png"))
        #expect(PNGTextChunk.read(from: last).contains(PNGTextChunk(keyword: FrameFolder.indexKeyword, value: "10")))
        #expect(PNGTextChunk.read(from: last).contains(PNGTextChunk(keyword: FrameFolder.identityKeyword, value: manifest.identity)))
        // The line moves: the fitted line's red is somewhere in the last frame, not where it started.
        let first = try PNGReader.decode(try #require(frames.bytes("frame_00000.png")))
        let end = try PNGReader.decode(last)
        #expect(first.width == 160 && first.height == 120)
        #expect(first.pixels != end.pixels)
        for (name, count) in [("run.mp4", "11"), ("run.gif", "11")] {
            let info = VideoTests().probe(folder.file(name))
            #expect(info["nb_read_frames"] == count, "\(name): \(info)")
            #expect(info["r_frame_rate"] == "5/1", "\(name): \(info)")
        }
        let pdf = try #require(folder.bytes("run.pdf"))
        #expect(VectorRenderTests.pdfCounts(pdf).pages == 11)
    }

    @Test("a streamed GIF has the same bytes as the renderer's two-pass GIF", .enabled(if: VideoTests.hasFFmpeg))
    func gifMatchesRenderer() throws {
        let folder = TemporaryFolder(); defer { folder.cleanup() }
        let scene = SlidingBoxScene(frameCount: 9)
        let renderer = FrameRenderer(scene: scene, progress: .quiet)
        try renderer.renderVideo(to: folder.file("rendered.gif"))
        try FrameWriter.writing(to: folder.file("streamed.gif"), framesPerSecond: scene.framesPerSecond) { writer in
            for index in 0..<scene.frameCount { try writer.write(renderer.renderFrame(index)) }
        }
        #expect(folder.bytes("streamed.gif") == folder.bytes("rendered.gif"))
        #expect(folder.contents() == ["rendered.gif", "streamed.gif"])
    }

    @Test("a frame of another size stops the stream with a clear error and leaves the target as it was")
    func frameSizeChanged() throws {
        let folder = TemporaryFolder(); defer { folder.cleanup() }
        try AtomicFile.write(text: "old", to: folder.file("run.pdf"))
        try FrameRenderer(scene: SlidingBoxScene(frameCount: 3), progress: .quiet).renderPNGSequence(to: folder.file("frames"))
        let before = TemporaryFolder.at(folder.file("frames")).contents().map { TemporaryFolder.at(folder.file("frames")).bytes($0) }
        for name in ["frames", "run.pdf"] {
            let writer = try FrameWriter(to: folder.file(name), size: Size(width: 160, height: 120))
            try writer.write(Figure(width: 160, height: 120))
            #expect(throws: FrameWriterError.frameSizeChanged(frame: 1, expected: name == "frames" ? "160x120 pixels" : "160x120 points",
                                                              actual: name == "frames" ? "200x120 pixels" : "200x120 points")) {
                try writer.write(Figure(width: 200, height: 120))
            }
            #expect(throws: FrameWriterError.closed(path: folder.file(name))) { try writer.finish() }
        }
        #expect(folder.bytes("run.pdf") == Array("old".utf8))
        let frames = TemporaryFolder.at(folder.file("frames"))
        #expect(frames.contents().map { frames.bytes($0) } == before)
        #expect(folder.contents() == ["frames", "run.pdf"])
    }

    @Test("the scale doubles the pixels; a figure frame at another scale is another size")
    func scale() throws {
        let folder = TemporaryFolder(); defer { folder.cleanup() }
        try FrameWriter.writing(to: folder.path, scale: 2) { writer in
            try writer.write(Figure(width: 100, height: 50))
            try writer.write { $0.fill(.rect(Rect(x: 0, y: 0, width: 10, height: 10)), color: Self.red) }
        }
        let frame = try PNGReader.decode(try #require(folder.bytes("frame_00001.png")))
        #expect(frame.width == 200 && frame.height == 100)
        // The closure's rectangle covers 20x20 pixels at scale 2; the rest is white.
        #expect(Array(frame.pixels[(19 * 200 + 19) * 4..<(19 * 200 + 19) * 4 + 3]) == [0xd6, 0x27, 0x28])
        #expect(Array(frame.pixels[(21 * 200 + 21) * 4..<(21 * 200 + 21) * 4 + 3]) == [255, 255, 255])
        #expect(throws: FrameWriterError.frameSizeChanged(frame: 1, expected: "100x50 pixels", actual: "200x100 pixels")) {
            try FrameWriter.writing(to: folder.file("other")) { writer in
                try writer.write(Figure(width: 100, height: 50))
                try writer.write(Figure(width: 100, height: 50, scale: 2))
            }
        }
    }

    @Test("a closure frame needs a size; a theme clears it to its background")
    func closureFrames() throws {
        let folder = TemporaryFolder(); defer { folder.cleanup() }
        #expect(throws: FrameWriterError.sizeNeeded(path: folder.file("a"))) {
            try FrameWriter.writing(to: folder.file("a")) { writer in try writer.write { _ in } }
        }
        try FrameWriter.writing(to: folder.file("b"), size: Size(width: 20, height: 10), theme: .dark) { writer in
            try writer.write { _ in }
        }
        let frame = try PNGReader.decode(try #require(TemporaryFolder.at(folder.file("b")).bytes("frame_00000.png")))
        let background = rgba(Theme.dark.colors.background)
        #expect(Array(frame.pixels[0..<3]) == [background.r, background.g, background.b])
        #expect(folder.contents() == ["b"], "a stream that failed before its first frame leaves no folder")
    }

    @Test("finishing without frames writes nothing; a writer takes no frame after finishing")
    func noFrames() throws {
        let folder = TemporaryFolder(); defer { folder.cleanup() }
        for name in ["frames", "run.pdf"] {
            let writer = try FrameWriter(to: folder.file(name), size: Size(width: 10, height: 10))
            #expect(throws: FrameWriterError.noFrames(path: folder.file(name))) { try writer.finish() }
        }
        #expect(folder.contents().isEmpty)
        let writer = try FrameWriter(to: folder.file("done"))
        try writer.write(Figure(width: 10, height: 10))
        try writer.finish()
        #expect(throws: FrameWriterError.closed(path: folder.file("done"))) { try writer.write(Figure(width: 10, height: 10)) }
    }

    @Test("a stream replaces a folder's render only when it finishes, and then entirely")
    func folderReplacedAtFinish() throws {
        let folder = TemporaryFolder(); defer { folder.cleanup() }
        try FrameRenderer(scene: SlidingBoxScene(frameCount: 6), progress: .quiet).renderPNGSequence(to: folder.path)
        let old = try #require(folder.bytes("frame_00000.png"))
        let writer = try FrameWriter(to: folder.path)
        for _ in 0..<2 { try writer.write(Figure(width: 64, height: 48)) }
        #expect(folder.bytes("frame_00000.png") == old)
        #expect(folder.contents().filter { $0.hasPrefix("frame_") }.count == 6)
        // While the stream is open, the folder is busy for any other render.
        #expect(throws: FileWriteError.self) { try FrameRenderer(scene: SlidingBoxScene(), progress: .quiet).renderPNGSequence(to: folder.path) }
        try writer.finish()
        #expect(folder.contents() == ["frame_00000.png", "frame_00001.png", "manifest.json"])
        #expect(folder.bytes("frame_00000.png") != old)
        // A render into the folder replaces the stream (another identity), and resumes nothing of it.
        let summary = try FrameRenderer(scene: SlidingBoxScene(frameCount: 2), progress: .quiet).renderPNGSequence(to: folder.path)
        #expect(summary.framesRendered == 2 && summary.framesSkipped == 0)
    }

    @Test("a loop that throws discards the stream: the target is unchanged and nothing is left behind", .enabled(if: VideoTests.hasFFmpeg))
    func throwingLoopDiscards() throws {
        struct Diverged: Error {}
        let folder = TemporaryFolder(); defer { folder.cleanup() }
        try AtomicFile.write(text: "old", to: folder.file("run.mp4"))
        for name in ["run.mp4", "run.gif", "frames"] {
            #expect(throws: Diverged.self) {
                try FrameWriter.writing(to: folder.file(name)) { writer in
                    for step in 0..<5 {
                        if step == 3 { throw Diverged() }
                        try writer.write(Figure(width: 64, height: 48))
                    }
                }
            }
        }
        #expect(folder.contents() == ["run.mp4"])
        #expect(folder.bytes("run.mp4") == Array("old".utf8))
        // Dropping an unfinished writer does the same.
        do {
            let writer = try FrameWriter(to: folder.file("run.mp4"))
            try writer.write(Figure(width: 64, height: 48))
        }
        #expect(folder.contents() == ["run.mp4"])
        #expect(folder.bytes("run.mp4") == Array("old".utf8))
    }

    @Test("an ffmpeg that quits mid-stream stops the stream with its own message; the video is unchanged")
    func ffmpegQuitsMidStream() throws {
        let folder = TemporaryFolder(); defer { folder.cleanup() }
        let fake = folder.file("fake-ffmpeg")
        try writeFakeFFmpeg(at: fake, script: "head -c 100000 >/dev/null\necho 'Conversion failed!' >&2\nexit 3\n")
        try AtomicFile.write(text: "old", to: folder.file("run.mp4"))
        var options = VideoOptions()
        options.ffmpegPath = fake
        let writer = try FrameWriter(to: folder.file("run.mp4"), video: options)
        #expect(throws: AnimationError.ffmpegFailed(status: 3, message: "Conversion failed!")) {
            for _ in 0..<50 { try writer.write(Figure(width: 200, height: 150)) }
            try writer.finish()
        }
        #expect(throws: FrameWriterError.closed(path: folder.file("run.mp4"))) { try writer.finish() }
        #expect(folder.contents() == ["fake-ffmpeg", "run.mp4"])
        #expect(folder.bytes("run.mp4") == Array("old".utf8))
    }

    @Test("a size no frame can have is refused when the writer is made, not by a crash at the first frame")
    func impossibleSizes() throws {
        let folder = TemporaryFolder(); defer { folder.cleanup() }
        let sizes = [Size(width: 0, height: 10), Size(width: -5, height: 10), Size(width: .nan, height: 10),
                     Size(width: .infinity, height: 10), Size(width: 1e7, height: 1e7)]
        for size in sizes {
            for name in ["frames", "run.pdf"] {
                #expect(throws: CanvasError.self, "\(name) \(size)") { try FrameWriter(to: folder.file(name), size: size) }
            }
        }
        // A figure whose size was set to NaN after it was made: refused as a frame.
        let writer = try FrameWriter(to: folder.file("frames"))
        var figure = Figure(width: 10, height: 10)
        figure.size = Size(width: .nan, height: 10)
        #expect(throws: CanvasError.self) { try writer.write(figure) }
        #expect(throws: FrameWriterError.closed(path: folder.file("frames"))) { try writer.finish() }
        #expect(folder.contents().isEmpty)
    }

    @Test("targets the writer cannot write are refused before any frame")
    func badTargets() throws {
        let folder = TemporaryFolder(); defer { folder.cleanup() }
        for name in ["a.png", "a.svg", "a.webm"] {
            #expect(throws: FrameWriterError.self) { try FrameWriter(to: folder.file(name)) }
        }
        #expect(throws: FrameWriterError.self) { try FrameWriter(to: folder.file("a.pdf")) }          // no page size
        #expect(throws: FrameWriterError.self) { try FrameWriter(to: folder.file("a.pdf"), size: Size(width: 10, height: 10), scale: 2) }
        #expect(throws: FrameWriterError.self) { try FrameWriter(to: folder.file("f"), framesPerSecond: 0) }
        var rate = VideoOptions()
        rate.framesPerSecond = 30
        #expect(throws: FrameWriterError.self) { try FrameWriter(to: folder.file("a.mp4"), framesPerSecond: 20, video: rate) }
        #expect(throws: FileWriteError.self) { try FrameWriter(to: "/dev/null/frames") }
        var options = VideoOptions()
        options.ffmpegPath = "/nonexistent/ffmpeg"
        #expect(throws: AnimationError.ffmpegMissing(path: "/nonexistent/ffmpeg")) { try FrameWriter(to: folder.file("a.mp4"), video: options) }
        #expect(folder.contents().isEmpty)
    }
}

extension TemporaryFolder {
    /// An existing folder, to read (its `cleanup` removes it).
    static func at(_ path: String) -> TemporaryFolder { TemporaryFolder(existing: path) }
    private init(existing path: String) { self.path = path }
}
