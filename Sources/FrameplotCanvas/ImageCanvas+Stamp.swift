import CFrameplotCairo
import Foundation

/// One small shape drawn many times, such as the markers of a dense scatter plot.
///
/// Painted by ``ImageCanvas/stamp(_:at:colors:)``: the shape is rasterised once per eighth-pixel
/// offset (64 coverage masks per layer), then each copy is blended from the mask nearest its
/// exact position, so a million markers cost a million small blends instead of a million
/// cairo fills. Copies land within 1/16 device pixel of where drawing each one would put them.
///
/// ```swift
/// // Filled in each point's colour, with a white edge.
/// let dot = Stamp(path: .circle(center: .zero, radius: 2),
///                 layers: [Stamp.Layer(paint: .fill),
///                          Stamp.Layer(paint: .stroke(StrokeStyle(color: .white, width: 0.6)), color: .white)])
/// canvas.stamp(dot, at: points, colors: [.blue])
/// ```
public struct Stamp: Sendable, Hashable {
    /// How a layer paints the outline.
    public enum Paint: Sendable, Hashable {
        /// Filled with the layer's colour.
        case fill
        /// Stroked with `style` (whose colour is ignored when the layer takes each copy's colour).
        case stroke(StrokeStyle)
    }

    /// One paint of the outline; layers are painted in order for each copy.
    public struct Layer: Sendable, Hashable {
        public var paint: Paint
        /// The layer's colour; `nil` paints each copy in its own colour.
        public var color: Color?

        public init(paint: Paint, color: Color? = nil) {
            self.paint = paint; self.color = color
        }
    }

    /// The outline, centred on (0, 0), in layout units.
    public var path: Path
    public var layers: [Layer]

    public init(path: Path, layers: [Layer]) {
        self.path = path; self.layers = layers
    }
}

extension ImageCanvas {
    /// Paints `stamp` centred on each of `points` (layout units, in the current transform),
    /// in order, with the current clip. `colors` holds one colour per point or one for all;
    /// points without a colour are skipped.
    ///
    /// Looks like drawing every copy with ``fill(_:color:rule:)`` and ``stroke(_:style:)``
    /// (same blending, same clip), with positions rounded to an eighth of a device pixel. Where
    /// a clip edge cuts a pixel it applies once to all the copies there. Under a rotation or
    /// scaling transform every copy is drawn exactly instead.
    public func stamp(_ stamp: Stamp, at points: [Point], colors: [Color]) {
        guard !points.isEmpty, !colors.isEmpty, !stamp.layers.isEmpty else { return }
        var matrix = cairo_matrix_t()
        cairo_get_matrix(drawing.cr, &matrix)
        let translationOnly = matrix.xx == 1 && matrix.yy == 1 && matrix.xy == 0 && matrix.yx == 0
        guard translationOnly, let masks = StampMasks(stamp, scale: scale),
              let layer = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(pixelWidth), Int32(pixelHeight))
        else { return drawEachCopy(stamp, at: points, colors: colors) }
        defer { cairo_surface_destroy(layer) }
        guard cairo_surface_status(layer) == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(layer) else {
            return drawEachCopy(stamp, at: points, colors: colors)
        }
        let stride = Int(cairo_image_surface_get_stride(layer)) / 4
        let pixels = UnsafeMutableRawPointer(data).bindMemory(to: UInt32.self, capacity: stride * pixelHeight)
        let fixed = stamp.layers.map { $0.color.map(StampMasks.premultiplied) }
        var lastColor: Color?, lastPixel: UInt32 = 0
        for (index, point) in points.enumerated() {
            let color = colors.count == points.count ? colors[index] : colors[0]
            // Device position: translation, then the device scale.
            let x = (point.x + matrix.x0) * scale, y = (point.y + matrix.y0) * scale
            guard x.isFinite, y.isFinite, abs(x) < 1e9, abs(y) < 1e9 else { continue }
            if color != lastColor { lastColor = color; lastPixel = StampMasks.premultiplied(color) }
            for (l, mask) in masks.layers.enumerated() {
                masks.blend(mask, atX: x, y: y, color: fixed[l] ?? lastPixel,
                            into: pixels, stride: stride, width: pixelWidth, height: pixelHeight)
            }
        }
        cairo_surface_mark_dirty(layer)
        cairo_surface_set_device_scale(layer, scale, scale)
        // The layer has the canvas's pixel grid: paint it in device space, through the clip.
        cairo_save(drawing.cr)
        cairo_identity_matrix(drawing.cr)
        cairo_set_source_surface(drawing.cr, layer, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(drawing.cr), CAIRO_FILTER_NEAREST)
        cairo_paint(drawing.cr)
        cairo_restore(drawing.cr)
    }

    /// Draws every copy with fills and strokes (the exact, slow path).
    private func drawEachCopy(_ stamp: Stamp, at points: [Point], colors: [Color]) {
        for (index, point) in points.enumerated() {
            let color = colors.count == points.count ? colors[index] : colors[0]
            withSavedState {
                translate(dx: point.x, dy: point.y)
                for layer in stamp.layers {
                    switch layer.paint {
                    case .fill: fill(stamp.path, color: layer.color ?? color)
                    case .stroke(var style):
                        style.color = layer.color ?? color
                        stroke(stamp.path, style: style)
                    }
                }
            }
        }
    }
}

