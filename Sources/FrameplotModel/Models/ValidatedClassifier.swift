/// A classifier objective that also reports "validation loss" and "validation accuracy",
/// measured by the same kind of model built on held-out data.
///
/// ```swift
/// let (train, test) = try data.split(testFraction: 0.25, seed: 1)
/// let model = try ValidatedClassifier(
///     training: TwoLayerNetworkObjective(dataset: train, hiddenUnits: 8),
///     validation: TwoLayerNetworkObjective(dataset: test, hiddenUnits: 8))
/// let history = try Trainer(configuration: config).record(model, from: model.training.initialParameters(seed: 1))
/// ```
public struct ValidatedClassifier<Base: ClassifierObjective>: ClassifierObjective {
    /// The objective trained on.
    public let training: Base
    /// The same model on the validation data (only evaluated, never trained).
    public let validation: Base

    /// Pairs a training and a validation objective; their parameter layouts must agree.
    ///
    /// ```swift
    /// let m = try ValidatedClassifier(training: try SoftmaxRegressionObjective(dataset: train),
    ///                                 validation: try SoftmaxRegressionObjective(dataset: test))
    /// ```
    public init(training: Base, validation: Base) throws {
        guard training.parameterNames == validation.parameterNames else {
            throw TrainingError.mismatchedLengths(what: "validation model parameters (does the validation data lack a class?)",
                                                  expected: training.parameterCount, actual: validation.parameterCount)
        }
        self.training = training
        self.validation = validation
    }

    public var parameterNames: [String] { training.parameterNames }
    public var sampleCount: Int { training.sampleCount }
    public var featureCount: Int { training.featureCount }
    public var classCount: Int { training.classCount }
    public var metricNames: [String] { training.metricNames + ["validation loss", "validation accuracy"] }

    public func loss(at parameters: [Double]) -> Double { training.loss(at: parameters) }

    public func gradient(at parameters: [Double], batch: ArraySlice<Int>?, into gradient: inout [Double]) {
        training.gradient(at: parameters, batch: batch, into: &gradient)
    }

    public func metrics(at parameters: [Double]) -> [String: Double] {
        var out = training.metrics(at: parameters)
        out["validation loss"] = validation.loss(at: parameters)
        out["validation accuracy"] = validation.metrics(at: parameters)["accuracy"]
        return out
    }

    public func classProbabilities(parameters: UnsafeBufferPointer<Double>, point: UnsafeBufferPointer<Double>,
                                   into probabilities: UnsafeMutableBufferPointer<Double>) {
        training.classProbabilities(parameters: parameters, point: point, into: probabilities)
    }

    public func predictGrid(parameters: [Double], grid: PredictionGrid, transform: Standardizer? = nil,
                            includeProbabilities: Bool = false) throws -> GridPrediction {
        try training.predictGrid(parameters: parameters, grid: grid, transform: transform, includeProbabilities: includeProbabilities)
    }
}
