/// One recorded state of a training run.
///
/// `loss` is always evaluated at `parameters` (the state after `step` updates);
/// step 0 is the initial state before any update.
///
/// ```swift
/// let s = TrainingStep(step: 0, epoch: 0, parameters: [0, 0], loss: 29.75)
/// ```
public struct TrainingStep: Sendable, Hashable {
    /// Number of parameter updates done before this state (0 = initial state).
    public var step: Int
    /// Number of complete passes over the training data before this state.
    public var epoch: Int
    /// Parameter values, in the order of `TrainingRunInfo.parameterNames`.
    public var parameters: [Double]
    /// Loss evaluated at `parameters` on the training data.
    public var loss: Double
    /// Optional extra measurements by name (e.g. "accuracy", "validation loss").
    public var metrics: [String: Double]

    /// Creates a recorded state.
    ///
    /// ```swift
    /// let s = TrainingStep(step: 3, epoch: 3, parameters: [1, 2], loss: 0.5, metrics: ["accuracy": 1])
    /// ```
    public init(step: Int, epoch: Int, parameters: [Double], loss: Double, metrics: [String: Double] = [:]) {
        self.step = step
        self.epoch = epoch
        self.parameters = parameters
        self.loss = loss
        self.metrics = metrics
    }
}