/// Coverage masks of a stamp's layers at 8 × 8 eighth-pixel offsets.
struct StampMasks {
    /// One layer: 64 masks of `width` x `height` coverage bytes; the shape's centre at offset
    /// (qx, qy) / 8 lies at pixel (`originX` + qx / 8, `originY` + qy / 8) of mask qy * 8 + qx.
    struct Layer {
        var masks: [[UInt8]]
    }

    static let phaseBits = 3
    static let phases = 1 << phaseBits
    let width: Int, height: Int, originX: Int, originY: Int
    let layers: [Layer]

    init?(_ stamp: Stamp, scale: Double) {
        // Bounds of the outline (control points enclose curves), widened by the widest stroke.
        var reach = 0.0
        for element in stamp.path.elements {
            switch element {
            case .move(let p), .line(let p): reach = Swift.max(reach, abs(p.x), abs(p.y))
            case let .curve(a, b, p): reach = Swift.max(reach, abs(a.x), abs(a.y), abs(b.x), abs(b.y), abs(p.x), abs(p.y))
            case let .arc(center, radius, _, _, _):
                reach = Swift.max(reach, abs(center.x) + radius, abs(center.y) + radius)
            case .close: break
            }
        }
        for layer in stamp.layers {
            if case .stroke(let style) = layer.paint, style.width.isFinite {
                // Miter joins can reach further than half the width: allow the default limit (10).
                reach += Swift.max(0, style.width) * (style.join == .miter ? 5 : 0.5)
            }
        }
        guard reach.isFinite, reach * scale < 64 else { return nil }   // big shapes: draw exactly
        let half = Int((reach * scale).rounded(.up)) + 2
        width = 2 * half + 1; height = width; originX = half; originY = half
        var layers: [Layer] = []
        for layer in stamp.layers {
            var masks: [[UInt8]] = []
            for qy in 0..<Self.phases {
                for qx in 0..<Self.phases {
                    guard let mask = Self.render(stamp.path, paint: layer.paint, size: width,
                                                 origin: Point(x: Double(half) + Double(qx) / Double(Self.phases),
                                                               y: Double(half) + Double(qy) / Double(Self.phases)),
                                                 scale: scale) else { return nil }
                    masks.append(mask)
                }
            }
            layers.append(Layer(masks: masks))
        }
        self.layers = layers
    }

