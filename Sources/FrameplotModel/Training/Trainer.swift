/// The generic training loop: runs an objective with an optimiser and reports every k-th state.
///
/// Step 0 (the initial parameters) is always reported first, then every `recordEvery`-th
/// state (or, for an observer with its own schedule such as `AnimationRecorder(schedule:
/// .every(50))`, exactly the states it asks for) and the final one; each report's loss is
/// evaluated at that report's parameters.
/// A NaN or infinite loss or parameter, or a reported loss more than ``divergenceFactor``
/// times the initial loss (at least 1), throws `TrainingError.diverged(step:)` instead of
/// reporting garbage.
///
/// ```swift
/// let history = TrainingHistory()
/// let trainer = Trainer(configuration: .init(steps: 200, learningRate: .constant(0.01)))
/// let result = try trainer.train(objective, from: [2, -1], observer: history)
/// ```
public struct Trainer: Sendable {
    /// The run settings.
    public var configuration: TrainingConfiguration

    /// How many times the initial loss (or 1, if larger) a reported loss may reach before the
    /// run counts as diverged. Real training never grows its loss by eight orders of magnitude.
    public static let divergenceFactor = 1e8

    /// Creates a trainer.
    ///
    /// ```swift
    /// let t = Trainer(configuration: TrainingConfiguration(steps: 100))
    /// ```
    public init(configuration: TrainingConfiguration) {
        self.configuration = configuration
    }

    /// Trains `objective` from `initial` parameters, reporting to `observer`.
    ///
    /// ```swift
    /// let result = try Trainer(configuration: config).train(objective, from: start, observer: history)
    /// ```
    public func train<Objective: TrainingObjective>(_ objective: Objective, from initial: [Double],
                                                    observer: TrainingObserver? = nil) throws -> TrainingResult {
        let config = configuration
        let p = objective.parameterCount
        guard initial.count == p else {
            throw TrainingError.mismatchedLengths(what: "number of initial parameters", expected: p, actual: initial.count)
        }
        for (i, v) in initial.enumerated() where !v.isFinite {
            throw TrainingError.nonFinite(what: "the initial parameters", row: 0, column: i)
        }
        guard config.steps >= 0 else { throw TrainingError.invalidArgument("the number of steps must not be negative") }
        guard config.recordEvery >= 1 else { throw TrainingError.invalidArgument("recordEvery must be at least 1") }
        let n = objective.sampleCount
        guard n > 0 else { throw TrainingError.emptyData }
        let batchSize: Int
        switch config.batching {
        case .fullBatch: batchSize = n
        case .stochastic: batchSize = 1
        case let .miniBatch(size):
            guard size >= 1 else { throw TrainingError.invalidArgument("the mini-batch size must be at least 1") }
            batchSize = min(size, n)
        }
        let stepsPerEpoch = (n + batchSize - 1) / batchSize

        let info = TrainingRunInfo(parameterNames: objective.parameterNames, metricNames: objective.metricNames)
        var theta = initial
        var gradient = [Double](repeating: 0, count: p)
        var optimizerState = OptimizerState(config.optimizer, parameterCount: p)
        var order = Array(0..<n)
        var rng = SeededGenerator(seed: config.seed)
        var lastLoss = Double.nan
        var initialLoss = Double.nan

        func report(_ step: Int) throws -> TrainingControl {
            let loss = objective.loss(at: theta)
            guard loss.isFinite else { throw TrainingError.diverged(step: step) }
            // A loss that has grown by many orders of magnitude is divergence even while it is
            // still finite (e.g. x <- x - 5 f'(x) on a parabola): stop before frames show garbage.
            if step == 0 { initialLoss = loss }
            if loss > Swift.max(abs(initialLoss), 1) * Trainer.divergenceFactor {
                throw TrainingError.diverged(step: step)
            }
            lastLoss = loss
            guard let observer else { return .continue }
            let metrics = config.recordsMetrics ? objective.metrics(at: theta) : [:]
            return observer.trainingDidRecord(
                TrainingStep(step: step, epoch: step / stepsPerEpoch, parameters: theta, loss: loss, metrics: metrics),
                of: info)
        }

        if try report(0) == .stop {
            return TrainingResult(parameters: theta, steps: 0, loss: lastLoss, stopReason: .observer)
        }
        for t in 0..<config.steps {
            // Choose the batch without allocating: a slice of the epoch's order.
            let batch: ArraySlice<Int>?
            if batchSize == n {
                batch = nil
            } else {
                let position = (t % stepsPerEpoch) * batchSize
                if position == 0 { order.shuffle(using: &rng) }
                batch = order[position..<min(n, position + batchSize)]
            }
            objective.gradient(at: theta, batch: batch, into: &gradient)
            let largestChange = optimizerState.update(&theta, gradient: gradient, learningRate: config.learningRate.rate(at: t))
            let finite = theta.allSatisfy(\.isFinite)
            let step = t + 1
            guard finite, largestChange.isFinite else { throw TrainingError.diverged(step: step) }
            let converged = config.tolerance.map { largestChange < $0 } ?? false
            // The observer's own schedule, if it has one, replaces recordEvery (never both).
            let wanted = observer?.wantsReport(atStep: step, parameters: theta) ?? (step % config.recordEvery == 0)
            if wanted || step == config.steps || converged {
                if try report(step) == .stop {
                    return TrainingResult(parameters: theta, steps: step, loss: lastLoss, stopReason: .observer)
                }
            }
            if converged {
                return TrainingResult(parameters: theta, steps: step, loss: lastLoss, stopReason: .tolerance)
            }
        }
        return TrainingResult(parameters: theta, steps: config.steps, loss: lastLoss, stopReason: .completed)
    }

    /// Trains and returns the recorded history.
    ///
    /// ```swift
    /// let history = try Trainer(configuration: config).record(objective, from: [0, 0])
    /// ```
    public func record<Objective: TrainingObjective>(_ objective: Objective, from initial: [Double]) throws -> TrainingHistory {
        let history = TrainingHistory(parameterNames: objective.parameterNames, metricNames: objective.metricNames)
        _ = try train(objective, from: initial, observer: history)
        return history
    }
}
