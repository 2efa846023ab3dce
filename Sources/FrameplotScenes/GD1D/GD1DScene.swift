import Foundation
import FrameplotAnimation
import FrameplotCanvas
import FrameplotModel
import FrameplotPlot

/// `gd1d`: gradient descent on a function of x, by default f(x) = ½(x − 5)² + 1 from x = 9
/// with η = 0.5 (600x600), or on any formula typed with `--function`.
///
/// Each frame shows the curve, the tangent at the current x, the step to the next x (an
/// arrow along the curve), a dashed vertical line and a dot at x. The built-in parabola is
/// drawn on 0..10 with a × at its minimum (wider when the run leaves it); a typed function on
/// the range the run covers.
///
/// A typed function starts at x₀ = 2 unless `--start` says otherwise, with a learning rate
/// fitted to its curvature there, η = 0.8/|f″(x₀)| (at most 0.5): stable for any scale, so
/// `--function "x^4 - 3*x^2 + x"` alone descends into the local minimum near x = 1.13.
///
/// ```swift
/// var options = GD1DScene.Options()
/// options.function = "x^4 - 3*x^2 + x"
/// let scene = try GD1DScene.prepare(SceneRequest(options: options))
/// ```
public enum GD1DScene: SceneDefinition {
    /// What `gd1d` reads.
    public struct Options: SceneOptionSet {
        public var steps = 12
        public var every = 1
        /// nil: 0.5 on the parabola, 0.8/|f″(x₀)| (at most 0.5) on a typed function.
        public var learningRate: Double?
        /// A formula in x (normalised text, see `MathExpression`); nil is ½(x − 5)² + 1.
        public var function: String?
        /// The start x₀; nil is 9 on the parabola, 2 on a typed function.
        public var start: Double?

        public init() {}

        public static let options: [SceneOption<Options>] = [
            .steps(\.steps),
            .every(\.every),
            .learningRate(\.learningRate, help: "Learning rate η of x ← x − η f′(x).",
                          defaultText: "0.5; with --function 0.8/|f″(x₀)|, at most 0.5"),
            .custom("function", \.function, valueName: "EXPR",
                    help: "The function of x to descend, e.g. \"x^4 - 3*x^2 + x\": numbers, x, + - * / ^, parentheses, sin cos tan exp log sqrt abs tanh, pi, e.",
                    use: .drawing, defaultText: "½(x − 5)² + 1") { text in
                try SceneFunction(parsing: text).text
            },
            .value("start", \.start, valueName: "X", help: "The start x₀.", defaultText: "9; with --function 2"),
        ]
    }

