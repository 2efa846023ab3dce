import Foundation
import Testing
@testable import FrameplotAnimation
import FrameplotCanvas
import FrameplotFiles

/// An output folder holds exactly one render, and resume keeps only what it would draw again.
@Suite("One render per folder")
struct RenderFolderTests {
    let quiet = ProgressStyle.quiet

    @Test("re-rendering with fewer frames removes the frames past the new end")
    func fewerFrames() throws {
        let folder = TemporaryFolder(); defer { folder.cleanup() }
        try FrameRenderer(scene: SlidingBoxScene(frameCount: 8), progress: quiet).renderPNGSequence(to: folder.path)
        try FrameRenderer(scene: SlidingBoxScene(frameCount: 5), progress: quiet).renderPNGSequence(to: folder.path)
        #expect(folder.contents() == (0..<5).map(FrameManifest.frameFileName) + ["manifest.json"])
    }

    @Test("a render with other options replaces every frame, also outside its frame range")
    func otherOptionsLeaveNoMix() throws {
        let folder = TemporaryFolder(); defer { folder.cleanup() }
        try FrameRenderer(scene: SlidingBoxScene(frameCount: 8), progress: quiet).renderPNGSequence(to: folder.path)
        let other = FrameRenderer(scene: SlidingBoxScene(frameCount: 8, size: Size(width: 80, height: 48)), progress: quiet)
        let summary = try other.renderPNGSequence(to: folder.path, frames: 0...2)
        #expect(summary.framesRendered == 3 && summary.framesSkipped == 0)
        #expect(folder.contents() == ["frame_00000.png", "frame_00001.png", "frame_00002.png", "manifest.json"])
        let manifest = try #require(FrameManifest.read(from: folder.path))
        #expect(manifest.pixelWidth == 80 && manifest.frames.count == 3)
    }

    @Test("each frame carries its render identity and index, so frames survive a lost manifest")
    func framesSurviveALostManifest() throws {
        let folder = TemporaryFolder(); defer { folder.cleanup() }
        let renderer = FrameRenderer(scene: SlidingBoxScene(frameCount: 6), progress: quiet)
        try renderer.renderPNGSequence(to: folder.path)
        let manifest = try #require(folder.bytes("manifest.json"))
        let identity = try #require(FrameManifest.read(from: folder.path)?.identity)
        #expect(identity.count == 32)
        let frame3 = try #require(folder.bytes("frame_00003.png"))
        let text = PNGTextChunk.read(from: frame3)
        #expect(text.contains(PNGTextChunk(keyword: "frameplot:identity", value: identity)))
        #expect(text.contains(PNGTextChunk(keyword: "frameplot:index", value: "3")))

        try FileManager.default.removeItem(atPath: folder.file("manifest.json"))
        let resumed = try renderer.renderPNGSequence(to: folder.path)
        #expect(resumed.framesSkipped == 6 && resumed.framesRendered == 0)
        #expect(folder.bytes("manifest.json") == manifest)

        // A truncated frame outside the manifest is not trusted.
        try FileManager.default.removeItem(atPath: folder.file("manifest.json"))
        try Data(frame3.prefix(frame3.count - 20)).write(to: URL(fileURLWithPath: folder.file("frame_00003.png")))
        let again = try renderer.renderPNGSequence(to: folder.path)
        #expect(again.framesRendered == 1)
        #expect(folder.bytes("frame_00003.png") == frame3)
    }

    @Test("a manifest entry pointing outside the folder does not count as a finished frame")
    func manifestNamesAreValidated() throws {
        let root = TemporaryFolder(); defer { root.cleanup() }
        let run = root.file("run"), other = root.file("other")
        let renderer = FrameRenderer(scene: SlidingBoxScene(frameCount: 6), progress: quiet)
        try renderer.renderPNGSequence(to: run)
        try renderer.renderPNGSequence(to: other)
        // Frame 5 is missing here, and the manifest claims it lives in the other folder.
        try FileManager.default.removeItem(atPath: run + "/frame_00005.png")
        var manifest = try #require(FrameManifest.read(from: run))
        manifest.frames[5].file = "../other/frame_00005.png"
        try manifest.write(to: run)
        let summary = try renderer.renderPNGSequence(to: run)
        #expect(summary.framesRendered == 1 && summary.framesSkipped == 5)
        #expect(FileManager.default.fileExists(atPath: run + "/frame_00005.png"))
        #expect(FrameManifest.read(from: run)?.frames[5].file == "frame_00005.png")
    }

