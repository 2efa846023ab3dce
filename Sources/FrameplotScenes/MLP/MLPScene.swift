import Foundation
import FrameplotAnimation
import FrameplotCanvas
import FrameplotModel
import FrameplotPlot

/// `mlp`: the two-layer network of the study-group slides (seeds, section 003) learning the
/// 3-class 2-D data: class regions and their smooth boundaries evolving with the points
/// (left), loss and accuracy curves growing (right).
///
/// ```swift
/// let scene = try MLPScene.make(options: SceneOptions(steps: 2000))
/// ```
public enum MLPScene {
    public static let name = "mlp"
    static let defaultSize = Size(width: 900, height: 450)
    static let hiddenUnits = 8

    public static func make(options: SceneOptions) throws -> FigureAnimation {
        let data = try Dataset.threeClassGaussian(count: 200, seed: options.seed ?? 1)
        let objective = try TwoLayerNetworkObjective(dataset: data, hiddenUnits: hiddenUnits)
        let run = try options.history ?? train(objective, options: options)
        try run.requireParameters(objective.parameterNames, scene: name)
        return try scene(run: run, data: data, objective: objective, options: options)
    }

    /// Full-batch Adam from seeded small weights (200 frames by default).
    public static func train(_ objective: TwoLayerNetworkObjective, options: SceneOptions) throws -> RecordedRun {
        let every = options.every ?? 10
        let configuration = TrainingConfiguration(steps: options.steps ?? 200 * every, recordEvery: every,
                                                  learningRate: .constant(options.learningRate ?? 0.05),
                                                  optimizer: .adam(), seed: options.seed ?? 1)
        let recorder = AnimationRecorder()
        _ = try Trainer(configuration: configuration)
            .train(objective, from: objective.initialParameters(seed: options.seed ?? 1), observer: recorder)
        return recorder.run
    }

    static func scene(run: RecordedRun, data: Dataset, objective: TwoLayerNetworkObjective,
                      options: SceneOptions) throws -> FigureAnimation {
        let size = options.size ?? defaultSize
        let panel = ClassifierPanel(data: data, classCount: 3)
        let (xRange, yRange) = (panel.xRange, panel.yRange)
        var figure = Figure(width: size.width, height: size.height, columns: 2, theme: try SceneTheme.named(options.theme))
        let colors = (0..<3).map { figure.theme.palette.color($0) }
        let lossColor = figure.theme.colors.text, accuracyColor = figure.theme.palette.color(3)
        figure[0, 0] = panel.makeAxes(colors: colors)

        let accuracies = run.steps.compactMap { $0.metrics["accuracy"] }
        let top = Swift.max(1.05, (run.steps.map(\.loss).filter(\.isFinite).max() ?? 1) * 1.05)
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
        let fingerprint = ["frames": String(run.steps.count), "lr": String(options.learningRate ?? 0.05),
                           "every": String(options.every ?? 10), "seed": String(options.seed ?? 1),
                           "theme": options.theme ?? "default", "history": String(options.history != nil)]
        return try FigureAnimation(name: name, run: run, figure: figure, framesPerSecond: options.framesPerSecond ?? 20,
                                   fingerprint: fingerprint) { frame, figure in
            let theta = frame.step.parameters
            if let prediction = try? objective.predictGrid(parameters: theta, grid: grid, includeProbabilities: true),
               let probabilities = prediction.probabilities {
                let k = prediction.classCount
                let scores = (0..<(grid.columns * grid.rows)).map { Array(probabilities[($0 * k)..<($0 * k + k)]) }
                figure[0, 0].decisionRegions(.grid(DecisionGrid(xs: xs, ys: ys, labels: prediction.classIndex, scores: scores)),
                                             classes: 3, colors: colors, alpha: 0.3, layer: .dynamic)
            }
            panel.addPoints(to: &figure[0, 0], colors: colors, layer: .dynamic)
            let past = frame.past
            let steps = past.map { Double($0.step) }
            figure[0, 1].line(xs: steps, ys: past.map(\.loss), color: lossColor, width: 1.8, layer: .dynamic)
            if !accuracies.isEmpty {
                figure[0, 1].line(xs: steps, ys: past.map { $0.metrics["accuracy"] ?? .nan }, color: accuracyColor,
                                  width: 1.8, layer: .dynamic)
            }
            var caption = String(format: "step %d   loss %.4f", frame.step.step, frame.step.loss)
            if let accuracy = frame.step.metrics["accuracy"] { caption += String(format: "   accuracy %.1f%%", accuracy * 100) }
            figure[0, 1].text(caption, axesFraction: DataPoint(x: 0.97, y: 0.97), anchor: TextAnchor(.right, .top),
                              background: figure.theme.colors.axesFace.withAlpha(0.85), layer: .dynamic)
        }
    }
}
