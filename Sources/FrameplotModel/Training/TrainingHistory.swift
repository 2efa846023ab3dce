/// A training observer that keeps every state the loop reports, and the history files.
///
/// Its states are a ``RecordedRun`` (``run``), stored as columns; write them to CSV or JSON
/// lines to re-render frames later without training again. To record on a schedule, or from
/// your own loop, use `AnimationRecorder` instead (docs/recording.md compares the two).
///
/// ```swift
/// let history = TrainingHistory()
/// _ = try Trainer(configuration: .init(steps: 100)).train(objective, from: [0, 0], observer: history)
/// try history.writeCSV(to: "run.csv")
/// let run = history.run
/// ```
public final class TrainingHistory: TrainingObserver {
    /// The recorded states, in step order.
    public internal(set) var steps: RecordedSteps

    /// Creates a history, empty by default; names are taken from the run when recording starts.
    ///
    /// ```swift
    /// let history = TrainingHistory(parameterNames: ["a", "b"])
    /// ```
    public init(parameterNames: [String] = [], metricNames: [String] = [], steps: [TrainingStep] = []) {
        self.steps = RecordedRun(parameterNames: parameterNames, metricNames: metricNames, steps: steps).steps
    }

    /// A history holding the states of `run` (shared, not copied).
    ///
    /// ```swift
    /// try TrainingHistory(run: recorder.run).writeCSV(to: "run.csv")
    /// ```
    public init(run: RecordedRun) {
        self.steps = run.steps
    }

    /// The states as a value (shared, not copied).
    public var run: RecordedRun { RecordedRun(steps) }

    /// Names of the parameters (CSV columns after `loss`), as ``RecordedRun/parameterNames``.
    public var parameterNames: [String] { get { steps.parameterNames } set { steps.setParameterNames(newValue) } }
    /// Names of the metrics (CSV columns after the parameters), as ``RecordedRun/metricNames``.
    public var metricNames: [String] { get { steps.metricNames } set { steps.setMetricNames(newValue) } }

    /// The run information matching this history.
    ///
    /// ```swift
    /// let info = history.runInfo
    /// ```
    public var runInfo: TrainingRunInfo {
        TrainingRunInfo(parameterNames: parameterNames, metricNames: metricNames)
    }

    /// Appends a state.
    ///
    /// ```swift
    /// history.append(TrainingStep(step: 0, epoch: 0, parameters: [0, 0], loss: 29.75))
    /// ```
    public func append(_ state: TrainingStep) {
        steps.append(state)
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
        run.column(name)
    }

    /// The recorded losses, in step order.
    ///
    /// ```swift
    /// let curve = history.losses
    /// ```
    public var losses: [Double] { steps.losses }
}
