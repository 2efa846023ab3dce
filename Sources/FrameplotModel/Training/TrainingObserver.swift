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

/// Receives every recorded state of a training run (step 0 first).
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
