import Foundation
import FrameplotCanvas

/// A surface z = f(x, y) from a grid of heights: a shaded mesh painted back to front
/// (painter's algorithm over quads), coloured by height through a colormap, lit from the
/// viewer's upper left. On a log z axis (``View3D/z``) heights are drawn by decades and
/// values at or below the axis's floor (zero included) lie on the floor.
///
/// ```swift
/// axes.view3D = View3D()
/// axes.surface(Grid2D(x: -2...2, y: -1...3, nx: 200, ny: 200) { x, y in rosenbrock(x, y) })
/// ```
public struct SurfaceMark: Mark3D {
    /// The heights; NaN leaves a hole.
    public var grid: Grid2D
    /// The colours by height.
    public var colormap: Colormap
    /// How heights map to colours (also the colorbar's scale).
    public var norm: ColorNorm
    /// Cells per side of the drawn mesh (the grid is resampled; more is smoother and slower).
    public var resolution: Int
    /// A thin mesh line every this many cells (0: none).
    public var meshLineSpacing: Int
    public var alpha: Double
    public var label: String?
    public var layer: MarkLayer

    public func extent(xScale: ScaleKind, yScale: ScaleKind) -> MarkExtent? {
        MarkExtent(x: MarkExtent.range(of: grid.xs, kind: xScale), y: MarkExtent.range(of: grid.ys, kind: yScale), tight: true)
    }

    public func extent3D(zScale: ScaleKind) -> Extent3D? {
        let z = SurfaceMark.heightRange(grid.values, kind: zScale).map { $0.min...$0.max }
        return Extent3D(x: MarkExtent.range(of: grid.xs, kind: .linear), y: MarkExtent.range(of: grid.ys, kind: .linear),
                        z: z, tight: true)
    }

    public var colorScale: ColorScale? { ColorScale(colormap: colormap, norm: norm) }

    /// An area other marks sit on, like a heatmap.
    public var emphasis: MarkEmphasis { .backdrop }

    public func legendEntries(theme: Theme) -> [LegendEntry] {
        guard let label else { return [] }
        return [LegendEntry(label: label, handle: .patch(fill: colormap.color(at: 0.6), edge: nil))]
    }

    /// The smallest and largest heights worth showing on a `kind` axis: all finite values,
    /// or on a log axis the positive ones down to a millionth of the largest (so that a
    /// minimum of exactly 0 does not stretch the axis over many empty decades).
    static func heightRange(_ values: [Double], kind: ScaleKind) -> (min: Double, max: Double)? {
        var lo = Double.infinity, hi = -Double.infinity
        for v in values where v.isFinite && (kind == .linear || v > 0) {
            lo = Swift.min(lo, v); hi = Swift.max(hi, v)
        }
        guard lo <= hi else { return nil }
        if kind == .log10 { lo = Swift.max(lo, hi * 1e-6) }
        return (lo, hi)
    }

    /// Seen from above in a 2-D panel: a heatmap of the grid.
    public func draw(in context: MarkContext) {
        HeatmapMark(grid: grid, scale: ColorScale(colormap: colormap, norm: norm), interpolation: .nearest, layer: layer)
            .draw(in: context)
    }

    public func draw3D(in context: MarkContext3D) {
        let mesh = SurfaceMesh(self, projection: context.projection)
        mesh.paint(on: context.canvas, projection: context.projection, resolution: context.resolution)
    }
}

/// A surface resampled for drawing: nodes in box coordinates, the data heights for colour.
struct SurfaceMesh {
    let mark: SurfaceMark
    /// Box x of each column of nodes, box y of each row.
    let bx: [Double], by: [Double]
    /// Box z per node, row-major (NaN: a hole).
    let bz: [Double]
    let projection: Projection3D

