/// Least squares by Householder QR: minimises ‖A x − b‖² without forming AᵀA,
/// so it stays accurate when the normal equations are badly conditioned.
///
/// ```swift
/// let x = try LeastSquares.solve(Matrix(rows: 3, cols: 2, values: [1, 1, 1, 2, 1, 3]), [1, 2, 2])
/// ```
public enum LeastSquares {
    /// The minimiser x of ‖A x − b‖² (A has at least as many rows as columns and full column rank).
    ///
    /// ```swift
    /// let coefficients = try LeastSquares.solve(design, targets)
    /// ```
    public static func solve(_ a: Matrix, _ b: [Double]) throws -> [Double] {
        let m = a.rows, n = a.cols
        guard m > 0 else { throw TrainingError.emptyData }
        guard b.count == m else { throw TrainingError.mismatchedLengths(what: "number of targets", expected: m, actual: b.count) }
        guard m >= n else { throw TrainingError.tooFewSamples(required: n, actual: m) }
        var r = a.values   // row-major m×n, overwritten by R
        var y = b
        var largestDiagonal = 0.0
        for k in 0..<n {
            // Householder vector for column k below the diagonal.
            var norm = 0.0
            for i in k..<m { norm += r[i * n + k] * r[i * n + k] }
            norm = norm.squareRoot()
            if norm == 0 { throw TrainingError.singularSystem }
            let alpha = r[k * n + k] > 0 ? -norm : norm
            var v = [Double](repeating: 0, count: m)
            for i in k..<m { v[i] = r[i * n + k] }
            v[k] -= alpha
            var vNorm2 = 0.0
            for i in k..<m { vNorm2 += v[i] * v[i] }
            if vNorm2 > 0 {
                for j in k..<n {
                    var dot = 0.0
                    for i in k..<m { dot += v[i] * r[i * n + j] }
                    let f = 2 * dot / vNorm2
                    for i in k..<m { r[i * n + j] -= f * v[i] }
                }
                var dot = 0.0
                for i in k..<m { dot += v[i] * y[i] }
                let f = 2 * dot / vNorm2
                for i in k..<m { y[i] -= f * v[i] }
            }
            largestDiagonal = max(largestDiagonal, abs(r[k * n + k]))
        }
        // Rank check relative to the largest pivot, then back substitution.
        var x = [Double](repeating: 0, count: n)
        for k in stride(from: n - 1, through: 0, by: -1) {
            let d = r[k * n + k]
            guard abs(d) > 1e-12 * largestDiagonal, d.isFinite else { throw TrainingError.singularSystem }
            var s = y[k]
            for j in (k + 1)..<max(k + 1, n) { s -= r[k * n + j] * x[j] }
            x[k] = s / d
        }
        return x
    }
}

extension LinearRegressionObjective {
    /// The exact minimiser of this objective (ridge included) by a QR least-squares solve.
    ///
    /// Without a ridge penalty it needs at least as many samples as parameters
    /// (`TrainingError.tooFewSamples`) and independent columns (`.singularSystem`).
    ///
    /// ```swift
    /// let best = try ReferenceRuns.fourPointsObjective().closedFormSolution()   // [12.5/29, 3.3103…]
    /// ```
    public func closedFormSolution() throws -> [Double] {
        let n = design.rows, p = design.cols
        guard ridge > 0 else {
            guard n >= p else { throw TrainingError.tooFewSamples(required: p, actual: n) }
            return try LeastSquares.solve(design, targets)
        }
        // factor·mean(r²) + λ‖θ‖² has the minimiser of ‖r‖² + (nλ/factor)‖θ‖²: append √(nλ/factor)·I rows.
        let penaltyRoot = (Double(n) * ridge / lossScale.factor).squareRoot()
        let penalized = (0..<p).filter { !unpenalized.contains($0) }
        var values = design.values
        var y = targets
        for j in penalized {
            var row = [Double](repeating: 0, count: p)
            row[j] = penaltyRoot
            values += row
            y.append(0)
        }
        return try LeastSquares.solve(Matrix(rows: n + penalized.count, cols: p, values: values), y)
    }
}
