import Foundation
import FrameplotAnimation
import FrameplotCanvas
import FrameplotModel
import FrameplotPlot

/// `optimizers`: several optimizers racing on a test function from one start — GD,
/// momentum, Nesterov, AdaGrad, RMSprop and Adam with torch.optim's rules and defaults —
/// drawn as paths on the function's map (log-normed filled contours), on its 3-D surface,
/// or both, next to a loss-versus-step panel whose legend shows each optimizer's current loss.
///
/// An optimizer that diverges (its state becomes NaN or infinite, or leaves the plotted
/// area) stops there with a square head and "diverged at step N" in the legend; the others go
/// on. Its history (`--log`) is `step`, then `<name>_x,<name>_y,<name>_loss` per optimizer:
/// row k is the state before update k (row 0 the start), and a diverged optimizer's later
/// cells are empty.
///
/// ```swift
/// var options = OptimizersScene.Options()
/// options.function = "rosenbrock"
/// options.surface.kind = .both
/// let scene = try OptimizersScene.prepare(SceneRequest(options: options))
/// try scene.render(to: "Output/race.mp4")
/// ```
public enum OptimizersScene: SceneDefinition {
    /// What `optimizers` reads.
    public struct Options: SceneOptionSet {
        /// A built-in's name (`beale` …) or a normalised formula in x and y; nil is Beale.
        public var function: String?
        /// The racing optimizers' short names, in order; nil is all six.
        public var optimizers: [String]?
        /// The common start (x, y); nil is the function's.
        public var start: [Double]?
        /// Learning rates; nil keeps every optimizer's default for the function.
        public var learningRates: RaceLearningRates?
        /// Updates per optimizer; nil is 300 (Rosenbrock: 500).
        public var steps: Int?
        /// Record every K-th update; nil records about 150 states.
        public var every: Int?
        /// The plotted area (and where the race takes place); nil is the function's.
        public var domain: RaceDomain?
        /// Which views, the camera and the height scale.
        public var surface = SurfaceView()

        public init() {}

        public static let options: [SceneOption<Options>] = [
            .custom("function", \.function, valueName: "NAME|EXPR",
                    help: "The function of x and y: beale, rosenbrock, himmelblau, saddle, quadratic, or a formula such as \"x^2 + 3*y^2\".",
                    use: .drawing, defaultText: "beale", parse: RaceOptionValues.function),
            .custom("optimizers", \.optimizers, valueName: "LIST",
                    help: "The optimizers, separated by commas: gd, momentum, nesterov, adagrad, rmsprop, adam.",
                    defaultText: "all six", parse: RaceOptionValues.optimizers),
            .custom("start", \.start, valueName: "X,Y", help: "The common start point.", defaultText: "the function's",
                    parse: RaceOptionValues.start),
            .custom("lr", \.learningRates, valueName: "RATE|NAME=RATE,…",
                    help: "One learning rate for all, or rates by name, e.g. adam=0.1,gd=0.01 (the others keep their defaults).",
                    defaultText: "per function and optimizer", parse: RaceOptionValues.learningRates),
            .value("steps", \.steps, valueName: "N", help: "Updates per optimizer.", defaultText: "300; rosenbrock 500",
                   check: .within(1...1_000_000)),
            .value("every", \.every, valueName: "K", help: "Record every K-th update as a frame (the first and last always).",
                   defaultText: "about 150 frames", check: .within(1...1_000_000)),
            .custom("domain", \.domain, valueName: "X0..X1,Y0..Y1",
                    help: "The plotted area, where the race takes place (leaving it ends an optimizer's race).",
                    use: .drawing, defaultText: "the function's; a formula's -3..3,-3..3", parse: RaceOptionValues.domain),
        ] + SceneOption.surfaceView(\.surface, standardCamera: "per function")

        public func validate(rendering: Bool) throws {
            try surface.check()
            let function = try OptimizersScene.function(self)
            if case .each(let rates)? = learningRates {
                let racing = optimizers ?? Optimizer.torchDefaults.map(\.name)
                for name in rates.keys.sorted() where !racing.contains(name) {
                    throw AnimationError.invalidOption("--lr \(name)=…: \(name) is not in the race (--optimizers \(racing.joined(separator: ",")))")
                }
            }
            guard !rendering else { return }
            let start = self.start ?? function.start
            let option = self.start == nil ? "--domain" : "--start"
            guard function.contains(x: start[0], y: start[1]) else {
                throw AnimationError.invalidOption("\(option): the start (\(SceneText.number(start[0])), \(SceneText.number(start[1]))) lies outside the plotted area "
                    + "x \(SceneText.number(function.xDomain.lowerBound))..\(SceneText.number(function.xDomain.upperBound)), "
                    + "y \(SceneText.number(function.yDomain.lowerBound))..\(SceneText.number(function.yDomain.upperBound))"
                    + (self.start == nil ? "; give --start X,Y inside it" : ""))
            }
            guard function.value(x: start[0], y: start[1]).isFinite else {
                throw AnimationError.invalidOption("--start \(SceneText.number(start[0])),\(SceneText.number(start[1])): f(x, y) = \(function.title) is not defined there")
            }
        }
    }