    init(_ mark: SurfaceMark, projection: Projection3D) {
        self.mark = mark
        self.projection = projection
        let g = mark.grid
        let cellsX = Swift.max(1, Swift.min(mark.resolution, g.xs.count - 1))
        let cellsY = Swift.max(1, Swift.min(mark.resolution, g.ys.count - 1))
        let xs = SurfaceMesh.evenly(g.xs.first ?? 0, g.xs.last ?? 1, cellsX + 1)
        let ys = SurfaceMesh.evenly(g.ys.first ?? 0, g.ys.last ?? 1, cellsY + 1)
        var heights: [Double] = []
        heights.reserveCapacity(xs.count * ys.count)
        let xCells = xs.map { SurfaceMesh.cell($0, in: g.xs) }, yCells = ys.map { SurfaceMesh.cell($0, in: g.ys) }
        // On a log axis a narrow valley (the one an optimizer follows) falls between nodes and
        // would show as a sawtooth: there each node takes the lowest grid value around it.
        let pooled = projection.z.kind == .log10
        let xWindows = pooled ? SurfaceMesh.windows(xs, in: g.xs) : [], yWindows = pooled ? SurfaceMesh.windows(ys, in: g.ys) : []
        for j in ys.indices {
            for i in xs.indices {
                var v = SurfaceMesh.bilinear(g, xCells[i], yCells[j])
                if pooled {
                    for gj in yWindows[j] { for gi in xWindows[i] { let w = g[gi, gj]; if w < v || v.isNaN { v = w } } }
                }
                heights.append(projection.boxZ(clamping: v) ?? .nan)
            }
        }
        bx = xs.map { projection.boxXY(x: $0, y: ys[0])?.0 ?? .nan }
        by = ys.map { projection.boxXY(x: xs[0], y: $0)?.1 ?? .nan }
        bz = heights
    }

    var columns: Int { bx.count }
    var rows: Int { by.count }

    func node(_ i: Int, _ j: Int) -> Vector3 { Vector3(bx[i], by[j], bz[j * columns + i]) }

    /// Box z of the surface at box (x, y) on the triangle that is drawn there (see
    /// ``triangles(_:_:)``), or nil off the surface or in a hole.
    func height(atBoxX x: Double, y: Double) -> Double? {
        guard let (i0, fx0) = SurfaceMesh.locate(x, in: bx), let (j0, fy0) = SurfaceMesh.locate(y, in: by) else { return nil }
        // The last node belongs to the last cell.
        let i = Swift.min(i0, columns - 2), j = Swift.min(j0, rows - 2)
        let fx = i0 > i ? 1 : fx0, fy = j0 > j ? 1 : fy0
        guard i >= 0, j >= 0 else { return nil }
        let z00 = bz[j * columns + i], z10 = bz[j * columns + i + 1], z01 = bz[(j + 1) * columns + i], z11 = bz[(j + 1) * columns + i + 1]
        let z: Double
        if SurfaceMesh.splitsAlongMainDiagonal(z00, z10, z01, z11) {
            // Triangles (00, 10, 11) below the diagonal fx = fy and (00, 11, 01) above it.
            z = fx >= fy ? z00 + fx * (z10 - z00) + fy * (z11 - z10) : z00 + fy * (z01 - z00) + fx * (z11 - z01)
        } else {
            // Triangles (00, 10, 01) with fx + fy ≤ 1 and (10, 11, 01) beyond.
            z = fx + fy <= 1 ? z00 + fx * (z10 - z00) + fy * (z01 - z00) : z11 + (1 - fx) * (z01 - z11) + (1 - fy) * (z10 - z11)
        }
        return z.isNaN ? nil : z
    }

    /// Whether quad (00, 10, 01, 11) is split along 00–11: the diagonal joining the two lower
    /// corners, so that a valley running across cells stays a valley instead of a sawtooth.
    static func splitsAlongMainDiagonal(_ z00: Double, _ z10: Double, _ z01: Double, _ z11: Double) -> Bool {
        z00 + z11 <= z10 + z01
    }

    /// The two triangles of quad (i, j), as node corners.
    func triangles(_ i: Int, _ j: Int) -> [[(Int, Int)]] {
        let z00 = bz[j * columns + i], z10 = bz[j * columns + i + 1], z01 = bz[(j + 1) * columns + i], z11 = bz[(j + 1) * columns + i + 1]
        if SurfaceMesh.splitsAlongMainDiagonal(z00, z10, z01, z11) {
            return [[(i, j), (i + 1, j), (i + 1, j + 1)], [(i, j), (i + 1, j + 1), (i, j + 1)]]
        }
        return [[(i, j), (i + 1, j), (i, j + 1)], [(i + 1, j), (i + 1, j + 1), (i, j + 1)]]
    }

    /// The drawable quads (all four corners defined), as node indices.
    func quads() -> [(i: Int, j: Int)] {
        var out: [(Int, Int)] = []
        out.reserveCapacity((columns - 1) * (rows - 1))
        for j in 0..<(rows - 1) {
            for i in 0..<(columns - 1) {
                if !bz[j * columns + i].isNaN, !bz[j * columns + i + 1].isNaN,
                   !bz[(j + 1) * columns + i].isNaN, !bz[(j + 1) * columns + i + 1].isNaN,
                   bx[i].isFinite, bx[i + 1].isFinite, by[j].isFinite, by[j + 1].isFinite {
                    out.append((i, j))
                }
            }
        }
        return out
    }

