import Foundation
import FrameplotCanvas

/// The shape of a scatter marker.
///
/// `size` is the marker's width in layout units (a circle's diameter).
///
/// ```swift
/// axes.scatter(xs: [1, 2], ys: [3, 4], marker: .diamond, size: 8)
/// ```
public enum MarkerShape: String, Sendable, Hashable, CaseIterable {
    case circle, square, triangle, diamond
    /// A diagonal cross (×), stroked.
    case cross
    /// An upright plus (+), stroked.
    case plus

    /// Whether the shape is drawn by stroking lines only (no fill).
    public var isStrokedOnly: Bool { self == .cross || self == .plus }

    /// The outline of the marker centred on `center`.
    public func path(center c: Point, size: Double) -> Path {
        let r = size / 2
        var p = Path()
        switch self {
        case .circle:
            p.addCircle(center: c, radius: r)
        case .square:
            let s = r * 0.9  // equal visual weight with the circle
            p.addRect(Rect(x: c.x - s, y: c.y - s, width: 2 * s, height: 2 * s))
        case .triangle:
            let h = r * 1.15
            p.move(to: Point(x: c.x, y: c.y - h))
            p.line(to: Point(x: c.x + h * 0.866, y: c.y + h * 0.5))
            p.line(to: Point(x: c.x - h * 0.866, y: c.y + h * 0.5))
            p.close()
        case .diamond:
            let h = r * 1.15
            p.move(to: Point(x: c.x, y: c.y - h))
            p.line(to: Point(x: c.x + h * 0.75, y: c.y))
            p.line(to: Point(x: c.x, y: c.y + h))
            p.line(to: Point(x: c.x - h * 0.75, y: c.y))
            p.close()
        case .cross:
            let s = r * 0.8
            p.move(to: Point(x: c.x - s, y: c.y - s)); p.line(to: Point(x: c.x + s, y: c.y + s))
            p.move(to: Point(x: c.x - s, y: c.y + s)); p.line(to: Point(x: c.x + s, y: c.y - s))
        case .plus:
            p.move(to: Point(x: c.x - r, y: c.y)); p.line(to: Point(x: c.x + r, y: c.y))
            p.move(to: Point(x: c.x, y: c.y - r)); p.line(to: Point(x: c.x, y: c.y + r))
        }
        return p
    }

    /// Draws one marker: filled shapes get `fill` and an optional `edge`; crosses and plus
    /// signs are stroked with `fill` (their only colour) at `lineWidth`.
    ///
    /// On a panel of colour `face`, an edge that stands out from it less than the fill does
    /// (white edges on a white panel) is a halo: drawn under the fill, showing entirely
    /// outside it, a ring that parts the marker from what it sits on (tinted regions, other
    /// points). Any other edge outlines the marker, over the fill.
    func draw(on canvas: any Canvas, at c: Point, size: Double, fill: Color, edge: Color?, lineWidth: Double,
              face: Color? = nil) {
        let path = self.path(center: c, size: size)
        if isStrokedOnly {
            canvas.stroke(path, style: StrokeStyle(color: fill, width: lineWidth, cap: .butt))
        } else if let edge, let face, edge.contrastRatio(against: face) < fill.contrastRatio(against: face) {
            canvas.auditing(.deemphasized) { canvas.stroke(path, style: StrokeStyle(color: edge, width: lineWidth * 1.5, join: .miter)) }
            canvas.fill(path, color: fill)
        } else {
            canvas.fill(path, color: fill)
            if let edge { canvas.stroke(path, style: StrokeStyle(color: edge, width: lineWidth * 0.6, join: .miter)) }
        }
    }
}
