/// Values sampled on a rectangular grid: `values[j * xs.count + i]` is the value at
/// (`xs[i]`, `ys[j]`). Rows run along x; `ys` usually increases upwards.
///
/// ```swift
/// let g = Grid2D(x: -1...1, y: -1...1, nx: 101, ny: 101) { x, y in x * x + y * y }
/// g[50, 50]  // 0: the value at (0, 0)
/// ```
public struct Grid2D: Sendable, Hashable {
    /// Sample positions along x (at least one).
    public let xs: [Double]
    /// Sample positions along y (at least one).
    public let ys: [Double]
    /// Row-major values, `xs.count * ys.count` of them; NaN marks a missing sample.
    public let values: [Double]

    /// A grid over given sample positions; `nil` unless `values.count == xs.count * ys.count`
    /// and both axes have at least one sample.
    ///
    /// ```swift
    /// let g = Grid2D(xs: [0, 1], ys: [0, 1], values: [0, 1, 1, 2])
    /// ```
    public init?(xs: [Double], ys: [Double], values: [Double]) {
        guard !xs.isEmpty, !ys.isEmpty, values.count == xs.count * ys.count else { return nil }
        self.xs = xs; self.ys = ys; self.values = values
    }

    /// A grid sampling `function` at the given positions.
    public init(xs: [Double], ys: [Double], function: (Double, Double) -> Double) {
        let xs = xs.isEmpty ? [0] : xs, ys = ys.isEmpty ? [0] : ys
        var values: [Double] = []
        values.reserveCapacity(xs.count * ys.count)
        for y in ys { for x in xs { values.append(function(x, y)) } }
        self.xs = xs; self.ys = ys; self.values = values
    }

    /// A grid sampling `function` at `nx` × `ny` evenly spaced points covering the ranges
    /// (ends included; at least 2 per axis).
    ///
    /// ```swift
    /// let loss = Grid2D(x: -1...7, y: -1...7, nx: 200, ny: 200) { a, b in mse(a, b) }
    /// ```
    public init(x: ClosedRange<Double>, y: ClosedRange<Double>, nx: Int, ny: Int,
                function: (Double, Double) -> Double) {
        self.init(xs: Grid2D.evenly(x, Swift.max(2, nx)), ys: Grid2D.evenly(y, Swift.max(2, ny)), function: function)
    }

    static func evenly(_ r: ClosedRange<Double>, _ n: Int) -> [Double] {
        (0..<n).map { i in
            i == n - 1 ? r.upperBound : r.lowerBound + (r.upperBound - r.lowerBound) * Double(i) / Double(n - 1)
        }
    }

    /// The number of columns (samples along x).
    public var width: Int { xs.count }
    /// The number of rows (samples along y).
    public var height: Int { ys.count }

    /// The value at column `i`, row `j`; NaN outside the grid.
    public subscript(i: Int, j: Int) -> Double {
        guard i >= 0, i < xs.count, j >= 0, j < ys.count else { return .nan }
        return values[j * xs.count + i]
    }

    /// The smallest and largest finite values (positive only, if `positive`), or `nil` if none.
    ///
    /// ```swift
    /// g.finiteRange()  // (0, 2)
    /// ```
    public func finiteRange(positive: Bool = false) -> (min: Double, max: Double)? {
        var lo = Double.infinity, hi = -Double.infinity
        for v in values where v.isFinite && (!positive || v > 0) {
            if v < lo { lo = v }
            if v > hi { hi = v }
        }
        return lo <= hi ? (lo, hi) : nil
    }
}
