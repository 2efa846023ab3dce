import Foundation

/// Something to draw on: an image, a PDF or SVG page, or a recorder for tests.
///
/// Coordinates are layout units with the origin at the top-left and y growing downwards.
/// Drawing calls never throw: backends remember the first failure and report it as a
/// ``CanvasError`` when the output is written (cairo's own model), so a failure can
/// never pass silently as a wrong picture.
///
/// ```swift
/// let canvas = try ImageCanvas(width: 400, height: 300, scale: 2)
/// canvas.clear(.white)
/// canvas.fill(.rect(Rect(x: 10, y: 10, width: 50, height: 50)), color: .red)
/// try canvas.writePNG(to: "Output/square.png")
/// ```
public protocol Canvas: AnyObject {
    /// The drawable area in layout units.
    var size: Size { get }

    /// Paints the whole canvas (within the current clip) with `color`, replacing what was there.
    func clear(_ color: Color)

    /// Fills `path` with `color` (alpha blended over what is there).
    func fill(_ path: Path, color: Color, rule: FillRule)

    /// Strokes `path` with `style`.
    func stroke(_ path: Path, style: StrokeStyle)

    /// Runs `body` with the graphics state (clip, transform) saved before and restored after,
    /// so clips and transforms can never leak out of their scope.
    func withSavedState<T>(_ body: () throws -> T) rethrows -> T

    /// Intersects the clip with `path`. Use inside ``withSavedState(_:)``.
    func clip(to path: Path)

    /// Moves the origin by (`dx`, `dy`). Use inside ``withSavedState(_:)``.
    func translate(dx: Double, dy: Double)

    /// Rotates following drawing by `radians` (positive turns clockwise on screen) around the origin.
    func rotate(radians: Double)

    /// Draws `image` scaled to fill `rect`.
    func draw(_ image: RasterImage, in rect: Rect, interpolation: Interpolation)

    /// Composites a previously drawn image canvas (e.g. a cached static layer) with its
    /// top-left at `origin`, at its own layout size.
    func composite(_ layer: ImageCanvas, at origin: Point)

    /// Draws `text` so that its `anchor` lands on `point`, turned by `rotation` radians
    /// around that point (`-Double.pi / 2` for a y-axis label reading upwards).
    func drawText(_ text: String, at point: Point, style: TextStyle, anchor: TextAnchor, rotation: Double)

    /// Measures `text` as ``drawText(_:at:style:anchor:rotation:)`` would lay it out, unrotated.
    func measureText(_ text: String, style: TextStyle) -> TextMetrics
}

extension Canvas {
    public func fill(_ path: Path, color: Color) { fill(path, color: color, rule: .winding) }

    public func drawText(_ text: String, at point: Point, style: TextStyle, anchor: TextAnchor = .topLeft) {
        drawText(text, at: point, style: style, anchor: anchor, rotation: 0)
    }

    /// The box that `text` covers when drawn at `point` with `anchor` and `rotation`
    /// (axis-aligned bounds of the rotated logical box), for layout and overlap checks.
    public func textBounds(_ text: String, at point: Point, style: TextStyle,
                           anchor: TextAnchor, rotation: Double = 0) -> Rect {
        TextPlacement.bounds(of: measureText(text, style: style), at: point, anchor: anchor, rotation: rotation)
    }
}

/// Where anchored, rotated text goes: shared by every backend so layout and drawing agree.
public enum TextPlacement {
    /// The offset from the anchor point to the top-left of the logical box, before rotation.
    public static func offset(of metrics: TextMetrics, anchor: TextAnchor) -> Point {
        let w = metrics.logical.width, h = metrics.logical.height
        let dx: Double
        switch anchor.horizontal {
        case .left: dx = 0
        case .center: dx = -w / 2
        case .right: dx = -w
        }
        let dy: Double
        switch anchor.vertical {
        case .top: dy = 0
        case .center: dy = -h / 2
        case .baseline: dy = -metrics.baseline
        case .bottom: dy = -h
        }
        return Point(x: dx, y: dy)
    }

    /// The axis-aligned bounds of the rotated logical box.
    public static func bounds(of metrics: TextMetrics, at point: Point, anchor: TextAnchor, rotation: Double) -> Rect {
        let o = offset(of: metrics, anchor: anchor)
        let w = metrics.logical.width, h = metrics.logical.height
        let corners = [Point(x: o.x, y: o.y), Point(x: o.x + w, y: o.y),
                       Point(x: o.x, y: o.y + h), Point(x: o.x + w, y: o.y + h)]
        let c = cos(rotation), s = sin(rotation)
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for p in corners {
            let x = point.x + p.x * c - p.y * s
            let y = point.y + p.x * s + p.y * c
            minX = Swift.min(minX, x); maxX = Swift.max(maxX, x)
            minY = Swift.min(minY, y); maxY = Swift.max(maxY, y)
        }
        return Rect(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
    }
}
