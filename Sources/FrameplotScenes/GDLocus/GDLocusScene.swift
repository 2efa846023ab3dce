import Foundation
import FrameplotAnimation
import FrameplotCanvas
import FrameplotModel
import FrameplotPlot

/// `gd-locus`: the textbook's front-page animation (seeds, section 000), on its four points or
/// on your own two columns.
///
/// A line y = a·x + b is fitted by gradient descent on the mean squared error from (0, 0),
/// η = η₀/√(t+1), 20,000 steps, a frame every 200 (101 frames at 20 fps, 800x400). Left: the
/// loss surface over (a, b) (log-scale viridis, dashed contours, × at the least-squares
/// minimiser, + at the start, the path so far, "Epoch #t: MSE=…"). Right: the points, the
/// current line and "(a, b) = (…, …)". `--view 3d` shows the loss surface in 3-D with the
/// path on it instead of the heatmap, `--view both` shows both (see ``SurfaceView``).
///
/// On the built-in points D = {(1,3), (3,6), (6,5), (8,7)} everything is as in the textbook
/// (a, b ∈ [−1, 7]). On your data (`--data FILE --x COL --y COL`) the limits, the surface, the
/// minimiser, ticks and titles come from your columns; training runs on standardised columns
/// (so any scale converges with the same schedule) and every recorded state is converted back:
/// `a` and `b` are always slope and intercept in your units.
///
/// ```swift
/// var options = GDLocusScene.Options()
/// options.sgd = true
/// options.seed = 3
/// let scene = try GDLocusScene.prepare(SceneRequest(options: options))
/// try scene.render(to: "Output/gd-locus.mp4")
/// ```
public enum GDLocusScene: SceneDefinition {
    /// What `gd-locus` reads.
    public struct Options: SceneOptionSet {
        public var steps = 20_000
        public var every = 200
        /// η₀ of the schedule η = η₀/√(t+1).
        public var learningRate = 0.03
        /// One-sample SGD in a seeded order instead of full-batch gradient descent.
        public var sgd = false
        /// The seed of the SGD order (only with `sgd`); nil is seed 0.
        public var seed: UInt64?
        public var data = DataSelection()
        /// The loss surface as a heatmap (2d, the textbook's), in 3-D, or both.
        public var view = SurfaceView()

        public init() {}

        public static let options: [SceneOption<Options>] = [
            .steps(\.steps),
            .every(\.every),
            .learningRate(\.learningRate, help: "η₀ of the schedule η = η₀/√(t+1)."),
            .flag("sgd", \.sgd, help: "One-sample stochastic gradient descent in a seeded order instead of the full batch."),
            .value("seed", \.seed, valueName: "S", help: "Seed of the --sgd sample order.", defaultText: "0"),
        ] + SceneOption.data(\.data, label: .none) + SceneOption.surfaceView(\.view, standardCamera: "-140 (elevation 40)")

        public func validate(rendering: Bool) throws {
            try data.check(label: .none)
            try view.check()
            if seed != nil && !sgd {
                throw AnimationError.invalidOption("--seed orders the samples of --sgd; full-batch gradient descent uses every sample at every step, so give --sgd too or leave out --seed")
            }
        }

        public var inputFiles: [String] { data.inputFiles }
    }

    public static let name = "gd-locus"
    public static let summary = "gradient descent on the loss surface of a line fit (the textbook video); --sgd for one-sample SGD; --data for your own points"
    /// The parameter columns of its history.
    public static let parameterNames = ["a", "b"]
    public static let historyColumns = HistoryColumn.stepAndLoss(loss: "mean squared error of the line on the data") + [
        HistoryColumn("a", "slope of the line y = a·x + b, in units of y per unit of x"),
        HistoryColumn("b", "intercept of the line y = a·x + b, in units of y"),
    ]
    static let defaultSize = Size(width: 800, height: 400)
    /// The frame size with both views of the surface and the data.
    static let threePanelSize = Size(width: 1200, height: 400)
    static let limits = -1.0...7.0
    /// Contour levels of the mean squared error on the built-in points (about the reference video's lines).
    static let contourLevels: [Double] = [2, 10, 50, 250]

    static func points(_ options: Options) throws -> LinePoints {
        try LinePoints.load(options.data, builtIn: LinePoints(builtIn: .fourPoints, xTitle: "$x$", yTitle: "$y$"))
    }

    public static func prepare(_ request: SceneRequest<Options>) throws -> PreparedScene {
        let points = try points(request.options)
        let target = HistoryLossCheck.Target.data(request.options.data, scene: name, needs: "--data FILE --x COL --y COL") {
            points.meanSquaredError(slope: $0[0], intercept: $0[1])
        }
        let run = try request.run(parameters: parameterNames, scene: name, checkedOn: target) {
            try train(points, options: request.options)
        }
        return try request.prepared(scene(run: run, points: points, view: request.options.view, settings: request.settings), recordedRun: run)
    }

