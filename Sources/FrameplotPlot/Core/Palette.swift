import FrameplotCanvas

/// A qualitative palette: distinct colours for classes and series, cycled by index.
///
/// The default, ``classes``, is Okabe & Ito's colour-blind-safe set ordered like
/// matplotlib's tab10 (blue, orange, green, red…), so figures look familiar to
/// matplotlib users yet stay distinguishable with any common colour-vision deficiency.
/// tab10's own red/green and green/orange pairs are hard to tell apart for about 1 in
/// 12 men, and decision-region plots rely on exactly those first classes.
///
/// ```swift
/// let palette = Palette.classes
/// palette.color(0)   // blue #0072B2
/// palette.color(9)   // cycles: palette.color(1)
/// ```
public struct Palette: Sendable, Hashable {
    /// A short name ("okabe-ito", "tab10").
    public let name: String
    /// The colours in order (at least one).
    public let colors: [Color]

    public init(name: String, colors: [Color]) {
        self.name = name
        self.colors = colors.isEmpty ? [.black] : colors
    }

    /// The colour for class or series `index`, cycling; negative indices count from the end.
    public func color(_ index: Int) -> Color {
        let n = colors.count
        return colors[((index % n) + n) % n]
    }

    /// Okabe & Ito (2008), "Color Universal Design", ordered like tab10; yellow last
    /// because it is faint on white.
    public static let okabeIto = Palette(name: "okabe-ito", colors: [
        Color(hex: 0x0072B2),  // blue
        Color(hex: 0xE69F00),  // orange
        Color(hex: 0x009E73),  // bluish green
        Color(hex: 0xD55E00),  // vermillion
        Color(hex: 0xCC79A7),  // reddish purple
        Color(hex: 0x56B4E9),  // sky blue
        Color(hex: 0x000000),  // black
        Color(hex: 0xF0E442),  // yellow
    ])

    /// matplotlib's default colour cycle ("tab10", from Tableau), for exact look-alikes.
    public static let tab10 = Palette(name: "tab10", colors: [
        0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd,
        0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf,
    ].map { Color(hex: $0) })

    /// The default for classes and series: ``okabeIto``.
    public static let classes = okabeIto

    /// The same palette with every colour moved just far enough towards black (on a light
    /// `background`) or white (on a dark one) to reach `minimum` contrast against it; colours
    /// that already do are unchanged. The theme presets build their palettes this way.
    ///
    /// ```swift
    /// let onWhite = Palette.okabeIto.ensuringContrast(3, against: .white)   // darker orange and yellow
    /// ```
    public func ensuringContrast(_ minimum: Double, against background: Color) -> Palette {
        let adjusted = colors.map { $0.ensuringContrast(minimum, against: background) }
        return adjusted == colors ? self : Palette(name: name + "-contrast", colors: adjusted)
    }

    /// Eight more hues for plots with more classes than ``okabeIto`` has colours (after
    /// its eight): brown, purple, grey, olive, cyan, red, green and dark violet, from tab10
    /// and ColorBrewer's Paired, chosen to stay apart from the first eight.
    public static let moreClasses: [Color] = [
        0x8C564B, 0x9467BD, 0x7F7F7F, 0xBCBD22, 0x17BECF, 0xD62728, 0x2CA02C, 0x6A3D9A,
    ].map { Color(hex: $0) }

    /// This palette followed by ``moreClasses``, each moved just far enough to reach
    /// `minimum` contrast against `background`, so `count` classes get distinct colours
    /// where possible (up to 16) and every one stays visible in any theme. A palette that
    /// already has `count` colours is returned as it is.
    ///
    /// ```swift
    /// Theme.default.palette.extended(to: 12, contrast: 3, against: .white).colors.count  // 16
    /// ```
    public func extended(to count: Int, contrast minimum: Double, against background: Color) -> Palette {
        guard count > colors.count else { return self }
        let extra = Palette.moreClasses.filter { !colors.contains($0) }.map { $0.ensuringContrast(minimum, against: background) }
        return Palette(name: name + "-extended", colors: colors + extra)
    }

    /// A palette by name ("okabe-ito", "tab10"), case-insensitive; `nil` if unknown.
    public static func named(_ name: String) -> Palette? {
        switch name.lowercased() {
        case "okabe-ito", "okabeito", "okabe_ito", "default", "classes": return .okabeIto
        case "tab10": return .tab10
        default: return nil
        }
    }
}