    @Test("temporary files of killed renders are removed at start; other files stay")
    func staleTemporariesAreRemoved() throws {
        let folder = TemporaryFolder(); defer { folder.cleanup() }
        let renderer = FrameRenderer(scene: SlidingBoxScene(frameCount: 3), progress: quiet)
        try renderer.renderPNGSequence(to: folder.path)
        for name in [".frame_00002.png.tmp-abc123", ".manifest.json.tmp-XyZ789", "notes.txt", ".frame_notes.tmp-abc123"] {
            _ = FileManager.default.createFile(atPath: folder.file(name), contents: Data([1]))
        }
        try renderer.renderPNGSequence(to: folder.path)
        #expect(folder.contents() == [".frame_notes.tmp-abc123", "frame_00000.png", "frame_00001.png", "frame_00002.png",
                                      "manifest.json", "notes.txt"])
    }

    @Test("a second render into a folder in use stops with a clear message and changes nothing")
    func busyFolder() throws {
        let folder = TemporaryFolder(); defer { folder.cleanup() }
        let renderer = FrameRenderer(scene: SlidingBoxScene(frameCount: 3), progress: quiet)
        try renderer.renderPNGSequence(to: folder.path)
        let before = folder.contents().map { folder.bytes($0) }
        let held = try OutputFolder(locking: folder.path)
        defer { held.unlock() }
        #expect(throws: FileWriteError(path: folder.path, reason: .folderBusy, isFolder: true)) {
            try FrameRenderer(scene: SlidingBoxScene(frameCount: 2), progress: quiet).renderPNGSequence(to: folder.path)
        }
        #expect(folder.contents().map { folder.bytes($0) } == before)
    }

    @Test("the manifest is saved right after the first finished frame")
    func manifestAfterFirstFrame() throws {
        let folder = TemporaryFolder(); defer { folder.cleanup() }
        let scene = WaitForManifestScene(folder: folder.path)
        try FrameRenderer(scene: scene, workerCount: 1, progress: quiet).renderPNGSequence(to: folder.path)
        #expect(scene.seen.value == true, "frame 1 was drawn before the manifest listed frame 0")
    }

    @Test("kept frames that a fresh drawing contradicts are all drawn again, and the summary says so")
    func resumeChecksTheFirstKeptFrame() throws {
        let folder = TemporaryFolder(); defer { folder.cleanup() }
        let scene = DriftingScene()
        let renderer = FrameRenderer(scene: scene, progress: quiet)
        try renderer.renderPNGSequence(to: folder.path)
        let unchanged = try renderer.renderPNGSequence(to: folder.path)
        #expect(unchanged.framesSkipped == 4 && unchanged.notes.isEmpty)

        // Same identity, other pixels (the scene's identity misses what changed).
        scene.shift.value = true
        let redrawn = try renderer.renderPNGSequence(to: folder.path)
        #expect(redrawn.framesRendered == 4 && redrawn.framesSkipped == 0)
        #expect(redrawn.notes.count == 1)
        #expect(redrawn.notes.first?.contains("did not match a fresh drawing") == true)
        let fresh = TemporaryFolder(); defer { fresh.cleanup() }
        try renderer.renderPNGSequence(to: fresh.path)
        #expect(fresh.contents().map { fresh.bytes($0) } == folder.contents().map { folder.bytes($0) })
    }

    @Test("the canvas plan fits the memory budget: fewer workers, then one canvas")
    func canvasPlan() {
        let gib = 1 << 30
        // 8192x8192 at scale 2: 1 GiB per canvas.
        #expect(CanvasPlan.make(canvasBytes: gib, budget: gib, maxWorkers: 8, framesPerWorker: 1)
                == CanvasPlan(workers: 1, framesPerWorker: 1, cachesStaticLayer: false))
        #expect(CanvasPlan.make(canvasBytes: gib, budget: gib, maxWorkers: 8, framesPerWorker: 2)
                == CanvasPlan(workers: 1, framesPerWorker: 1, cachesStaticLayer: false))
        // 800x400: all workers.
        let small = 800 * 400 * 4
        #expect(CanvasPlan.make(canvasBytes: small, budget: gib, maxWorkers: 8, framesPerWorker: 2).workers == 8)
        // 4000x4000 (64 MB): 1 GiB holds 8 canvases, so 4 workers of two, or 2 of three for video.
        let big = 4000 * 4000 * 4
        #expect(CanvasPlan.make(canvasBytes: big, budget: gib, maxWorkers: 8, framesPerWorker: 1).workers == 8)
        #expect(CanvasPlan.make(canvasBytes: big, budget: 256 << 20, maxWorkers: 8, framesPerWorker: 1).workers == 2)
        #expect(CanvasPlan.make(canvasBytes: big, budget: 160 << 20, maxWorkers: 8, framesPerWorker: 2)
                == CanvasPlan(workers: 1, framesPerWorker: 1, cachesStaticLayer: true))
        for plan in [CanvasPlan.make(canvasBytes: big, budget: 300 << 20, maxWorkers: 8, framesPerWorker: 2),
                     CanvasPlan.make(canvasBytes: big, budget: 300 << 20, maxWorkers: 8, framesPerWorker: 1)] {
            #expect(plan.canvasCount * big <= 300 << 20)
        }
    }

    @Test("a translucent static layer is always cached (redrawing it would change pixels)")
    func translucentLayerKeepsItsCache() throws {
        let canvas = try ImageCanvas(width: 5, height: 3)
        canvas.clear(.white)
        #expect(FrameRenderer.isOpaque(canvas))
        canvas.clear(.clear)
        canvas.fill(.rect(Rect(x: 0, y: 0, width: 4, height: 3)), color: .white)
        #expect(!FrameRenderer.isOpaque(canvas), "the last (odd) column is transparent")
        let renderer = FrameRenderer(scene: SlidingBoxScene(), progress: quiet, memoryBudget: 1)
        #expect(renderer.canvasPlan(for: canvas, maxWorkers: 4, framesPerWorker: 1).cachesStaticLayer)
        canvas.clear(.white)
        #expect(!renderer.canvasPlan(for: canvas, maxWorkers: 4, framesPerWorker: 1).cachesStaticLayer)
    }

    @Test("a render under a one-canvas budget draws the same bytes as one with all workers")
    func tightBudgetSameBytes() throws {
        let roomy = TemporaryFolder(), tight = TemporaryFolder()
        defer { roomy.cleanup(); tight.cleanup() }
        let scene = SlidingBoxScene(frameCount: 7, size: Size(width: 300, height: 200))
        let wide = try FrameRenderer(scene: scene, workerCount: 4, progress: quiet).renderPNGSequence(to: roomy.path)
        let one = try FrameRenderer(scene: scene, workerCount: 4, progress: quiet, memoryBudget: 300 * 200 * 4)
            .renderPNGSequence(to: tight.path)
        #expect(one.workers == 1 && wide.workers > 1)
        #expect(roomy.contents() == tight.contents())
        for name in roomy.contents() { #expect(roomy.bytes(name) == tight.bytes(name), "\(name) differs") }
    }
}

