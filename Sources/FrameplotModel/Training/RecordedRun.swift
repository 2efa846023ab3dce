/// The recorded states of a training run: the one value that animations draw from and
/// history files hold.
///
/// Who makes one (see docs/recording.md for the whole picture):
/// - `AnimationRecorder` (FrameplotAnimation) records on a schedule, from a `Trainer` or from
///   your own loop (`recorder.record(step:loss:parameters:)`); `recorder.run` is the result.
/// - ``TrainingHistory`` records every state a training loop reports, and reads and writes
///   CSV and JSON lines; `history.run` is its states.
///
/// States are stored as columns (``RecordedSteps``): a million states of two parameters take
/// about 40 MB. `run.steps[i]` and slices such as `run.steps[...i]` are views, O(1) to take.
///
/// ```swift
/// var run = RecordedRun(parameterNames: ["w", "b"])
/// run.append(TrainingStep(step: 0, epoch: 0, parameters: [0, 0], loss: 4.5))
/// run.steps.count            // 1
/// run.steps[0].parameters[1] // 0
/// run.column("w")            // [0]
/// ```
public struct RecordedRun: Sendable, Hashable, CustomStringConvertible {
    /// The recorded states in order, as a collection of ``RecordedStep`` (indices from 0).
    public private(set) var steps: RecordedSteps

    /// An empty run with these column names.
    public init(parameterNames: [String], metricNames: [String] = []) {
        steps = RecordedSteps(parameterNames: parameterNames, metricNames: metricNames)
    }

    /// A run of `steps` (see ``RecordedSteps/append(_:)`` for how values meet columns).
    ///
    /// ```swift
    /// let run = RecordedRun(parameterNames: ["a"], steps: [TrainingStep(step: 0, epoch: 0, parameters: [1], loss: 2)])
    /// ```
    public init(parameterNames: [String], metricNames: [String] = [], steps: [TrainingStep]) {
        self.init(parameterNames: parameterNames, metricNames: metricNames)
        self.steps.reserveCapacity(steps.count)
        for step in steps { self.steps.append(step) }
    }

    /// A run of the states `steps` (a slice is copied so that the run's indices start at 0).
    public init(_ steps: RecordedSteps) {
        if steps.startIndex == 0 {
            self.steps = steps
        } else {
            var copy = RecordedSteps(parameterNames: steps.parameterNames, metricNames: steps.metricNames)
            copy.reserveCapacity(steps.count)
            for state in steps {
                copy.append(step: state.step, epoch: state.epoch, loss: state.loss, parameters: Array(state.parameters),
                            metrics: state.metrics.dictionary)
            }
            self.steps = copy
        }
    }

    /// The states of `history` (shared, not copied).
    public init(_ history: TrainingHistory) {
        self.init(history.steps)
    }

    /// Names of the parameters, in the order of every state's `parameters`. Setting a
    /// different number of names cuts the columns or pads them with NaN.
    public var parameterNames: [String] {
        get { steps.parameterNames }
        set { steps.setParameterNames(newValue) }
    }

    /// Names of the metrics, in display order. Setting them keeps the values of the names
    /// that stay, by name.
    public var metricNames: [String] {
        get { steps.metricNames }
        set { steps.setMetricNames(newValue) }
    }

    /// Appends a state (see ``RecordedSteps/append(_:)``).
    public mutating func append(_ state: TrainingStep) {
        steps.append(state)
    }

    /// Appends a state from its parts.
    public mutating func append(step: Int, epoch: Int, loss: Double, parameters: [Double], metrics: [String: Double] = [:]) {
        steps.append(step: step, epoch: epoch, loss: loss, parameters: parameters, metrics: metrics)
    }

    /// A new ``TrainingHistory`` holding these states (to write CSV or JSON lines).
    public func makeHistory() -> TrainingHistory {
        TrainingHistory(run: self)
    }

    /// The values of parameter `name` over the states, or nil if there is no such parameter.
    ///
    /// ```swift
    /// let aPath = run.column("a")
    /// ```
    public func column(_ name: String) -> [Double]? {
        guard let i = parameterNames.firstIndex(of: name) else { return nil }
        return steps.parameterValues(i)
    }

    /// The losses, in step order.
    public var losses: [Double] { steps.losses }

    public var description: String {
        "RecordedRun(\(steps.count) states; parameters \(parameterNames.joined(separator: ",")); metrics \(metricNames.joined(separator: ",")))"
    }
}
