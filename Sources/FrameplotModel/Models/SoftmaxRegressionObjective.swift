import Foundation

/// Multi-class (softmax) regression: P(k | x) = softmax_k(w_k0 + Σ_j w_kj·x_j), mean cross-entropy loss.
///
/// Parameters are the K×(d+1) weights row by row, named `w<k>_<j>` (j = 0 is the bias).
/// Metric: "accuracy".
///
/// ```swift
/// let (iris, _) = Dataset.iris.standardized()
/// let model = try SoftmaxRegressionObjective(dataset: iris)
/// let result = try Trainer(configuration: .init(steps: 1000, learningRate: .constant(0.5)))
///     .train(model, from: model.initialParameters())
/// ```
public struct SoftmaxRegressionObjective: ClassifierObjective, Sendable {
    /// Training features, one row per sample.
    public let features: Matrix
    /// Training labels 0..<classCount.
    public let labels: [Int]
    public let classCount: Int

    public var parameterNames: [String] {
        (0..<classCount).flatMap { k in (0...features.cols).map { "w\(k)_\($0)" } }
    }
    public var sampleCount: Int { features.rows }
    public var metricNames: [String] { ["accuracy"] }
    public var featureCount: Int { features.cols }

    /// Creates the objective; throws for empty data or fewer than two classes.
    ///
    /// ```swift
    /// let model = try SoftmaxRegressionObjective(dataset: .iris)
    /// ```
    public init(dataset: Dataset) throws {
        let (labels, k) = try classificationLabels(dataset)
        self.features = dataset.features
        self.labels = labels
        self.classCount = k
    }

    /// All-zero starting parameters.
    ///
    /// ```swift
    /// let start = model.initialParameters()
    /// ```
    public func initialParameters() -> [Double] {
        [Double](repeating: 0, count: classCount * (features.cols + 1))
    }

    /// Writes the scores a_k into `a` and returns log Σ exp(a_k).
    @inline(__always)
    private func scores(_ th: UnsafeBufferPointer<Double>, _ x: UnsafeBufferPointer<Double>, _ offset: Int,
                        _ a: UnsafeMutableBufferPointer<Double>) -> Double {
        let d = features.cols, stride = d + 1
        var m = -Double.infinity
        for k in 0..<classCount {
            var s = th[k * stride]
            for j in 0..<d { s += th[k * stride + 1 + j] * x[offset + j] }
            a[k] = s
            m = max(m, s)
        }
        var sum = 0.0
        for k in 0..<classCount { sum += exp(a[k] - m) }
        return m + log(sum)
    }

    public func loss(at parameters: [Double]) -> Double {
        var total = 0.0
        let d = features.cols
        withUnsafeTemporaryAllocation(of: Double.self, capacity: classCount) { a in
            parameters.withUnsafeBufferPointer { th in
                features.values.withUnsafeBufferPointer { x in
                    for r in 0..<features.rows {
                        let lse = scores(th, x, r * d, a)
                        total += lse - a[labels[r]]
                    }
                }
            }
        }
        return total / Double(features.rows)
    }

    public func gradient(at parameters: [Double], batch: ArraySlice<Int>?, into gradient: inout [Double]) {
        let d = features.cols, stride = d + 1
        let count = batch?.count ?? features.rows
        withUnsafeTemporaryAllocation(of: Double.self, capacity: classCount) { a in
            parameters.withUnsafeBufferPointer { th in
                features.values.withUnsafeBufferPointer { x in
                    gradient.withUnsafeMutableBufferPointer { g in
                        for i in g.indices { g[i] = 0 }
                        @inline(__always) func accumulate(_ r: Int) {
                            let lse = scores(th, x, r * d, a)
                            for k in 0..<classCount {
                                let delta = exp(a[k] - lse) - (labels[r] == k ? 1 : 0)
                                g[k * stride] += delta
                                for j in 0..<d { g[k * stride + 1 + j] += delta * x[r * d + j] }
                            }
                        }
                        if let batch { for r in batch { accumulate(r) } } else { for r in 0..<features.rows { accumulate(r) } }
                        let scale = 1 / Double(max(1, count))
                        for i in g.indices { g[i] *= scale }
                    }
                }
            }
        }
    }

    public func metrics(at parameters: [Double]) -> [String: Double] {
        var correct = 0
        let d = features.cols
        withUnsafeTemporaryAllocation(of: Double.self, capacity: classCount) { a in
            parameters.withUnsafeBufferPointer { th in
                features.values.withUnsafeBufferPointer { x in
                    for r in 0..<features.rows {
                        _ = scores(th, x, r * d, a)
                        var best = 0
                        for k in 1..<classCount where a[k] > a[best] { best = k }
                        if best == labels[r] { correct += 1 }
                    }
                }
            }
        }
        return ["accuracy": Double(correct) / Double(features.rows)]
    }

    public func classProbabilities(parameters: UnsafeBufferPointer<Double>, point: UnsafeBufferPointer<Double>,
                                   into probabilities: UnsafeMutableBufferPointer<Double>) {
        let lse = scores(parameters, point, 0, probabilities)
        for k in 0..<classCount { probabilities[k] = exp(probabilities[k] - lse) }
    }
}
