import Foundation
import FrameplotAnimation
import FrameplotCanvas
import FrameplotModel
import FrameplotPlot

/// `logistic`: binary logistic regression by one-sample SGD on two seeded Gaussian blobs.
///
/// Left: the probability p(class 1 | x) as a soft background, the exact decision line
/// w₀ + w₁x₁ + w₂x₂ = 0, the points; right: the loss curve growing. 200 frames, 800x600.
///
/// ```swift
/// let scene = try LogisticScene.make(options: SceneOptions(seed: 4))
/// try scene.render(to: "Output/logistic")
/// ```
public enum LogisticScene {
    public static let name = "logistic"
    public static let parameterNames = ["w0", "w1", "w2"]
    static let defaultSize = Size(width: 800, height: 600)

    public static func make(options: SceneOptions) throws -> FigureAnimation {
        let data = try dataset(options: options)
        let run = try options.history ?? train(data, options: options)
        try run.requireParameters(parameterNames, scene: name)
        return try scene(run: run, data: data, options: options)
    }

    /// Two blobs of 100 points each, from the seed.
    public static func dataset(options: SceneOptions) throws -> Dataset {
        try Dataset.blobs(count: 200, classes: 2, spread: 1.6, standardDeviation: 0.8, seed: options.seed ?? 1)
    }

    /// One-sample SGD, a frame every `every` steps (200 frames by default).
    public static func train(_ data: Dataset, options: SceneOptions) throws -> RecordedRun {
        let every = options.every ?? 5
        let configuration = TrainingConfiguration(steps: options.steps ?? 199 * every, recordEvery: every,
                                                  learningRate: .constant(options.learningRate ?? 0.05),
                                                  batching: .stochastic, seed: (options.seed ?? 1) &+ 1)
        let objective = try LogisticRegressionObjective(dataset: data)
        let recorder = AnimationRecorder()
        _ = try Trainer(configuration: configuration).train(objective, from: objective.initialParameters(), observer: recorder)
        return recorder.run
    }

    public static func caption(_ step: TrainingStep) -> String {
        var text = String(format: "step %d   loss %.4f", step.step, step.loss)
        if let accuracy = step.metrics["accuracy"] { text += String(format: "   accuracy %.1f%%", accuracy * 100) }
        return text
    }

    static func scene(run: RecordedRun, data: Dataset, options: SceneOptions) throws -> FigureAnimation {
        let size = options.size ?? defaultSize
        let panel = ClassifierPanel(data: data, classCount: 2)
        let (xRange, yRange) = (panel.xRange, panel.yRange)

        var figure = Figure(width: size.width, height: size.height, columns: 2, theme: try SceneTheme.named(options.theme))
        let classColors = [figure.theme.palette.color(0), figure.theme.palette.color(1)]
        // Labelled copies for the legend; the visible points are drawn each frame above the background.
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
        let gridSize = 160
        let fingerprint = ["frames": String(run.steps.count), "lr": String(options.learningRate ?? 0.05),
                           "every": String(options.every ?? 5), "seed": String(options.seed ?? 1),
                           "theme": options.theme ?? "default", "history": String(options.history != nil)]
        return try FigureAnimation(name: name, run: run, figure: figure, framesPerSecond: options.framesPerSecond ?? 20,
                                   fingerprint: fingerprint) { frame, figure in
            let w = frame.step.parameters
            let probability = Grid2D(x: xRange, y: yRange, nx: gridSize, ny: gridSize) { a, b in
                1 / (1 + Foundation.exp(-(w[0] + w[1] * a + w[2] * b)))
            }
            figure[0, 0].heatmap(probability, colormap: background, norm: ColorNorm(vmin: 0, vmax: 1),
                                 interpolation: .bilinear, layer: .dynamic)
            figure[0, 0].straightLine(a: w[1], b: w[2], c: w[0], color: .ink, width: 1.5, layer: .dynamic)
            panel.addPoints(to: &figure[0, 0], colors: classColors, layer: .dynamic)
            let past = frame.past
            figure[0, 1].line(xs: past.map { Double($0.step) }, ys: past.map(\.loss), color: classColors[0],
                              width: 1.5, layer: .dynamic)
            figure[0, 1].text(caption(frame.step), axesFraction: DataPoint(x: 0.97, y: 0.97),
                              anchor: TextAnchor(.right, .top), background: figure.theme.colors.axesFace.withAlpha(0.85), layer: .dynamic)
        }
    }
}
