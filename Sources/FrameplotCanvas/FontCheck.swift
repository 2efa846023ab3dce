/// Checks that installed fonts can draw a text, to warn before a figure shows boxes.
///
/// ```swift
/// if let warning = FontCheck.warning(for: "損失関数値") { print(warning) }
/// ```
public enum FontCheck {
    /// The sample used when no text is given: Japanese, Latin, digits and maths symbols.
    public static let sample = "損失関数値 繰り返し回数 Loss ŷ w₀ η 10⁻³ × −"

    /// How many characters of `text` no installed font can draw with `style` (Pango's count).
    public static func missingGlyphs(in text: String = sample, style: TextStyle = TextStyle()) -> Int {
        let recorder = RecordingCanvas(width: 1, height: 1)
        return recorder.measureText(text, style: style).unknownGlyphs
    }

    /// A one-line warning naming the remedy when glyphs are missing, `nil` when all can be drawn.
    public static func warning(for text: String = sample, style: TextStyle = TextStyle()) -> String? {
        let missing = missingGlyphs(in: text, style: style)
        guard missing > 0 else { return nil }
        return "warning: \(missing) character(s) of \"\(text)\" have no glyph in the fonts \"\(style.family)\" "
            + "and will show as boxes; run scripts/setup.sh (installs fonts-noto-cjk) or choose another font family"
    }
}
