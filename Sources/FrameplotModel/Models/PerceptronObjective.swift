/// The perceptron: predicts class 1 when w0 + w·x > 0; trained by (sub)gradient steps on the
/// perceptron criterion mean(max(0, −s·z)) with s = ±1 — one-sample SGD with learning rate 1
/// is Rosenblatt's rule (add s·x for each misclassified point).
///
/// Parameters `w0` (bias), `w1`…`wd`. Metric: "accuracy". Probabilities are hard (1 for the predicted class).
///
/// ```swift
/// let model = try PerceptronObjective(dataset: data)
/// let config = TrainingConfiguration(steps: 1000, learningRate: .constant(1), batching: .stochastic, seed: 1)
/// let result = try Trainer(configuration: config).train(model, from: model.initialParameters())
/// ```
public struct PerceptronObjective: ClassifierObjective, Sendable {
    /// Training features, one row per sample.
    public let features: Matrix
    /// Training labels (0 or 1).
    public let labels: [Int]

    public var parameterNames: [String] { (0...features.cols).map { "w\($0)" } }
    public var sampleCount: Int { features.rows }
    public var metricNames: [String] { ["accuracy"] }
    public var featureCount: Int { features.cols }
    public var classCount: Int { 2 }

    /// Creates the objective; throws for empty data, one class or labels other than 0/1.
    ///
    /// ```swift
    /// let model = try PerceptronObjective(dataset: data)
    /// ```
    public init(dataset: Dataset) throws {
        self.labels = try binaryClassificationLabels(dataset)
        self.features = dataset.features
    }

    /// All-zero starting parameters.
    public func initialParameters() -> [Double] {
        [Double](repeating: 0, count: features.cols + 1)
    }

    private func score(_ th: [Double], _ r: Int) -> Double {
        var z = th[0]
        for j in 0..<features.cols { z += th[j + 1] * features[r, j] }
        return z
    }

    public func loss(at parameters: [Double]) -> Double {
        var sum = 0.0
        for r in 0..<features.rows {
            let s: Double = labels[r] == 1 ? 1 : -1
            sum += max(0, -s * score(parameters, r))
        }
        return sum / Double(features.rows)
    }

    public func gradient(at parameters: [Double], batch: ArraySlice<Int>?, into gradient: inout [Double]) {
        for j in gradient.indices { gradient[j] = 0 }
        let rows = batch.map(Array.init) ?? Array(0..<features.rows)
        for r in rows {
            let s: Double = labels[r] == 1 ? 1 : -1
            // Misclassified (or on the boundary): the criterion's slope is −s·[1, x].
            if s * score(parameters, r) <= 0 {
                gradient[0] -= s
                for j in 0..<features.cols { gradient[j + 1] -= s * features[r, j] }
            }
        }
        let scale = 1 / Double(max(1, rows.count))
        for j in gradient.indices { gradient[j] *= scale }
    }

    public func metrics(at parameters: [Double]) -> [String: Double] {
        let correct = (0..<features.rows).filter { (score(parameters, $0) > 0 ? 1 : 0) == labels[$0] }.count
        return ["accuracy": Double(correct) / Double(features.rows)]
    }

    public func classProbabilities(parameters: UnsafeBufferPointer<Double>, point: UnsafeBufferPointer<Double>,
                                   into probabilities: UnsafeMutableBufferPointer<Double>) {
        var z = parameters[0]
        for j in 0..<features.cols { z += parameters[j + 1] * point[j] }
        probabilities[0] = z > 0 ? 0 : 1
        probabilities[1] = z > 0 ? 1 : 0
    }
}
