import FrameplotCanvas
import FrameplotModel

/// An animation of your own training run in a few lines: a recorded history plus a closure
/// that draws one frame from it.
///
/// ```swift
/// let recorder = AnimationRecorder(schedule: .every(10))
/// // … run your training loop with `recorder` as its observer …
/// let animation = Animation(run: recorder.run, size: Size(width: 640, height: 360)) { frame, canvas in
///     let w = frame.step.parameters
///     canvas.drawText("step \(frame.step.step): loss \(frame.step.loss)", at: Point(x: 20, y: 20),
///                     style: TextStyle(size: 14))
/// }
/// try animation.render(to: "Output/my-run")      // PNG frames + manifest
/// try animation.render(to: "Output/my-run.mp4")  // or a video
/// ```
public struct Animation: AnimationScene {
    public var name: String
    public var size: Size
    public var framesPerSecond: Double
    /// The recorded states, one per frame.
    public var run: RecordedRun
    public var fingerprint: [String: String]
    private let background: (@Sendable (Canvas) throws -> Void)?
    private let drawFrame: @Sendable (AnimationFrame, Canvas) throws -> Void

    /// - Parameters:
    ///   - background: draws what never changes (axes, data), cached and composited under every frame.
    ///   - frame: draws the moving parts of one frame.
    public init(name: String = "animation", run: RecordedRun, size: Size, framesPerSecond: Double = 20,
                fingerprint: [String: String] = [:],
                background: (@Sendable (Canvas) throws -> Void)? = nil,
                frame: @escaping @Sendable (AnimationFrame, Canvas) throws -> Void) {
        self.name = name; self.run = run; self.size = size; self.framesPerSecond = framesPerSecond
        self.fingerprint = fingerprint; self.background = background; self.drawFrame = frame
    }

    public var frameCount: Int { run.steps.count }

    public func renderStatic(on canvas: Canvas) throws { try background?(canvas) }

    public func renderFrame(_ index: Int, on canvas: Canvas) throws {
        try drawFrame(AnimationFrame(index: index, run: run), canvas)
    }
}

/// What a frame closure of ``Animation`` sees: its index and the history up to it.
public struct AnimationFrame: Sendable {
    /// The frame number, from 0.
    public let index: Int
    /// The whole recorded run (use ``past`` for the states shown so far).
    public let run: RecordedRun

    /// The state of this frame.
    public var step: TrainingStep { run.steps[index] }
    /// The states of frames `0...index` (for paths and growing learning curves).
    public var past: ArraySlice<TrainingStep> { run.steps[...index] }
    /// Whether this is the last frame.
    public var isLast: Bool { index == run.steps.count - 1 }
}

extension AnimationScene {
    /// Renders to `path`: an `.mp4` or `.gif` video, or else a folder of PNG frames with a
    /// manifest (resuming a previous render there).
    ///
    /// ```swift
    /// try scene.render(to: "Output/gd-locus.gif")
    /// ```
    @discardableResult
    public func render(to path: String, scale: Double = 1, progress: ProgressStyle = .automatic) throws -> RenderSummary {
        let renderer = FrameRenderer(scene: self, scale: scale, progress: progress)
        if VideoOptions.Format(path: path) != nil { return try renderer.renderVideo(to: path) }
        return try renderer.renderPNGSequence(to: path)
    }
}
