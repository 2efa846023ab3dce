/// The recorded states of a training run; also an observer that records what it is given.
///
/// Write it to CSV or JSON lines to re-render frames later without training again.
///
/// ```swift
/// let history = TrainingHistory()
/// _ = try Trainer(configuration: .init(steps: 100)).train(objective, from: [0, 0], observer: history)
/// try history.writeCSV(to: "run.csv")
/// ```
public final class TrainingHistory: TrainingObserver {
    /// Names of the parameters (CSV columns after `loss`).
    public var parameterNames: [String]
    /// Names of the metrics (CSV columns after the parameters).
    public var metricNames: [String]
    /// The recorded states, in step order.
    public var steps: [TrainingStep]

    /// Creates a history, empty by default; names are taken from the run when recording starts.
    ///
    /// ```swift
    /// let history = TrainingHistory(parameterNames: ["a", "b"])
    /// ```
    public init(parameterNames: [String] = [], metricNames: [String] = [], steps: [TrainingStep] = []) {
        self.parameterNames = parameterNames
        self.metricNames = metricNames
        self.steps = steps
    }

    /// The run information matching this history.
    ///
    /// ```swift
    /// let info = history.runInfo
    /// ```
    public var runInfo: TrainingRunInfo {
        TrainingRunInfo(parameterNames: parameterNames, metricNames: metricNames)
    }

    /// Records `step`; always asks the run to continue.
    public func trainingDidRecord(_ step: TrainingStep, of run: TrainingRunInfo) -> TrainingControl {
        if steps.isEmpty {
            parameterNames = run.parameterNames
            metricNames = run.metricNames
        }
        steps.append(step)
        return .continue
    }

    /// The value of one parameter over the recorded states, or nil for an unknown name.
    ///
    /// ```swift
    /// let aPath = history.values(ofParameter: "a")
    /// ```
    public func values(ofParameter name: String) -> [Double]? {
        guard let index = parameterNames.firstIndex(of: name) else { return nil }
        return steps.map { index < $0.parameters.count ? $0.parameters[index] : .nan }
    }

    /// The recorded losses, in step order.
    ///
    /// ```swift
    /// let curve = history.losses
    /// ```
    public var losses: [Double] { steps.map(\.loss) }
}
