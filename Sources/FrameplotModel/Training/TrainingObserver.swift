/// What an observer asks the training loop to do after a recorded step.
///
/// ```swift
/// return step.loss < 1e-3 ? .stop : .continue
/// ```
public enum TrainingControl: Sendable, Hashable {
    /// Keep training.
    case `continue`
    /// Stop after this step; the run ends normally.
    case stop
}

/// Receives the recorded states of a training run (step 0 first).
///
/// Which states it receives is decided once, without double filtering: an observer that
/// answers ``wantsReport(atStep:parameters:)`` (such as `AnimationRecorder` with a schedule)
/// gets exactly the states it asks for, whatever the loop's own interval; one that returns
/// `nil` (the default) gets the loop's choice, e.g. every `recordEvery`-th step of a `Trainer`.
/// Step 0 and the last state are always reported.
///
/// ```swift
/// final class Printer: TrainingObserver {
///     func trainingDidRecord(_ step: TrainingStep, of run: TrainingRunInfo) -> TrainingControl {
///         print(step.step, step.loss)
///         return .continue
///     }
/// }
/// ```
public protocol TrainingObserver: AnyObject {
    /// Called for each recorded state, in step order.
    func trainingDidRecord(_ step: TrainingStep, of run: TrainingRunInfo) -> TrainingControl

    /// Whether the loop should evaluate and report the state after `step` updates, asked
    /// before the loss is computed; `nil` leaves the choice to the loop (its `recordEvery`).
    ///
    /// ```swift
    /// func wantsReport(atStep step: Int, parameters: [Double]) -> Bool? { step % 50 == 0 }
    /// ```
    func wantsReport(atStep step: Int, parameters: [Double]) -> Bool?
}

extension TrainingObserver {
    /// No preference: the loop reports at its own interval.
    public func wantsReport(atStep step: Int, parameters: [Double]) -> Bool? { nil }
}

/// An observer made from a closure.
///
/// ```swift
/// let observer = ClosureTrainingObserver { step, _ in
///     print(step.loss); return .continue
/// }
/// ```
public final class ClosureTrainingObserver: TrainingObserver {
    private let body: (TrainingStep, TrainingRunInfo) -> TrainingControl

    /// Wraps `body`, called for every recorded state.
    ///
    /// ```swift
    /// let o = ClosureTrainingObserver { _, _ in .continue }
    /// ```
    public init(_ body: @escaping (TrainingStep, TrainingRunInfo) -> TrainingControl) {
        self.body = body
    }

    public func trainingDidRecord(_ step: TrainingStep, of run: TrainingRunInfo) -> TrainingControl {
        body(step, run)
    }
}
