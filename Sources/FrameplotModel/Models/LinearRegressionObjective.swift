/// Least-squares linear regression ŷ = X θ on a design matrix, with an optional ridge penalty.
///
/// The design matrix holds one row per sample and one column per parameter (include a
/// column of ones for a bias). The loss is `scale · mean((Xθ − y)²) + ridge · Σ θⱼ²`
/// over the penalised parameters (all but `unpenalized`).
///
/// ```swift
/// // y = a·x + b on the four points, loss = MSE, parameters named a, b
/// let objective = LinearRegressionObjective.line(dataset: .fourPoints)
/// objective.loss(at: [0, 0])   // 29.75
/// ```
public struct LinearRegressionObjective: TrainingObjective, Sendable {
    /// Which multiple of the mean squared residual is the loss.
    public enum LossScale: Sendable, Hashable {
        /// mean(r²).
        case meanSquaredError
        /// mean(r²) / 2 (the talk of seed 002).
        case halfMeanSquaredError

        var factor: Double { self == .meanSquaredError ? 1 : 0.5 }
    }

    /// One row per sample, one column per parameter.
    public let design: Matrix
    /// Target per sample.
    public let targets: [Double]
    public let parameterNames: [String]
    /// The loss scale.
    public let lossScale: LossScale
    /// Ridge penalty strength λ ≥ 0.
    public let ridge: Double
    /// Parameter indices left out of the ridge penalty (usually the bias).
    public let unpenalized: Set<Int>

    public var sampleCount: Int { design.rows }

    /// Creates the objective, validating sizes and values.
    ///
    /// ```swift
    /// let o = try LinearRegressionObjective(design: x, targets: y, parameterNames: ["w0", "w1"],
    ///                                       lossScale: .halfMeanSquaredError)
    /// ```
    public init(design: Matrix, targets: [Double], parameterNames: [String],
                lossScale: LossScale = .meanSquaredError, ridge: Double = 0, unpenalized: Set<Int> = []) throws {
        guard design.rows > 0 else { throw TrainingError.emptyData }
        guard targets.count == design.rows else {
            throw TrainingError.mismatchedLengths(what: "number of targets", expected: design.rows, actual: targets.count)
        }
        guard parameterNames.count == design.cols else {
            throw TrainingError.mismatchedLengths(what: "number of parameter names", expected: design.cols, actual: parameterNames.count)
        }
        for (i, v) in design.values.enumerated() where !v.isFinite {
            throw TrainingError.nonFinite(what: "the design matrix", row: i / design.cols, column: i % design.cols)
        }
        for (i, v) in targets.enumerated() where !v.isFinite {
            throw TrainingError.nonFinite(what: "the targets", row: i, column: 0)
        }
        guard ridge >= 0, ridge.isFinite else { throw TrainingError.invalidArgument("the ridge penalty must be a finite number ≥ 0") }
        self.design = design
        self.targets = targets
        self.parameterNames = parameterNames
        self.lossScale = lossScale
        self.ridge = ridge
        self.unpenalized = unpenalized
    }

    /// The line y = a·x + b through a one-feature data set; parameters `[a, b]`.
    ///
    /// ```swift
    /// let o = LinearRegressionObjective.line(dataset: .fourPoints)
    /// ```
    public static func line(dataset: Dataset, lossScale: LossScale = .meanSquaredError) -> LinearRegressionObjective {
        var design = Matrix(rows: dataset.count, cols: 2, repeating: 1)
        for r in 0..<dataset.count { design[r, 0] = dataset.features[r, 0] }
        // A validated Dataset always gives a valid objective.
        return LinearRegressionObjective(unchecked: design, targets: dataset.targets, parameterNames: ["a", "b"],
                                         lossScale: lossScale, ridge: 0, unpenalized: [])
    }

    init(unchecked design: Matrix, targets: [Double], parameterNames: [String],
         lossScale: LossScale, ridge: Double, unpenalized: Set<Int>) {
        self.design = design
        self.targets = targets
        self.parameterNames = parameterNames
        self.lossScale = lossScale
        self.ridge = ridge
        self.unpenalized = unpenalized
    }

    /// Predictions Xθ.
    ///
    /// ```swift
    /// let yHat = objective.predictions(at: theta)
    /// ```
    public func predictions(at parameters: [Double]) -> [Double] {
        (0..<design.rows).map { r in
            var s = 0.0
            for c in 0..<design.cols { s += design[r, c] * parameters[c] }
            return s
        }
    }

    public func loss(at parameters: [Double]) -> Double {
        let n = design.rows, p = design.cols
        var sum = 0.0
        design.values.withUnsafeBufferPointer { x in
            targets.withUnsafeBufferPointer { y in
                parameters.withUnsafeBufferPointer { th in
                    for r in 0..<n {
                        var pred = 0.0
                        for c in 0..<p { pred += x[r * p + c] * th[c] }
                        let d = pred - y[r]
                        sum += d * d
                    }
                }
            }
        }
        return lossScale.factor * sum / Double(n) + penalty(parameters)
    }

    private func penalty(_ parameters: [Double]) -> Double {
        guard ridge > 0 else { return 0 }
        var s = 0.0
        for (i, v) in parameters.enumerated() where !unpenalized.contains(i) { s += v * v }
        return ridge * s
    }

    public func gradient(at parameters: [Double], batch: ArraySlice<Int>?, into gradient: inout [Double]) {
        let p = design.cols
        let count = batch?.count ?? design.rows
        let scale = 2 * lossScale.factor / Double(max(1, count))
        design.values.withUnsafeBufferPointer { x in
            targets.withUnsafeBufferPointer { y in
                parameters.withUnsafeBufferPointer { th in
                    gradient.withUnsafeMutableBufferPointer { g in
                        for c in 0..<p { g[c] = 0 }
                        @inline(__always) func accumulate(_ r: Int) {
                            var pred = 0.0
                            for c in 0..<p { pred += x[r * p + c] * th[c] }
                            let d = pred - y[r]
                            for c in 0..<p { g[c] += d * x[r * p + c] }
                        }
                        if let batch {
                            for r in batch { accumulate(r) }
                        } else {
                            for r in 0..<design.rows { accumulate(r) }
                        }
                        for c in 0..<p { g[c] *= scale }
                        if ridge > 0 {
                            for c in 0..<p where !unpenalized.contains(c) { g[c] += 2 * ridge * th[c] }
                        }
                    }
                }
            }
        }
    }
}
