import FrameplotCanvas

/// Fewer vertices for a polyline that looks the same: Douglas–Peucker, dropping every
/// vertex that lies within `tolerance` of the simplified line through its neighbours.
///
/// Contour and boundary lines come out of marching squares with a vertex on every mesh edge
/// they cross, most of them on straight stretches; the stroker pays for each one (and for
/// its round join), so lines are simplified to a tenth of a device pixel before stroking.
///
/// ```swift
/// PolylineSimplification.simplified([Point(x: 0, y: 0), Point(x: 1, y: 0.001), Point(x: 2, y: 0)], tolerance: 0.01)
/// // [(0, 0), (2, 0)]
/// ```
enum PolylineSimplification {
    /// `points` without the vertices within `tolerance` of the line kept around them; the
    /// first and last points always stay (a closed ring keeps its start). Non-finite points
    /// and their neighbours are kept, so the stroker still breaks the line there and each
    /// piece is simplified on its own.
    static func simplified(_ points: [Point], tolerance: Double) -> [Point] {
        guard points.count > 2, tolerance > 0, tolerance.isFinite else { return points }
        var keep = [Bool](repeating: false, count: points.count)
        keep[0] = true
        keep[points.count - 1] = true
        // A non-finite point breaks the line: it and the ends of the pieces around it stay.
        for (i, p) in points.enumerated() where !(p.x.isFinite && p.y.isFinite) {
            keep[i] = true
            if i > 0 { keep[i - 1] = true }
            if i + 1 < points.count { keep[i + 1] = true }
        }
        // Ranges between kept vertices still to examine (explicit stack: no recursion depth).
        var pending: [(Int, Int)] = []
        var start = 0
        for i in 1..<points.count where keep[i] {
            if i - start > 1 { pending.append((start, i)) }
            start = i
        }
        let squared = tolerance * tolerance
        while let (first, last) = pending.popLast() {
            let a = points[first], b = points[last]
            var farthest = -1, distance = squared
            for i in (first + 1)..<last {
                let d = squaredDistance(points[i], toSegment: a, b)
                if d > distance { distance = d; farthest = i }
            }
            guard farthest >= 0 else { continue }
            keep[farthest] = true
            if farthest - first > 1 { pending.append((first, farthest)) }
            if last - farthest > 1 { pending.append((farthest, last)) }
        }
        return points.indices.compactMap { keep[$0] ? points[$0] : nil }
    }

    /// The squared distance from `p` to the segment from `a` to `b`.
    static func squaredDistance(_ p: Point, toSegment a: Point, _ b: Point) -> Double {
        let dx = b.x - a.x, dy = b.y - a.y
        let length = dx * dx + dy * dy
        var t = length > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / length : 0
        t = Swift.min(Swift.max(t, 0), 1)
        let ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y
        return ex * ex + ey * ey
    }
}
