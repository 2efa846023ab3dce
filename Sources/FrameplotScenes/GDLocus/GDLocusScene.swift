import Foundation
import FrameplotAnimation
import FrameplotCanvas
import FrameplotModel
import FrameplotPlot

/// `gd-locus`: the textbook's front-page animation (seeds, section 000).
///
/// A line y = a·x + b is fitted to D = {(1,3), (3,6), (6,5), (8,7)} by gradient descent on
/// the mean squared error from (0, 0), η = 0.03/√(t+1), 20,000 steps, a frame every 200
/// (101 frames at 20 fps, 800x400). Left: the loss surface over a, b ∈ [−1, 7] (log-scale
/// viridis heatmap, thin red dashed contours, red × at the minimiser, white + at the start,
/// the white path so far, "Epoch #t: MSE=…"). Right: the points, the current line and
/// "(a, b) = (…, …)".
///
/// ```swift
/// let scene = try GDLocusScene.make(options: SceneOptions(sgd: true, seed: 3))
/// try scene.render(to: "Output/gd-locus.mp4")
/// ```
public enum GDLocusScene {
    /// The catalog name.
    public static let name = "gd-locus"
    /// The parameter columns of its history.
    public static let parameterNames = ["a", "b"]
    static let defaultSize = Size(width: 800, height: 400)
    static let limits = -1.0...7.0
    /// Contour levels of the mean squared error (about the reference video's lines).
    static let contourLevels: [Double] = [2, 10, 50, 250]

    /// Trains (or takes `options.history`) and builds the scene.
    public static func make(options: SceneOptions) throws -> FigureAnimation {
        let run = try options.history ?? train(options: options)
        try run.requireParameters(parameterNames, scene: name)
        return try scene(run: run, options: options)
    }

    /// Gradient descent (or one-sample SGD with `options.sgd`) on the four points.
    public static func train(options: SceneOptions) throws -> RecordedRun {
        let configuration = TrainingConfiguration(
            steps: options.steps ?? 20_000, recordEvery: options.every ?? 200,
            learningRate: .inverseSquareRoot(options.learningRate ?? 0.03),
            batching: options.sgd ? .stochastic : .fullBatch, seed: options.seed ?? 0)
        let recorder = AnimationRecorder()
        _ = try Trainer(configuration: configuration)
            .train(ReferenceRuns.fourPointsObjective(), from: ReferenceRuns.fourPointsInitialParameters, observer: recorder)
        return recorder.run
    }

    /// The bottom-left caption of a frame.
    public static func epochText(_ step: TrainingStep) -> String {
        "Epoch #\(step.step): MSE=\(String(format: "%.5f", step.loss))"
    }

    /// The caption of the right panel.
    public static func parameterText(_ step: TrainingStep) -> String {
        let p = step.parameters
        return "(a, b) = (\(String(format: "%.5f", p[0])), \(String(format: "%.5f", p[1])))"
    }

    static func scene(run: RecordedRun, options: SceneOptions) throws -> FigureAnimation {
        let size = options.size ?? defaultSize
        let data = Dataset.fourPoints
        let xs = data.column(0), ys = data.targets
        // The mean squared error in closed form (the grid evaluates it a million times).
        let mse: @Sendable (Double, Double) -> Double = { a, b in
            var sum = 0.0
            for i in xs.indices { let r = a * xs[i] + b - ys[i]; sum += r * r }
            return sum / Double(xs.count)
        }

        var figure = Figure(width: size.width, height: size.height, columns: 2, theme: try SceneTheme.named(options.theme))
        // Left: the loss surface, drawn once into the cached layer. 512x512 samples with bilinear
        // filtering look like the textbook's 1024x1024 pcolormesh at up to 1.5x the panel's pixels.
        let surface = Grid2D(x: limits, y: limits, nx: 512, ny: 512, function: mse)
        let range = surface.finiteRange(positive: true) ?? (min: 0.5, max: 1_000)
        var left = Axes()
        left.x = AxisSpec(label: "$a$", limits: AxisLimits(lower: limits.lowerBound, upper: limits.upperBound), margin: 0)
        left.y = AxisSpec(label: "$b$", limits: AxisLimits(lower: limits.lowerBound, upper: limits.upperBound), margin: 0)
        left.aspect = .equal
        left.showsGrid = false
        left.heatmap(surface, colormap: .viridis, norm: ColorNorm(kind: .log10, vmin: range.min, vmax: range.max),
                     interpolation: .bilinear)
        let contourGrid = Grid2D(x: limits, y: limits, nx: 256, ny: 256, function: mse)
        left.contour(contourGrid, levels: contourLevels, coloring: .single(.deemphasized(.red)), width: 0.6, dashes: [[3, 2]], alpha: 0.8)
        let minimiser = ReferenceRuns.fourPointsMinimizer
        left.scatter(xs: [minimiser[0]], ys: [minimiser[1]], marker: .cross, size: 9, color: .red)
        if let start = run.steps.first?.parameters, start.count == 2 {
            left.scatter(xs: [start[0]], ys: [start[1]], marker: .plus, size: 9, color: .white)
        }
        figure[0, 0] = left

        // Right: the data and the current line.
        var right = Axes()
        right.x = AxisSpec(label: "$x$", limits: AxisLimits(lower: 0, upper: 10), margin: 0)
        right.y = AxisSpec(label: "$y$", limits: AxisLimits(lower: 0, upper: 10), margin: 0)
        right.aspect = .equal
        right.showsGrid = false
        right.scatter(xs: xs, ys: ys, size: 7)
        figure[0, 1] = right

        let fingerprint = [
            "steps": String(run.steps.last?.step ?? 0), "frames": String(run.steps.count),
            "every": String(options.every ?? 200), "lr": String(options.learningRate ?? 0.03),
            "seed": String(options.seed ?? 0), "sgd": String(options.sgd), "theme": options.theme ?? "default",
            "history": String(options.history != nil),
        ]
        return try FigureAnimation(name: name, run: run, figure: figure, framesPerSecond: options.framesPerSecond ?? 20,
                                   fingerprint: fingerprint) { frame, figure in
            let step = frame.step
            let path = frame.past
            figure[0, 0].line(xs: path.map { $0.parameters[0] }, ys: path.map { $0.parameters[1] },
                              color: .white, width: 1.5, layer: .dynamic)
            // Black on the heatmap in every theme, as in the textbook (the heatmap is the same).
            figure[0, 0].text(epochText(step), axesFraction: DataPoint(x: 0.5, y: 0.02), anchor: .bottomCenter,
                              color: .black, layer: .dynamic)
            figure[0, 1].straightLine(slope: step.parameters[0], intercept: step.parameters[1], color: .ink,
                                      width: 1, layer: .dynamic)
            figure[0, 1].text(parameterText(step), axesFraction: DataPoint(x: 0.5, y: 0.02), anchor: .bottomCenter,
                              layer: .dynamic)
        }
    }
}
