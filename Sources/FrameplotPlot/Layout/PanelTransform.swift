import FrameplotCanvas

/// Maps a panel's data coordinates to layout units on the canvas and back.
///
/// Obtain it from ``PanelLayout/transform`` to draw extra things on a figure's panel
/// (e.g. in an animation) exactly where its marks go.
///
/// ```swift
/// let layout = figure.layout(measuringWith: canvas)
/// let p = layout.panels[0].transform.point(x: 3, y: 6)   // layout units
/// ```
public struct PanelTransform: Sendable, Hashable {
    /// The horizontal scale (pixels grow to the right).
    public let x: Scale
    /// The vertical scale (`pixelStart` is the bottom of the plot area).
    public let y: Scale

    public init(x: Scale, y: Scale) { self.x = x; self.y = y }

    /// The plot area (inside the spines) in layout units.
    public var plotRect: Rect {
        let x0 = Swift.min(x.pixelStart, x.pixelEnd), y0 = Swift.min(y.pixelStart, y.pixelEnd)
        return Rect(x: x0, y: y0, width: x.pixelLength, height: y.pixelLength)
    }

    /// The position of a data point; values the scales refuse (NaN, non-positive on log)
    /// are pushed far outside the plot area, where the clip hides them.
    public func point(x dx: Double, y dy: Double) -> Point {
        Point(x: x.pixelClipped(dx), y: y.pixelClipped(dy))
    }

    /// The position of a data point, or `nil` when either scale refuses a coordinate.
    public func pointIfValid(x dx: Double, y dy: Double) -> Point? {
        guard let px = x.pixel(dx), let py = y.pixel(dy) else { return nil }
        return Point(x: px, y: py)
    }

    /// The data coordinates at a position in layout units.
    public func data(at p: Point) -> (x: Double, y: Double) {
        (x.value(atPixel: p.x), y.value(atPixel: p.y))
    }

    /// The position of a point given as fractions of the plot area (0,0 bottom-left, 1,1 top-right).
    public func point(axesFraction fx: Double, _ fy: Double) -> Point {
        let r = plotRect
        return Point(x: r.minX + fx * r.width, y: r.maxY - fy * r.height)
    }
}
