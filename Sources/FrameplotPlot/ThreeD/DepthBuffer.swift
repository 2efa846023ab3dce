import FrameplotCanvas

/// The nearest surface depth at each point of a panel's plot area, one sample per layout
/// unit: triangles rasterised in software so that paths can be hidden exactly where a
/// surface covers them (the surfaces themselves are painted back to front by cairo).
struct DepthBuffer: Sendable, Hashable {
    /// The covered area in layout units.
    let frame: Rect
    let width: Int, height: Int
    /// Depth per sample, row-major; −∞ where no surface is.
    private(set) var depths: [Float]
    /// The span of the depths written, for tolerances.
    private(set) var lowest = Double.infinity, highest = -Double.infinity

    init(frame: Rect) {
        self.frame = frame
        width = Swift.max(1, Int(frame.width.rounded(.up)))
        height = Swift.max(1, Int(frame.height.rounded(.up)))
        depths = [Float](repeating: -.infinity, count: width * height)
    }

    /// Writes a triangle (screen positions, depths), keeping the nearest depth per sample.
    mutating func addTriangle(_ a: Point, _ da: Double, _ b: Point, _ db: Double, _ c: Point, _ dc: Double) {
        let ax = a.x - frame.minX, ay = a.y - frame.minY
        let bx = b.x - frame.minX, by = b.y - frame.minY
        let cx = c.x - frame.minX, cy = c.y - frame.minY
        let area = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax)
        guard area.isFinite, Swift.abs(area) > 1e-12 else { return }
        let x0 = Swift.max(0, Int((Swift.min(ax, bx, cx) - 0.5).rounded(.up)))
        let x1 = Swift.min(width - 1, Int((Swift.max(ax, bx, cx) - 0.5).rounded(.down)))
        let y0 = Swift.max(0, Int((Swift.min(ay, by, cy) - 0.5).rounded(.up)))
        let y1 = Swift.min(height - 1, Int((Swift.max(ay, by, cy) - 0.5).rounded(.down)))
        guard x0 <= x1, y0 <= y1 else { return }
        lowest = Swift.min(lowest, da, db, dc)
        highest = Swift.max(highest, da, db, dc)
        let inverse = 1 / area
        depths.withUnsafeMutableBufferPointer { buffer in
            for j in y0...y1 {
                let py = Double(j) + 0.5
                for i in x0...x1 {
                    let px = Double(i) + 0.5
                    // Barycentric weights; a sample on an edge belongs to both triangles.
                    let wa = ((bx - px) * (cy - py) - (by - py) * (cx - px)) * inverse
                    let wb = ((cx - px) * (ay - py) - (cy - py) * (ax - px)) * inverse
                    let wc = 1 - wa - wb
                    guard wa >= -1e-9, wb >= -1e-9, wc >= -1e-9 else { continue }
                    let d = Float(wa * da + wb * db + wc * dc)
                    let k = j * width + i
                    if d > buffer[k] { buffer[k] = d }
                }
            }
        }
    }

    /// Whether a point at `depth` drawn at `p` is in front of (or on) the nearest surface there.
    ///
    /// A point on a surface has that surface's depth; the tolerance grows with the local
    /// depth slope so that points on steep or grazing parts are not hidden by their own surface.
    func isVisible(_ p: Point, depth: Double) -> Bool {
        let i = Int((p.x - frame.minX).rounded(.down)), j = Int((p.y - frame.minY).rounded(.down))
        guard i >= 0, i < width, j >= 0, j < height else { return true }
        let here = Double(depths[j * width + i])
        guard here.isFinite else { return true }
        var slope = 0.0
        for (di, dj) in [(-1, 0), (1, 0), (0, -1), (0, 1)] {
            let ni = i + di, nj = j + dj
            guard ni >= 0, ni < width, nj >= 0, nj < height else { continue }
            let n = Double(depths[nj * width + ni])
            if n.isFinite { slope = Swift.max(slope, Swift.abs(n - here)) }
        }
        let span = highest > lowest ? highest - lowest : 1
        return depth >= here - (2 * slope + 0.01 * span)
    }
}
