import FrameplotCanvas

/// One contour line at one level, in data coordinates.
///
/// A closed line returns to its start; its first point is not repeated at the end.
///
/// ```swift
/// for line in Contour.lines(in: grid, levels: [1, 2]) {
///     var path = Path()
///     path.addPolyline(line.points.map(toPixels))
///     if line.isClosed { path.close() }
/// }
/// ```
public struct Isoline: Sendable, Hashable {
    /// The value along the line.
    public var level: Double
    /// The vertices in data coordinates (x, y).
    public var points: [Point]
    /// Whether the line is a loop.
    public var isClosed: Bool

    public init(level: Double, points: [Point], isClosed: Bool) {
        self.level = level; self.points = points; self.isClosed = isClosed
    }

    /// The length in data units (including the closing segment of a loop).
    public var length: Double {
        var total = 0.0
        for (a, b) in zip(points, points.dropFirst()) { total += ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot() }
        if isClosed, let a = points.last, let b = points.first, points.count > 2 {
            total += ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
        }
        return total
    }
}

/// The region of a grid whose values lie between two levels, as polygons in data coordinates.
///
/// Fill **all polygons of a band in one path with the winding rule**: the pieces
/// share edges and all turn the same way, so one fill paints their union without
/// hairline seams (filling them one by one would show seams under antialiasing).
///
/// ```swift
/// for (k, band) in Contour.bands(in: grid, levels: levels).enumerated() {
///     var path = Path()
///     for polygon in band.polygons { path.addPolyline(polygon.map(toPixels)); path.close() }
///     canvas.fill(path, color: colormap.color(at: (Double(k) + 0.5) / Double(levels.count - 1)), rule: .winding)
/// }
/// ```
public struct ContourBand: Sendable, Hashable {
    /// Values from here (inclusive)…
    public var lower: Double
    /// …up to here (exclusive, inclusive for the top band).
    public var upper: Double
    /// Convex pieces and merged rectangles that together cover the band.
    public var polygons: [[Point]]

    public init(lower: Double, upper: Double, polygons: [[Point]]) {
        self.lower = lower; self.upper = upper; self.polygons = polygons
    }

    /// The area covered, in data units squared (for tests and legends).
    public var area: Double {
        polygons.reduce(0) { total, p in
            var twice = 0.0
            for k in p.indices {
                let a = p[k], b = p[(k + 1) % p.count]
                twice += a.x * b.y - b.x * a.y
            }
            return total + Swift.abs(twice) / 2
        }
    }
}

/// Contour lines and filled contours of a ``Grid2D`` by marching squares.
///
/// Each grid cell is split into four triangles around its centre, which takes the mean
/// of the four corners. Within a triangle the values are linear, so lines are straight
/// there and the saddle cells of marching squares are resolved by the centre value
/// (the "asymptotic midpoint" rule), identically for lines and for filled bands, so
/// lines drawn over bands always follow their edges. Cells with a NaN or infinite
/// corner are left out (lines end there).
///
/// ```swift
/// let grid = Grid2D(x: -2...2, y: -2...2, nx: 101, ny: 101) { x, y in (x * x + y * y).squareRoot() }
/// let circles = Contour.lines(in: grid, levels: [0.5, 1, 1.5])
/// let bands = Contour.bands(in: grid, levels: ContourLevels.bands(min: 0, max: 2.83, count: 8))
/// ```
public enum Contour {}
