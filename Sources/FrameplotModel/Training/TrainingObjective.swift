/// A differentiable training objective: a model plus its data and loss.
///
/// The training loop, the gradient check and the optimisers only see this protocol,
/// so every model (linear, logistic, softmax, perceptron, two-layer network) trains
/// and is checked the same way. Parameters are one flat `[Double]`.
///
/// ```swift
/// let objective = LinearRegressionObjective.line(dataset: .fourPoints)
/// let loss = objective.loss(at: [0, 0])              // 29.75
/// var g = [0.0, 0.0]
/// objective.gradient(at: [0, 0], batch: nil, into: &g)
/// ```
public protocol TrainingObjective {
    /// Names of the parameters, one per entry of the parameter vector.
    var parameterNames: [String] { get }
    /// Number of training samples (what one-sample SGD and mini-batches index into).
    var sampleCount: Int { get }
    /// Names of the metrics returned by `metrics(at:)`.
    var metricNames: [String] { get }
    /// The loss over all training samples at `parameters`.
    func loss(at parameters: [Double]) -> Double
    /// Writes into `gradient` the gradient of the mean loss over the samples in `batch`
    /// (all samples when nil) plus any penalty term. `gradient.count` equals the parameter count.
    func gradient(at parameters: [Double], batch: ArraySlice<Int>?, into gradient: inout [Double])
    /// Extra measurements at `parameters` (e.g. accuracy), keyed by `metricNames`.
    func metrics(at parameters: [Double]) -> [String: Double]
}

extension TrainingObjective {
    /// Number of parameters.
    public var parameterCount: Int { parameterNames.count }
    /// No metrics by default.
    public var metricNames: [String] { [] }
    /// No metrics by default.
    public func metrics(at parameters: [Double]) -> [String: Double] { [:] }

    /// The full-data gradient as a new array.
    ///
    /// ```swift
    /// let g = objective.gradient(at: theta)
    /// ```
    public func gradient(at parameters: [Double]) -> [Double] {
        var g = [Double](repeating: 0, count: parameterCount)
        gradient(at: parameters, batch: nil, into: &g)
        return g
    }
}
