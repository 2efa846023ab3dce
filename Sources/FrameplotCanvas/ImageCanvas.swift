// SKELETON: the cairo-backed implementation replaces this file (issue 2).
/// A raster canvas backed by a cairo ARGB32 image surface.
public final class ImageCanvas: Canvas {
    public let size: Size
    public let scale: Double
    public var pixelWidth: Int { Int((size.width * scale).rounded()) }
    public var pixelHeight: Int { Int((size.height * scale).rounded()) }

    public init(width: Double, height: Double, scale: Double = 1) throws {
        self.size = Size(width: width, height: height)
        self.scale = scale
    }

    public func clear(_ color: Color) {}
    public func fill(_ path: Path, color: Color, rule: FillRule) {}
    public func stroke(_ path: Path, style: StrokeStyle) {}
    public func withSavedState<T>(_ body: () throws -> T) rethrows -> T { try body() }
    public func clip(to path: Path) {}
    public func translate(dx: Double, dy: Double) {}
    public func rotate(radians: Double) {}
    public func draw(_ image: RasterImage, in rect: Rect, interpolation: Interpolation) {}
    public func composite(_ layer: ImageCanvas, at origin: Point) {}
    public func drawText(_ text: String, at point: Point, style: TextStyle, anchor: TextAnchor, rotation: Double) {}
    public func measureText(_ text: String, style: TextStyle) -> TextMetrics {
        TextMetrics(logical: Rect(x: 0, y: 0, width: Double(text.count) * style.size * 0.6, height: style.size * 1.2),
                    ink: Rect(x: 0, y: 0, width: Double(text.count) * style.size * 0.6, height: style.size),
                    baseline: style.size, unknownGlyphs: 0)
    }
}
