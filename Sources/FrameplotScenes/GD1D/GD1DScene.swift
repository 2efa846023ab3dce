import Foundation
import FrameplotAnimation
import FrameplotCanvas
import FrameplotModel
import FrameplotPlot

/// `gd1d`: gradient descent on f(x) = ½(x − 5)² + 1 from x = 9 with η = 0.5 (600x600).
///
/// Each frame shows the curve, the tangent at the current x, the step to the next x (an
/// arrow along the curve), a dashed vertical line and a dot at x; limits 0..10.
///
/// ```swift
/// let scene = try GD1DScene.make(options: SceneOptions(learningRate: 0.9))
/// ```
public enum GD1DScene {
    public static let name = "gd1d"
    public static let parameterNames = ["x"]
    static let defaultSize = Size(width: 600, height: 600)

    /// f(x) = ½(x − 5)² + 1.
    public static func f(_ x: Double) -> Double { 0.5 * (x - 5) * (x - 5) + 1 }
    /// f′(x) = x − 5.
    public static func slope(_ x: Double) -> Double { x - 5 }

    public static func make(options: SceneOptions) throws -> FigureAnimation {
        let run = try options.history ?? train(options: options)
        try run.requireParameters(parameterNames, scene: name)
        return try scene(run: run, options: options)
    }

    public static func train(options: SceneOptions) throws -> RecordedRun {
        let configuration = TrainingConfiguration(steps: options.steps ?? 12, recordEvery: options.every ?? 1,
                                                  learningRate: .constant(options.learningRate ?? 0.5))
        let recorder = AnimationRecorder()
        _ = try Trainer(configuration: configuration).train(ParabolaObjective(), from: [9], observer: recorder)
        return recorder.run
    }

    public static func caption(_ step: TrainingStep) -> String {
        let x = step.parameters[0]
        return String(format: "step %d:  x = %.4f   f(x) = %.4f   f′(x) = %.4f", step.step, x, f(x), slope(x))
    }

    static func scene(run: RecordedRun, options: SceneOptions) throws -> FigureAnimation {
        let size = options.size ?? defaultSize
        var figure = Figure(width: size.width, height: size.height, theme: try SceneTheme.named(options.theme))
        var axes = Axes()
        axes.x = AxisSpec(label: "$x$", limits: AxisLimits(lower: 0, upper: 10), margin: 0)
        axes.y = AxisSpec(label: "$f(x)$", limits: AxisLimits(lower: 0, upper: 10), margin: 0)
        axes.function(domain: 0...10, color: .cycle(0), width: 2) { f($0) }
        axes.scatter(xs: [5], ys: [1], marker: .cross, size: 9, color: .ink)   // the target, unlike the moving accent
        figure.axes = axes

        let fingerprint = ["frames": String(run.steps.count), "lr": String(options.learningRate ?? 0.5),
                           "theme": options.theme ?? "default", "history": String(options.history != nil)]
        let steps = run.steps
        return try FigureAnimation(name: name, run: run, figure: figure, framesPerSecond: options.framesPerSecond ?? 2,
                                   fingerprint: fingerprint) { frame, figure in
            let x = frame.step.parameters[0], y = f(x)
            let accent = MarkColor.accent
            let past = frame.past.dropLast()
            if !past.isEmpty {
                figure.axes.scatter(xs: past.map { $0.parameters[0] }, ys: past.map { f($0.parameters[0]) }, size: 5,
                                    color: .deemphasized(Color(hex: 0x7f7f7f)), alpha: 0.6, layer: .dynamic)
            }
            figure.axes.straightLine(slope: slope(x), intercept: y - slope(x) * x, color: .cycle(1),
                                     width: 1.5, layer: .dynamic)
            figure.axes.verticalLine(x: x, color: accent, width: 1, dash: [4, 3], layer: .dynamic)
            if frame.index + 1 < steps.count {
                let next = steps[frame.index + 1].parameters[0]
                figure.axes.arrow(from: DataPoint(x: x, y: y), to: DataPoint(x: next, y: f(next)), color: .ink,
                                  width: 1.5, layer: .dynamic)
            }
            figure.axes.scatter(xs: [x], ys: [y], size: 10, color: accent, layer: .dynamic)
            figure.axes.text(caption(frame.step), axesFraction: DataPoint(x: 0.5, y: 0.97), anchor: .topCenter,
                             background: figure.theme.colors.axesFace.withAlpha(0.85), layer: .dynamic)
        }
    }
}

/// f(x) = ½(x − 5)² + 1 as a training objective with one parameter `x`.
struct ParabolaObjective: TrainingObjective {
    var parameterNames: [String] { ["x"] }
    var sampleCount: Int { 1 }
    func loss(at parameters: [Double]) -> Double { GD1DScene.f(parameters[0]) }
    func gradient(at parameters: [Double], batch: ArraySlice<Int>?, into gradient: inout [Double]) {
        gradient[0] = GD1DScene.slope(parameters[0])
    }
}
