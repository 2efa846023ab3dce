import Foundation
import FrameplotAnimation
import FrameplotCanvas
import FrameplotModel
import FrameplotPlot

/// `linreg`: the height/weight regression of the gradient-descent talk (seeds, section 002), on
/// its five points or on your own two columns.
///
/// As on the slides, training centres both columns, adds a bias column and runs batch gradient
/// descent on L = mean(yd²)/2 from w = [2, −1] with η = 0.01 for 200 iterations. Left: the
/// points with the regression line moving; right: the learning curve growing. Japanese labels
/// as on the slides: 身長, 体重, 損失関数値, 繰り返し回数.
///
/// The history is in the units of your columns: `w0` is the intercept and `w1` the slope of
/// ŷ = w0 + w1·x. (The slides print the centred intercept, w0 − ȳ + w1·x̄; the slope is the
/// same in both.) On your data (`--data FILE --x COL --y COL`) x is standardised for training,
/// so any scale converges, and the run starts from the line through (x̄, ȳ + sy/2) with slope
/// −sy/(2·sx); titles, limits and ticks come from your columns.
///
/// ```swift
/// let scene = try LinregScene.prepare(SceneRequest(options: LinregScene.Options()))
/// try scene.render(to: "Output/linreg.gif")
/// ```
public enum LinregScene: SceneDefinition {
    /// What `linreg` reads.
    public struct Options: SceneOptionSet {
        public var steps = 200
        public var every = 1
        /// nil: 0.01 on the built-in points (the slides), 0.05 on `--data` (standardised x).
        public var learningRate: Double?
        public var data = DataSelection()

        public init() {}

        public static let options: [SceneOption<Options>] = [
            .steps(\.steps),
            .every(\.every),
            .learningRate(\.learningRate, help: "Learning rate of batch gradient descent.",
                          defaultText: "0.01 on the built-in points, 0.05 on --data"),
        ] + SceneOption.data(\.data, label: .none)

        public func validate(rendering: Bool) throws { try data.check(label: .none) }

        public var inputFiles: [String] { data.inputFiles }
    }

    public static let name = "linreg"
    public static let summary = "height/weight regression by gradient descent: moving line and learning curve (Japanese labels); --data for your own points"
    /// Intercept, then slope, in the units of the columns.
    public static let parameterNames = ["w0", "w1"]
    public static let historyColumns = HistoryColumn.stepAndLoss(loss: "half the mean squared error, mean((ŷ − y)²)/2") + [
        HistoryColumn("w0", "intercept of ŷ = w0 + w1·x, in units of y (the slides' centred w0 is w0 − ȳ + w1·x̄)"),
        HistoryColumn("w1", "slope of ŷ = w0 + w1·x, in units of y per unit of x"),
    ]
    static let defaultSize = Size(width: 800, height: 400)

    static func points(_ options: Options) throws -> LinePoints {
        try LinePoints.load(options.data, builtIn: LinePoints(builtIn: .heightWeight, xTitle: "身長 (cm)", yTitle: "体重 (kg)"))
    }

    public static func prepare(_ request: SceneRequest<Options>) throws -> PreparedScene {
        let points = try points(request.options)
        let target = HistoryLossCheck.Target.data(request.options.data, scene: name, needs: "--data FILE --x COL --y COL") {
            points.meanSquaredError(slope: $0[1], intercept: $0[0]) / 2
        }
        let run = try request.run(parameters: parameterNames, scene: name, checkedOn: target) {
            try train(points, options: request.options)
        }
        return try request.prepared(scene(run: run, points: points, settings: request.settings), recordedRun: run)
    }

    /// Trains with `options` on the points they select (the slides' five by default).
    public static func train(options: Options) throws -> RecordedRun {
        try train(points(options), options: options)
    }