    /// Writes the triangles into `buffer`.
    func rasterize(into buffer: inout DepthBuffer, projection: Projection3D) {
        for (i, j) in quads() {
            for t in triangles(i, j) {
                let c = t.map { node($0.0, $0.1) }
                buffer.addTriangle(projection.screen(c[0]), projection.depth(c[0]), projection.screen(c[1]), projection.depth(c[1]),
                                   projection.screen(c[2]), projection.depth(c[2]))
            }
        }
    }

    /// Paints the quads back to front, shaded, with the optional mesh lines.
    func paint(on canvas: any Canvas, projection: Projection3D, resolution: Double) {
        let t = projection.toward
        // For a height field seen by an orthographic camera, the distance along the view's
        // horizontal direction orders the cells exactly; straight from above, height decides.
        let flat = (t.x * t.x + t.y * t.y).squareRoot() < 1e-6
        let order = quads().map { q -> (key: Double, i: Int, j: Int) in
            let cx = (bx[q.i] + bx[q.i + 1]) / 2, cy = (by[q.j] + by[q.j + 1]) / 2
            let key = flat ? (bz[q.j * columns + q.i] + bz[(q.j + 1) * columns + q.i + 1]) / 2 * t.z : cx * t.x + cy * t.y
            return (key, q.i, q.j)
        }.sorted { a, b in a.key != b.key ? a.key < b.key : (a.j, a.i) < (b.j, b.i) }
        let light = projection.light
        let halfway = (light + t).normalized
        // Grow each quad by half a device pixel so neighbours overlap and no seam shows through.
        let grow = 0.5 / Swift.max(1, resolution)
        let spacing = mark.meshLineSpacing
        let lineStyle = StrokeStyle(color: Color(red: 0.1, green: 0.1, blue: 0.15, alpha: 0.16 * mark.alpha),
                                    width: 0.55, cap: .butt, join: .round)
        for (_, i, j) in order {
            // The quad's two triangles, the far one first.
            var parts = triangles(i, j).map { t in t.map { node($0.0, $0.1) } }
            if parts[0].reduce(0.0, { $0 + $1.dot(t) }) > parts[1].reduce(0.0, { $0 + $1.dot(t) }) { parts.swapAt(0, 1) }
            for corners in parts {
                var normal = (corners[1] - corners[0]).cross(corners[2] - corners[0]).normalized
                if normal.dot(t) < 0 { normal = normal * -1 }   // the side facing the viewer is lit
                let base = color(corners.map { $0.z })
                let diffuse = Swift.max(0, normal.dot(light))
                let specular = Foundation.pow(Swift.max(0, normal.dot(halfway)), 28) * 0.22
                let shade = 0.52 + 0.48 * diffuse
                let lit = Color(red: Swift.min(1, base.red * shade + specular), green: Swift.min(1, base.green * shade + specular),
                                blue: Swift.min(1, base.blue * shade + specular), alpha: base.alpha * mark.alpha)
                canvas.fill(SurfaceMesh.grown(corners.map(projection.screen), by: grow), color: lit)
            }
            if spacing > 0 {
                let p = [node(i, j), node(i + 1, j), node(i + 1, j + 1), node(i, j + 1)].map(projection.screen)
                var lines = Path()
                if i % spacing == 0 { lines.move(to: p[0]); lines.line(to: p[3]) }
                if j % spacing == 0 { lines.move(to: p[0]); lines.line(to: p[1]) }
                if i + 1 == columns - 1 || (i + 1) % spacing == 0 { lines.move(to: p[1]); lines.line(to: p[2]) }
                if j + 1 == rows - 1 || (j + 1) % spacing == 0 { lines.move(to: p[3]); lines.line(to: p[2]) }
                if !lines.isEmpty { canvas.stroke(lines, style: lineStyle) }
            }
        }
    }

