import Foundation
import Testing
import FrameplotCanvas
import FrameplotFiles
import FrameplotModel
import FrameplotPlot
import FrameplotScenes
@testable import FrameplotAnimation

@Suite("Vector frames: multi-page PDF and per-frame SVG")
struct VectorRenderTests {
    static let pdftoppm = "/usr/bin/pdftoppm"
    static let rsvgConvert = "/usr/bin/rsvg-convert"

    /// Pages, form XObjects and page sizes of a PDF cairo wrote (dictionaries are plain text).
    static func pdfCounts(_ bytes: [UInt8]) -> (pages: Int, forms: Int, mediaBox: Bool) {
        let text = String(decoding: bytes, as: UTF8.self)
        func count(_ pattern: String) -> Int {
            (try? NSRegularExpression(pattern: pattern)).map { $0.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text)) } ?? -1
        }
        return (count(#"/Type /Page\b(?!s)"#), count(#"/Subtype /Form\b"#), count(#"/MediaBox \[ 0 0 240 180 \]"#) == count(#"/MediaBox"#))
    }

    /// A plot-layer animation: static points and grid, a moving line and caption per frame.
    static func animation(frames: Int = 7) throws -> FigureAnimation {
        var figure = Figure(width: 240, height: 180)
        figure.axes.x.limits = AxisLimits(lower: 0, upper: 10)
        figure.axes.y.limits = AxisLimits(lower: 0, upper: 10)
        figure.axes.scatter(xs: [2, 5, 8], ys: [3, 5, 7], size: 12, label: "data")
        var run = RecordedRun(parameterNames: ["w", "b"])
        for i in 0..<frames { run.append(step: i, epoch: 0, loss: 1, parameters: [Double(i) / Double(frames), 1]) }
        return try FigureAnimation(run: run, figure: figure) { frame, figure in
            let p = frame.step.parameters
            figure.axes.straightLine(slope: p[0], intercept: p[1], label: "fit")
            figure.axes.text("step \(frame.step.step)", axesFraction: DataPoint(x: 0.95, y: 0.05), anchor: TextAnchor(.right, .bottom))
        }
    }

    @Test("PDF: one page per frame at the scene's size, the static layer stored once, same bytes twice")
    func pdfPages() throws {
        let folder = TemporaryFolder(); defer { folder.cleanup() }
        let scene = try Self.animation()
        let renderer = FrameRenderer(scene: scene, progress: .quiet)
        let summary = try renderer.renderPDF(to: folder.file("anim.pdf"))
        #expect(summary.framesRendered == 7)
        let bytes = try #require(folder.bytes("anim.pdf"))
        let counts = Self.pdfCounts(bytes)
        #expect(counts.pages == 7)
        #expect(counts.mediaBox)
        #expect(counts.forms >= 1)
        try renderer.renderPDF(to: folder.file("again.pdf"))
        #expect(folder.bytes("again.pdf") == bytes)
        // Without sharing, every page carries the static drawing again.
        try renderer.renderPDF(to: folder.file("repeated.pdf"), sharingStaticLayer: false)
        let repeated = try #require(folder.bytes("repeated.pdf"))
        #expect(Self.pdfCounts(repeated).pages == 7)
        #expect(folder.contents() == ["again.pdf", "anim.pdf", "repeated.pdf"])
    }

    @Test("PDF pages look like the PNG frames", .enabled(if: FileManager.default.isExecutableFile(atPath: VectorRenderTests.pdftoppm)))
    func pdfPagesMatchFrames() throws {
        let folder = TemporaryFolder(); defer { folder.cleanup() }
        let scene = try Self.animation()
        let renderer = FrameRenderer(scene: scene, progress: .quiet)
        try renderer.renderPDF(to: folder.file("anim.pdf"))
        for index in [0, 6] {
            // 72 dpi: one pixel per point, as the frames at scale 1.
            _ = runProgram(Self.pdftoppm, ["-png", "-r", "72", "-f", "\(index + 1)", "-l", "\(index + 1)", "-singlefile",
                                           folder.file("anim.pdf"), folder.file("page\(index)")])
            let page = try PNGReader.decode(try #require(folder.bytes("page\(index).png")))
            let frame = try renderer.renderFrame(index).snapshot()
            #expect(page.width == frame.width && page.height == frame.height)
            // Poppler antialiases text and hairlines a little differently; the picture is the same.
            let far = Self.fractionDiffering(page, frame, by: 160)
            #expect(far < 0.005, "page \(index + 1): \(far * 100)% of the pixels differ from frame \(index) by more than 160")
        }
    }

    /// The fraction of pixels whose colour differs by more than `limit` in some channel (1 when
    /// the sizes differ): a misplaced line or a missing layer shows, antialiasing does not.
    static func fractionDiffering(_ a: RasterImage, _ b: RasterImage, by limit: Int) -> Double {
        guard a.pixels.count == b.pixels.count, !a.pixels.isEmpty else { return 1 }
        var far = 0
        for p in stride(from: 0, to: a.pixels.count, by: 4) where (0..<3).contains(where: { abs(Int(a.pixels[p + $0]) - Int(b.pixels[p + $0])) > limit }) {
            far += 1
        }
        return Double(far) / Double(a.pixels.count / 4)
    }

    @Test("PDF: a cancelled render keeps the old file and leaves nothing behind")
    func pdfCancelled() throws {
        let folder = TemporaryFolder(); defer { folder.cleanup() }
        try AtomicFile.write(text: "old", to: folder.file("anim.pdf"))
        let calls = Counter()
        var renderer = FrameRenderer(scene: SlidingBoxScene(frameCount: 12), progress: .quiet)
        renderer.isCancelled = { calls.next() > 3 }
        #expect(throws: AnimationError.outputCancelled(path: folder.file("anim.pdf"))) { try renderer.renderPDF(to: folder.file("anim.pdf")) }
        #expect(folder.bytes("anim.pdf") == Array("old".utf8))
        #expect(folder.contents() == ["anim.pdf"])
    }

    @Test("vector output refuses a device scale, which it could not use")
    func vectorRefusesScale() throws {
        let folder = TemporaryFolder(); defer { folder.cleanup() }
        let renderer = FrameRenderer(scene: SlidingBoxScene(), scale: 2, progress: .quiet)
        #expect(throws: AnimationError.self) { try renderer.renderPDF(to: folder.file("a.pdf")) }
        #expect(throws: AnimationError.self) { try renderer.renderSVGSequence(to: folder.file("svg")) }
        #expect(folder.contents().isEmpty)
    }

    @Test("SVG frames: one file per frame and a manifest; the folder's PNG render is replaced; same bytes twice")
    func svgFrames() throws {
        let folder = TemporaryFolder(); defer { folder.cleanup() }
        let scene = SlidingBoxScene(frameCount: 5)
        try FrameRenderer(scene: SlidingBoxScene(frameCount: 8), progress: .quiet).renderPNGSequence(to: folder.path)
        let renderer = FrameRenderer(scene: scene, progress: .quiet)
        try renderer.renderSVGSequence(to: folder.path)
        #expect(folder.contents() == (0..<5).map { FrameManifest.frameFileName($0, extension: "svg") } + ["manifest.json"])
        let first = try #require(folder.bytes("frame_00000.svg"))
        #expect(String(decoding: first, as: UTF8.self).contains("viewBox=\"0 0 64 48\""))
        let manifest = try #require(FrameManifest.read(from: folder.path))
        #expect(manifest.frames.map(\.file) == (0..<5).map { FrameManifest.frameFileName($0, extension: "svg") })
        #expect(manifest.frames.first?.hash == FrameHash.fnv1a(first))
        try renderer.renderSVGSequence(to: folder.path)
        #expect(folder.bytes("frame_00000.svg") == first)
        // A PNG render into the folder replaces the SVG frames.
        try renderer.renderPNGSequence(to: folder.path)
        #expect(folder.contents() == (0..<5).map { FrameManifest.frameFileName($0) } + ["manifest.json"])
    }

    @Test("SVG frames: a cancelled render leaves the folder as it was")
    func svgCancelled() throws {
        let folder = TemporaryFolder(); defer { folder.cleanup() }
        try FrameRenderer(scene: SlidingBoxScene(frameCount: 3), progress: .quiet).renderPNGSequence(to: folder.path)
        let before = folder.contents().map { folder.bytes($0) }
        let calls = Counter()
        var renderer = FrameRenderer(scene: SlidingBoxScene(frameCount: 40), workerCount: 1, progress: .quiet)
        renderer.isCancelled = { calls.next() > 5 }
        #expect(throws: AnimationError.outputCancelled(path: folder.path)) { try renderer.renderSVGSequence(to: folder.path) }
        #expect(folder.contents().map { folder.bytes($0) } == before)
        #expect(folder.contents().count == 4)
    }

    @Test("a staging folder that a killed render left is removed by the next render of the folder")
    func abandonedStagingRemoved() throws {
        let folder = TemporaryFolder(); defer { folder.cleanup() }
        for render in [{ try FrameRenderer(scene: SlidingBoxScene(frameCount: 2), progress: .quiet).renderSVGSequence(to: folder.path) },
                       { try FrameRenderer(scene: SlidingBoxScene(frameCount: 2), progress: .quiet).renderPNGSequence(to: folder.path) }] {
            let staging = folder.file(StagedFrameFolder.stagingPrefix + "k1ll3d00")
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
            try AtomicFile.write(text: "half", to: staging + "/frame_00000.svg")
            // A link of a staging folder's name is removed as a link: what it points to stays.
            let elsewhere = TemporaryFolder(); defer { elsewhere.cleanup() }
            try AtomicFile.write(text: "keep", to: elsewhere.file("frame_00000.png"))
            try FileManager.default.createSymbolicLink(atPath: folder.file(StagedFrameFolder.stagingPrefix + "l1nk0000"),
                                                       withDestinationPath: elsewhere.path)
            _ = try render()
            #expect(!FileManager.default.fileExists(atPath: staging))
            #expect(!folder.contents().contains { $0.hasPrefix(".") })
            #expect(elsewhere.bytes("frame_00000.png") == Array("keep".utf8))
        }
    }

    @Test("SVG frames look like the PNG frames and open at their pixel size", .enabled(if: FileManager.default.isExecutableFile(atPath: VectorRenderTests.rsvgConvert)))
    func svgFramesMatchFrames() throws {
        let folder = TemporaryFolder(); defer { folder.cleanup() }
        let renderer = FrameRenderer(scene: try Self.animation(), progress: .quiet)
        try renderer.renderSVGSequence(to: folder.path)
        // At its own size: an SVG sized in pt would open 4/3 as large as the PNG frame (320x240).
        _ = runProgram(Self.rsvgConvert, ["-o", folder.file("frame3.png"), folder.file("frame_00003.svg")])
        let converted = try PNGReader.decode(try #require(folder.bytes("frame3.png")))
        let frame = try renderer.renderFrame(3).snapshot()
        try #require(converted.width == frame.width && converted.height == frame.height, "\(converted.width)x\(converted.height)")
        let far = Self.fractionDiffering(converted, frame, by: 160)
        #expect(far < 0.005, "\(far * 100)% of the pixels differ from frame 3 by more than 160")
    }

    @Test("gd-locus as a PDF: 101 pages of its size")
    func gdLocusPDF() throws {
        let folder = TemporaryFolder(); defer { folder.cleanup() }
        let scene = try SceneCatalog.standard.makeScene("gd-locus")
        try scene.render(to: folder.file("a.pdf"), progress: .quiet)
        let text = String(decoding: try #require(folder.bytes("a.pdf")), as: UTF8.self)
        #expect(scene.frameCount == 101)
        #expect((try NSRegularExpression(pattern: #"/Type /Page\b(?!s)"#)).numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text)) == 101)
        #expect(text.contains("/MediaBox [ 0 0 \(Int(scene.size.width)) \(Int(scene.size.height)) ]"))
    }

    @Test func animateGraphicsLine() {
        #expect(FrameRenderer.animateGraphicsLine(forPDF: "Output/gd-locus.pdf", framesPerSecond: 20, pageCount: 101)
                == #"\animategraphics[controls,loop]{20}{Output/gd-locus}{0}{100}"#)
        #expect(FrameRenderer.animateGraphicsLine(forPDF: "a.PDF", framesPerSecond: 12.5, pageCount: 3)
                == #"\animategraphics[controls,loop]{12.500000}{a}{0}{2}"#)
    }
}