    static func train(_ points: LinePoints, options: Options) throws -> RecordedRun {
        let m = points.moments
        let recorder = AnimationRecorder()
        // Training coordinates: y centred; x centred (the slides) or standardised (user data).
        let xScale = points.isBuiltIn ? 1 : m.xScale
        let configuration = TrainingConfiguration(steps: options.steps, recordEvery: options.every,
                                                  learningRate: .constant(options.learningRate ?? (points.isBuiltIn ? 0.01 : 0.05)))
        let objective: LinearRegressionObjective
        let start: [Double]
        if points.isBuiltIn {
            objective = ReferenceRuns.heightWeightObjective()
            start = ReferenceRuns.heightWeightInitialParameters
        } else {
            var design = Matrix(rows: points.xs.count, cols: 2, repeating: 1)
            for r in points.xs.indices { design[r, 1] = (points.xs[r] - m.xMean) / xScale }
            objective = try LinearRegressionObjective(design: design, targets: points.ys.map { $0 - m.yMean },
                                                      parameterNames: parameterNames, lossScale: .halfMeanSquaredError)
            start = [m.yScale / 2, -m.yScale / 2]
        }
        _ = try Trainer(configuration: configuration).train(objective, from: start, observer: recorder)
        // Back to the user's units: ŷ = ȳ + w0c + (w1c/sx)(x − x̄) = w0 + w1·x. The loss is unchanged.
        return recorder.run.mappingStates(parameterNames: parameterNames) { state in
            let slope = state.parameters[1] / xScale
            state.parameters = [m.yMean + state.parameters[0] - slope * m.xMean, slope]
        }
    }

    /// The slides' centred parameters of the built-in run's [w0, w1]: [w0 − ȳ + w1·x̄, w1].
    ///
    /// ```swift
    /// LinregScene.centredParameters([182.4288, -0.6728])   // [1.98, -0.6728], the slides' "iter = 0"
    /// ```
    public static func centredParameters(_ parameters: [Double]) -> [Double] {
        let heights = Dataset.heightWeight.column(0), weights = Dataset.heightWeight.targets
        let xMean = heights.reduce(0, +) / Double(heights.count), yMean = weights.reduce(0, +) / Double(weights.count)
        return [parameters[0] - yMean + parameters[1] * xMean, parameters[1]]
    }

    /// The caption of the data panel.
    public static func caption(_ step: TrainingStep) -> String {
        "k = \(step.step)   w0 = \(SceneFigure.number(step.parameters[0], decimals: 4))   w1 = \(SceneFigure.number(step.parameters[1], decimals: 4))"
    }

    static func scene(run: RecordedRun, points: LinePoints, settings: SceneSettings) throws -> FigureAnimation {
        var figure = SceneFigure.figure(settings, defaultSize: defaultSize, columns: 2)
        var left = Axes()
        let (xRange, yRange) = points.isBuiltIn ? (164.0...178.0, 55.0...80.0) : (PlotRanges.padded(points.xs), PlotRanges.padded(points.ys))
        left.x = AxisSpec(label: points.xTitle, limits: AxisLimits(lower: xRange.lowerBound, upper: xRange.upperBound), margin: 0)
        left.y = AxisSpec(label: points.yTitle, limits: AxisLimits(lower: yRange.lowerBound, upper: yRange.upperBound), margin: 0)
        left.scatter(xs: points.xs, ys: points.ys, size: points.xs.count > 500 ? 4 : 8)
        figure[0, 0] = left

        // Stable axes: the whole history decides the learning curve's limits.
        let lastStep = Double(run.steps.last?.step ?? 1)
        let maxLoss = run.steps.map(\.loss).filter(\.isFinite).max() ?? 1
        var right = Axes()
        // A little room at both ends, so the current-step dot is never cut by the spine.
        let stepMargin = 0.02 * Swift.max(1, lastStep)
        right.x = AxisSpec(label: "繰り返し回数", limits: AxisLimits(lower: -stepMargin, upper: Swift.max(1, lastStep) + stepMargin), margin: 0)
        right.y = AxisSpec(label: "損失関数値", limits: AxisLimits(lower: 0, upper: maxLoss * 1.05), margin: 0)
        figure[0, 1] = right

        return try SceneFigure.animation(name, run: run, figure: figure, settings: settings, defaultFramesPerSecond: 20) { frame, figure in
            let w = frame.step.parameters
            SceneFigure.fitLine(&figure[0, 0], slope: w[1], intercept: w[0], color: .accent, width: 2, theme: figure.theme)
            figure[0, 0].text(caption(frame.nearestRecorded), axesFraction: DataPoint(x: 0.03, y: 0.97), anchor: .topLeft,
                              background: figure.theme.colors.axesFace.withAlpha(0.85))
            let past = frame.past
            figure[0, 1].line(xs: frame.pastStepPositions, ys: past.map(\.loss), color: .cycle(0),
                              width: 2)
            figure[0, 1].scatter(xs: [frame.stepPosition], ys: [frame.step.loss], size: 7,
                                 color: .cycle(0))
            figure[0, 1].text("L = \(SceneFigure.number(frame.nearestRecorded.loss, decimals: 6))", axesFraction: DataPoint(x: 0.97, y: 0.97),
                              anchor: TextAnchor(.right, .top), background: figure.theme.colors.axesFace.withAlpha(0.85))
        }
    }
}
