import Foundation

/// A two-layer feed-forward network (seed 003): D inputs plus a bias → M hidden units h(·)
/// plus a bias → K softmax outputs; mean cross-entropy loss, gradients by backpropagation.
///
/// b_j = Σ_i w_ji x_i (x_0 = 1), z_j = h(b_j), a_k = Σ_j v_kj z_j (z_0 = 1), y = softmax(a).
/// Parameters: W (M×(D+1), names `w<j>_<i>`) row by row, then V (K×(M+1), names `v<k>_<j>`).
/// Metric: "accuracy".
///
/// ```swift
/// let data = try Dataset.threeClassGaussian(count: 200, seed: 1)
/// let net = try TwoLayerNetworkObjective(dataset: data, hiddenUnits: 8, activation: .sigmoid)
/// let result = try Trainer(configuration: .init(steps: 2000, learningRate: .constant(0.5)))
///     .train(net, from: net.initialParameters(seed: 1))
/// ```
public struct TwoLayerNetworkObjective: ClassifierObjective, Sendable {
    /// Training features, one row per sample.
    public let features: Matrix
    /// Training labels 0..<classCount.
    public let labels: [Int]
    /// Number of hidden units M.
    public let hiddenUnits: Int
    /// Number of output classes K.
    public let classCount: Int
    /// The hidden activation.
    public let activation: HiddenActivation
    /// The features column by column (`columns[i * n + r]`), so the batch kernels run along samples.
    let columns: [Double]

    public var featureCount: Int { features.cols }
    public var sampleCount: Int { features.rows }
    public var metricNames: [String] { ["accuracy"] }
    /// Number of first-layer weights M·(D+1); the second layer follows in the parameter vector.
    public var firstLayerCount: Int { hiddenUnits * (features.cols + 1) }
    public var parameterNames: [String] {
        (0..<hiddenUnits).flatMap { j in (0...features.cols).map { "w\(j + 1)_\($0)" } }
            + (0..<classCount).flatMap { k in (0...hiddenUnits).map { "v\(k)_\($0)" } }
    }

    /// Creates the network objective; throws for empty data, one class or `hiddenUnits < 1`.
    ///
    /// ```swift
    /// let net = try TwoLayerNetworkObjective(dataset: data, hiddenUnits: 16, activation: .relu)
    /// ```
    public init(dataset: Dataset, hiddenUnits: Int, activation: HiddenActivation = .sigmoid) throws {
        guard hiddenUnits >= 1 else { throw TrainingError.invalidArgument("the network needs at least 1 hidden unit, got \(hiddenUnits)") }
        let (labels, k) = try classificationLabels(dataset)
        self.features = dataset.features
        self.labels = labels
        self.hiddenUnits = hiddenUnits
        self.classCount = k
        self.activation = activation
        self.columns = dataset.features.transposed().values
    }

    /// Seeded random starting weights: normal with standard deviation 1/√(fan-in), biases 0.
    ///
    /// ```swift
    /// let start = net.initialParameters(seed: 42)
    /// ```
    public func initialParameters(seed: UInt64) -> [Double] {
        var rng = SeededGenerator(seed: seed)
        let d = features.cols, m = hiddenUnits
        var theta = [Double](repeating: 0, count: firstLayerCount + classCount * (m + 1))
        for j in 0..<m { for i in 1...d { theta[j * (d + 1) + i] = rng.nextNormal() / Double(d).squareRoot() } }
        for k in 0..<classCount { for j in 1...m { theta[firstLayerCount + k * (m + 1) + j] = rng.nextNormal() / Double(m).squareRoot() } }
        return theta
    }

    /// Forward pass for one sample: fills b (M), z (M), a (K→probabilities); returns log Σ exp(a).
    @inline(__always)
    private func forward(_ th: UnsafeBufferPointer<Double>, _ x: UnsafeBufferPointer<Double>, _ offset: Int,
                         _ b: UnsafeMutableBufferPointer<Double>, _ z: UnsafeMutableBufferPointer<Double>,
                         _ a: UnsafeMutableBufferPointer<Double>) -> Double {
        let d = features.cols, m = hiddenUnits, wStride = d + 1, vStride = m + 1, v0 = firstLayerCount
        for j in 0..<m {
            var s = th[j * wStride]
            for i in 0..<d { s += th[j * wStride + 1 + i] * x[offset + i] }
            b[j] = s
            z[j] = activation.value(s)
        }
        var top = -Double.infinity
        for k in 0..<classCount {
            var s = th[v0 + k * vStride]
            for j in 0..<m { s += th[v0 + k * vStride + 1 + j] * z[j] }
            a[k] = s
            top = max(top, s)
        }
        var sum = 0.0
        for k in 0..<classCount { sum += exp(a[k] - top) }
        return top + log(sum)
    }

    /// Runs `body` with scratch buffers b, z (M each), a and δ2 (K each), δ1 (M); one stack allocation per call.
    @inline(__always)
    private func withScratch<R>(_ body: (UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Double>,
                                        UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Double>,
                                        UnsafeMutableBufferPointer<Double>) -> R) -> R {
        let m = hiddenUnits, k = classCount
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: 3 * m + 2 * k) { buffer in
            body(UnsafeMutableBufferPointer(rebasing: buffer[0..<m]),
                 UnsafeMutableBufferPointer(rebasing: buffer[m..<(2 * m)]),
                 UnsafeMutableBufferPointer(rebasing: buffer[(2 * m)..<(2 * m + k)]),
                 UnsafeMutableBufferPointer(rebasing: buffer[(2 * m + k)..<(2 * m + 2 * k)]),
                 UnsafeMutableBufferPointer(rebasing: buffer[(2 * m + 2 * k)..<(3 * m + 2 * k)]))
        }
    }

    public func loss(at parameters: [Double]) -> Double {
        var correct = 0
        return evaluate(parameters, batch: nil, gradient: nil, correct: &correct) / Double(features.rows)
    }

    public func gradient(at parameters: [Double], batch: ArraySlice<Int>?, into gradient: inout [Double]) {
        var correct = 0
        let count = batch?.count ?? features.rows
        gradient.withUnsafeMutableBufferPointer { g in
            for i in g.indices { g[i] = 0 }
            _ = evaluate(parameters, batch: batch, gradient: g, correct: &correct)
            let scale = 1 / Double(max(1, count))
            for i in g.indices { g[i] *= scale }
        }
    }

    public func metrics(at parameters: [Double]) -> [String: Double] {
        var correct = 0
        _ = evaluate(parameters, batch: nil, gradient: nil, correct: &correct)
        return ["accuracy": Double(correct) / Double(features.rows)]
    }

    public func classProbabilities(parameters: UnsafeBufferPointer<Double>, point: UnsafeBufferPointer<Double>,
                                   into probabilities: UnsafeMutableBufferPointer<Double>) {
        withScratch { b, z, a, _, _ in
            let lse = forward(parameters, point, 0, b, z, a)
            for k in 0..<classCount { probabilities[k] = exp(a[k] - lse) }
        }
    }
}
