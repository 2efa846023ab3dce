import FrameplotModel

/// The recorded states of a training run as a value: what scenes draw from.
///
/// A `TrainingHistory` is a live observer (a class); a scene keeps this immutable copy
/// so that frames can be drawn on any thread without touching training.
///
/// ```swift
/// let run = RecordedRun(try TrainingHistory.readCSV(from: "history.csv"))
/// run.steps.count   // frames
/// run.column("a")   // the values of parameter `a`
/// ```
public struct RecordedRun: Sendable, Hashable {
    public var parameterNames: [String]
    public var metricNames: [String]
    /// One state per frame, in order.
    public var steps: [TrainingStep]

    public init(parameterNames: [String], metricNames: [String] = [], steps: [TrainingStep]) {
        self.parameterNames = parameterNames; self.metricNames = metricNames; self.steps = steps
    }

    /// A copy of `history`'s current states.
    public init(_ history: TrainingHistory) {
        self.init(parameterNames: history.parameterNames, metricNames: history.metricNames, steps: history.steps)
    }

    /// A new `TrainingHistory` with these states (to write CSV or JSON lines).
    public func makeHistory() -> TrainingHistory {
        TrainingHistory(parameterNames: parameterNames, metricNames: metricNames, steps: steps)
    }

    /// The values of parameter `name` over the steps, or nil if there is no such parameter.
    public func column(_ name: String) -> [Double]? {
        guard let i = parameterNames.firstIndex(of: name) else { return nil }
        return steps.map { i < $0.parameters.count ? $0.parameters[i] : .nan }
    }

    /// Checks that the run can drive a scene whose parameters are `expected` (in this order).
    public func requireParameters(_ expected: [String], scene: String) throws {
        guard !steps.isEmpty else { throw AnimationError.unusableHistory("the history has no rows") }
        guard parameterNames == expected else {
            throw AnimationError.unusableHistory(
                "scene \(scene) needs the parameter columns \(expected.joined(separator: ",")), the history has \(parameterNames.joined(separator: ","))")
        }
        for step in steps where step.parameters.count != expected.count || step.parameters.contains(where: { !$0.isFinite }) {
            throw AnimationError.unusableHistory("row of step \(step.step) has missing or non-finite parameters")
        }
    }
}
