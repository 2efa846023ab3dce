import Foundation

/// Which training steps become animation frames.
///
/// The schedule is obeyed exactly, whoever supplies the states: states pushed with
/// ``AnimationRecorder/record(step:loss:parameters:metrics:epoch:)``, or a `Trainer`, which
/// asks the recorder which steps it wants (so `.every(50)` gives a frame every 50 steps even
/// when the configuration says `recordEvery: 200`). Only ``everyStep`` leaves the choice to
/// the loop. The last state seen is added at the end, so the animation ends on the final state.
///
/// ```swift
/// let schedule = RecordingSchedule.every(200)            // 0, 200, 400, …
/// let early = RecordingSchedule.logSpaced(frames: 100, totalSteps: 20_000) // dense at the start
/// let moved = RecordingSchedule.whenMoved(atLeast: 0.05)  // when the parameters moved enough
/// ```
public enum RecordingSchedule: Sendable, Hashable {
    /// Every state pushed, or every state the training loop reports (a `Trainer` reports every
    /// `recordEvery`-th step).
    case everyStep
    /// Step 0 and every `k`-th step.
    case every(Int)
    /// About `frames` steps spaced evenly on a log scale over `0...totalSteps`, so the fast
    /// early change gets more frames (duplicates after rounding are dropped).
    case logSpaced(frames: Int, totalSteps: Int)
    /// A step whose parameters are at least this Euclidean distance from the last recorded ones.
    case whenMoved(atLeast: Double)
    /// Exactly these steps.
    case steps(Set<Int>)

    /// Whether `step` (with `parameters`) is recorded, given the parameters recorded last.
    public func shouldRecord(step: Int, parameters: [Double], lastRecorded: [Double]?) -> Bool {
        switch self {
        case .everyStep:
            return true
        case .every(let k):
            return k <= 1 || step % k == 0
        case .logSpaced:
            return logSpacedSteps.contains(step)
        case .whenMoved(let distance):
            guard let last = lastRecorded, last.count == parameters.count else { return true }
            var sum = 0.0
            for i in parameters.indices { let d = parameters[i] - last[i]; sum += d * d }
            return sum.squareRoot() >= distance
        case .steps(let set):
            return set.contains(step)
        }
    }

    /// The steps a log-spaced schedule records (empty for the other kinds).
    public var logSpacedSteps: Set<Int> {
        guard case let .logSpaced(frames, total) = self, frames > 0, total > 0 else { return [0] }
        var steps: Set<Int> = [0, total]
        let logTotal = Foundation.log(Double(total + 1))
        for i in 0..<frames {
            let t = frames == 1 ? 1 : Double(i) / Double(frames - 1)
            steps.insert(Int((Foundation.exp(logTotal * t) - 1).rounded()))
        }
        return steps
    }
}
