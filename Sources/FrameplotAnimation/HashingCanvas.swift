import FrameplotCanvas

/// A canvas that draws nothing and feeds every drawing call into a ``RenderIdentityHasher``:
/// coordinates, colours, stroke and text styles, texts, and image pixels, exactly.
///
/// Two drawings hash alike only if they make the same calls with the same values, at any
/// device scale, so it identifies a picture without rasterising it. Text is measured with
/// the same Pango metrics as an ``ImageCanvas``, so layouts come out the same.
///
/// ```swift
/// let canvas = HashingCanvas(size: figure.size, hasher: RenderIdentityHasher(kind: "fit"))
/// figure.render(on: canvas)
/// let identity = canvas.hasher.finalize()
/// ```
final class HashingCanvas: Canvas {
    let size: Size
    private(set) var hasher: RenderIdentityHasher
    private let measuring: RecordingCanvas

    init(size: Size, hasher: RenderIdentityHasher) {
        self.size = size
        self.hasher = hasher
        self.measuring = RecordingCanvas(width: size.width, height: size.height)
    }

    func clear(_ color: Color) { add("clear", color) }

    func fill(_ path: Path, color: Color, rule: FillRule) {
        add("fill", path)
        add("color", color)
        hasher.combine("rule", "\(rule)")
    }

    func stroke(_ path: Path, style: StrokeStyle) {
        add("stroke", path)
        add("color", style.color)
        hasher.combine("line", [style.width, style.dashPhase] + style.dash)
        hasher.combine("ends", "\(style.cap) \(style.join)")
    }

    func withSavedState<T>(_ body: () throws -> T) rethrows -> T {
        hasher.combine("save", 1)
        defer { hasher.combine("restore", 1) }
        return try body()
    }

    func clip(to path: Path) { add("clip", path) }
    func translate(dx: Double, dy: Double) { hasher.combine("translate", [dx, dy]) }
    func rotate(radians: Double) { hasher.combine("rotate", radians) }

    func draw(_ image: RasterImage, in rect: Rect, interpolation: Interpolation) {
        hasher.combine("image", [Double(image.width), Double(image.height), rect.minX, rect.minY, rect.width, rect.height])
        hasher.combine("interpolation", "\(interpolation)")
        hasher.combine("pixels", bytes: image.pixels)
    }

    func composite(_ layer: ImageCanvas, at origin: Point) {
        hasher.combine("composite", [origin.x, origin.y, layer.size.width, layer.size.height, layer.scale])
        layer.withUnsafeBGRABytes { bytes, _ in hasher.combine("pixels", bytes: bytes) }
    }

    func drawText(_ text: String, at point: Point, style: TextStyle, anchor: TextAnchor, rotation: Double) {
        hasher.combine("text", text)
        hasher.combine("at", [point.x, point.y, rotation, style.size])
        hasher.combine("font", "\(style.family) \(style.weight) \(style.italic) \(style.markup) \(anchor.horizontal) \(anchor.vertical)")
        add("color", style.color)
    }

    func measureText(_ text: String, style: TextStyle) -> TextMetrics {
        measuring.measureText(text, style: style)
    }

    private func add(_ label: String, _ color: Color) {
        hasher.combine(label, [color.red, color.green, color.blue, color.alpha])
    }

    private func add(_ label: String, _ path: Path) {
        var values: [Double] = []
        values.reserveCapacity(path.elements.count * 3)
        func add(_ tag: Double, _ points: Point...) {
            values.append(tag)
            for p in points { values.append(p.x); values.append(p.y) }
        }
        for element in path.elements {
            switch element {
            case .move(let p): add(0, p)
            case .line(let p): add(1, p)
            case let .curve(a, b, c): add(2, a, b, c)
            case let .arc(center, radius, start, end, clockwise):
                add(3, center, Point(x: radius, y: clockwise ? 1 : 0), Point(x: start, y: end))
            case .close: add(4)
            }
        }
        hasher.combine(label, values)
    }
}