    /// Trains with `options` on the points they select (the built-in four by default).
    public static func train(options: Options) throws -> RecordedRun {
        try train(points(options), options: options)
    }

    static func train(_ points: LinePoints, options: Options) throws -> RecordedRun {
        let configuration = TrainingConfiguration(
            steps: options.steps, recordEvery: options.every, learningRate: .inverseSquareRoot(options.learningRate),
            batching: options.sgd ? .stochastic : .fullBatch, seed: options.seed ?? 0)
        let recorder = AnimationRecorder()
        if points.isBuiltIn {
            _ = try Trainer(configuration: configuration)
                .train(ReferenceRuns.fourPointsObjective(), from: ReferenceRuns.fourPointsInitialParameters, observer: recorder)
            return recorder.run
        }
        // Standardised columns: u = (x − x̄)/sx, v = (y − ȳ)/sy, line v = α·u + β; the start
        // (a, b) = (0, 0) is (α, β) = (0, −ȳ/sy).
        let m = points.moments
        let standard = try Dataset(features: Matrix(rows: points.xs.count, cols: 1, values: points.xs.map { ($0 - m.xMean) / m.xScale }),
                                   targets: points.ys.map { ($0 - m.yMean) / m.yScale })
        _ = try Trainer(configuration: configuration)
            .train(LinearRegressionObjective.line(dataset: standard), from: [0, -m.yMean / m.yScale], observer: recorder)
        return recorder.run.mappingStates(parameterNames: parameterNames) { state in
            let a = m.yScale * state.parameters[0] / m.xScale
            let b = m.yMean + m.yScale * state.parameters[1] - a * m.xMean
            state.parameters = [a, b]
            state.loss = points.meanSquaredError(slope: a, intercept: b)
        }
    }

    /// The bottom-left caption of a frame.
    public static func epochText(_ step: TrainingStep) -> String {
        "Epoch #\(step.step): MSE=\(SceneFigure.number(step.loss))"
    }

    /// The caption of the right panel.
    public static func parameterText(_ step: TrainingStep) -> String {
        let p = step.parameters
        return "(a, b) = (\(SceneFigure.number(p[0])), \(SceneFigure.number(p[1])))"
    }

