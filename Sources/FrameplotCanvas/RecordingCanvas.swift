import Foundation

/// A canvas that draws nothing and records every operation, for tests of what was drawn.
///
/// Text is measured with real Pango metrics (the same as ``ImageCanvas``), so layout code behaves
/// exactly as it does when rendering. Each recorded text also knows where it landed on the canvas
/// after the translations and rotations in effect, for overlap and clipping checks.
///
/// ```swift
/// let recorder = RecordingCanvas(width: 640, height: 480)
/// figure.draw(on: recorder)
/// #expect(recorder.texts.contains { $0.text == "損失関数値" && $0.rotation != 0 })
/// ```
public final class RecordingCanvas: Canvas {
    /// One recorded drawing call.
    public enum Operation: Sendable, Hashable {
        case clear(Color)
        case fill(Path, color: Color, rule: FillRule)
        case stroke(Path, style: StrokeStyle)
        case saveState
        case restoreState
        case clip(Path)
        case translate(dx: Double, dy: Double)
        case rotate(radians: Double)
        case image(width: Int, height: Int, rect: Rect, interpolation: Interpolation)
        case composite(size: Size, origin: Point)
        case text(RecordedText)
    }

    /// A recorded ``Canvas/drawText(_:at:style:anchor:rotation:)`` call.
    public struct RecordedText: Sendable, Hashable {
        public var text: String
        public var point: Point
        public var style: TextStyle
        public var anchor: TextAnchor
        public var rotation: Double
        /// The text's metrics as measured when it was drawn.
        public var metrics: TextMetrics
        /// The bounds of the rotated logical box in the coordinates of the drawing call.
        public var bounds: Rect
        /// The same bounds in canvas coordinates, after the translations and rotations in effect.
        public var canvasBounds: Rect
    }

    public let size: Size
    /// Every operation in drawing order.
    public private(set) var operations: [Operation] = []

    private var transform = AffineTransform2D.identity
    private var savedTransforms: [AffineTransform2D] = []
    private lazy var textEngine: TextEngine? = try? TextEngine()

    /// A recorder for a drawing of `width` x `height` layout units.
    public init(width: Double = 640, height: Double = 480) {
        self.size = Size(width: width, height: height)
    }

    /// The recorded texts in drawing order.
    public var texts: [RecordedText] {
        operations.compactMap { if case .text(let t) = $0 { return t } else { return nil } }
    }

    /// The recorded fills (path and colour) in drawing order.
    public var fills: [(path: Path, color: Color)] {
        operations.compactMap { if case let .fill(p, c, _) = $0 { return (p, c) } else { return nil } }
    }

    /// The recorded strokes in drawing order.
    public var strokes: [(path: Path, style: StrokeStyle)] {
        operations.compactMap { if case let .stroke(p, s) = $0 { return (p, s) } else { return nil } }
    }

    /// Forgets everything recorded so far (the transform is reset too).
    public func removeAll() {
        operations.removeAll()
        transform = .identity
        savedTransforms.removeAll()
    }

    // MARK: Canvas

    public func clear(_ color: Color) { operations.append(.clear(color)) }
    public func fill(_ path: Path, color: Color, rule: FillRule) { operations.append(.fill(path, color: color, rule: rule)) }
    public func stroke(_ path: Path, style: StrokeStyle) { operations.append(.stroke(path, style: style)) }

    public func withSavedState<T>(_ body: () throws -> T) rethrows -> T {
        operations.append(.saveState)
        savedTransforms.append(transform)
        defer {
            transform = savedTransforms.popLast() ?? .identity
            operations.append(.restoreState)
        }
        return try body()
    }

    public func clip(to path: Path) { operations.append(.clip(path)) }

    public func translate(dx: Double, dy: Double) {
        operations.append(.translate(dx: dx, dy: dy))
        guard dx.isFinite, dy.isFinite else { return }
        transform = transform.translated(dx: dx, dy: dy)
    }

    public func rotate(radians: Double) {
        operations.append(.rotate(radians: radians))
        guard radians.isFinite else { return }
        transform = transform.rotated(radians)
    }

    public func draw(_ image: RasterImage, in rect: Rect, interpolation: Interpolation) {
        operations.append(.image(width: image.width, height: image.height, rect: rect, interpolation: interpolation))
    }

    public func composite(_ layer: ImageCanvas, at origin: Point) {
        operations.append(.composite(size: layer.size, origin: origin))
    }

    public func drawText(_ text: String, at point: Point, style: TextStyle, anchor: TextAnchor, rotation: Double) {
        let metrics = measureText(text, style: style)
        let turn = rotation.isFinite ? rotation : 0
        let bounds = TextPlacement.bounds(of: metrics, at: point, anchor: anchor, rotation: turn)
        // Corners of the rotated logical box, then through the current transform.
        let o = TextPlacement.offset(of: metrics, anchor: anchor)
        let w = metrics.logical.width, h = metrics.logical.height
        let local = AffineTransform2D.identity.translated(dx: point.x, dy: point.y).rotated(turn)
        let corners = [Point(x: o.x, y: o.y), Point(x: o.x + w, y: o.y), Point(x: o.x, y: o.y + h), Point(x: o.x + w, y: o.y + h)]
            .map { transform.apply(local.apply($0)) }
        let xs = corners.map(\.x), ys = corners.map(\.y)
        let canvasBounds = Rect(x: xs.min() ?? 0, y: ys.min() ?? 0,
                                width: (xs.max() ?? 0) - (xs.min() ?? 0), height: (ys.max() ?? 0) - (ys.min() ?? 0))
        operations.append(.text(RecordedText(text: text, point: point, style: style, anchor: anchor, rotation: rotation,
                                             metrics: metrics, bounds: bounds, canvasBounds: canvasBounds)))
    }

    public func measureText(_ text: String, style: TextStyle) -> TextMetrics {
        guard let textEngine else { return .empty }
        return textEngine.measure(text, style: style)
    }
}

/// A 2D affine map `p -> (a x + c y + tx, b x + d y + ty)`, composed like cairo's user transform.
struct AffineTransform2D: Hashable, Sendable {
    var a = 1.0, b = 0.0, c = 0.0, d = 1.0, tx = 0.0, ty = 0.0

    static let identity = AffineTransform2D()

    func apply(_ p: Point) -> Point {
        Point(x: a * p.x + c * p.y + tx, y: b * p.x + d * p.y + ty)
    }

    /// This transform applied after a translation by (`dx`, `dy`).
    func translated(dx: Double, dy: Double) -> AffineTransform2D {
        var t = self
        t.tx = a * dx + c * dy + tx
        t.ty = b * dx + d * dy + ty
        return t
    }

    /// This transform applied after a rotation by `radians`.
    func rotated(_ radians: Double) -> AffineTransform2D {
        let cs = cos(radians), sn = sin(radians)
        var t = self
        t.a = a * cs + c * sn
        t.b = b * cs + d * sn
        t.c = -a * sn + c * cs
        t.d = -b * sn + d * cs
        return t
    }
}
