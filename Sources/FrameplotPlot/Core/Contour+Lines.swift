import FrameplotCanvas

extension Contour {
    /// Contour lines at each of `levels` (non-finite levels are skipped), joined into
    /// polylines, open and closed.
    ///
    /// ```swift
    /// Contour.lines(in: grid, levels: [1]).first?.length  // ≈ 2π for a distance field
    /// ```
    public static func lines(in grid: Grid2D, levels: [Double]) -> [Isoline] {
        levels.filter { $0.isFinite }.flatMap { lines(in: grid, level: $0) }
    }

    /// The contour lines at one level.
    public static func lines(in grid: Grid2D, level: Double) -> [Isoline] {
        let nx = grid.width, ny = grid.height
        guard nx >= 2, ny >= 2, level.isFinite, grid.values.count >= nx * ny else { return [] }
        let mesh = CellMesh(grid: grid)
        let xs = grid.xs, ys = grid.ys
        // Crossing points keyed by the mesh edge they lie on; segments join where keys match.
        var points: [Int: Point] = [:]
        var segments: [(Int, Int)] = []
        grid.values.withUnsafeBufferPointer { v in
            for j in 0..<(ny - 1) {
                for i in 0..<(nx - 1) {
                    // Most cells are not crossed: decide that from the corners before building anything.
                    let k = j * nx + i
                    let v0 = v[k], v1 = v[k + 1], v2 = v[k + nx + 1], v3 = v[k + nx]
                    let aboveCount = (v0 >= level ? 1 : 0) + (v1 >= level ? 1 : 0) + (v2 >= level ? 1 : 0) + (v3 >= level ? 1 : 0)
                    if aboveCount == 0 || aboveCount == 4 { continue }
                    guard v0.isFinite, v1.isFinite, v2.isFinite, v3.isFinite else { continue }
                    // Corners 0…3 counter-clockwise in index space, then the centre (vertex 4)
                    // with the corners' mean, kept within their range despite rounding.
                    let lowest = Swift.min(Swift.min(v0, v1), Swift.min(v2, v3))
                    let highest = Swift.max(Swift.max(v0, v1), Swift.max(v2, v3))
                    let mean = Swift.min(Swift.max((v0 + v1 + v2 + v3) / 4, lowest), highest)
                    let centreID = nx * ny + j * (nx - 1) + i
                    func value(_ n: Int) -> Double {
                        switch n { case 0: v0; case 1: v1; case 2: v2; case 3: v3; default: mean }
                    }
                    func id(_ n: Int) -> Int {
                        switch n { case 0: k; case 1: k + 1; case 2: k + nx + 1; case 3: k + nx; default: centreID }
                    }
                    func point(_ n: Int) -> Point {
                        switch n {
                        case 0: Point(x: xs[i], y: ys[j])
                        case 1: Point(x: xs[i + 1], y: ys[j])
                        case 2: Point(x: xs[i + 1], y: ys[j + 1])
                        case 3: Point(x: xs[i], y: ys[j + 1])
                        default: Point(x: (xs[i] + xs[i + 1]) / 2, y: (ys[j] + ys[j + 1]) / 2)
                        }
                    }
                    for t in 0..<4 {
                        // The triangle of corners t, t+1 and the centre, edges in a fixed order.
                        let a = t, b = (t + 1) % 4, c = 4
                        var first = -1, second = -1
                        for edge in 0..<3 {
                            let (p, q) = edge == 0 ? (a, b) : edge == 1 ? (b, c) : (c, a)
                            guard (value(p) >= level) != (value(q) >= level) else { continue }
                            let key = mesh.edgeKey(id(p), id(q))
                            if points[key] == nil {
                                points[key] = CellMesh.crossing(point(p), value(p), point(q), value(q), level)
                            }
                            if first < 0 { first = key } else { second = key }
                        }
                        if second >= 0 { segments.append((first, second)) }
                    }
                }
            }
        }
        return join(segments, points: points, level: level)
    }

