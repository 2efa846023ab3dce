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
/// var options = GD1DScene.Options()
/// options.learningRate = 0.9
/// let scene = try GD1DScene.prepare(SceneRequest(options: options))
/// ```
public enum GD1DScene: SceneDefinition {
    /// What `gd1d` reads.
    public struct Options: SceneOptionSet {
        public var steps = 12
        public var every = 1
        public var learningRate = 0.5

        public init() {}

        public static let options: [SceneOption<Options>] = [
            .steps(\.steps),
            .every(\.every),
            .learningRate(\.learningRate, help: "Learning rate η of x ← x − η f′(x)."),
        ]
    }

    public static let name = "gd1d"
    public static let summary = "gradient descent on f(x) = ½(x − 5)² + 1 from x = 9: tangent, step, dot"
    public static let parameterNames = ["x"]
    public static let historyColumns = HistoryColumn.stepAndLoss(loss: "f(x)") + [
        HistoryColumn("x", "the point x"),
    ]
    static let defaultSize = Size(width: 600, height: 600)

    /// f(x) = ½(x − 5)² + 1.
    public static func f(_ x: Double) -> Double { 0.5 * (x - 5) * (x - 5) + 1 }
    /// f′(x) = x − 5.
    public static func slope(_ x: Double) -> Double { x - 5 }

    public static func prepare(_ request: SceneRequest<Options>) throws -> PreparedScene {
        let run = try request.run(parameters: parameterNames, scene: name,
                                  needs: "a history of f(x) = ½(x − 5)² + 1 (its loss column must be f(x))",
                                  builtInLoss: { f($0[0]) }) {
            try train(options: request.options)
        }
        return try request.prepared(scene(run: run, settings: request.settings), recordedRun: run)
    }

    public static func train(options: Options) throws -> RecordedRun {
        let configuration = TrainingConfiguration(steps: options.steps, recordEvery: options.every,
                                                  learningRate: .constant(options.learningRate))
        let recorder = AnimationRecorder()
        _ = try Trainer(configuration: configuration).train(ParabolaObjective(), from: [9], observer: recorder)
        return recorder.run
    }

    public static func caption(_ step: TrainingStep) -> String {
        let x = step.parameters[0]
        return String(format: "step %d:  x = %.4f   f(x) = %.4f   f′(x) = %.4f", step.step, x, f(x), slope(x))
    }

    static func scene(run: RecordedRun, settings: SceneSettings) throws -> FigureAnimation {
        var figure = SceneFigure.figure(settings, defaultSize: defaultSize)
        var axes = Axes()
        axes.x = AxisSpec(label: "$x$", limits: AxisLimits(lower: 0, upper: 10), margin: 0)
        axes.y = AxisSpec(label: "$f(x)$", limits: AxisLimits(lower: 0, upper: 10), margin: 0)
        axes.function(domain: 0...10, color: Color(hex: 0x1f77b4), width: 2) { f($0) }
        axes.scatter(xs: [5], ys: [1], marker: .cross, size: 9, color: Color(hex: 0xd62728))
        figure.axes = axes

        return try SceneFigure.animation(name, run: run, figure: figure, settings: settings, defaultFramesPerSecond: 2) { frame, figure in
            let x = frame.step.parameters[0], y = f(x)
            let accent = Color(hex: 0xd62728)
            let past = frame.past.dropLast()
            if !past.isEmpty {
                figure.axes.scatter(xs: past.map { $0.parameters[0] }, ys: past.map { f($0.parameters[0]) }, size: 5,
                                    color: Color(hex: 0x7f7f7f), alpha: 0.6, layer: .dynamic)
            }
            figure.axes.straightLine(slope: slope(x), intercept: y - slope(x) * x, color: Color(hex: 0xff7f0e),
                                     width: 1.5, layer: .dynamic)
            figure.axes.verticalLine(x: x, color: accent, width: 1, dash: [4, 3], layer: .dynamic)
            if let next = frame.nextRecorded {
                let nextX = next.parameters[0]
                figure.axes.arrow(from: DataPoint(x: x, y: y), to: DataPoint(x: nextX, y: f(nextX)), color: .black,
                                  width: 1.5, layer: .dynamic)
            }
            figure.axes.scatter(xs: [x], ys: [y], size: 10, color: accent, layer: .dynamic)
            figure.axes.text(caption(frame.step), axesFraction: DataPoint(x: 0.5, y: 0.97), anchor: .topCenter,
                             background: figure.theme.colors.axesFace.withAlpha(0.85), layer: .dynamic)
        }
    }
}

extension AnimationFrame {
    /// The recorded state after this frame's, if any (where the next step lands).
    var nextRecorded: TrainingStep? { index + 1 < run.steps.count ? run.steps[index + 1] : nil }
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
