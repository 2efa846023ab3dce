import FrameplotCanvas
import FrameplotPlot

/// An animation drawn with the plot layer: a ``Figure`` holding everything that stays
/// (axes, heatmaps, data points) and a closure that adds one frame's moving marks
/// (`layer: .dynamic`) for a recorded training state.
///
/// The static marks are drawn once per worker into the cached layer; each frame draws only
/// the dynamic marks (and spines and legend on top). The layout is computed once, from the
/// static figure plus the dynamic marks of frames spread over the whole run, so axes limits
/// and tick labels never jump between frames (set explicit limits to choose them yourself).
///
/// ```swift
/// let recorder = AnimationRecorder(schedule: .every(200))
/// _ = try Trainer(configuration: config).train(objective, from: [0, 0], observer: recorder)
/// var figure = Figure(width: 640, height: 480)
/// figure.axes.scatter(xs: xs, ys: ys)
/// let animation = try FigureAnimation(run: recorder.run, figure: figure) { frame, figure in
///     let p = frame.step.parameters
///     figure.axes.straightLine(slope: p[0], intercept: p[1], color: .black, layer: .dynamic)
/// }
/// try animation.render(to: "Output/fit.mp4")
/// ```
public struct FigureAnimation: AnimationScene {
    public typealias FrameBuilder = @Sendable (AnimationFrame, inout Figure) -> Void

    public var name: String
    public var framesPerSecond: Double
    public var fingerprint: [String: String]
    /// The recorded states, one per frame.
    public let run: RecordedRun
    /// The figure with the static marks.
    public let figure: Figure
    /// The layout shared by every frame.
    public let layout: FigureLayout
    private let build: FrameBuilder

    /// - Parameters:
    ///   - figure: the static part; its size is the frame size.
    ///   - frame: adds the dynamic marks of one frame to a copy of `figure`.
    public init(name: String = "animation", run: RecordedRun, figure: Figure, framesPerSecond: Double = 20,
                fingerprint: [String: String] = [:], frame: @escaping FrameBuilder) throws {
        self.name = name; self.run = run; self.figure = figure; self.framesPerSecond = framesPerSecond
        self.fingerprint = fingerprint; self.build = frame
        // Lay out with the moving marks of a few frames spread over the run (first and last
        // included), for stable limits; few, because late frames can carry long paths.
        var sizing = figure
        let count = run.steps.count
        if count > 0 {
            let samples = Swift.min(count, 9)
            var seen = Set<Int>()
            for k in 0..<samples {
                let index = samples == 1 ? count - 1 : k * (count - 1) / (samples - 1)
                if seen.insert(index).inserted { frame(AnimationFrame(index: index, run: run), &sizing) }
            }
        }
        let measuring = try ImageCanvas(width: figure.size.width, height: figure.size.height, scale: 1)
        self.layout = sizing.layout(measuringWith: measuring)
    }

    public var size: Size { figure.size }
    public var frameCount: Int { run.steps.count }

    public func renderStatic(on canvas: Canvas) throws {
        figure.render(on: canvas, layout: layout, layers: .background)
    }

    public func renderFrame(_ index: Int, on canvas: Canvas) throws {
        var frameFigure = figure
        build(AnimationFrame(index: index, run: run), &frameFigure)
        frameFigure.render(on: canvas, layout: layout, layers: .foreground)
    }
}
