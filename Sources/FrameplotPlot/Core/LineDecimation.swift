import FrameplotCanvas

/// Reduces a dense polyline to the points a pixel grid can show (M4 decimation).
///
/// Consecutive points that fall in the same device-pixel column are replaced by at most four
/// of them, in their original order: the first, the lowest, the highest and the last. The
/// line drawn through those covers exactly the same pixel span in that column and joins its
/// neighbours at the same points, so a 1,000,000-point curve strokes as fast as a few thousand
/// points and looks the same (Jugel et al., "M4", VLDB 2014).
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
    /// The points of `run` worth stroking on a grid of `cellsPerUnit` cells per layout unit
    /// (the canvas's device pixels per unit).
    static func reduce(_ run: [Point], cellsPerUnit: Double) -> [Point] {
        guard run.count > 4, cellsPerUnit.isFinite, cellsPerUnit > 0 else { return run }
        let byColumns = reduce(run, cellsPerUnit: cellsPerUnit, alongX: true)
        guard byColumns.count * 2 > run.count, run.count > 64 else { return byColumns }
        let byRows = reduce(run, cellsPerUnit: cellsPerUnit, alongX: false)
        return byRows.count < byColumns.count ? byRows : byColumns
    }

    /// Groups consecutive points by column (`alongX`) or row and keeps first, extremes, last.
    private static func reduce(_ run: [Point], cellsPerUnit: Double, alongX: Bool) -> [Point] {
        @inline(__always) func cell(_ p: Point) -> Int {
            // Clamped: far-off coordinates (a value far beyond the axis limits) must not trap.
            let c = ((alongX ? p.x : p.y) * cellsPerUnit).rounded(.down)
            return Int(Swift.min(Swift.max(c, -1e15), 1e15))
        }
        @inline(__always) func across(_ p: Point) -> Double { alongX ? p.y : p.x }

        var kept: [Point] = []
        kept.reserveCapacity(Swift.min(run.count, 4096))
        var start = 0
        while start < run.count {
            let key = cell(run[start])
            var end = start + 1, low = start, high = start
            while end < run.count, cell(run[end]) == key {
                let v = across(run[end])
                if v < across(run[low]) { low = end }
                if v > across(run[high]) { high = end }
                end += 1
            }
            if end - start <= 4 {
                kept.append(contentsOf: run[start..<end])
            } else {
                // First, the two extremes in their original order, last; each at most once.
                let middle = low < high ? [low, high] : [high, low]
                var previous = start
                kept.append(run[start])
                for i in middle + [end - 1] where i != previous {
                    kept.append(run[i])
                    previous = i
                }
            }
            start = end
        }
        return kept
    }
}
