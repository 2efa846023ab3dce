import Dispatch
import Foundation
import FrameplotCanvas
import FrameplotFiles

/// Renders a scene's frames on all cores: PNG sequences with a resumable manifest, and
/// video through ffmpeg (see ``renderVideo(to:options:)``).
///
/// Each worker draws the scene's static layer once, then for each frame it takes clears its
/// own frame canvas, composites the cached layer and draws the moving parts. A frame depends
/// only on its index, so the output is byte-identical whatever the number of workers.
/// Memory stays within ``memoryBudget``: huge frames get fewer workers, down to one canvas
/// that redraws the static layer under every frame.
///
/// A render stops cleanly between frames when ``isCancelled`` returns true or when
/// ``StopRequest`` was requested (the `frameplot` command does so on SIGINT and SIGTERM).
///
/// ```swift
/// let scene = try SceneCatalog.standard.makeScene("gd-locus")
/// let summary = try FrameRenderer(scene: scene).renderPNGSequence(to: "Output/gd-locus")
/// print(summary.framesRendered, summary.framesSkipped)
/// ```
public struct FrameRenderer: Sendable {
    /// The scene to draw.
    public var scene: any AnimationScene
    /// Device scale: 2 gives twice the pixels with the same layout.
    public var scale: Double
    /// How many frames are drawn at once at most (default: all cores; fewer when the
    /// ``memoryBudget`` does not fit that many canvases).
    public var workerCount: Int
    /// PNG compression for frames (fast by default: encoding is the hot path).
    public var pngOptions: PNGOptions
    /// Progress output on standard error.
    public var progress: ProgressStyle
    /// Polled between frames; returning true stops the render cleanly (every frame written so
    /// far is complete and recorded in the manifest) with ``AnimationError/cancelled(framesDone:)``
    /// (``AnimationError/videoCancelled(path:)`` for a video, which writes nothing).
    public var isCancelled: (@Sendable () -> Bool)?
    /// The most bytes of canvases a render holds at once (frame canvases, cached static layers
    /// and a video's frames in flight): ``defaultMemoryBudget`` unless set.
    public var memoryBudget: Int

    /// A quarter of the machine's memory, at least 256 MiB and at most 1 GiB.
    public static let defaultMemoryBudget: Int = {
        let quarter = Int(clamping: ProcessInfo.processInfo.physicalMemory / 4)
        return max(256 << 20, min(1 << 30, quarter))
    }()

    public init(scene: any AnimationScene, scale: Double = 1,
                workerCount: Int = ProcessInfo.processInfo.activeProcessorCount,
                pngOptions: PNGOptions = .fast, progress: ProgressStyle = .automatic,
                isCancelled: (@Sendable () -> Bool)? = nil, memoryBudget: Int = FrameRenderer.defaultMemoryBudget) {
        self.scene = scene; self.scale = scale; self.workerCount = max(1, workerCount)
        self.pngOptions = pngOptions; self.progress = progress; self.isCancelled = isCancelled
        self.memoryBudget = max(1, memoryBudget)
    }

    /// Draws frame `index` alone into a new canvas (previews, tests, thumbnails).
    public func renderFrame(_ index: Int) throws -> ImageCanvas {
        let layer = try makeStaticLayer()
        let frame = try makeCanvas()
        var timing = FrameTiming()
        try draw(index, on: frame, over: layer, timing: &timing)
        return frame
    }

    /// Whether the render should stop: ``isCancelled`` or a ``StopRequest``.
    var stopRequested: Bool {
        (isCancelled?() ?? false) || StopRequest.shared.isRequested
    }

