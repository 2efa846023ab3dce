import Foundation

/// Two-class logistic regression: P(class 1 | x) = σ(w0 + w1·x1 + … + wd·xd), mean cross-entropy loss.
///
/// Parameters are `w0` (bias) then `w1`…`wd`. Labels must be 0 or 1 with both present.
/// Metric: "accuracy".
///
/// ```swift
/// let model = try LogisticRegressionObjective(dataset: try Dataset.blobs(count: 100, classes: 2, seed: 1))
/// let history = try Trainer(configuration: .init(steps: 500, recordEvery: 10, learningRate: .constant(0.5)))
///     .record(model, from: model.initialParameters())
/// ```
public struct LogisticRegressionObjective: ClassifierObjective, Sendable {
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
    /// let model = try LogisticRegressionObjective(dataset: data)
    /// ```
    public init(dataset: Dataset) throws {
        self.labels = try binaryClassificationLabels(dataset)
        self.features = dataset.features
    }

    /// All-zero starting parameters.
    ///
    /// ```swift
    /// let start = model.initialParameters()
    /// ```
    public func initialParameters() -> [Double] {
        [Double](repeating: 0, count: features.cols + 1)
    }

    @inline(__always)
    private func score(_ th: UnsafeBufferPointer<Double>, _ x: UnsafeBufferPointer<Double>, _ r: Int, _ d: Int) -> Double {
        var z = th[0]
        for j in 0..<d { z += th[j + 1] * x[r * d + j] }
        return z
    }

    public func loss(at parameters: [Double]) -> Double {
        let d = features.cols, n = features.rows
        var sum = 0.0
        parameters.withUnsafeBufferPointer { th in
            features.values.withUnsafeBufferPointer { x in
                for r in 0..<n {
                    let z = score(th, x, r, d)
                    // −[t log σ(z) + (1−t) log(1−σ(z))] = softplus(z) − t·z, computed without overflow.
                    let softplus = max(z, 0) + log1p(exp(-abs(z)))
                    sum += softplus - Double(labels[r]) * z
                }
            }
        }
        return sum / Double(n)
    }

    public func gradient(at parameters: [Double], batch: ArraySlice<Int>?, into gradient: inout [Double]) {
        let d = features.cols
        let count = batch?.count ?? features.rows
        parameters.withUnsafeBufferPointer { th in
            features.values.withUnsafeBufferPointer { x in
                labels.withUnsafeBufferPointer { t in
                    gradient.withUnsafeMutableBufferPointer { g in
                        for j in 0...d { g[j] = 0 }
                        @inline(__always) func accumulate(_ r: Int) {
                            let delta = 1 / (1 + exp(-score(th, x, r, d))) - Double(t[r])
                            g[0] += delta
                            for j in 0..<d { g[j + 1] += delta * x[r * d + j] }
                        }
                        if let batch { for r in batch { accumulate(r) } } else { for r in 0..<features.rows { accumulate(r) } }
                        let scale = 1 / Double(max(1, count))
                        for j in 0...d { g[j] *= scale }
                    }
                }
            }
        }
    }

    public func metrics(at parameters: [Double]) -> [String: Double] {
        var correct = 0
        parameters.withUnsafeBufferPointer { th in
            features.values.withUnsafeBufferPointer { x in
                for r in 0..<features.rows where (score(th, x, r, features.cols) > 0 ? 1 : 0) == labels[r] { correct += 1 }
            }
        }
        return ["accuracy": Double(correct) / Double(features.rows)]
    }

    public func classProbabilities(parameters: UnsafeBufferPointer<Double>, point: UnsafeBufferPointer<Double>,
                                   into probabilities: UnsafeMutableBufferPointer<Double>) {
        var z = parameters[0]
        for j in 0..<features.cols { z += parameters[j + 1] * point[j] }
        let p1 = 1 / (1 + exp(-z))
        probabilities[0] = 1 - p1
        probabilities[1] = p1
    }
}
