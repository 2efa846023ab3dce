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
    /// A `halo` edge (see ``isHalo(edge:on:)``) is drawn under the fill and shows entirely
    /// outside it: a ring that parts the marker from what it sits on (tinted regions, other
    /// points). Any other edge outlines the marker, over the fill.
    func draw(on canvas: any Canvas, at c: Point, size: Double, fill: Color, edge: Color?, lineWidth: Double,
              halo: Bool = false) {
        let path = self.path(center: c, size: size)
        for layer in paints(edge: edge, lineWidth: lineWidth, halo: halo) {
            switch layer.paint {
            case .fill: canvas.fill(path, color: layer.color ?? fill)
            case .stroke(var style):
                style.color = layer.color ?? fill
                // A halo parts the marker from its surroundings; it is not the marker's colour.
                if halo && layer.color != nil {
                    canvas.auditing(.deemphasized) { canvas.stroke(path, style: style) }
                } else {
                    canvas.stroke(path, style: style)
                }
            }
        }
    }

    /// Whether `edge` is a halo on a panel of colour `face`: it barely stands out from the
    /// panel (white edges on a white panel), so its job is to part markers from what they
    /// sit on rather than to outline them.
    static func isHalo(edge: Color?, on face: Color) -> Bool {
        edge.map { $0.contrastRatio(against: face) < Color.minimumGraphicsContrast } ?? false
    }

    /// How a marker is painted, in order; a layer without a colour takes the point's
    /// (shared by single markers and the stamps of dense scatter plots).
    func paints(edge: Color?, lineWidth: Double, halo: Bool = false) -> [Stamp.Layer] {
        if isStrokedOnly {
            return [Stamp.Layer(paint: .stroke(StrokeStyle(color: .black, width: lineWidth, cap: .butt)))]
        }
        guard let edge else { return [Stamp.Layer(paint: .fill)] }
        if halo {
            return [Stamp.Layer(paint: .stroke(StrokeStyle(color: edge, width: lineWidth * 1.5, join: .miter)), color: edge),
                    Stamp.Layer(paint: .fill)]
        }
        return [Stamp.Layer(paint: .fill),
                Stamp.Layer(paint: .stroke(StrokeStyle(color: edge, width: lineWidth * 0.6, join: .miter)), color: edge)]
    }

    /// The marker as a stamp of `size` centred on (0, 0).
    func stamp(size: Double, edge: Color?, lineWidth: Double, halo: Bool = false) -> Stamp {
        Stamp(path: path(center: .zero, size: size), layers: paints(edge: edge, lineWidth: lineWidth, halo: halo))
    }
}
