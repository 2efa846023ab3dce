/// A drawing path built from straight lines, cubic curves and arcs, in layout units.
///
/// A value type: build it once, then fill or stroke it on any ``Canvas``.
///
/// ```swift
/// var p = Path()
/// p.move(to: Point(x: 0, y: 0))
/// p.line(to: Point(x: 10, y: 10))
/// canvas.stroke(p, style: StrokeStyle(color: .black, width: 1))
/// ```
public struct Path: Sendable, Hashable {
    public enum Element: Sendable, Hashable {
        case move(Point)
        case line(Point)
        case curve(Point, Point, Point)
        /// A circular arc around `center`, angles in radians, drawn in the direction of increasing angle
        /// (clockwise on screen, since y grows downwards) when `clockwise` is true.
        case arc(center: Point, radius: Double, startAngle: Double, endAngle: Double, clockwise: Bool)
        case close
    }

    public private(set) var elements: [Element] = []

    public init() {}
    public init(elements: [Element]) { self.elements = elements }

    public var isEmpty: Bool { elements.isEmpty }

    public mutating func move(to p: Point) { elements.append(.move(p)) }
    public mutating func line(to p: Point) { elements.append(.line(p)) }
    public mutating func curve(to p: Point, control1: Point, control2: Point) {
        elements.append(.curve(control1, control2, p))
    }
    public mutating func addArc(center: Point, radius: Double, startAngle: Double, endAngle: Double, clockwise: Bool = true) {
        elements.append(.arc(center: center, radius: radius, startAngle: startAngle, endAngle: endAngle, clockwise: clockwise))
    }
    public mutating func close() { elements.append(.close) }

    public mutating func addRect(_ r: Rect) {
        move(to: r.origin)
        line(to: Point(x: r.maxX, y: r.minY))
        line(to: Point(x: r.maxX, y: r.maxY))
        line(to: Point(x: r.minX, y: r.maxY))
        close()
    }

    public mutating func addCircle(center: Point, radius: Double) {
        move(to: Point(x: center.x + radius, y: center.y))
        addArc(center: center, radius: radius, startAngle: 0, endAngle: 2 * Double.pi)
        close()
    }

    /// A polyline through `points` (no path if fewer than 2 points).
    public mutating func addPolyline(_ points: [Point]) {
        guard let first = points.first, points.count >= 2 else { return }
        move(to: first)
        for p in points.dropFirst() { line(to: p) }
    }

    public mutating func append(_ other: Path) { elements.append(contentsOf: other.elements) }

    public static func rect(_ r: Rect) -> Path { var p = Path(); p.addRect(r); return p }
    public static func circle(center: Point, radius: Double) -> Path {
        var p = Path(); p.addCircle(center: center, radius: radius); return p
    }
    public static func segment(_ a: Point, _ b: Point) -> Path {
        var p = Path(); p.move(to: a); p.line(to: b); return p
    }
}

/// How overlapping sub-paths decide what is inside.
public enum FillRule: Sendable, Hashable { case winding, evenOdd }

/// The end of an open stroke.
public enum LineCap: Sendable, Hashable { case butt, round, square }

/// The corner between two stroke segments.
public enum LineJoin: Sendable, Hashable { case miter, round, bevel }

/// How a path is stroked: colour, width (layout units), caps, joins and dashes.
///
/// ```swift
/// let dashed = StrokeStyle(color: .red, width: 0.8, dash: [3, 2])
/// ```
public struct StrokeStyle: Sendable, Hashable {
    public var color: Color
    public var width: Double
    public var cap: LineCap
    public var join: LineJoin
    /// Alternating on/off lengths in layout units; empty for a solid line.
    public var dash: [Double]
    public var dashPhase: Double

    public init(color: Color, width: Double = 1, cap: LineCap = .butt, join: LineJoin = .round,
                dash: [Double] = [], dashPhase: Double = 0) {
        self.color = color; self.width = width; self.cap = cap; self.join = join
        self.dash = dash; self.dashPhase = dashPhase
    }
}
