/// Settings of a training run: length, recording interval, learning rate, batching, optimiser.
///
/// ```swift
/// let config = TrainingConfiguration(steps: 20_000, recordEvery: 200,
///                                    learningRate: .inverseSquareRoot(0.03))
/// ```
public struct TrainingConfiguration: Sendable, Hashable {
    /// Number of parameter updates.
    public var steps: Int
    /// Report every k-th state to the observer; step 0 and the last state are always reported.
    /// An observer with its own schedule (`TrainingObserver.wantsReport(atStep:parameters:)`)
    /// replaces this interval.
    public var recordEvery: Int
    /// The learning-rate schedule.
    public var learningRate: LearningRateSchedule
    /// Full batch, one-sample SGD or mini-batches.
    public var batching: Batching
    /// The update rule (gradient descent, momentum, Nesterov, AdaGrad, RMSprop or Adam).
    public var optimizer: Optimizer
    /// Seed of the sample order for stochastic and mini-batch runs.
    public var seed: UInt64
    /// Stop early once an update moves no parameter by more than this (nil: never).
    public var tolerance: Double?
    /// Evaluate the objective's metrics at recorded states.
    public var recordsMetrics: Bool

    /// Creates a configuration.
    ///
    /// ```swift
    /// let c = TrainingConfiguration(steps: 200, learningRate: .constant(0.01))
    /// ```
    public init(steps: Int, recordEvery: Int = 1, learningRate: LearningRateSchedule = .constant(0.01),
                batching: Batching = .fullBatch, optimizer: Optimizer = .gradientDescent,
                seed: UInt64 = 0, tolerance: Double? = nil, recordsMetrics: Bool = true) {
        self.steps = steps
        self.recordEvery = recordEvery
        self.learningRate = learningRate
        self.batching = batching
        self.optimizer = optimizer
        self.seed = seed
        self.tolerance = tolerance
        self.recordsMetrics = recordsMetrics
    }
}

/// How a run ended and where.
///
/// ```swift
/// let result = try Trainer(configuration: config).train(objective, from: [0, 0])
/// print(result.parameters, result.stopReason)
/// ```
public struct TrainingResult: Sendable, Hashable {
    /// Why the run ended.
    public enum StopReason: Sendable, Hashable {
        /// All configured steps were done.
        case completed
        /// An update moved every parameter by less than the tolerance.
        case tolerance
        /// The observer returned `.stop`.
        case observer
    }
    /// Final parameters.
    public var parameters: [Double]
    /// Number of updates done.
    public var steps: Int
    /// Loss at the final parameters.
    public var loss: Double
    /// Why the run ended.
    public var stopReason: StopReason
}