    public static let name = "gd1d"
    public static let summary = "gradient descent on a function of x (½(x − 5)² + 1, or --function EXPR): tangent, step, dot"
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
        let function = try SceneFunction(request.options.function)
        let target = HistoryLossCheck.Target(
            name: function.isBuiltIn ? "gd1d's built-in function ½(x − 5)² + 1" : "f(x) = \(function.text)",
            needs: "--function EXPR (its loss column must be f(x))", kind: function.isBuiltIn ? .builtIn : .given) { function.value($0[0]) }
        let run = try request.run(parameters: parameterNames, scene: name, checkedOn: target) {
            try train(function, options: request.options)
        }
        return try request.prepared(scene(run: run, function: function, settings: request.settings), recordedRun: run)
    }

    public static func train(options: Options) throws -> RecordedRun {
        try train(SceneFunction(options.function), options: options)
    }

    static func train(_ function: SceneFunction, options: Options) throws -> RecordedRun {
        let start = options.start ?? function.defaultStart
        let name = function.isBuiltIn ? "½(x − 5)² + 1" : function.text
        guard function.value(start).isFinite, function.slope(start).isFinite else {
            throw TrainingError.invalidArgument("--start \(SceneText.number(start)): f(x) = \(name) is not defined there; "
                                                + "start inside its domain")
        }
        let rate = options.learningRate ?? function.defaultLearningRate(at: start)
        let configuration = TrainingConfiguration(steps: options.steps, recordEvery: options.every, learningRate: .constant(rate))
        let recorder = AnimationRecorder()
        do {
            _ = try Trainer(configuration: configuration).train(FunctionObjective(function: function), from: [start], observer: recorder)
        } catch TrainingError.diverged(let step) {
            // Not always the rate's fault: a step may land where f is not defined (log(x) at x < 0).
            if let (k, x) = function.firstUndefinedPoint(from: start, rate: rate, steps: step + 1) {
                throw TrainingError.invalidArgument(
                    "at step \(k) gradient descent reached x = \(String(format: "%.6g", x)), where f(x) = \(name) is not defined; "
                    + "try another --start or a smaller --lr (now \(SceneText.number(rate)))")
            }
            throw TrainingError.diverged(step: step)
        }
        return recorder.run
    }

    /// The caption of a frame of the built-in parabola.
    public static func caption(_ step: TrainingStep) -> String {
        caption(step.step, x: step.parameters[0], function: .parabola)
    }

    static func caption(_ step: Int, x: Double, function: SceneFunction) -> String {
        String(format: "step %d:  x = %.4f   f(x) = %.4f   f′(x) = %.4f", step, x, function.value(x), function.slope(x))
    }

    static func scene(run: RecordedRun, function: SceneFunction, settings: SceneSettings) throws -> FigureAnimation {
        var figure = SceneFigure.figure(settings, defaultSize: defaultSize)
        let visited = run.steps.map { $0.parameters[0] }
        let (xRange, yRange) = function.isBuiltIn && visited.allSatisfy({ (0.0...10.0).contains($0) }) ? (0.0...10.0, 0.0...10.0)
            : function.ranges(covering: visited + (function.isBuiltIn ? [5] : []), includingZero: !function.isBuiltIn)
        var axes = Axes()
        axes.x = AxisSpec(label: "$x$", limits: AxisLimits(lower: xRange.lowerBound, upper: xRange.upperBound), margin: 0)
        axes.y = AxisSpec(label: "$f(x)$", limits: AxisLimits(lower: yRange.lowerBound, upper: yRange.upperBound), margin: 0)
        if !function.isBuiltIn { axes.title = MathText.escaped("f(x) = \(function.text)") }
        axes.function(domain: xRange, color: .cycle(0), width: 2) { function.value($0) }
        if function.isBuiltIn {
            axes.scatter(xs: [5], ys: [1], marker: .cross, size: 9, color: .ink)   // the target, unlike the moving accent
        }
        figure.axes = axes

        return try SceneFigure.animation(name, run: run, figure: figure, settings: settings, defaultFramesPerSecond: 2) { frame, figure in
            let x = frame.step.parameters[0], y = function.value(x), slope = function.slope(x)
            let accent = MarkColor.accent
            // The recorded points already left (the current one, when the frame is on it, is the dot).
            let reached = frame.recordedPast
            let past = frame.timeline.position(ofFrame: frame.index).fraction == 0 ? reached.dropLast() : reached[...]
            if !past.isEmpty {
                figure.axes.scatter(xs: past.map { $0.parameters[0] }, ys: past.map { function.value($0.parameters[0]) }, size: 5,
                                    color: .deemphasized(Color(hex: 0x7f7f7f)), alpha: 0.6)
            }
            figure.axes.straightLine(slope: slope, intercept: y - slope * x, color: .cycle(1), width: 1.5)
            figure.axes.verticalLine(x: x, color: accent, width: 1, dash: [4, 3])
            if let nextX = frame.nextRecorded?.parameters[0] {
                figure.axes.arrow(from: DataPoint(x: x, y: y), to: DataPoint(x: nextX, y: function.value(nextX)), color: figure.theme.colors.text,
                                  width: 1.5)
            }
            figure.axes.scatter(xs: [x], ys: [y], size: 10, color: accent)
            let recorded = frame.nearestRecorded
            figure.axes.text(caption(recorded.step, x: recorded.parameters[0], function: function), axesFraction: DataPoint(x: 0.5, y: 0.97),
                             anchor: .topCenter, background: figure.theme.colors.axesFace.withAlpha(0.85))
        }
    }
}

/// The function `gd1d` descends: the built-in parabola or a typed formula in x.
struct SceneFunction: Sendable {
    /// The normalised formula (empty for the parabola).
    let text: String
    private let expression: MathExpression?