/// A Boolean shared with a scene (which must be Sendable).
final class Flag: @unchecked Sendable {
    // `@unchecked Sendable`: `stored` is read and written only with `lock` held.
    private let lock = NSLock()
    private var stored = false
    var value: Bool {
        get { lock.lock(); defer { lock.unlock() }; return stored }
        set { lock.lock(); stored = newValue; lock.unlock() }
    }
}

/// Frame 1 waits until `manifest.json` lists frame 0 (at most 20 s) and records whether it did.
struct WaitForManifestScene: AnimationScene {
    let folder: String
    let seen = Flag()
    var name: String { "wait-for-manifest" }
    var size: Size { Size(width: 32, height: 24) }
    var framesPerSecond: Double { 10 }
    var frameCount: Int { 3 }
    func renderStatic(on canvas: Canvas) throws { canvas.clear(.white) }
    func renderFrame(_ index: Int, on canvas: Canvas) throws {
        canvas.fill(.rect(Rect(x: Double(index), y: 2, width: 4, height: 4)), color: .black)
        guard index == 1 else { return }
        for _ in 0..<2000 {
            if FrameManifest.read(from: folder)?.frames.contains(where: { $0.index == 0 }) == true {
                seen.value = true
                return
            }
            usleep(10_000)
        }
    }
}

/// A scene whose pixels change with `shift` while its identity stays the same.
struct DriftingScene: AnimationScene {
    let shift = Flag()
    var name: String { "drifting" }
    var size: Size { Size(width: 40, height: 30) }
    var framesPerSecond: Double { 10 }
    var frameCount: Int { 4 }
    func renderStatic(on canvas: Canvas) throws { canvas.clear(.white) }
    func renderFrame(_ index: Int, on canvas: Canvas) throws {
        let x = Double(index * 5 + (shift.value ? 3 : 0))
        canvas.fill(.rect(Rect(x: x, y: 5, width: 6, height: 6)), color: .red)
    }
}