    /// Joins segments sharing edge keys into polylines: open chains first (from their
    /// free ends), then loops.
    static func join(_ segments: [(Int, Int)], points: [Int: Point], level: Double) -> [Isoline] {
        // A crossing point lies on one mesh edge, shared by at most two triangles, each with at
        // most one segment: so at most two segments per key (-1: none).
        var byKey: [Int: (Int, Int)] = [:]
        byKey.reserveCapacity(points.count)
        func link(_ key: Int, _ s: Int) {
            if let pair = byKey[key] { byKey[key] = (pair.0, pair.1 < 0 ? s : pair.1) } else { byKey[key] = (s, -1) }
        }
        for (s, (a, b)) in segments.enumerated() {
            link(a, s)
            link(b, s)
        }
        var used = [Bool](repeating: false, count: segments.count)
        var result: [Isoline] = []

        func walk(from start: Int, segment first: Int) -> (keys: [Int], closed: Bool) {
            var keys = [start]
            var key = start, s = first
            while true {
                used[s] = true
                let (a, b) = segments[s]
                key = a == key ? b : a
                if key == start { return (keys, true) }
                keys.append(key)
                guard let pair = byKey[key] else { return (keys, false) }
                if pair.0 >= 0 && !used[pair.0] {
                    s = pair.0
                } else if pair.1 >= 0 && !used[pair.1] {
                    s = pair.1
                } else {
                    return (keys, false)
                }
            }
        }

        func emit(_ keys: [Int], closed: Bool) {
            var pts: [Point] = []
            pts.reserveCapacity(keys.count)
            for k in keys {
                guard let p = points[k] else { continue }
                if let last = pts.last, last == p { continue }  // zero-length steps at exact-level vertices
                pts.append(p)
            }
            if closed, pts.count > 1, pts.first == pts.last { pts.removeLast() }
            if pts.count >= 2 { result.append(Isoline(level: level, points: pts, isClosed: closed && pts.count > 2)) }
        }

        // Sort keys so the output order does not depend on dictionary hashing (determinism).
        let ends = byKey.compactMap { $0.value.1 < 0 ? $0.key : nil }.sorted()
        for key in ends {
            guard let s = byKey[key]?.0, !used[s] else { continue }
            let chain = walk(from: key, segment: s)
            emit(chain.keys, closed: false)
        }
        for s in segments.indices where !used[s] {
            let chain = walk(from: segments[s].0, segment: s)
            emit(chain.keys, closed: chain.closed)
        }
        return result
    }
}

/// The triangulated cells of a grid: corners 0…3 counter-clockwise in index space
/// ((i, j), (i+1, j), (i+1, j+1), (i, j+1)) and the centre as vertex 4.
struct CellMesh {
    let grid: Grid2D
    let nx: Int, ny: Int
    let vertexCount: Int

    init(grid: Grid2D) {
        self.grid = grid
        nx = grid.width; ny = grid.height
        vertexCount = nx * ny + (nx - 1) * (ny - 1)
    }

    struct Cell {
        var points: [Point]      // 5: corners then centre
        var values: [Double]     // 5
        var vertexIDs: [Int]     // 5
    }

    /// The four corner values of cell (i, j), counter-clockwise from (i, j).
    @inline(__always)
    func corners(_ i: Int, _ j: Int) -> (Double, Double, Double, Double) {
        let v = grid.values, k = j * nx + i
        return (v[k], v[k + 1], v[k + nx + 1], v[k + nx])
    }

    /// The cell at (i, j), or `nil` when a corner is missing (NaN or infinite).
    func cell(_ i: Int, _ j: Int) -> Cell? {
        let xs = grid.xs, ys = grid.ys, v = grid.values
        let ids = [j * nx + i, j * nx + i + 1, (j + 1) * nx + i + 1, (j + 1) * nx + i]
        let values = ids.map { v[$0] }
        guard values.allSatisfy({ $0.isFinite }) else { return nil }
        let points = [Point(x: xs[i], y: ys[j]), Point(x: xs[i + 1], y: ys[j]),
                      Point(x: xs[i + 1], y: ys[j + 1]), Point(x: xs[i], y: ys[j + 1])]
        let centre = Point(x: (xs[i] + xs[i + 1]) / 2, y: (ys[j] + ys[j + 1]) / 2)
        // The mean, kept within the corners' range despite rounding (so a cell whose corners
        // all lie on one side of a level never gets a centre on the other).
        let lowest = Swift.min(Swift.min(values[0], values[1]), Swift.min(values[2], values[3]))
        let highest = Swift.max(Swift.max(values[0], values[1]), Swift.max(values[2], values[3]))
        let mean = Swift.min(Swift.max((values[0] + values[1] + values[2] + values[3]) / 4, lowest), highest)
        return Cell(points: points + [centre], values: values + [mean],
                    vertexIDs: ids + [nx * ny + j * (nx - 1) + i])
    }

    /// A key for the mesh edge between two vertices, the same from either end.
    func edgeKey(_ p: Int, _ q: Int) -> Int {
        p < q ? p * vertexCount + q : q * vertexCount + p
    }

    /// Where the linear interpolation between (p, vp) and (q, vq) reaches `level`,
    /// computed in a canonical direction so both neighbours of an edge get the same bits.
    static func crossing(_ p: Point, _ vp: Double, _ q: Point, _ vq: Double, _ level: Double) -> Point {
        let swap = (q.x, q.y) < (p.x, p.y)
        let (a, va, b, vb) = swap ? (q, vq, p, vp) : (p, vp, q, vq)
        let t = vb == va ? 0.5 : Swift.min(Swift.max((level - va) / (vb - va), 0), 1)
        return Point(x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t)
    }
}