    /// The coverage of `paint` of `path` centred on `origin` (device pixels) of a square A8 image.
    private static func render(_ path: Path, paint: Stamp.Paint, size: Int, origin: Point, scale: Double) -> [UInt8]? {
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_A8, Int32(size), Int32(size)) else { return nil }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS,
              let drawing = try? CairoDrawing(surface: surface, operation: "draw a stamp") else { return nil }
        cairo_translate(drawing.cr, origin.x, origin.y)
        cairo_scale(drawing.cr, scale, scale)
        switch paint {
        case .fill: drawing.fill(path, color: .black, rule: .winding)
        case .stroke(var style):
            style.color = .black
            drawing.stroke(path, style: style)
        }
        cairo_surface_flush(surface)
        guard (try? drawing.check("draw a stamp")) != nil, let data = cairo_image_surface_get_data(surface) else { return nil }
        let stride = Int(cairo_image_surface_get_stride(surface))
        var mask = [UInt8](repeating: 0, count: size * size)
        for y in 0..<size {
            for x in 0..<size { mask[y * size + x] = data[y * stride + x] }
        }
        return mask
    }

    /// `color` as a premultiplied native ARGB32 pixel (cairo's rounding).
    static func premultiplied(_ color: Color) -> UInt32 {
        func unit(_ v: Double) -> Double { v.isFinite ? Swift.min(Swift.max(v, 0), 1) : 0 }
        let a = unit(color.alpha)
        func channel(_ v: Double) -> UInt32 { UInt32((unit(v) * a * 255).rounded()) }
        return UInt32((a * 255).rounded()) << 24 | channel(color.red) << 16 | channel(color.green) << 8 | channel(color.blue)
    }

    /// Blends one copy of `layer` in `color` (premultiplied) centred at device (`x`, `y`).
    func blend(_ layer: Layer, atX x: Double, y: Double, color: UInt32,
               into pixels: UnsafeMutablePointer<UInt32>, stride: Int, width imageWidth: Int, height imageHeight: Int) {
        guard color >> 24 != 0 else { return }
        // The nearest phase; the mask's centre pixel takes the whole part.
        let n = Self.phases
        let qxn = Int((x * Double(n)).rounded()), qyn = Int((y * Double(n)).rounded())
        let qx = qxn & (n - 1), qy = qyn & (n - 1)
        let left = (qxn >> Self.phaseBits) - originX, top = (qyn >> Self.phaseBits) - originY
        let x0 = Swift.max(0, -left), x1 = Swift.min(width, imageWidth - left)
        let y0 = Swift.max(0, -top), y1 = Swift.min(height, imageHeight - top)
        guard x0 < x1, y0 < y1 else { return }
        let sa = color >> 24, sr = (color >> 16) & 0xff, sg = (color >> 8) & 0xff, sb = color & 0xff
        layer.masks[qy * Self.phases + qx].withUnsafeBufferPointer { mask in
            for my in y0..<y1 {
                let row = pixels + (top + my) * stride + left
                for mx in x0..<x1 {
                    let c = UInt32(mask[my * width + mx])
                    guard c != 0 else { continue }
                    let a = Self.scaled(sa, c)
                    let d = row[mx], keep = 255 - a
                    let oa = a + Self.scaled(d >> 24, keep)
                    let or = Self.scaled(sr, c) + Self.scaled((d >> 16) & 0xff, keep)
                    let og = Self.scaled(sg, c) + Self.scaled((d >> 8) & 0xff, keep)
                    let ob = Self.scaled(sb, c) + Self.scaled(d & 0xff, keep)
                    row[mx] = oa << 24 | or << 16 | og << 8 | ob
                }
            }
        }
    }

    /// `value * factor / 255`, rounded (pixman's 8-bit multiply).
    @inline(__always) static func scaled(_ value: UInt32, _ factor: UInt32) -> UInt32 {
        let t = value * factor + 0x80
        return (t + (t >> 8)) >> 8
    }
}
