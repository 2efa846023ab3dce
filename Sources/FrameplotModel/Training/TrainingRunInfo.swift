/// What a training run records: the names of its parameters and metrics.
///
/// ```swift
/// let info = TrainingRunInfo(parameterNames: ["a", "b"], metricNames: [])
/// ```
public struct TrainingRunInfo: Sendable, Hashable {
    /// Names of the parameters, in the order of `TrainingStep.parameters`.
    public var parameterNames: [String]
    /// Names of the metrics a step may carry, in display order.
    public var metricNames: [String]

    /// Creates run information.
    ///
    /// ```swift
    /// let info = TrainingRunInfo(parameterNames: ["w0", "w1"])
    /// ```
    public init(parameterNames: [String], metricNames: [String] = []) {
        self.parameterNames = parameterNames
        self.metricNames = metricNames
    }
}
