import FrameplotCanvas

/// Reduces a dense polyline to the points a pixel grid can show (M4 decimation).
///
/// Consecutive points that fall in the same grid column are replaced by at most four of them,
/// in their original order: the first, the lowest, the highest and the last. The line drawn
/// through those covers the same span in that column and joins its neighbours at the same
/// points, so a 1,000,000-point curve strokes as fast as a few thousand points and looks the
/// same (Jugel et al., "M4", VLDB 2014). Callers use columns a fraction of a device pixel wide
/// (``MarkContext/decimationCellsPerUnit(lineWidth:)``), so thick antialiased strokes fill
/// a dense band as the full line does.
///
/// - Order in x does not matter: a group is a run of *consecutive* points in one column, so a
///   line that goes back and forth in x is reduced only where it lingers in a column, and is
///   never reordered. When grouping by column keeps more than half of a long run (a line
///   drawn "sideways", y as a function of x), device-pixel rows are tried instead.
/// - A column holding at most four points is kept as it is, so sparse lines are untouched.
/// - Breaks (NaN, values a log scale refuses) are handled by the caller: each unbroken run is
///   reduced on its own, so gaps survive.
///
/// ```swift
/// let run = (0..<1_000_000).map { i in Point(x: Double(i) * 0.0008, y: 100 + noise(i)) }
/// let kept = LineDecimation.reduce(run, cellsPerUnit: 2)   // at most 4 points per device column
/// ```
enum LineDecimation {
    /// The points of `run` worth stroking on a grid of `cellsPerUnit` cells per layout unit.
    static func reduce(_ run: [Point], cellsPerUnit: Double) -> [Point] {
        guard run.count > 4, cellsPerUnit.isFinite, cellsPerUnit > 0 else { return run }
        let byColumns = reduce(run, cellsPerUnit: cellsPerUnit, alongX: true)
        guard byColumns.count * 2 > run.count, run.count > 64 else { return byColumns }
        let byRows = reduce(run, cellsPerUnit: cellsPerUnit, alongX: false)
        return byRows.count < byColumns.count ? byRows : byColumns
    }

    /// Groups consecutive points by column (`alongX`) or row and keeps first, extremes, last.
    private static func reduce(_ run: [Point], cellsPerUnit: Double, alongX: Bool) -> [Point] {
        var reducer = Reducer(cellsPerUnit: cellsPerUnit, alongX: alongX)
        for p in run { reducer.add(p) }
        return reducer.finish()
    }

    /// The reduction done point by point, so a long run need not be held in memory.
    ///
    /// ```swift
    /// var reducer = LineDecimation.Reducer(cellsPerUnit: 2, alongX: true)
    /// for p in points { reducer.add(p) }
    /// let kept = reducer.finish()
    /// ```
    struct Reducer {
        let cellsPerUnit: Double
        let alongX: Bool
        private(set) var kept: [Point] = []
        /// The group of consecutive points in one cell: its first three points and last (all of
        /// a group of four), lowest and highest with their positions in the group.
        private var cell = 0, count = 0
        private var first = Point.zero, second = Point.zero, third = Point.zero
        private var low = Point.zero, high = Point.zero, last = Point.zero
        private var lowAt = 0, highAt = 0

        init(cellsPerUnit: Double, alongX: Bool) {
            self.cellsPerUnit = cellsPerUnit; self.alongX = alongX
        }

        @inline(__always) private func cellIndex(_ p: Point) -> Int {
            // Clamped: far-off coordinates (a value far beyond the axis limits) must not trap.
            let c = ((alongX ? p.x : p.y) * cellsPerUnit).rounded(.down)
            return Int(Swift.min(Swift.max(c, -1e15), 1e15))
        }

        @inline(__always) private func across(_ p: Point) -> Double { alongX ? p.y : p.x }

        mutating func add(_ p: Point) {
            let c = cellIndex(p)
            if count > 0, c != cell { flush() }
            switch count {
            case 0: cell = c; first = p; low = p; high = p; lowAt = 0; highAt = 0
            case 1: second = p
            case 2: third = p
            default: break
            }
            if across(p) < across(low) { low = p; lowAt = count }
            if across(p) > across(high) { high = p; highAt = count }
            last = p
            count += 1
        }

        /// Ends the current group: all of a group of at most four, else first, the two
        /// extremes in their original order, last (each once).
        private mutating func flush() {
            if count <= 4 {
                kept.append(first)
                if count > 1 { kept.append(second) }
                if count > 2 { kept.append(third) }
                if count > 3 { kept.append(last) }
            } else {
                kept.append(first)
                let (a, b) = lowAt < highAt ? ((lowAt, low), (highAt, high)) : ((highAt, high), (lowAt, low))
                if a.0 != 0 { kept.append(a.1) }
                if b.0 != a.0, b.0 != count - 1 { kept.append(b.1) }
                kept.append(last)
            }
            count = 0
        }

        /// The kept points, in order.
        mutating func finish() -> [Point] {
            if count > 0 { flush() }
            return kept
        }
    }
}
