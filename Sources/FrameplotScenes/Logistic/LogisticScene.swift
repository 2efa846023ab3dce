import Foundation
import FrameplotAnimation
import FrameplotCanvas
import FrameplotModel
import FrameplotPlot

/// `logistic`: binary logistic regression by one-sample SGD, on two seeded Gaussian blobs or
/// on your own two feature columns and a label column with exactly two classes.
///
/// Left: the probability p(second class | x) as a soft background, the exact decision line
/// w0 + w1·x + w2·y = 0, the points; right: the loss curve growing, with the accuracy. 200
/// frames, 800x600.
///
/// On your data the features are standardised for training and every recorded state is
/// converted back, so `w0`, `w1`, `w2` act on your columns as they are.
///
/// ```swift
/// var options = LogisticScene.Options()
/// options.seed = 4
/// let scene = try LogisticScene.prepare(SceneRequest(options: options))
/// try scene.render(to: "Output/logistic")
/// ```
public enum LogisticScene: SceneDefinition {
    /// What `logistic` reads.
    public struct Options: SceneOptionSet {
        /// nil: 199 × `every` (200 frames).
        public var steps: Int?
        public var every = 5
        public var learningRate = 0.05
        /// The seed of the built-in blobs and of the SGD order; nil is 1.
        public var seed: UInt64?
        public var data = DataSelection()

        public init() {}

        public static let options: [SceneOption<Options>] = [
            .value("steps", \.steps, valueName: "N", help: "Training steps (one sample each).",
                   defaultText: "199 × --every (200 frames)", check: .within(1...10_000_000)),
            .every(\.every),
            .learningRate(\.learningRate, help: "Learning rate of one-sample SGD."),
            .value("seed", \.seed, valueName: "S", help: "Seed of the built-in blobs and of the SGD order.",
                   use: .drawing, defaultText: "1"),
        ] + SceneOption.data(\.data, label: .required)

        public func validate(rendering: Bool) throws {
            try ClassifierOptionRules.check(seed: seed, data: data, rendering: rendering, builtIn: "blobs")
        }

        public var inputFiles: [String] { data.inputFiles }
        var resolvedSeed: UInt64 { seed ?? 1 }
    }

    public static let name = "logistic"
    public static let summary = "binary logistic regression by SGD: probability background, decision line, loss and accuracy; --data for your own two classes"
    public static let parameterNames = ["w0", "w1", "w2"]
    public static let historyColumns = HistoryColumn.stepAndLoss(loss: "mean cross-entropy") + [
        HistoryColumn("w0", "bias: p(second class) = σ(w0 + w1·x + w2·y), with x and y in the units of your columns"),
        HistoryColumn("w1", "weight of the x column"),
        HistoryColumn("w2", "weight of the y column"),
        HistoryColumn("accuracy", "fraction of points classified correctly (computed when missing)", required: false),
    ]
    static let defaultSize = Size(width: 800, height: 600)

    /// The built-in blobs of `seed`: 100 points per class.
    public static func builtInData(seed: UInt64) throws -> Dataset {
        try Dataset.blobs(count: 200, classes: 2, spread: 1.6, standardDeviation: 0.8, seed: seed)
    }

    static func points(_ options: Options) throws -> ClassPoints {
        try ClassPoints.load(options.data, classes: 2...2, model: "logistic regression",
                             builtIn: ClassPoints(builtIn: try builtInData(seed: options.resolvedSeed)))
    }

    public static func prepare(_ request: SceneRequest<Options>) throws -> PreparedScene {
        let points = try points(request.options)
        let objective = try LogisticRegressionObjective(dataset: points.dataset)
        let target = HistoryLossCheck.Target.data(request.options.data, scene: name,
                                                  needs: "--seed S, or --data FILE --x COL --y COL --label COL") { objective.loss(at: $0) }
        var run = try request.run(parameters: parameterNames, metrics: ["accuracy"], scene: name, checkedOn: target) {
            try train(points, options: request.options)
        }
        // A history from elsewhere may not carry the accuracy; training always records it.
        if request.history != nil { run = ClassifierRuns.withAccuracy(run) { objective.metrics(at: $0)["accuracy"] } }
        return try request.prepared(scene(run: run, panel: ClassifierPanel(points: points), settings: request.settings),
                                    recordedRun: run)
    }

