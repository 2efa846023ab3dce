import Foundation
import FrameplotAnimation
import FrameplotCanvas
import FrameplotModel
import FrameplotPlot

/// `linreg`: the height/weight regression of the gradient-descent talk (seeds, section 002).
///
/// Heights and weights are centred, a bias column added, w = [2, −1], η = 0.01, 200
/// iterations of batch gradient descent on L = mean(yd²)/2. Left: the 5 points with the
/// regression line moving (drawn in the original units); right: the learning curve
/// growing. Japanese labels as on the slides: 身長, 体重, 損失関数値, 繰り返し回数.
///
/// ```swift
/// let scene = try LinregScene.make(options: SceneOptions())
/// try scene.render(to: "Output/linreg.gif")
/// ```
public enum LinregScene {
    public static let name = "linreg"
    /// Bias first, then the slope on the centred height.
    public static let parameterNames = ["w0", "w1"]
    static let defaultSize = Size(width: 800, height: 400)

    public static func make(options: SceneOptions) throws -> FigureAnimation {
        let run = try options.history ?? train(options: options)
        try run.requireParameters(parameterNames, scene: name)
        return try scene(run: run, options: options)
    }

    /// Batch gradient descent as on the slides (one frame per iteration by default).
    public static func train(options: SceneOptions) throws -> RecordedRun {
        let configuration = TrainingConfiguration(steps: options.steps ?? 200, recordEvery: options.every ?? 1,
                                                  learningRate: .constant(options.learningRate ?? 0.01))
        let recorder = AnimationRecorder()
        _ = try Trainer(configuration: configuration).train(
            ReferenceRuns.heightWeightObjective(), from: ReferenceRuns.heightWeightInitialParameters, observer: recorder)
        return recorder.run
    }

    /// The caption of a frame, in the slides' log format.
    public static func caption(_ step: TrainingStep) -> String {
        String(format: "iter = %d  L = %.6f  w0 = %.6f  w1 = %.6f", step.step, step.loss, step.parameters[0], step.parameters[1])
    }

    static func scene(run: RecordedRun, options: SceneOptions) throws -> FigureAnimation {
        let size = options.size ?? defaultSize
        let data = Dataset.heightWeight
        let heights = data.column(0), weights = data.targets
        let xMean = heights.reduce(0, +) / Double(heights.count)
        let yMean = weights.reduce(0, +) / Double(weights.count)

        var figure = Figure(width: size.width, height: size.height, columns: 2, theme: try SceneTheme.named(options.theme))
        var left = Axes()
        left.x = AxisSpec(label: "身長 (cm)", limits: AxisLimits(lower: 164, upper: 178), margin: 0)
        left.y = AxisSpec(label: "体重 (kg)", limits: AxisLimits(lower: 55, upper: 80), margin: 0)
        left.scatter(xs: heights, ys: weights, size: 8)
        figure[0, 0] = left

        // Stable axes: the whole history decides the learning curve's limits.
        let lastStep = Double(run.steps.last?.step ?? 1)
        let maxLoss = run.steps.map(\.loss).filter(\.isFinite).max() ?? 1
        var right = Axes()
        right.x = AxisSpec(label: "繰り返し回数", limits: AxisLimits(lower: 0, upper: Swift.max(1, lastStep)), margin: 0)
        right.y = AxisSpec(label: "損失関数値", limits: AxisLimits(lower: 0, upper: maxLoss * 1.05), margin: 0)
        figure[0, 1] = right

        let fingerprint = ["frames": String(run.steps.count), "lr": String(options.learningRate ?? 0.01),
                           "every": String(options.every ?? 1), "theme": options.theme ?? "default",
                           "history": String(options.history != nil)]
        return try FigureAnimation(name: name, run: run, figure: figure, framesPerSecond: options.framesPerSecond ?? 20,
                                   fingerprint: fingerprint) { frame, figure in
            let w = frame.step.parameters
            // Back to the original units: weight = ȳ + w0 + w1·(height − x̄).
            figure[0, 0].straightLine(slope: w[1], intercept: yMean + w[0] - w[1] * xMean, color: .accent,
                                      width: 2, layer: .dynamic)
            figure[0, 0].text(String(format: "k = %d   w0 = %.4f   w1 = %.4f", frame.step.step, w[0], w[1]),
                              axesFraction: DataPoint(x: 0.03, y: 0.97), anchor: .topLeft, background: figure.theme.colors.axesFace.withAlpha(0.85), layer: .dynamic)
            let past = frame.past
            figure[0, 1].line(xs: past.map { Double($0.step) }, ys: past.map(\.loss), color: .cycle(0),
                              width: 2, layer: .dynamic)
            figure[0, 1].scatter(xs: [Double(frame.step.step)], ys: [frame.step.loss], size: 7,
                                 color: .cycle(0), layer: .dynamic)
            figure[0, 1].text(String(format: "L = %.6f", frame.step.loss), axesFraction: DataPoint(x: 0.97, y: 0.97),
                              anchor: TextAnchor(.right, .top), background: figure.theme.colors.axesFace.withAlpha(0.85), layer: .dynamic)
        }
    }
}
