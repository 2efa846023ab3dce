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
        guard nx >= 2, ny >= 2, level.isFinite else { return [] }
        let mesh = CellMesh(grid: grid)
        // Crossing points keyed by the mesh edge they lie on; segments join where keys match.
        var points: [Int: Point] = [:]
        var segments: [(Int, Int)] = []
        for j in 0..<(ny - 1) {
            for i in 0..<(nx - 1) {
                // Most cells are not crossed: decide that from the corners before building anything.
                let (v0, v1, v2, v3) = mesh.corners(i, j)
                let aboveCount = (v0 >= level ? 1 : 0) + (v1 >= level ? 1 : 0) + (v2 >= level ? 1 : 0) + (v3 >= level ? 1 : 0)
                if aboveCount == 0 || aboveCount == 4 { continue }
                guard let cell = mesh.cell(i, j) else { continue }
                let above = cell.values.map { $0 >= level }
                for t in 0..<4 {
                    let a = t, b = (t + 1) % 4, c = 4  // two corners and the centre
                    var keys: [Int] = []
                    for (p, q) in [(a, b), (b, c), (c, a)] where above[p] != above[q] {
                        let key = mesh.edgeKey(cell.vertexIDs[p], cell.vertexIDs[q])
                        if points[key] == nil {
                            points[key] = CellMesh.crossing(cell.points[p], cell.values[p], cell.points[q], cell.values[q], level)
                        }
                        keys.append(key)
                    }
                    if keys.count == 2 { segments.append((keys[0], keys[1])) }
                }
            }
        }
        return join(segments, points: points, level: level)
    }

    /// Joins segments sharing edge keys into polylines: open chains first (from their
    /// free ends), then loops.
    static func join(_ segments: [(Int, Int)], points: [Int: Point], level: Double) -> [Isoline] {
        var byKey: [Int: [Int]] = [:]
        for (s, (a, b)) in segments.enumerated() {
            byKey[a, default: []].append(s)
            byKey[b, default: []].append(s)
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
                guard let next = byKey[key]?.first(where: { !used[$0] }) else { return (keys, false) }
                s = next
            }
        }

        func emit(_ keys: [Int], closed: Bool) {
            var pts: [Point] = []
            for k in keys {
                guard let p = points[k] else { continue }
                if let last = pts.last, last == p { continue }  // zero-length steps at exact-level vertices
                pts.append(p)
            }
            if closed, pts.count > 1, pts.first == pts.last { pts.removeLast() }
            if pts.count >= 2 { result.append(Isoline(level: level, points: pts, isClosed: closed && pts.count > 2)) }
        }

        // Sort keys so the output order does not depend on dictionary hashing (determinism).
        let ends = byKey.filter { $0.value.count == 1 }.keys.sorted()
        for key in ends {
            guard let s = byKey[key]?.first, !used[s] else { continue }
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