    /// Trains with `options` on the data they select.
    public static func train(options: Options) throws -> RecordedRun {
        try train(points(options), options: options)
    }

    static func train(_ points: ClassPoints, options: Options) throws -> RecordedRun {
        let every = options.every
        let configuration = TrainingConfiguration(steps: options.steps ?? 199 * every, recordEvery: every,
                                                  learningRate: .constant(options.learningRate),
                                                  batching: .stochastic, seed: options.resolvedSeed &+ 1)
        let standardizer = points.isBuiltIn ? nil : Standardizer(fitting: points.dataset.features)
        var training = points.dataset
        if let standardizer { training.features = standardizer.transform(training.features) }
        let objective = try LogisticRegressionObjective(dataset: training)
        let recorder = AnimationRecorder()
        _ = try Trainer(configuration: configuration).train(objective, from: objective.initialParameters(), observer: recorder)
        guard let standardizer else { return recorder.run }
        return ClassifierRuns.converted(recorder.run) { ClassifierRuns.userUnits(affine: $0, standardizer: standardizer) }
    }

    /// The caption of the loss panel.
    public static func caption(_ step: TrainingStep) -> String {
        var text = String(format: "step %d   loss %.4f", step.step, step.loss)
        if let accuracy = step.metrics["accuracy"] { text += String(format: "   accuracy %.1f%%", accuracy * 100) }
        return text
    }

    static func scene(run: RecordedRun, panel: ClassifierPanel, settings: SceneSettings) throws -> FigureAnimation {
        var figure = SceneFigure.figure(settings, defaultSize: defaultSize, columns: 2)
        let classColors = [figure.theme.palette.color(0), figure.theme.palette.color(1)]
        // The points are static marks; the plot layer stacks them above each frame's background and line.
        figure[0, 0] = panel.makeAxes(colors: classColors)

        let losses = run.steps.map(\.loss).filter(\.isFinite)
        var right = Axes()
        right.x = AxisSpec(label: "step", limits: AxisLimits(lower: 0, upper: Double(Swift.max(1, run.steps.last?.step ?? 1))), margin: 0)
        right.y = AxisSpec(label: "loss (cross-entropy)", limits: AxisLimits(lower: 0, upper: (losses.max() ?? 1) * 1.05), margin: 0)
        figure[0, 1] = right

        // A soft diverging background: pale class colours, white where p = ½.
        let background = Colormap(name: "logistic-probability", interpolating: [
            classColors[0].mixed(with: figure.theme.colors.axesFace, 0.6), figure.theme.colors.axesFace,
            classColors[1].mixed(with: figure.theme.colors.axesFace, 0.6)])
        return try SceneFigure.animation(name, run: run, figure: figure, settings: settings, defaultFramesPerSecond: 20) { frame, figure in
            let w = frame.step.parameters
            // p = σ(w0 + w1·x + w2·y) at every pixel, from one lookup table of the score.
            figure[0, 0].linearField(a: w[1], b: w[2], c: w[0], colormap: background, norm: ColorNorm(vmin: 0, vmax: 1)) { s in
                1 / (1 + Foundation.exp(-s))
            }
            figure[0, 0].straightLine(a: w[1], b: w[2], c: w[0], color: .ink, width: 1.5)
            let past = frame.past
            figure[0, 1].line(xs: frame.pastStepPositions, ys: past.map(\.loss), color: classColors[0],
                              width: 1.5)
            figure[0, 1].text(caption(frame.nearestRecorded), axesFraction: DataPoint(x: 0.97, y: 0.97),
                              anchor: TextAnchor(.right, .top), background: figure.theme.colors.axesFace.withAlpha(0.85))
        }
    }
}
