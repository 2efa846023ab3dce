/// Per-column centring and scaling fitted on training data: x' = (x − mean) / scale.
///
/// Keep it to map new points (a prediction grid, test data) into the model's input space.
///
/// ```swift
/// let s = Standardizer(fitting: iris.features)
/// let z = s.transform(iris.features)          // each column mean 0, standard deviation 1
/// let p = s.transform(point: [5.1, 3.5, 1.4, 0.2])
/// ```
public struct Standardizer: Sendable, Hashable {
    /// Column means subtracted.
    public var means: [Double]
    /// Column divisors (1 when only centring, or for a constant column).
    public var scales: [Double]

    /// Creates a transform from explicit means and scales.
    ///
    /// ```swift
    /// let s = Standardizer(means: [170], scales: [1])
    /// ```
    public init(means: [Double], scales: [Double]) {
        self.means = means
        self.scales = scales
    }

    /// Fits column means and (unless `centerOnly`) population standard deviations.
    /// A constant column keeps scale 1 so it never divides by zero.
    ///
    /// ```swift
    /// let centring = Standardizer(fitting: x, centerOnly: true)
    /// ```
    public init(fitting features: Matrix, centerOnly: Bool = false) {
        let n = Double(max(1, features.rows))
        var means = [Double](repeating: 0, count: features.cols)
        var scales = [Double](repeating: 1, count: features.cols)
        for c in 0..<features.cols {
            let column = features.column(c)
            let mean = column.reduce(0, +) / n
            means[c] = mean
            if !centerOnly {
                let variance = column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n
                let sd = variance.squareRoot()
                scales[c] = sd > 0 && sd.isFinite ? sd : 1
            }
        }
        self.init(means: means, scales: scales)
    }

    /// Applies the transform to every row.
    ///
    /// ```swift
    /// let z = s.transform(x)
    /// ```
    public func transform(_ features: Matrix) -> Matrix {
        var out = features
        for r in 0..<out.rows {
            for c in 0..<min(out.cols, means.count) { out[r, c] = (out[r, c] - means[c]) / scales[c] }
        }
        return out
    }

    /// Applies the transform to one point.
    ///
    /// ```swift
    /// let z = s.transform(point: [170])
    /// ```
    public func transform(point: [Double]) -> [Double] {
        point.enumerated().map { c, v in c < means.count ? (v - means[c]) / scales[c] : v }
    }

    /// Maps a transformed point back to the original units.
    ///
    /// ```swift
    /// let x = s.inverse(point: z)
    /// ```
    public func inverse(point: [Double]) -> [Double] {
        point.enumerated().map { c, v in c < means.count ? v * scales[c] + means[c] : v }
    }
}
