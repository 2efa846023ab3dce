import Foundation
import FrameplotAnimation
import FrameplotCanvas
import FrameplotModel
import FrameplotPlot

/// `mlp`: the two-layer network of the study-group slides (seeds, section 003) learning the
/// 3-class 2-D data, or your own two feature columns and a label column with 2 to 8 classes:
/// class regions and their smooth boundaries evolving with the points (left), loss and
/// accuracy curves growing (right).
///
/// On your data the features are standardised for training and the first layer's recorded
/// weights are converted back, so the history's network takes your columns as they are.
///
/// ```swift
/// var options = MLPScene.Options()
/// options.steps = 2000
/// let scene = try MLPScene.prepare(SceneRequest(options: options))
/// ```
public enum MLPScene: SceneDefinition {
    /// What `mlp` reads.
    public struct Options: SceneOptionSet {
        /// nil: 200 × `every` (201 frames).
        public var steps: Int?
        public var every = 10
        public var learningRate = 0.05
        /// Hidden units; nil is 8 (when rendering: as many as the history's columns have).
        public var hiddenUnits: Int?
        /// The seed of the built-in data and of the initial weights; nil is 1.
        public var seed: UInt64?
        public var data = DataSelection()

        public init() {}

        public static let options: [SceneOption<Options>] = [
            .value("steps", \.steps, valueName: "N", help: "Training steps (full batch, Adam).",
                   defaultText: "200 × --every (201 frames)", check: .within(1...10_000_000)),
            .every(\.every),
            .learningRate(\.learningRate, help: "Learning rate of Adam."),
            .value("hidden", \.hiddenUnits, valueName: "M", help: "Hidden units (sigmoid).", use: .drawing,
                   defaultText: "8; when rendering, read from the history's columns", check: .within(1...64)),
            .value("seed", \.seed, valueName: "S", help: "Seed of the built-in data and of the initial weights.",
                   use: .drawing, defaultText: "1"),
        ] + SceneOption.data(\.data, label: .required)

        public func validate(rendering: Bool) throws {
            try ClassifierOptionRules.check(seed: seed, data: data, rendering: rendering, builtIn: "data")
        }

        public var inputFiles: [String] { data.inputFiles }
        var resolvedSeed: UInt64 { seed ?? 1 }
    }

    public static let name = "mlp"
    public static let summary = "two-layer network on 2-D classes: class regions, boundaries, loss and accuracy curves; --data for your own classes"
    public static let historyColumns = HistoryColumn.stepAndLoss(loss: "mean cross-entropy") + [
        HistoryColumn("w<j>_<i>", "first layer: weight from input i to hidden unit j = 1…M (i = 0: bias, 1: the x column, 2: the y column, in your units)"),
        HistoryColumn("v<k>_<j>", "second layer: weight from hidden unit j to class k = 0…K−1 (j = 0: bias); classes in the order of the legend"),
        HistoryColumn("accuracy", "fraction of points classified correctly (computed when missing)", required: false),
    ]
    static let defaultSize = Size(width: 900, height: 450)
    static let defaultHiddenUnits = 8
    /// One colour per class, so at most as many classes as the palette has colours.
    static let maximumClasses = 8

    static func points(_ options: Options) throws -> ClassPoints {
        try ClassPoints.load(options.data, classes: 2...maximumClasses, model: "the mlp scene",
                             builtIn: ClassPoints(builtIn: try Dataset.threeClassGaussian(count: 200, seed: options.resolvedSeed)))
    }

    public static func prepare(_ request: SceneRequest<Options>) throws -> PreparedScene {
        let points = try points(request.options)
        let hidden = request.options.hiddenUnits ?? request.history.flatMap(hiddenUnits(in:)) ?? defaultHiddenUnits
        let objective = try TwoLayerNetworkObjective(dataset: points.dataset, hiddenUnits: hidden)
        let target = HistoryLossCheck.Target.data(request.options.data, scene: name,
                                                  needs: "--seed S, or --data FILE --x COL --y COL --label COL") { objective.loss(at: $0) }
        var run = try request.run(parameters: objective.parameterNames, metrics: ["accuracy"], scene: name, checkedOn: target) {
            try train(points, options: request.options)
        }
        // A history from elsewhere may not carry the accuracy; training always records it.
        if request.history != nil { run = ClassifierRuns.withAccuracy(run) { objective.metrics(at: $0)["accuracy"] } }
        let scene = try scene(run: run, panel: ClassifierPanel(points: points), objective: objective, settings: request.settings)
        return try request.prepared(scene, recordedRun: run)
    }

    /// The hidden size of a history: how many units `w1_0`, `w2_0`, … it has columns for.
    static func hiddenUnits(in history: HistoryInput) -> Int? {
        let names = Set(history.columnNames)
        var count = 0
        while count < 1_000, names.contains("w\(count + 1)_0") { count += 1 }
        return count > 0 ? count : nil
    }