    static func scene(run: RecordedRun, points: LinePoints, view: SurfaceView, settings: SceneSettings) throws -> FigureAnimation {
        let xs = points.xs, ys = points.ys
        // The grids evaluate the loss about 330,000 times: in closed form, whatever the number of points.
        let mse = points.meanSquaredErrorSurface
        let minimiser = points.isBuiltIn ? ReferenceRuns.fourPointsMinimizer
            : { let fit = points.leastSquares; return [fit.slope, fit.intercept] }()
        let (aRange, bRange) = points.isBuiltIn ? (limits, limits) : surfaceRanges(run: run, minimiser: minimiser)

        let log = view.logHeights(preferred: true)
        let columns = view.kind == .both ? 3 : 2
        var figure = SceneFigure.figure(settings, defaultSize: columns == 3 ? threePanelSize : defaultSize, columns: columns)
        // Left: the loss surface, drawn once into the cached layer. 512x512 samples with bilinear
        // filtering look like the textbook's 1024x1024 pcolormesh at up to 1.5x the panel's pixels.
        let surface = Grid2D(x: aRange, y: bRange, nx: 512, ny: 512, function: mse)
        let range = surface.finiteRange(positive: true) ?? (min: 0.5, max: 1_000)
        var left = Axes()
        left.x = AxisSpec(label: "$a$", limits: AxisLimits(lower: aRange.lowerBound, upper: aRange.upperBound), margin: 0)
        left.y = AxisSpec(label: "$b$", limits: AxisLimits(lower: bRange.lowerBound, upper: bRange.upperBound), margin: 0)
        left.aspect = points.isBuiltIn ? .equal : .auto
        left.showsGrid = false
        let linear = surface.finiteRange() ?? (min: 0, max: 1)
        left.heatmap(surface, colormap: .viridis, norm: log ? ColorNorm(kind: .log10, vmin: range.min, vmax: range.max)
                        : ColorNorm(vmin: linear.min, vmax: linear.max), interpolation: .bilinear)
        let contourGrid = Grid2D(x: aRange, y: bRange, nx: 256, ny: 256, function: mse)
        if points.isBuiltIn {
            left.contour(contourGrid, levels: contourLevels, coloring: .single(.deemphasized(.red)), width: 0.6, dashes: [[3, 2]], alpha: 0.8)
        } else {
            left.contour(contourGrid, automaticLevels: 5, log: true, coloring: .single(.deemphasized(.red)), width: 0.6,
                         dashes: [[3, 2]], alpha: 0.8)
        }
        left.scatter(xs: [minimiser[0]], ys: [minimiser[1]], marker: .cross, size: 9, color: .red)
        if let start = run.steps.first?.parameters, start.count == 2 {
            left.scatter(xs: [start[0]], ys: [start[1]], marker: .plus, size: 9, color: .white)
        }
        let surfacePanel: Int? = view.shows3D ? (view.shows2D ? 1 : 0) : nil
        if view.shows2D { figure[0, 0] = left }
        if let s = surfacePanel {
            var axes = SurfacePanels.surface(Grid2D(x: aRange, y: bRange, nx: 200, ny: 200, function: mse), view: view,
                                             standardCamera: standardCamera, log: log, xLabel: "$a$", yLabel: "$b$", zLabel: "MSE")
            SurfacePanels.badges(&axes, xs: [minimiser[0]], ys: [minimiser[1]], marker: .cross)
            if let start = run.steps.first?.parameters, start.count == 2 {
                SurfacePanels.badges(&axes, xs: [start[0]], ys: [start[1]], marker: .plus)
            }
            figure.panels[s] = axes
        }
        let dataPanel = columns - 1

        // Right: the data and the current line.
        var right = Axes()
        let (xRange, yRange) = points.isBuiltIn ? (0.0...10.0, 0.0...10.0) : (PlotRanges.padded(xs), PlotRanges.padded(ys))
        right.x = AxisSpec(label: points.xTitle, limits: AxisLimits(lower: xRange.lowerBound, upper: xRange.upperBound), margin: 0)
        right.y = AxisSpec(label: points.yTitle, limits: AxisLimits(lower: yRange.lowerBound, upper: yRange.upperBound), margin: 0)
        right.aspect = points.isBuiltIn ? .equal : .auto
        right.showsGrid = false
        right.scatter(xs: xs, ys: ys, size: xs.count > 500 ? 4 : 7)
        figure.panels[dataPanel] = right

        return try SceneFigure.animation(name, run: run, figure: figure, settings: settings, defaultFramesPerSecond: 20) { frame, figure in
            let step = frame.step
            let path = frame.past
            let xs = path.map { $0.parameters[0] }, ys = path.map { $0.parameters[1] }
            if view.shows2D {
                figure[0, 0].line(xs: xs, ys: ys, color: .white, width: 1.5)
                if points.isBuiltIn {
                    // Black on the heatmap in every theme, as in the textbook (the heatmap is the same).
                    figure[0, 0].text(epochText(frame.nearestRecorded), axesFraction: DataPoint(x: 0.5, y: 0.02), anchor: .bottomCenter,
                                      color: .black)
                } else {
                    // The user's path and contours go anywhere: a caption, which nothing crosses.
                    figure[0, 0].text(epochText(frame.nearestRecorded), axesFraction: DataPoint(x: 0.5, y: 0.02), anchor: .bottomCenter,
                                      background: figure.theme.colors.axesFace.withAlpha(0.85))
                }
            }
            if let s = surfacePanel {
                SurfacePanels.paths3D(&figure.panels[s], [SurfacePanels.Path(xs: xs, ys: ys, color: .fixed(.white), head: .moving)],
                                      theme: figure.theme, width: 1.8, halo: Color(hex: 0x000000, alpha: 0.75))
                if !view.shows2D {
                    // Above the box, clear of its labels.
                    figure.panels[s].text(epochText(frame.nearestRecorded), axesFraction: DataPoint(x: 0.02, y: 0.98), anchor: .topLeft,
                                          background: figure.theme.colors.axesFace.withAlpha(0.85))
                }
                SurfacePanels.turn(&figure.panels[s], view: view, standardCamera: standardCamera, frame: frame)
            }
            SceneFigure.fitLine(&figure.panels[dataPanel], slope: step.parameters[0], intercept: step.parameters[1], color: .ink,
                                width: 1, theme: figure.theme)
            // The textbook's bare text over its four points; a caption over the user's (a dense
            // cloud or the line may pass under it).
            figure.panels[dataPanel].text(parameterText(frame.nearestRecorded), axesFraction: DataPoint(x: 0.5, y: 0.02), anchor: .bottomCenter,
                                          background: points.isBuiltIn ? nil : figure.theme.colors.axesFace.withAlpha(0.85))
        }
    }

    /// The 3-D view's camera unless `--azimuth`/`--elevation` say otherwise: from the side
    /// of small slopes, looking down the valley the path follows.
    static let standardCamera = Camera3D(azimuth: -140, elevation: 40)

    /// Limits of the (a, b) panel on the user's data: centred on the minimiser, so the bowl of
    /// the loss shows around it, and wide enough for the whole path with a margin.
    static func surfaceRanges(run: RecordedRun, minimiser: [Double]) -> (ClosedRange<Double>, ClosedRange<Double>) {
        func range(_ k: Int) -> ClosedRange<Double> {
            let centre = minimiser[k]
            var reach = 0.0
            for step in run.steps where step.parameters[k].isFinite { reach = Swift.max(reach, abs(step.parameters[k] - centre)) }
            if reach == 0 { reach = Swift.max(abs(centre) * 0.5, 1) }
            return (centre - 1.15 * reach)...(centre + 1.15 * reach)
        }
        return (range(0), range(1))
    }
}
