import CFrameplotCairo
import CFrameplotPango
import Foundation

/// The cairo drawing code of every ``CairoCanvas``.
///
/// Owns one `cairo_t` and one ``TextEngine``. Input that would put cairo into a permanent
/// error state (non-finite transforms, bad dash patterns) is sanitised here, so a bad number
/// spoils at most one mark, never the whole picture.
final class CairoDrawing {
    let cr: OpaquePointer

    /// Created on first text use: canvases that draw no text never touch Pango.
    private var textEngine: TextEngine?

    init(surface: OpaquePointer, operation: String) throws {
        guard let cr = cairo_create(surface) else {
            throw CanvasError.cairo(operation: operation, status: "no drawing context")
        }
        let status = cairo_status(cr)
        if status != CAIRO_STATUS_SUCCESS {
            cairo_destroy(cr)
            throw CanvasError.cairo(operation: operation, status: Self.describe(status))
        }
        self.cr = cr
    }

    deinit { cairo_destroy(cr) }

    static func describe(_ status: cairo_status_t) -> String {
        guard let text = cairo_status_to_string(status) else { return "status \(status.rawValue)" }
        return String(cString: text)
    }

    /// Why text could not be drawn, if Pango failed; reported with the output.
    private var textFailure: CanvasError?

    /// Throws the first failure cairo recorded on this context (or a Pango failure).
    func check(_ operation: String) throws {
        if let textFailure { throw textFailure }
        let status = cairo_status(cr)
        if status != CAIRO_STATUS_SUCCESS {
            throw CanvasError.cairo(operation: operation, status: Self.describe(status))
        }
    }

    func text() -> TextEngine? {
        if let textEngine { return textEngine }
        guard textFailure == nil else { return nil }
        do {
            textEngine = try TextEngine()
        } catch let error as CanvasError {
            textFailure = error
        } catch {
            textFailure = .text("\(error)")
        }
        return textEngine
    }

    // MARK: State

    func withSavedState<T>(_ body: () throws -> T) rethrows -> T {
        cairo_save(cr)
        defer { cairo_restore(cr) }
        return try body()
    }

    func translate(dx: Double, dy: Double) {
        guard dx.isFinite, dy.isFinite else { return }
        cairo_translate(cr, dx, dy)
    }

    func rotate(radians: Double) {
        guard radians.isFinite else { return }
        cairo_rotate(cr, radians)
    }

    func clip(to path: Path) {
        setPath(path)
        cairo_clip(cr)
    }

    // MARK: Paint

    func setColor(_ color: Color) {
        func unit(_ v: Double) -> Double { v.isFinite ? Swift.min(Swift.max(v, 0), 1) : 0 }
        cairo_set_source_rgba(cr, unit(color.red), unit(color.green), unit(color.blue), unit(color.alpha))
    }