    /// The closed polygon through `points` (a convex polygon, either winding) with every edge
    /// pushed `grow` outwards, so that neighbouring cells overlap by a hair and the
    /// background cannot show through their antialiased seams.
    static func grown(_ points: [Point], by grow: Double) -> Path {
        let n = points.count
        var area = 0.0
        for k in 0..<n { let a = points[k], b = points[(k + 1) % n]; area += a.x * b.y - b.x * a.y }
        let sign: Double = area >= 0 ? 1 : -1
        // Outward unit normal of edge k (from point k to point k + 1).
        let normals: [(Double, Double)] = (0..<n).map { k in
            let a = points[k], b = points[(k + 1) % n]
            let dx = b.x - a.x, dy = b.y - a.y
            let l = (dx * dx + dy * dy).squareRoot()
            return l > 0 ? (sign * dy / l, -sign * dx / l) : (0, 0)
        }
        var path = Path()
        for k in 0..<n {
            let (n1, n2) = (normals[(k + n - 1) % n], normals[k])
            // The miter of the two offset edges, limited at sharp corners.
            let cosine = n1.0 * n2.0 + n1.1 * n2.1
            let scale = grow / Swift.max(0.25, 1 + cosine)
            let p = Point(x: points[k].x + (n1.0 + n2.0) * scale, y: points[k].y + (n1.1 + n2.1) * scale)
            if k == 0 { path.move(to: p) } else { path.line(to: p) }
        }
        path.close()
        return path
    }

    /// The colour of a triangle with corners at box heights `zs`: their mean height, read
    /// through the norm (box height is linear in the z axis's scale, as a log norm is in decades).
    private func color(_ zs: [Double]) -> Color {
        let norm = mark.norm, p = projection
        let mean = zs.reduce(0, +) / Double(zs.count)
        let value = p.z.kind.inverse(p.zStraight(box: mean))
        guard let f = norm.fraction(value) ?? (value <= 0 ? 0 : nil) else { return mark.colormap.bad }
        return mark.colormap.color(at: Swift.min(1, Swift.max(0, f)))
    }

    // MARK: Resampling

    static func evenly(_ a: Double, _ b: Double, _ n: Int) -> [Double] {
        (0..<n).map { k in k == n - 1 ? b : a + (b - a) * Double(k) / Double(n - 1) }
    }

    /// The interval of `v` in increasing or decreasing `nodes` and the fraction within it.
    static func locate(_ v: Double, in nodes: [Double]) -> (Int, Double)? {
        guard nodes.count >= 2, let first = nodes.first, let last = nodes.last, v.isFinite else { return nil }
        let increasing = last >= first
        guard v >= Swift.min(first, last) - 1e-12, v <= Swift.max(first, last) + 1e-12 else { return nil }
        var lo = 0, hi = nodes.count - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if (nodes[mid] <= v) == increasing { lo = mid } else { hi = mid }
        }
        let span = nodes[hi] - nodes[lo]
        let f = span == 0 ? 0 : (v - nodes[lo]) / span
        return (lo, Swift.min(1, Swift.max(0, f)))
    }

    /// For each node position, the grid indices within half a node spacing of it.
    static func windows(_ positions: [Double], in nodes: [Double]) -> [ClosedRange<Int>] {
        let half = positions.count > 1 ? Swift.abs(positions[1] - positions[0]) / 2 : 0
        return positions.map { p in
            let a = locate(p - half, in: nodes) ?? (0, 0), b = locate(p + half, in: nodes) ?? (nodes.count - 1, 0)
            let lo = Swift.min(a.0 + (a.1 > 0 ? 1 : 0), b.0 + (b.1 > 0 ? 1 : 0)), hi = Swift.max(a.0, b.0)
            return Swift.min(lo, hi)...Swift.max(lo, hi)
        }
    }

    static func cell(_ v: Double, in nodes: [Double]) -> (Int, Double) {
        locate(v, in: nodes) ?? (0, 0)
    }

    static func bilinear(_ g: Grid2D, _ cx: (Int, Double), _ cy: (Int, Double)) -> Double {
        let (i, fx) = cx, (j, fy) = cy
        let i1 = Swift.min(i + 1, g.width - 1), j1 = Swift.min(j + 1, g.height - 1)
        let v00 = g[i, j], v10 = g[i1, j], v01 = g[i, j1], v11 = g[i1, j1]
        // Exactly on a node (fraction 0 or 1) the neighbour does not matter, even if NaN.
        func mix(_ a: Double, _ b: Double, _ f: Double) -> Double { f == 0 ? a : (f == 1 ? b : a * (1 - f) + b * f) }
        return mix(mix(v00, v10, fx), mix(v01, v11, fx), fy)
    }
}