    public static let name = "optimizers"
    public static let summary = "an optimizer race (GD, momentum, Nesterov, AdaGrad, RMSprop, Adam) on a test function or your formula, in 2-D and 3-D"
    public static let historyColumns: [HistoryColumn] = [
        HistoryColumn("step", "updates done before this row's states (0: the start); whole numbers, increasing"),
        HistoryColumn("<name>_x", "x of optimizer <name> (gd, momentum, nesterov, adagrad, rmsprop, adam, or your own); empty once it has diverged"),
        HistoryColumn("<name>_y", "y of optimizer <name>; empty once it has diverged"),
        HistoryColumn("<name>_loss", "f(x, y) at that point; empty once it has diverged"),
    ]

    /// The function the options name, on their domain: Beale by default.
    ///
    /// - Throws: ``AnimationError/invalidOption(_:)`` for a formula that does not parse.
    public static func function(_ options: Options) throws -> TestFunction {
        let text = options.function ?? TestFunction.beale.name
        if let builtIn = TestFunction.named(text) {
            guard let domain = options.domain else { return builtIn }
            return TestFunction(name: builtIn.name, title: builtIn.title, expression: builtIn.expression, minima: builtIn.minima,
                                minimumValue: builtIn.minimumValue, xDomain: domain.x, yDomain: domain.y, start: builtIn.start,
                                prefersLogScale: builtIn.prefersLogScale, learningRates: builtIn.learningRates)
        }
        do {
            let domain = options.domain ?? RaceDomain(x: -3...3, y: -3...3)
            let start = options.start.flatMap { domain.x.contains($0[0]) && domain.y.contains($0[1]) ? $0 : nil }
            return try TestFunction(formula: text, xDomain: domain.x, yDomain: domain.y, start: start)
        } catch {
            throw AnimationError.invalidOption("--function \"\(SceneText.clipped(text))\": \(error)")
        }
    }

    /// Updates per optimizer: the option, or 500 on Rosenbrock (its lesson needs them) and 300 elsewhere.
    static func steps(_ options: Options, function: TestFunction) -> Int {
        options.steps ?? (function.name == TestFunction.rosenbrock.name ? 500 : 300)
    }

    public static func prepare(_ request: SceneRequest<Options>) throws -> PreparedScene {
        let options = request.options
        let (tracks, function) = try request.history.map { try fromHistory($0, options: options) } ?? train(options)
        let scene = try scene(tracks: tracks, function: function, options: options, settings: request.settings)
        return try request.prepared(scene, recordedRun: tracks.run, historyLog: tracks.historyLog)
    }

    /// Runs the race the options describe and records it.
    static func train(_ options: Options) throws -> (RaceTracks, TestFunction) {
        let function = try Self.function(options)
        let steps = steps(options, function: function)
        let names = options.optimizers ?? Optimizer.torchDefaults.map(\.name)
        let optimizers = names.compactMap(Optimizer.init(name:))
        let race: OptimizerRace
        do {
            race = try OptimizerRace(function: function, optimizers: optimizers,
                                     learningRates: options.learningRates?.rates(for: names) ?? [:], start: options.start, steps: steps)
        } catch TrainingError.invalidArgument(let message) {
            throw AnimationError.invalidOption(message)
        }
        let every = options.every ?? Swift.max(1, Int((Double(steps) / 150).rounded(.up)))
        return (RaceTracks(race.run(), every: every), function)
    }

    /// The tracks of a recorded history, and the function they were run on: the one given
    /// with `--function`, else the built-in whose values are every recorded loss.
    static func fromHistory(_ history: HistoryInput, options: Options) throws -> (RaceTracks, TestFunction) {
        let names = try RaceTracks.names(inColumns: history.columnNames, source: history.source)
        guard names.count <= maximumTracks else {
            throw AnimationError.unusableHistory("\(SceneText.clipped(history.source)) has \(names.count) optimizer tracks; at most \(maximumTracks) can be told apart by colour")
        }
        let tracks = try RaceTracks(log: history.log(columns: RaceTracks.columns(names), scene: name), names: names,
                                    source: history.source)
        if options.function != nil {
            let function = try Self.function(options)
            if let miss = tracks.firstMismatch(with: function) {
                throw AnimationError.invalidOption("\(SceneText.clipped(history.source)) was not recorded on \(function.title): at step \(miss.step) "
                    + "\(miss.name)_loss is \(SceneText.number(miss.loss)) where f(x, y) there is \(SceneText.number(miss.expected)); "
                    + "give the function it was run on with --function NAME|EXPR")
            }
            return (tracks, function)
        }
        for builtIn in TestFunction.builtIns where tracks.firstMismatch(with: builtIn) == nil {
            var named = options
            named.function = builtIn.name
            return (tracks, try Self.function(named))
        }
        throw AnimationError.invalidOption("\(SceneText.clipped(history.source)): its losses are not the values of any built-in function "
            + "(\(TestFunction.builtIns.map(\.name).joined(separator: ", "))) at its points; give the function it was run on with --function NAME|EXPR")
    }

    /// The most optimizers a picture tells apart (the theme's palette).
    static let maximumTracks = 8
}
