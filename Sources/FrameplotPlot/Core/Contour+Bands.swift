import FrameplotCanvas

extension Contour {
    /// Filled bands between consecutive `levels` (sorted, finite): one band per pair,
    /// covering values in `levels[k]..<levels[k+1]` (the top band includes its upper level).
    ///
    /// ```swift
    /// let bands = Contour.bands(in: grid, levels: [0, 0.5, 1, 1.5])
    /// bands.count  // 3
    /// ```
    public static func bands(in grid: Grid2D, levels: [Double]) -> [ContourBand] {
        let sorted = Array(Set(levels.filter { $0.isFinite })).sorted()
        guard sorted.count >= 2 else { return [] }
        return (0..<(sorted.count - 1)).map { k in
            band(in: grid, lower: sorted[k], upper: sorted[k + 1], includeUpper: k == sorted.count - 2)
        }
    }

    /// The band of values in `lower..<upper` (or `lower...upper` if `includeUpper`).
    public static func band(in grid: Grid2D, lower: Double, upper: Double, includeUpper: Bool = false) -> ContourBand {
        let nx = grid.width, ny = grid.height
        guard nx >= 2, ny >= 2, lower.isFinite, upper.isFinite, lower < upper else {
            return ContourBand(lower: lower, upper: upper, polygons: [])
        }
        let mesh = CellMesh(grid: grid)
        func inside(_ v: Double) -> Bool { v >= lower && (includeUpper ? v <= upper : v < upper) }
        var polygons: [[Point]] = []
        for j in 0..<(ny - 1) {
            var runStart: Int? = nil  // first column of a run of cells wholly inside
            func flush(_ end: Int) {
                guard let start = runStart else { return }
                let x0 = grid.xs[start], x1 = grid.xs[end], y0 = grid.ys[j], y1 = grid.ys[j + 1]
                polygons.append([Point(x: x0, y: y0), Point(x: x1, y: y0), Point(x: x1, y: y1), Point(x: x0, y: y1)])
                runStart = nil
            }
            for i in 0..<(nx - 1) {
                // Decide whole cells from the corners before building anything.
                let (v0, v1, v2, v3) = mesh.corners(i, j)
                guard v0.isFinite, v1.isFinite, v2.isFinite, v3.isFinite else { flush(i); continue }
                if inside(v0) && inside(v1) && inside(v2) && inside(v3) {
                    if runStart == nil { runStart = i }
                    continue
                }
                flush(i)
                if (v0 < lower && v1 < lower && v2 < lower && v3 < lower)
                    || (v0 > upper && v1 > upper && v2 > upper && v3 > upper) { continue }
                guard let cell = mesh.cell(i, j) else { continue }
                for t in 0..<4 {
                    let ids = [t, (t + 1) % 4, 4]
                    var poly = ids.map { (cell.points[$0], cell.values[$0]) }
                    poly = clip(poly, level: lower, keepAbove: true, inclusive: true)
                    poly = clip(poly, level: upper, keepAbove: false, inclusive: includeUpper)
                    // Slivers of zero area (a level through a vertex) add nothing but noise.
                    if poly.count >= 3 && abs(twiceArea(poly)) > 1e-12 * cellArea(cell) { polygons.append(poly.map { $0.0 }) }
                }
            }
            flush(nx - 1)
        }
        return ContourBand(lower: lower, upper: upper, polygons: polygons)
    }

    static func twiceArea(_ poly: [(Point, Double)]) -> Double {
        var twice = 0.0
        for k in poly.indices {
            let a = poly[k].0, b = poly[(k + 1) % poly.count].0
            twice += a.x * b.y - b.x * a.y
        }
        return twice
    }

    static func cellArea(_ cell: CellMesh.Cell) -> Double {
        Swift.abs((cell.points[2].x - cell.points[0].x) * (cell.points[2].y - cell.points[0].y))
    }

    /// Sutherland–Hodgman clipping of a polygon carrying linear values against one level.
    /// Convex in, convex out; orientation kept.
    static func clip(_ poly: [(Point, Double)], level: Double, keepAbove: Bool, inclusive: Bool) -> [(Point, Double)] {
        guard !poly.isEmpty else { return [] }
        func keep(_ v: Double) -> Bool {
            keepAbove ? (inclusive ? v >= level : v > level) : (inclusive ? v <= level : v < level)
        }
        var out: [(Point, Double)] = []
        out.reserveCapacity(poly.count + 2)
        for k in poly.indices {
            let (p, vp) = poly[k], (q, vq) = poly[(k + 1) % poly.count]
            let kp = keep(vp), kq = keep(vq)
            if kp { out.append((p, vp)) }
            if kp != kq { out.append((CellMesh.crossing(p, vp, q, vq, level), level)) }
        }
        return out
    }
}
