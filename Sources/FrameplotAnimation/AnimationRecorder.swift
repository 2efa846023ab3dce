import FrameplotModel

/// Records the states of a training run that become animation frames, on a schedule.
///
/// Push states from any loop with ``record(step:loss:parameters:metrics:epoch:)``, or pass the
/// recorder to a `Trainer` as its observer (it then reports exactly the steps the schedule
/// asks for). ``run`` holds the recorded states, ending with the last state seen so the
/// animation ends on the final state. One recorder records one run: steps must increase
/// (`record` throws otherwise; a `Trainer` restarted into a used recorder adds nothing).
/// docs/recording.md compares it with `TrainingHistory`.
///
/// ```swift
/// let recorder = AnimationRecorder(schedule: .every(10), parameterNames: ["w", "b"])
/// var w = 0.0, b = 0.0
/// for step in 0...300 {
///     let (loss, gw, gb) = lossAndGradient(w, b)
///     try recorder.record(step: step, loss: loss, parameters: [w, b])
///     w -= 0.01 * gw; b -= 0.01 * gb
/// }
/// let run = recorder.run   // 31 states: steps 0, 10, …, 300
/// ```
public final class AnimationRecorder: TrainingObserver {
    /// Which steps are kept.
    public let schedule: RecordingSchedule
    /// Stop once this many states are recorded (nil: never): a `Trainer` stops, and later
    /// pushed states are not kept.
    public let maxFrames: Int?

    private var recorded: RecordedRun
    private var namesGiven: Bool
    private var lastSeen: TrainingStep?
    private var lastRecordedParameters: [Double]?
    private let fixedSteps: Set<Int>?

    /// - Parameters:
    ///   - schedule: which steps to keep.
    ///   - parameterNames: the names of the parameters you push (default: taken from the
    ///     `Trainer`'s objective, or `p0`, `p1`, … for pushed states).
    ///   - metricNames: the metrics in display order (others are added as they appear).
    ///   - maxFrames: stop after this many recorded states.
    public init(schedule: RecordingSchedule = .everyStep, parameterNames: [String] = [], metricNames: [String] = [],
                maxFrames: Int? = nil) {
        self.schedule = schedule
        self.maxFrames = maxFrames
        self.recorded = RecordedRun(parameterNames: parameterNames, metricNames: metricNames)
        self.namesGiven = !parameterNames.isEmpty
        // A log-spaced schedule is a fixed set of steps: compute it once, not per step.
        if case .logSpaced = schedule { fixedSteps = schedule.logSpacedSteps } else { fixedSteps = nil }
    }

    /// How many states are recorded so far (the final state not yet included).
    public var frameCount: Int { recorded.steps.count }

    /// Whether ``maxFrames`` states are recorded.
    public var isFull: Bool { maxFrames.map { recorded.steps.count >= $0 } ?? false }

    /// Whether the schedule keeps the state after `step` updates (with these parameters, for
    /// ``RecordingSchedule/whenMoved(atLeast:)``). Compute costly metrics only when it does.
    ///
    /// ```swift
    /// let metrics = recorder.wants(step: step) ? ["accuracy": accuracy()] : [:]
    /// ```
    public func wants(step: Int, parameters: [Double]? = nil) -> Bool {
        if isFull { return false }
        if let fixedSteps { return fixedSteps.contains(step) }
        guard let parameters else { return schedule.shouldRecord(step: step, parameters: [], lastRecorded: nil) }
        return schedule.shouldRecord(step: step, parameters: parameters, lastRecorded: lastRecordedParameters)
    }

    /// Records the state after `step` updates if the schedule keeps it; returns whether it did.
    ///
    /// Every state you push counts as "seen": the last one ends the run even when the
    /// schedule skips it. Steps must increase, and every state must have as many parameters
    /// as the first (or as `parameterNames`).
    ///
    /// ```swift
    /// try recorder.record(step: step, loss: loss, parameters: [w, b], metrics: ["accuracy": acc])
    /// ```
    @discardableResult
    public func record(step: Int, loss: Double, parameters: [Double], metrics: [String: Double] = [:],
                       epoch: Int? = nil) throws -> Bool {
        if !namesGiven && recorded.steps.isEmpty && lastSeen == nil {
            recorded.parameterNames = parameters.indices.map { "p\($0)" }
        }
        guard parameters.count == recorded.parameterNames.count else {
            throw RecordingError.parameterCount(step: step, expected: recorded.parameterNames, actual: parameters.count)
        }
        if let previous = lastSeen?.step, step <= previous {
            throw RecordingError.stepOrder(step: step, previous: previous)
        }
        return keep(TrainingStep(step: step, epoch: epoch ?? step, parameters: parameters, loss: loss, metrics: metrics))
    }

    /// The recorded states, ending with the last state seen.
    public var run: RecordedRun {
        guard let lastSeen, recorded.steps.last?.step != lastSeen.step else { return recorded }
        var run = recorded
        run.append(lastSeen)
        return run
    }

    /// The recorded states as a `TrainingHistory` (to write CSV or JSON lines).
    public var history: TrainingHistory { TrainingHistory(run: run) }

    // MARK: TrainingObserver

    /// Asks the loop for exactly the steps the schedule keeps (``RecordingSchedule/everyStep``
    /// leaves the choice to the loop).
    public func wantsReport(atStep step: Int, parameters: [Double]) -> Bool? {
        if case .everyStep = schedule, !isFull { return nil }
        return wants(step: step, parameters: parameters)
    }

    public func trainingDidRecord(_ step: TrainingStep, of run: TrainingRunInfo) -> TrainingControl {
        if recorded.steps.isEmpty && lastSeen == nil {
            if !namesGiven { recorded.parameterNames = run.parameterNames }
            if recorded.metricNames.isEmpty { recorded.metricNames = run.metricNames }
        }
        if let previous = lastSeen?.step, step.step <= previous { return .continue }
        keep(step)
        return isFull ? .stop : .continue
    }

    @discardableResult
    private func keep(_ state: TrainingStep) -> Bool {
        guard !isFull else { return false }
        lastSeen = state
        guard wants(step: state.step, parameters: state.parameters) else { return false }
        recorded.append(state)
        lastRecordedParameters = state.parameters
        return true
    }
}