    func clear(_ color: Color) {
        cairo_save(cr)
        cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE)
        setColor(color)
        cairo_paint(cr)
        cairo_restore(cr)
    }

    /// Replaces cairo's current path with `path`; elements with non-finite coordinates are
    /// skipped and the next segment starts afresh there.
    func setPath(_ path: Path) {
        cairo_new_path(cr)
        var broken = false
        func ok(_ p: Point) -> Bool { p.x.isFinite && p.y.isFinite }
        for element in path.elements {
            switch element {
            case .move(let p):
                guard ok(p) else { broken = true; continue }
                cairo_move_to(cr, p.x, p.y)
                broken = false
            case .line(let p):
                guard ok(p) else { broken = true; continue }
                if broken { cairo_move_to(cr, p.x, p.y); broken = false } else { cairo_line_to(cr, p.x, p.y) }
            case let .curve(c1, c2, p):
                guard ok(c1), ok(c2), ok(p) else { broken = true; continue }
                if broken { cairo_move_to(cr, p.x, p.y); broken = false } else {
                    cairo_curve_to(cr, c1.x, c1.y, c2.x, c2.y, p.x, p.y)
                }
            case let .arc(center, radius, start, end, clockwise):
                guard ok(center), radius.isFinite, radius >= 0, start.isFinite, end.isFinite else {
                    broken = true; continue
                }
                if broken { cairo_new_sub_path(cr); broken = false }
                if clockwise {
                    cairo_arc(cr, center.x, center.y, radius, start, end)
                } else {
                    cairo_arc_negative(cr, center.x, center.y, radius, start, end)
                }
            case .close:
                if !broken { cairo_close_path(cr) }
            }
        }
    }

    func fill(_ path: Path, color: Color, rule: FillRule) {
        setPath(path)
        setColor(color)
        cairo_set_fill_rule(cr, rule == .evenOdd ? CAIRO_FILL_RULE_EVEN_ODD : CAIRO_FILL_RULE_WINDING)
        cairo_fill(cr)
    }

    func stroke(_ path: Path, style: StrokeStyle) {
        guard style.width.isFinite, style.width > 0 else { cairo_new_path(cr); return }
        setPath(path)
        setColor(style.color)
        cairo_set_line_width(cr, style.width)
        switch style.cap {
        case .butt: cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
        case .round: cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
        case .square: cairo_set_line_cap(cr, CAIRO_LINE_CAP_SQUARE)
        }
        switch style.join {
        case .miter: cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER)
        case .round: cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        case .bevel: cairo_set_line_join(cr, CAIRO_LINE_JOIN_BEVEL)
        }
        // Cairo rejects negative or all-zero dashes with a sticky error: draw those solid instead.
        let dash = style.dash
        let validDash = !dash.isEmpty && dash.allSatisfy { $0.isFinite && $0 >= 0 } && dash.contains { $0 > 0 }
        if validDash {
            let phase = style.dashPhase.isFinite ? style.dashPhase : 0
            dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), phase) }
        } else {
            cairo_set_dash(cr, nil, 0, 0)
        }
        cairo_stroke(cr)
        cairo_set_dash(cr, nil, 0, 0)
    }

    // MARK: Images

    /// A cairo ARGB32 surface holding `image` premultiplied (caller destroys).
    static func makeSurface(_ image: RasterImage) -> OpaquePointer? {
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(image.width), Int32(image.height)),
              cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS,
              let data = cairo_image_surface_get_data(surface)
        else { return nil }
        let stride = Int(cairo_image_surface_get_stride(surface))
        let w = image.width
        guard image.pixels.count >= w * image.height * 4 else { return surface }
        image.pixels.withUnsafeBytes { src in
            guard let base = src.baseAddress else { return }
            // An opaque image only reorders bytes (a loop the compiler vectorises).
            if Self.isOpaque(src) {
                for y in 0..<image.height {
                    let row = UnsafeMutableRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                    let from = base + y * w * 4
                    for x in 0..<w {
                        let word = UInt32(littleEndian: from.loadUnaligned(fromByteOffset: 4 * x, as: UInt32.self))
                        // r, g, b, a in memory -> a r g b in a native word.
                        row[x] = (word & 0xFF00_FF00) | ((word & 0xFF) << 16) | ((word >> 16) & 0xFF)
                    }
                }
                return
            }
            // Runs of one colour (regions, cells scaled up) convert once per run.
            var lastIn: UInt32 = 0, lastOut: UInt32 = 0      // transparent stays transparent
            for y in 0..<image.height {
                let row = UnsafeMutableRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                for x in 0..<w {
                    let i = (y * w + x) * 4
                    let word = src.loadUnaligned(fromByteOffset: i, as: UInt32.self)
                    if word == lastIn { row[x] = lastOut; continue }
                    let a = UInt32(src[i + 3])
                    var r = UInt32(src[i]), g = UInt32(src[i + 1]), b = UInt32(src[i + 2])
                    if a != 255 {
                        r = (r * a + 127) / 255; g = (g * a + 127) / 255; b = (b * a + 127) / 255
                    }
                    lastIn = word
                    lastOut = (a << 24) | (r << 16) | (g << 8) | b
                    row[x] = lastOut
                }
            }
        }
        cairo_surface_mark_dirty(surface)
        return surface
    }

    /// Whether every pixel of straight r, g, b, a bytes has alpha 255.
    static func isOpaque(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var all: UInt32 = 0xFFFF_FFFF
        for k in 0..<(bytes.count / 4) { all &= UInt32(littleEndian: base.loadUnaligned(fromByteOffset: 4 * k, as: UInt32.self)) }
        return all >> 24 == 0xFF
    }

    func draw(_ image: RasterImage, in rect: Rect, interpolation: Interpolation) {
        guard rect.minX.isFinite, rect.minY.isFinite, rect.width.isFinite, rect.height.isFinite,
              rect.width > 0, rect.height > 0,
              let surface = Self.makeSurface(image) else { return }
        defer { cairo_surface_destroy(surface) }
        guard let pattern = cairo_pattern_create_for_surface(surface) else { return }
        defer { cairo_pattern_destroy(pattern) }
        cairo_pattern_set_filter(pattern, interpolation == .nearest ? CAIRO_FILTER_NEAREST : CAIRO_FILTER_BILINEAR)
        // Repeat edge pixels: bilinear sampling must not fade to transparent at the border.
        cairo_pattern_set_extend(pattern, CAIRO_EXTEND_PAD)
        cairo_save(cr)
        cairo_translate(cr, rect.minX, rect.minY)
        cairo_scale(cr, rect.width / Double(image.width), rect.height / Double(image.height))
        cairo_set_source(cr, pattern)
        cairo_new_path(cr)
        cairo_rectangle(cr, 0, 0, Double(image.width), Double(image.height))
        cairo_fill(cr)
        cairo_restore(cr)
    }

    func composite(surface: OpaquePointer, size: Size, at origin: Point) {
        guard origin.x.isFinite, origin.y.isFinite else { return }
        cairo_surface_flush(surface)
        cairo_save(cr)
        cairo_set_source_surface(cr, surface, origin.x, origin.y)
        // Pixels stay pixels: no smoothing of the layer (a PDF/SVG viewer would blur it).
        cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_NEAREST)
        cairo_new_path(cr)
        cairo_rectangle(cr, origin.x, origin.y, size.width, size.height)
        cairo_fill(cr)
        cairo_restore(cr)
    }

    /// Paints a recording surface with its origin at the current origin (its drawing replayed;
    /// a PDF surface emits it once as a form XObject and refers to it wherever it is painted).
    func paint(recording surface: OpaquePointer) {
        cairo_save(cr)
        cairo_set_source_surface(cr, surface, 0, 0)
        cairo_paint(cr)
        cairo_restore(cr)
    }

    // MARK: Text

    func measureText(_ text: String, style: TextStyle) -> TextMetrics {
        guard let engine = self.text() else { return TextMetrics.empty }
        return engine.measure(text, style: style)
    }

    func drawText(_ text: String, at point: Point, style: TextStyle, anchor: TextAnchor, rotation: Double) {
        guard point.x.isFinite, point.y.isFinite, !text.isEmpty, let engine = self.text() else { return }
        cairo_save(cr)
        defer { cairo_restore(cr) }
        cairo_translate(cr, point.x, point.y)
        if rotation.isFinite, rotation != 0 { cairo_rotate(cr, rotation) }
        pango_cairo_update_context(cr, engine.context)
        guard let layout = engine.makeLayout(text, style: style) else { return }
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        let metrics = TextEngine.metrics(of: layout)
        let offset = TextPlacement.offset(of: metrics, anchor: anchor)
        let origin = TextEngine.logicalOrigin(of: layout)
        cairo_new_path(cr)
        cairo_move_to(cr, offset.x - origin.x, offset.y - origin.y)
        setColor(style.color)
        pango_cairo_show_layout(cr, layout)
    }
}

extension TextMetrics {
    static let empty = TextMetrics(logical: Rect(x: 0, y: 0, width: 0, height: 0),
                                   ink: Rect(x: 0, y: 0, width: 0, height: 0), baseline: 0, unknownGlyphs: 0)
}