    /// Trains with `options` on the data they select.
    public static func train(options: Options) throws -> RecordedRun {
        try train(points(options), options: options)
    }

    /// Full-batch Adam from seeded small weights.
    static func train(_ points: ClassPoints, options: Options) throws -> RecordedRun {
        let every = options.every
        let configuration = TrainingConfiguration(steps: options.steps ?? 200 * every, recordEvery: every,
                                                  learningRate: .constant(options.learningRate),
                                                  optimizer: .adam(), seed: options.resolvedSeed)
        let standardizer = points.isBuiltIn ? nil : Standardizer(fitting: points.dataset.features)
        var training = points.dataset
        if let standardizer { training.features = standardizer.transform(training.features) }
        let objective = try TwoLayerNetworkObjective(dataset: training, hiddenUnits: options.hiddenUnits ?? defaultHiddenUnits)
        let recorder = AnimationRecorder()
        _ = try Trainer(configuration: configuration)
            .train(objective, from: objective.initialParameters(seed: options.resolvedSeed), observer: recorder)
        guard let standardizer else { return recorder.run }
        // Only the first layer sees the inputs: each hidden unit's row is an affine map of them.
        let stride = objective.featureCount + 1
        return ClassifierRuns.converted(recorder.run) { theta in
            var out = theta
            for j in 0..<objective.hiddenUnits {
                let row = ClassifierRuns.userUnits(affine: theta[(j * stride)..<(j * stride + stride)], standardizer: standardizer)
                out.replaceSubrange((j * stride)..<(j * stride + stride), with: row)
            }
            return out
        }
    }

    static func scene(run: RecordedRun, panel: ClassifierPanel, objective: TwoLayerNetworkObjective,
                      settings: SceneSettings) throws -> FigureAnimation {
        let (xRange, yRange) = (panel.xRange, panel.yRange)
        let classCount = panel.points.classCount
        var figure = SceneFigure.figure(settings, defaultSize: defaultSize, columns: 2)
        let colors = (0..<classCount).map { figure.theme.palette.color($0) }
        let lossColor = figure.theme.colors.text, accuracyColor = figure.theme.palette.color(classCount)
        figure[0, 0] = panel.makeAxes(colors: colors)

        let accuracies = run.steps.compactMap { $0.metrics["accuracy"] }
        let top = Swift.max(1.2, (run.steps.map(\.loss).filter(\.isFinite).max() ?? 1) * 1.05)
        var right = Axes()
        right.x = AxisSpec(label: "step", limits: AxisLimits(lower: 0, upper: Double(Swift.max(1, run.steps.last?.step ?? 1))), margin: 0)
        right.y = AxisSpec(label: "loss / accuracy", limits: AxisLimits(lower: 0, upper: top), margin: 0)
        right.legendPlacement = .centerRight
        // Empty labelled lines give the legend its entries once; the data is drawn per frame.
        right.line(xs: [], ys: [], color: lossColor, width: 1.8, label: "loss (cross-entropy)")
        if !accuracies.isEmpty {
            right.line(xs: [], ys: [], color: accuracyColor, width: 1.8, label: "accuracy")
        }
        figure[0, 1] = right

        let grid = PredictionGrid(x: xRange, y: yRange, columns: 120, rows: 120)
        let xs = (0..<grid.columns).map { grid.x(column: $0) }, ys = (0..<grid.rows).map { grid.y(row: $0) }
        return try SceneFigure.animation(name, run: run, figure: figure, settings: settings, defaultFramesPerSecond: 20) { frame, figure in
            let theta = frame.step.parameters
            // Logits rank the classes as the probabilities do (no exp per class and cell), and
            // vary more evenly between nodes, so the boundaries between them fall as exactly.
            if let prediction = try? objective.predictGridScores(parameters: theta, grid: grid) {
                let regions = DecisionGrid(xs: xs, ys: ys, labels: prediction.classIndex, probabilities: prediction.scores,
                                           classes: prediction.classCount)
                figure[0, 0].decisionRegions(.grid(regions), classes: classCount, colors: colors, alpha: 0.3)
            }
            let past = frame.past
            let steps = frame.pastStepPositions
            figure[0, 1].line(xs: steps, ys: past.map(\.loss), color: lossColor, width: 1.8)
            if !accuracies.isEmpty {
                figure[0, 1].line(xs: steps, ys: past.map { $0.metrics["accuracy"] ?? .nan }, color: accuracyColor,
                                  width: 1.8)
            }
            let recorded = frame.nearestRecorded
            var caption = String(format: "step %d   loss %.4f", recorded.step, recorded.loss)
            if let accuracy = recorded.metrics["accuracy"] { caption += String(format: "   accuracy %.1f%%", accuracy * 100) }
            figure[0, 1].text(caption, axesFraction: DataPoint(x: 0.97, y: 0.97), anchor: TextAnchor(.right, .top),
                              background: figure.theme.colors.axesFace.withAlpha(0.85))
        }
    }
}