    static let parabola = SceneFunction(text: "", expression: nil)

    private init(text: String, expression: MathExpression?) { self.text = text; self.expression = expression }

    /// The formula `text` as typed.
    ///
    /// - Throws: ``AnimationError/invalidOption(_:)`` naming `--function`, the text and the offending character.
    init(parsing text: String) throws {
        do {
            let expression = try MathExpression.parse(text, variables: ["x"])
            self.init(text: expression.description, expression: expression)
        } catch {
            throw AnimationError.invalidOption("--function \"\(SceneText.clipped(text))\": \(error)")
        }
    }

    /// The function of the options: the parabola when `text` is nil.
    init(_ text: String?) throws {
        self = try text.map { try SceneFunction(parsing: $0) } ?? .parabola
    }

    var isBuiltIn: Bool { expression == nil }

    func value(_ x: Double) -> Double { expression?.value(at: [x]) ?? GD1DScene.f(x) }

    func slope(_ x: Double) -> Double { expression?.gradient(at: [x])[0] ?? GD1DScene.slope(x) }

    /// The start without `--start`: 9 on the parabola (the slides), 2 on a typed function
    /// (near the origin, where formulas are usually centred, but off the symmetric points).
    var defaultStart: Double { isBuiltIn ? 9 : 2 }

    /// The rate without `--lr`: 0.5 on the parabola; on a typed function 0.8/|f″(x₀)| (a
    /// quadratic's error shrinks to a fifth per step), at most 0.5, from a central difference of f′.
    func defaultLearningRate(at x: Double) -> Double {
        guard !isBuiltIn else { return 0.5 }
        let h = 1e-4 * Swift.max(1, abs(x))
        let curvature = abs(slope(x + h) - slope(x - h)) / (2 * h)
        guard curvature.isFinite, curvature > 1.6 else { return 0.5 }
        return 0.8 / curvature
    }

    /// The first of `steps` gradient steps from `start` at which f or f′ is not a number while
    /// x itself is finite and not exploding: the step left the function's domain.
    func firstUndefinedPoint(from start: Double, rate: Double, steps: Int) -> (step: Int, x: Double)? {
        var x = start
        for k in 0...steps {
            guard x.isFinite, abs(x) < 1e12 else { return nil }
            if !value(x).isFinite || !slope(x).isFinite { return value(x).isNaN || slope(x).isNaN ? (k, x) : nil }
            x -= rate * slope(x)
        }
        return nil
    }

    /// Limits that show the whole run: the x it visits (and x = 0, where typed formulas are
    /// usually centred, with `includingZero`) with a margin, and the values there.
    func ranges(covering xs: [Double], includingZero: Bool = true) -> (ClosedRange<Double>, ClosedRange<Double>) {
        let finite = xs.filter(\.isFinite)
        var low = finite.min() ?? -1, high = finite.max() ?? 1
        if includingZero { low = Swift.min(low, 0); high = Swift.max(high, 0) }
        let margin = 0.3 * (high - low) + 0.5
        let xRange = (low - margin)...(high + margin)
        // The curve over the range, but the y limits follow the run (a pole must not flatten it).
        let samples = (0...200).map { value(xRange.lowerBound + (xRange.upperBound - xRange.lowerBound) * Double($0) / 200) }
            .filter(\.isFinite)
        let visited = finite.map(value).filter(\.isFinite)
        let sorted = samples.sorted()
        let bottom = Swift.min(sorted.first ?? 0, visited.min() ?? 0)
        let upperQuartile = sorted.isEmpty ? -Double.infinity : sorted[(sorted.count * 3) / 4]
        let top = Swift.max(visited.max() ?? 1, upperQuartile)
        return (xRange, PlotRanges.padded([bottom, top], fraction: 0.12))
    }
}

/// A function of x as a training objective with one parameter `x`.
struct FunctionObjective: TrainingObjective {
    let function: SceneFunction
    var parameterNames: [String] { ["x"] }
    var sampleCount: Int { 1 }
    func loss(at parameters: [Double]) -> Double { function.value(parameters[0]) }
    func gradient(at parameters: [Double], batch: ArraySlice<Int>?, into gradient: inout [Double]) {
        gradient[0] = function.slope(parameters[0])
    }
}
