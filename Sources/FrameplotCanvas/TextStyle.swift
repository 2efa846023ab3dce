/// Font and colour of a piece of text.
///
/// `family` is a Pango family list ("Noto Sans CJK JP, DejaVu Sans"); `size` is in points
/// (layout units). When `markup` is true the text may contain the tags `<i>`, `<b>`,
/// `<sub>`, `<sup>` (Pango markup); otherwise it is drawn literally.
///
/// ```swift
/// let title = TextStyle(size: 14, weight: .bold)
/// canvas.drawText("損失関数値", at: p, style: title, anchor: .center)
/// ```
public struct TextStyle: Sendable, Hashable {
    public enum Weight: Sendable, Hashable { case regular, bold }

    /// The default family: renders Latin and Japanese with one consistent design.
    ///
    /// Noto Sans CJK JP (Debian's fonts-noto-cjk, installed by `scripts/setup.sh`) carries
    /// harmonious Latin, digits and Japanese glyphs drawn as one family, so a label like
    /// "損失関数値 (loss)" has matching weights and x-heights. Pairing DejaVu Sans Latin with a CJK
    /// fallback (or the smaller IPAex Gothic) mixes two designs on one line. DejaVu Sans and the
    /// system sans follow as fallbacks for anything Noto lacks.
    public static let defaultFamily = "Noto Sans CJK JP, DejaVu Sans, sans-serif"

    public var family: String
    public var size: Double
    public var weight: Weight
    public var italic: Bool
    public var color: Color
    public var markup: Bool

    public init(family: String = TextStyle.defaultFamily, size: Double = 10, weight: Weight = .regular,
                italic: Bool = false, color: Color = .black, markup: Bool = false) {
        self.family = family; self.size = size; self.weight = weight
        self.italic = italic; self.color = color; self.markup = markup
    }
}

/// Where the anchor point sits on a text's box.
///
/// `vertical: .baseline` puts the first line's baseline on the anchor point.
public struct TextAnchor: Sendable, Hashable {
    public enum Horizontal: Sendable, Hashable { case left, center, right }
    public enum Vertical: Sendable, Hashable { case top, center, baseline, bottom }
    public var horizontal: Horizontal
    public var vertical: Vertical
    public init(_ horizontal: Horizontal, _ vertical: Vertical) {
        self.horizontal = horizontal; self.vertical = vertical
    }
    public static let center = TextAnchor(.center, .center)
    public static let topLeft = TextAnchor(.left, .top)
    public static let topCenter = TextAnchor(.center, .top)
    public static let bottomCenter = TextAnchor(.center, .bottom)
    public static let centerLeft = TextAnchor(.left, .center)
    public static let centerRight = TextAnchor(.right, .center)
}

/// The measured size of a piece of text before rotation, in layout units.
public struct TextMetrics: Sendable, Hashable {
    /// The logical box (advance width x line height), origin at the box's top-left.
    public var logical: Rect
    /// The ink box (where glyphs actually paint), relative to the logical box's top-left.
    public var ink: Rect
    /// Distance from the top of the logical box to the first baseline.
    public var baseline: Double
    /// Glyphs that no installed font could draw (shown as boxes). Zero for well-supported text.
    public var unknownGlyphs: Int

    public init(logical: Rect, ink: Rect, baseline: Double, unknownGlyphs: Int) {
        self.logical = logical; self.ink = ink; self.baseline = baseline; self.unknownGlyphs = unknownGlyphs
    }
}
