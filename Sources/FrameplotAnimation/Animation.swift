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

/// What a frame closure sees: its index, the states drawn up to it, and where it stands
/// among the recorded states.
///
/// Without tweening every frame is one recorded state. With a ``Tween`` the frames between
/// two recorded states show interpolated ones: ``step`` and ``past`` are the interpolated
/// states (paths grow smoothly), ``nearestRecorded`` is the recorded state whose numbers a
/// caption shows, and ``stepPosition`` the step number between recorded ones (the x of a
/// growing learning curve).
///
/// ```swift
/// let w = frame.step.parameters                        // this frame's state
/// let path = frame.past.map { $0.parameters[0] }       // frames 0...index, read in place
/// let caption = "step \(frame.nearestRecorded.step)"   // a step that was recorded
/// ```
public struct AnimationFrame: Sendable {
    /// The frame number, from 0.
    public let index: Int
    /// The states drawn, one per frame: the recorded run, or with tweening the run with its
    /// in-between states (use ``past`` for the states shown so far).
    public let run: RecordedRun
    /// The states the training recorded (the same as ``run`` without tweening).
    public let recorded: RecordedRun
    /// How frames map to recorded states.
    public let timeline: FrameTimeline

    init(index: Int, run: RecordedRun) {
        self.init(index: index, run: run, recorded: run, timeline: FrameTimeline(recordedCount: run.steps.count))
    }

    init(index: Int, run: RecordedRun, recorded: RecordedRun, timeline: FrameTimeline) {
        self.index = index; self.run = run; self.recorded = recorded; self.timeline = timeline
    }

    /// The state of this frame (a copy; `past.last` reads it in place). Between recorded
    /// states it is interpolated, with the step number of the nearer one.
    public var step: TrainingStep { run.steps[index].trainingStep }
    /// The states of frames `0...index` (for paths and growing learning curves): a view of
    /// the run, O(1) to take, nothing copied.
    public var past: RecordedSteps { run.steps[...index] }
    /// Whether this is the last frame.
    public var isLast: Bool { index == run.steps.count - 1 }

    /// The index in ``recorded`` of the recorded state nearest to this frame.
    public var nearestRecordedIndex: Int { timeline.nearestRecorded(ofFrame: index) }
    /// The recorded state nearest to this frame: what captions show (its step, loss and
    /// parameters were really recorded).
    public var nearestRecorded: TrainingStep { recorded.steps[nearestRecordedIndex].trainingStep }
    /// The recorded states this frame has reached: 0 through the one at or before it.
    public var recordedPast: RecordedSteps { recorded.steps[...timeline.position(ofFrame: index).recorded] }
    /// The recorded state after the one at or before this frame (where the current step
    /// lands), or nil from the last recorded state on.
    public var nextRecorded: RecordedStep? {
        let next = timeline.position(ofFrame: index).recorded + 1
        return next < recorded.steps.count ? recorded.steps[next] : nil
    }
    /// This frame's step number: a recorded step, or between two when tweening.
    public var stepPosition: Double { stepPosition(ofFrame: index) }
    /// The step numbers of frames `0...index`, one per state of ``past``.
    public var pastStepPositions: [Double] { (0...index).map(stepPosition(ofFrame:)) }

    private func stepPosition(ofFrame frame: Int) -> Double {
        let (k, t) = timeline.position(ofFrame: frame)
        let here = Double(recorded.steps[k].step)
        guard t > 0, k + 1 < recorded.steps.count else { return here }
        return here + (Double(recorded.steps[k + 1].step) - here) * t
    }
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
