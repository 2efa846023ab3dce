/// A small dense matrix of doubles, stored row-major in one contiguous array.
///
/// Used for data (one row per sample), network weights and computation-graph values.
///
/// ```swift
/// var m = Matrix(rows: 2, cols: 2, values: [1, 2, 3, 4])
/// m[1, 0] = 5
/// let t = m.transposed()
/// ```
public struct Matrix: Sendable, Hashable, CustomStringConvertible {
    /// Number of rows.
    public private(set) var rows: Int
    /// Number of columns.
    public private(set) var cols: Int
    /// The entries, row after row (`values[r * cols + c]`).
    public var values: [Double]

    /// Creates a matrix from row-major values; `values.count` must be `rows * cols`
    /// (missing values are filled with 0, extra ones dropped, so this never traps).
    ///
    /// ```swift
    /// let m = Matrix(rows: 1, cols: 3, values: [1, 2, 3])
    /// ```
    public init(rows: Int, cols: Int, values: [Double]) {
        self.rows = max(0, rows)
        self.cols = max(0, cols)
        let n = self.rows * self.cols
        if values.count == n {
            self.values = values
        } else if values.count > n {
            self.values = Array(values.prefix(n))
        } else {
            self.values = values + Array(repeating: 0, count: n - values.count)
        }
    }

    /// A matrix filled with `value`.
    ///
    /// ```swift
    /// let z = Matrix(rows: 3, cols: 2)
    /// ```
    public init(rows: Int, cols: Int, repeating value: Double = 0) {
        self.init(rows: rows, cols: cols, values: Array(repeating: value, count: max(0, rows) * max(0, cols)))
    }

    /// A 1x1 matrix holding a scalar.
    ///
    /// ```swift
    /// let s = Matrix(scalar: 1.08)
    /// ```
    public init(scalar: Double) {
        self.init(rows: 1, cols: 1, values: [scalar])
    }

    /// A matrix from an array of equally long rows; nil if rows differ in length.
    ///
    /// ```swift
    /// let m = Matrix(rowArrays: [[1, 2], [3, 4]])
    /// ```
    public init?(rowArrays: [[Double]]) {
        let cols = rowArrays.first?.count ?? 0
        guard rowArrays.allSatisfy({ $0.count == cols }) else { return nil }
        self.init(rows: rowArrays.count, cols: cols, values: rowArrays.flatMap { $0 })
    }

    /// The entry at row `r`, column `c` (both 0-based; must be in range).
    public subscript(r: Int, c: Int) -> Double {
        get { values[r * cols + c] }
        set { values[r * cols + c] = newValue }
    }

    /// The single entry of a 1x1 matrix (the first entry otherwise, 0 if empty).
    ///
    /// ```swift
    /// Matrix(scalar: 5.4).scalar   // 5.4
    /// ```
    public var scalar: Double { values.first ?? 0 }

    /// One row as an array.
    ///
    /// ```swift
    /// let first = m.row(0)
    /// ```
    public func row(_ r: Int) -> [Double] {
        Array(values[(r * cols)..<(r * cols + cols)])
    }

    /// One column as an array.
    ///
    /// ```swift
    /// let heights = data.features.column(0)
    /// ```
    public func column(_ c: Int) -> [Double] {
        (0..<rows).map { values[$0 * cols + c] }
    }

    /// The transpose.
    ///
    /// ```swift
    /// let t = Matrix(rows: 1, cols: 2, values: [1, 2]).transposed()   // 2x1
    /// ```
    public func transposed() -> Matrix {
        var out = Matrix(rows: cols, cols: rows)
        for r in 0..<rows {
            for c in 0..<cols { out.values[c * rows + r] = values[r * cols + c] }
        }
        return out
    }

    /// The matrix product `self * other`; nil when the inner sizes differ.
    ///
    /// ```swift
    /// let y = x.multiplied(by: w)
    /// ```
    public func multiplied(by other: Matrix) -> Matrix? {
        guard cols == other.rows else { return nil }
        var out = Matrix(rows: rows, cols: other.cols)
        let n = other.cols
        values.withUnsafeBufferPointer { a in
            other.values.withUnsafeBufferPointer { b in
                out.values.withUnsafeMutableBufferPointer { o in
                    for i in 0..<rows {
                        for k in 0..<cols {
                            let aik = a[i * cols + k]
                            if aik == 0 { continue }
                            for j in 0..<n { o[i * n + j] += aik * b[k * n + j] }
                        }
                    }
                }
            }
        }
        return out
    }

    /// Rows with index in `indices`, in that order.
    ///
    /// ```swift
    /// let train = x.selectingRows([0, 2, 4])
    /// ```
    public func selectingRows(_ indices: [Int]) -> Matrix {
        var out: [Double] = []
        out.reserveCapacity(indices.count * cols)
        for r in indices { out.append(contentsOf: values[(r * cols)..<(r * cols + cols)]) }
        return Matrix(rows: indices.count, cols: cols, values: out)
    }

    public var description: String {
        (0..<rows).map { r in "[" + row(r).map { "\($0)" }.joined(separator: ", ") + "]" }.joined(separator: "\n")
    }
}
