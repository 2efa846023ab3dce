import CFrameplotCairo

/// A canvas drawn by cairo: what ``ImageCanvas``, ``VectorCanvas``, ``PDFPageSequence`` and
/// ``RecordedLayer`` share. Besides the ``Canvas`` operations it can paint a ``RecordedLayer``
/// (replayed as vectors: a PDF keeps it as one shared form object).
///
/// Not subclassable outside Frameplot; each canvas owns its cairo surface and drawing context
/// and is used by one thread at a time.
///
/// ```swift
/// let axes = try RecordedLayer(width: 400, height: 300)
/// axes.stroke(.rect(Rect(x: 40, y: 20, width: 340, height: 250)), style: StrokeStyle(color: .black, width: 1))
/// let image = try ImageCanvas(width: 400, height: 300, scale: 2)
/// image.clear(.white)
/// image.paint(axes)
/// ```
public class CairoCanvas: Canvas {
    public let size: Size
    let surface: OpaquePointer
    let drawing: CairoDrawing

    /// Takes ownership of `surface` (destroyed with the canvas) and draws on it; the surface is
    /// destroyed at once when no drawing context can be made.
    init(surface: OpaquePointer, size: Size, operation: String) throws {
        do {
            drawing = try CairoDrawing(surface: surface, operation: operation)
        } catch {
            cairo_surface_destroy(surface)
            throw error
        }
        self.surface = surface
        self.size = size
    }

    deinit { cairo_surface_destroy(surface) }

    // MARK: Canvas

    public func clear(_ color: Color) { drawing.clear(color) }
    public func fill(_ path: Path, color: Color, rule: FillRule) { drawing.fill(path, color: color, rule: rule) }
    public func stroke(_ path: Path, style: StrokeStyle) { drawing.stroke(path, style: style) }
    public func withSavedState<T>(_ body: () throws -> T) rethrows -> T { try drawing.withSavedState(body) }
    public func clip(to path: Path) { drawing.clip(to: path) }
    public func translate(dx: Double, dy: Double) { drawing.translate(dx: dx, dy: dy) }
    public func rotate(radians: Double) { drawing.rotate(radians: radians) }

    public func draw(_ image: RasterImage, in rect: Rect, interpolation: Interpolation) {
        drawing.draw(image, in: rect, interpolation: interpolation)
    }

    public func composite(_ layer: ImageCanvas, at origin: Point) {
        drawing.composite(surface: layer.surface, size: layer.size, at: origin)
    }

    public func drawText(_ text: String, at point: Point, style: TextStyle, anchor: TextAnchor, rotation: Double) {
        drawing.drawText(text, at: point, style: style, anchor: anchor, rotation: rotation)
    }

    public func measureText(_ text: String, style: TextStyle) -> TextMetrics {
        drawing.measureText(text, style: style)
    }

    // MARK: Recorded layers

    /// Paints `layer` with its top-left at the current origin, as if its drawing calls were
    /// made here again (vectors stay vectors; a PDF holds the layer once and refers to it
    /// from every page that paints it).
    public func paint(_ layer: RecordedLayer) {
        drawing.paint(recording: layer.surface)
    }
}