    /// Starts `frame` from the static layer and draws the moving parts of `index`.
    ///
    /// A cached `layer` (from ``makeStaticLayer()``, opaque) is copied; without one (huge
    /// frames under a tight memory budget) the static part is drawn again on white. Both give
    /// the same pixels when the static drawing is opaque, which is checked before a render goes
    /// without a cache.
    func draw(_ index: Int, on frame: ImageCanvas, over layer: ImageCanvas?, timing: inout FrameTiming) throws {
        let t0 = DispatchTime.now()
        if let layer {
            try frame.copyPixels(from: layer)
        } else {
            frame.clear(.white)
            try scene.renderStatic(on: frame)
        }
        let t1 = DispatchTime.now()
        try scene.renderFrame(index, on: frame)
        let t2 = DispatchTime.now()
        if layer == nil { timing.staticLayer += Self.seconds(from: t0, to: t1) } else { timing.composite += Self.seconds(from: t0, to: t1) }
        timing.draw += Self.seconds(from: t1, to: t2)
        timing.frames += 1
    }

    func makeCanvas() throws -> ImageCanvas {
        try ImageCanvas(width: scene.size.width, height: scene.size.height, scale: scale)
    }

    /// The static part drawn on white: opaque, so that frames start from a copy of it. A static
    /// drawing that leaves translucent pixels is flattened onto white first (the pixels a frame
    /// cleared to white and composited over would get).
    func makeStaticLayer() throws -> ImageCanvas {
        let layer = try makeCanvas()
        layer.clear(.white)
        try scene.renderStatic(on: layer)
        guard !Self.isOpaque(layer) else { return layer }
        let flat = try makeCanvas()
        flat.clear(.white)
        flat.composite(layer, at: .zero)
        return flat
    }

    /// The identity of this render: the scene's identity, device scale, pixel size, PNG
    /// options, Frameplot's version and the pixels of the drawn static layer (so that a change
    /// of fonts or drawing code that the scene's identity cannot see still counts).
    func renderIdentity(staticLayer layer: ImageCanvas) -> RenderIdentity {
        var hasher = RenderIdentityHasher(kind: "frameplot-frames")
        hasher.combine("scene", scene.identity)
        hasher.combine("scale", scale)
        hasher.combine("pixels", [Double(layer.pixelWidth), Double(layer.pixelHeight)])
        hasher.combine("png", pngOptions.identityValues)
        hasher.combine("version", FrameplotVersion.string)
        hasher.combine("static", layer.withUnsafeBGRABytes { bytes, _ in FrameHash.pixels(bytes) })
        return hasher.finalize()
    }

    static func seconds(since start: DispatchTime) -> Double { seconds(from: start, to: .now()) }
    static func seconds(from a: DispatchTime, to b: DispatchTime) -> Double {
        Double(b.uptimeNanoseconds &- a.uptimeNanoseconds) / 1e9
    }
}

/// What a render did and where its time went.
public struct RenderSummary: Sendable {
    /// Frames drawn and written by this call.
    public var framesRendered: Int
    /// Frames found complete on disk and kept.
    public var framesSkipped: Int
    /// Wall-clock seconds.
    public var seconds: Double
    /// CPU seconds per phase, summed over workers.
    public var timing: FrameTiming
    /// Frames drawn at once (fewer than asked for when the memory budget is tight).
    public var workers: Int = 1
    /// Things the person running the render should know, one line each (e.g. that frames on
    /// disk did not match a fresh drawing and were all drawn again).
    public var notes: [String] = []

    /// Frames drawn per wall-clock second.
    public var framesPerSecond: Double { seconds > 0 ? Double(framesRendered) / seconds : 0 }
}

/// CPU seconds spent in each phase of a render, summed over all workers.
public struct FrameTiming: Sendable {
    public var frames = 0
    /// Drawing the static layer (once per worker, or once per frame without a cached layer).
    public var staticLayer = 0.0
    /// Clearing and compositing the cached layer under each frame.
    public var composite = 0.0
    /// Drawing the moving parts.
    public var draw = 0.0
    /// PNG encoding (or BGRA hand-off to ffmpeg).
    public var encode = 0.0
    /// Writing files.
    public var write = 0.0

    public init() {}

    mutating func add(_ other: FrameTiming) {
        frames += other.frames; staticLayer += other.staticLayer; composite += other.composite
        draw += other.draw; encode += other.encode; write += other.write
    }
}
