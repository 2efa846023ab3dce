import Foundation

/// How the learning rate changes with the step number t (0 for the first update).
///
/// ```swift
/// let schedule = LearningRateSchedule.inverseSquareRoot(0.03)   // 0.03 / sqrt(t + 1)
/// schedule.rate(at: 0)   // 0.03
/// ```
public enum LearningRateSchedule: Sendable, Hashable {
    /// The same rate at every step.
    case constant(Double)
    /// η₀ / √(t + 1).
    case inverseSquareRoot(Double)
    /// η₀ · factor^⌊t / every⌋.
    case stepDecay(initial: Double, factor: Double, every: Int)

    /// The learning rate for update number `step` (0-based).
    ///
    /// ```swift
    /// LearningRateSchedule.stepDecay(initial: 1, factor: 0.5, every: 10).rate(at: 25)   // 0.25
    /// ```
    public func rate(at step: Int) -> Double {
        switch self {
        case let .constant(eta):
            return eta
        case let .inverseSquareRoot(eta0):
            return eta0 / (Double(step) + 1).squareRoot()
        case let .stepDecay(initial, factor, every):
            return initial * pow(factor, Double(step / max(1, every)))
        }
    }
}

/// Which samples each update's gradient is computed on.
///
/// ```swift
/// let b = Batching.miniBatch(size: 32)
/// ```
public enum Batching: Sendable, Hashable {
    /// All samples every step (deterministic gradient descent).
    case fullBatch
    /// One sample per step, visiting the samples in a fresh seeded random order each epoch.
    case stochastic
    /// `size` samples per step, from a fresh seeded random order each epoch (the last batch may be smaller).
    case miniBatch(size: Int)
}
