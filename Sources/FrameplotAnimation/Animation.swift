import FrameplotCanvas
import FrameplotModel

/// An animation of your own training run drawn straight on a canvas: a recorded run plus a
/// closure that draws one frame from it. (``FigureAnimation`` draws with axes, ticks and
/// legends instead.)
///
/// ```swift
/// let recorder = AnimationRecorder(schedule: .every(10))
/// // … push your loop's states with `recorder.record(step:loss:parameters:)` …
/// let animation = Animation(run: recorder.run, size: Size(width: 640, height: 360)) { frame, canvas in
///     canvas.drawText("step \(frame.step.step): loss \(frame.step.loss)", at: Point(x: 20, y: 20),
///                     style: TextStyle(size: 14))
/// }
/// try animation.render(to: "Output/my-run")      // PNG frames + manifest
/// try animation.render(to: "Output/my-run.mp4")  // or a video
/// ```
///
/// Its ``identity`` hashes the run, the size, and what the background and the first, middle
/// and last frames draw (exact coordinates, colours, texts, pixels of images), so a changed
/// run or drawing re-renders; a change that alters only other frames is not seen.
public struct Animation: AnimationScene {
    public var name: String
    public let size: Size
    public var framesPerSecond: Double
    /// The recorded states, one per frame.
    public let run: RecordedRun
    /// Settings that describe the animation, written into the manifest next to its identity.
    public var settings: [String: String]
    private let background: (@Sendable (Canvas) throws -> Void)?
    private let drawFrame: @Sendable (AnimationFrame, Canvas) throws -> Void
    private let drawingIdentity = OnceValue<RenderIdentity>()

    /// - Parameters:
    ///   - fingerprint: settings that describe the animation, listed in the manifest.
    ///   - background: draws what never changes (axes, data), cached and composited under every frame.
    ///   - frame: draws the moving parts of one frame.
    public init(name: String = "animation", run: RecordedRun, size: Size, framesPerSecond: Double = 20,
                fingerprint: [String: String] = [:],
                background: (@Sendable (Canvas) throws -> Void)? = nil,
                frame: @escaping @Sendable (AnimationFrame, Canvas) throws -> Void) {
        self.name = name; self.run = run; self.size = size; self.framesPerSecond = framesPerSecond
        self.settings = fingerprint; self.background = background; self.drawFrame = frame
    }

    public var frameCount: Int { run.steps.count }

    /// ``settings`` plus the identity.
    public var fingerprint: [String: String] { AnimationIdentity.fingerprint(settings, identity: identity) }

    public var identity: RenderIdentity {
        AnimationIdentity.identity(kind: "animation", name: name, framesPerSecond: framesPerSecond, settings: settings,
                                   drawing: drawingIdentity.get {
            AnimationIdentity.drawing(kind: "animation drawing", size: size, run: run) { canvas in
                try renderStatic(on: canvas)
                for index in AnimationIdentity.sampleFrames(count: frameCount) { try renderFrame(index, on: canvas) }
            }
        })
    }

    public func renderStatic(on canvas: Canvas) throws { try background?(canvas) }

    public func renderFrame(_ index: Int, on canvas: Canvas) throws {
        try drawFrame(AnimationFrame(index: index, run: run), canvas)
    }
}

/// What a frame closure sees: its index and the recorded run up to it.
///
/// ```swift
/// let w = frame.step.parameters                        // this frame's state
/// let path = frame.past.map { $0.parameters[0] }       // frames 0...index, read in place
/// ```
public struct AnimationFrame: Sendable {
    /// The frame number, from 0.
    public let index: Int
    /// The whole recorded run (use ``past`` for the states shown so far).
    public let run: RecordedRun

    /// The state of this frame (a copy; `past.last` reads it in place).
    public var step: TrainingStep { run.steps[index].trainingStep }
    /// The states of frames `0...index` (for paths and growing learning curves): a view of
    /// the run, O(1) to take, nothing copied.
    public var past: RecordedSteps { run.steps[...index] }
    /// Whether this is the last frame.
    public var isLast: Bool { index == run.steps.count - 1 }
}

extension AnimationScene {
    /// Renders to `path`: an `.mp4` or `.gif` video, a `.pdf` with one vector page per frame,
    /// or else a folder of PNG frames with a manifest (resuming a previous render there).
    ///
    /// ```swift
    /// try scene.render(to: "Output/gd-locus.gif")
    /// try scene.render(to: "Output/gd-locus.pdf")   // for LaTeX Beamer (\animategraphics)
    /// ```
    @discardableResult
    public func render(to path: String, scale: Double = 1, progress: ProgressStyle = .automatic) throws -> RenderSummary {
        let renderer = FrameRenderer(scene: self, scale: scale, progress: progress)
        if VideoOptions.Format(path: path) != nil { return try renderer.renderVideo(to: path) }
        if path.lowercased().hasSuffix(".pdf") { return try renderer.renderPDF(to: path) }
        return try renderer.renderPNGSequence(to: path)
    }
}
