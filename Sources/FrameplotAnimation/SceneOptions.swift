import FrameplotCanvas
import FrameplotModel

/// The knobs a catalog scene understands; every one is optional and the scene picks its
/// textbook default for what is not set. Mirrors `frameplot animate` options.
///
/// ```swift
/// var options = SceneOptions()
/// options.sgd = true
/// options.seed = 7
/// let scene = try SceneCatalog.standard.makeScene("gd-locus", options: options)
/// ```
public struct SceneOptions: Sendable {
    /// Training steps.
    public var steps: Int?
    /// Record every k-th step as a frame.
    public var every: Int?
    /// Learning rate (η, or η₀ for a decaying schedule).
    public var learningRate: Double?
    /// Seed of the project's ``SeededGenerator`` (data, initial weights, SGD order).
    public var seed: UInt64?
    /// A CSV file with the data to use instead of the built-in set.
    public var dataPath: String?
    /// Frame size in layout units.
    public var size: Size?
    /// Theme name: `default`, `slides` or `dark`.
    public var theme: String?
    /// Frames per second.
    public var framesPerSecond: Double?
    /// Stochastic (one-sample) instead of full-batch gradient descent, where the scene has both.
    public var sgd: Bool
    /// A named variant (e.g. `shopping` for the backprop scene).
    public var example: String?
    /// A recorded history to draw instead of training (`frameplot render`).
    public var history: RecordedRun?
    /// Anything else a scene wants, by name.
    public var extra: [String: String]

    public init(steps: Int? = nil, every: Int? = nil, learningRate: Double? = nil, seed: UInt64? = nil,
                dataPath: String? = nil, size: Size? = nil, theme: String? = nil, framesPerSecond: Double? = nil,
                sgd: Bool = false, example: String? = nil, history: RecordedRun? = nil,
                extra: [String: String] = [:]) {
        self.steps = steps; self.every = every; self.learningRate = learningRate; self.seed = seed
        self.dataPath = dataPath; self.size = size; self.theme = theme; self.framesPerSecond = framesPerSecond
        self.sgd = sgd; self.example = example; self.history = history; self.extra = extra
    }

    /// Checks the common options: positive steps/every/rate/fps, sizes from 16 to 8192.
    public func validate() throws {
        if let steps, steps < 1 { throw AnimationError.invalidOption("--steps \(steps): must be at least 1") }
        if let every, every < 1 { throw AnimationError.invalidOption("--every \(every): must be at least 1") }
        if let learningRate, !(learningRate > 0 && learningRate.isFinite) {
            throw AnimationError.invalidOption("--lr \(learningRate): must be a positive number")
        }
        if let framesPerSecond, !(framesPerSecond > 0 && framesPerSecond <= 240) {
            throw AnimationError.invalidOption("--fps \(framesPerSecond): must be between 0 and 240")
        }
        if let size, !(size.width >= 16 && size.height >= 16 && size.width <= 8192 && size.height <= 8192) {
            throw AnimationError.invalidOption("--size \(Int(size.width))x\(Int(size.height)): width and height must be between 16 and 8192")
        }
    }
}
