import CFrameplotCairo
import CFrameplotPango
import Foundation

/// Font options every canvas uses, so text looks and measures the same everywhere:
/// unhinted metrics (layout does not depend on the device scale), slight outline hinting,
/// default antialiasing.
func makeDeterministicFontOptions() -> OpaquePointer? {
    guard let options = cairo_font_options_create() else { return nil }
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_SLIGHT)
    cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_DEFAULT)
    cairo_font_options_set_subpixel_order(options, CAIRO_SUBPIXEL_ORDER_DEFAULT)
    return options
}

/// Pango text layout for one canvas: its own context, font descriptions cached by style.
///
/// Not thread-safe; owned by exactly one canvas.
final class TextEngine {
    /// Pango units per layout unit.
    static let pangoScale = Double(PANGO_SCALE)

    private let fontMap: OpaquePointer
    let context: OpaquePointer
    private var descriptions: [FontKey: OpaquePointer] = [:]

    private struct FontKey: Hashable {
        var family: String
        var size: Double
        var weight: TextStyle.Weight
        var italic: Bool
    }

    init() throws {
        guard let fontMap = FontMapPool.shared.checkOut() else {
            throw CanvasError.text("Pango could not create a font map")
        }
        guard let context = pango_font_map_create_context(fontMap) else {
            FontMapPool.shared.checkIn(fontMap)
            throw CanvasError.text("Pango could not create a context")
        }
        self.fontMap = fontMap
        self.context = context
        if let options = makeDeterministicFontOptions() {
            pango_cairo_context_set_font_options(context, options)
            cairo_font_options_destroy(options)
        }
        // Fractional glyph positions: the same layout at every device scale.
        pango_context_set_round_glyph_positions(context, 0)
        // Japanese users: pick Japanese glyph forms for Han characters, independent of the locale.
        pango_context_set_language(context, pango_language_from_string("ja"))
        pango_context_set_base_dir(context, PANGO_DIRECTION_LTR)
    }

    /// Whether Frameplot's own Pango declarations (CFrameplotPango) agree with the installed
    /// library: a layout is made and measured through them.
    static func declarationsMatchInstalledPango() -> Bool { frameplot_pango_check_abi() == 0 }

    deinit {
        for description in descriptions.values { pango_font_description_free(description) }
        g_object_unref(UnsafeMutableRawPointer(context))
        FontMapPool.shared.checkIn(fontMap)
    }

    /// The font size actually used: finite and within 0.1...10000 layout units.
    static func effectiveSize(_ size: Double) -> Double {
        guard size.isFinite else { return 10 }
        return Swift.min(Swift.max(size, 0.1), 10_000)
    }

    private func description(for style: TextStyle) -> OpaquePointer? {
        let key = FontKey(family: style.family, size: Self.effectiveSize(style.size),
                          weight: style.weight, italic: style.italic)
        if let cached = descriptions[key] { return cached }
        guard let description = pango_font_description_new() else { return nil }
        pango_font_description_set_family(description, key.family.isEmpty ? TextStyle.defaultFamily : key.family)
        // Absolute size: one point is one layout unit whatever the resolution.
        pango_font_description_set_absolute_size(description, key.size * Self.pangoScale)
        pango_font_description_set_weight(description, key.weight == .bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_style(description, key.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        descriptions[key] = description
        return description
    }

    /// A new layout of `text` (caller unrefs). Markup that does not parse is shown literally.
    func makeLayout(_ text: String, style: TextStyle) -> OpaquePointer? {
        guard let layout = pango_layout_new(context) else { return nil }
        if let description = description(for: style) {
            pango_layout_set_font_description(layout, description)
        }
        if style.markup {
            let markup = Self.deepenSubscripts(text, size: Self.effectiveSize(style.size))
            var attributes: OpaquePointer?
            var plain: UnsafeMutablePointer<CChar>?
            var error: OpaquePointer?
            if pango_parse_markup(markup, -1, 0, &attributes, &plain, nil, &error) != 0, let plain {
                pango_layout_set_text(layout, plain, -1)
                pango_layout_set_attributes(layout, attributes)
            } else {
                pango_layout_set_text(layout, text, -1)
            }
            if let attributes { pango_attr_list_unref(attributes) }
            if let plain { g_free(plain) }
            if let error { g_error_free(error) }
        } else {
            pango_layout_set_text(layout, text, -1)
        }
        return layout
    }

    /// Pango's own `<sub>` lowers by the font's subscript offset, which is shallow in Noto Sans CJK
    /// (about 0.07 em) and reads as a misplaced digit; matplotlib-like maths labels drop about twice that.
    /// Adds a `rise` of 0.08 em inside every `<sub>` (same nesting, so valid markup stays valid).
    static func deepenSubscripts(_ markup: String, size: Double) -> String {
        guard markup.contains("<sub>") else { return markup }
        let rise = Int((-0.08 * size * pangoScale).rounded())
        return markup.replacingOccurrences(of: "<sub>", with: "<sub><span rise=\"\(rise)\">")
            .replacingOccurrences(of: "</sub>", with: "</span></sub>")
    }

    /// Metrics of a laid-out text in layout units.
    static func metrics(of layout: OpaquePointer) -> TextMetrics {
        var ink = PangoRectangle(), logical = PangoRectangle()
        pango_layout_get_extents(layout, &ink, &logical)
        let s = pangoScale
        let baseline = Double(pango_layout_get_baseline(layout))
        return TextMetrics(
            logical: Rect(x: 0, y: 0, width: Double(logical.width) / s, height: Double(logical.height) / s),
            ink: Rect(x: Double(ink.x - logical.x) / s, y: Double(ink.y - logical.y) / s,
                      width: Double(ink.width) / s, height: Double(ink.height) / s),
            baseline: (baseline - Double(logical.y)) / s,
            unknownGlyphs: Int(pango_layout_get_unknown_glyphs_count(layout)))
    }

    /// The logical box's top-left relative to the layout origin, in layout units.
    static func logicalOrigin(of layout: OpaquePointer) -> Point {
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, nil, &logical)
        return Point(x: Double(logical.x) / pangoScale, y: Double(logical.y) / pangoScale)
    }

    /// Measures `text` unrotated, independent of any drawing transform.
    func measure(_ text: String, style: TextStyle) -> TextMetrics {
        pango_context_set_matrix(context, nil)
        guard let layout = makeLayout(text, style: style) else {
            return TextMetrics(logical: Rect(x: 0, y: 0, width: 0, height: 0),
                               ink: Rect(x: 0, y: 0, width: 0, height: 0), baseline: 0, unknownGlyphs: 0)
        }
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        return Self.metrics(of: layout)
    }
}
