import FrameplotCanvas

/// A mark's colour: a fixed ``Color``, or a role of the figure's theme resolved when the
/// mark is drawn, so that the same figure is right in every theme.
///
/// Every `color:` parameter of ``Axes`` takes either. Prefer the roles: each preset theme
/// keeps them at 3:1 or more against its panels (WCAG 2 for graphics), so a mark coloured
/// by role is visible in every theme by construction.
///
/// | Role | Use it for | default | dark |
/// |------|------------|---------|------|
/// | `.ink` | neutral marks: the model's current line, arrows, reference lines, boundaries | near black | near white |
/// | `.accent` | the one thing to look at: current point, marker line, minimiser | red | light red |
/// | `.fit` | a fitted line or curve over points coloured by class | dark grey | light grey |
/// | `.text` | marks that should read like the labels | text colour | text colour |
/// | `.cycle(n)` | the n-th data series or class (the theme's palette) | palette | palette |
/// | `.deemphasized(c)` | deliberately faint guides: raw series under a smoothed one, history trails, contour lines over a heatmap | `c` | `c` |
///
/// ```swift
/// axes.straightLine(slope: a, intercept: b, color: .ink)                 // black, or white on dark
/// axes.scatter(xs: [x], ys: [y], color: .accent)
/// axes.line(xs: steps, ys: raw, color: .deemphasized(.cycle(0)), alpha: 0.3)
/// axes.line(xs: xs, ys: ys, color: Color(hex: 0x1f77b4))                 // a fixed colour still works
/// ```
public struct MarkColor: Sendable, Hashable {
    enum Role: Sendable, Hashable {
        case fixed(Color)
        case cycle(Int)
        case ink, accent, fit, text
    }

    let role: Role
    /// Whether the mark is deliberately faint (exempt from the contrast guarantee; see ``MarkEmphasis``).
    public let isDeemphasized: Bool

    init(_ role: Role, deemphasized: Bool = false) {
        self.role = role
        self.isDeemphasized = deemphasized
    }

    /// The colour in `theme`.
    ///
    /// ```swift
    /// MarkColor.ink.resolved(in: .dark)   // #e6e6e6
    /// ```
    public func resolved(in theme: Theme) -> Color {
        switch role {
        case .fixed(let c): return c
        case .cycle(let i): return theme.palette.color(i)
        case .ink: return theme.colors.ink
        case .accent: return theme.colors.accent
        case .fit: return theme.colors.fit
        case .text: return theme.colors.text
        }
    }

    /// The emphasis a mark drawn in this colour has.
    var emphasis: MarkEmphasis { isDeemphasized ? .deemphasized : .regular }
}

/// Anything a mark can be coloured with: a ``Color`` or a ``MarkColor`` role.
///
/// ```swift
/// func highlight(_ paint: any MarkPaint) { axes.scatter(xs: [1], ys: [2], color: paint) }
/// highlight(.accent)
/// highlight(Color(hex: 0xd62728))
/// ```
public protocol MarkPaint: Sendable {
    /// The paint as a mark colour (a fixed colour or a role).
    var markColor: MarkColor { get }
}

extension MarkColor: MarkPaint {
    public var markColor: MarkColor { self }
}

extension Color: MarkPaint {
    public var markColor: MarkColor { MarkColor(.fixed(self)) }
}

// Colour names usable wherever a paint is expected (`color: .black`).
extension MarkPaint where Self == Color {
    public static var black: Color { Color.black }
    public static var white: Color { Color.white }
    public static var red: Color { Color.red }
    public static var clear: Color { Color.clear }
}

extension MarkPaint where Self == MarkColor {
    /// Neutral marks: near black on light themes, near white on dark ones.
    public static var ink: MarkColor { MarkColor(.ink) }
    /// The highlight: the current point, a marker line, a minimiser.
    public static var accent: MarkColor { MarkColor(.accent) }
    /// A fitted line or model curve over class-coloured points.
    public static var fit: MarkColor { MarkColor(.fit) }
    /// The theme's text colour.
    public static var text: MarkColor { MarkColor(.text) }
    /// The `index`-th colour of the theme's palette (cycled).
    public static func cycle(_ index: Int) -> MarkColor { MarkColor(.cycle(index)) }
    /// A fixed colour.
    public static func fixed(_ color: Color) -> MarkColor { MarkColor(.fixed(color)) }
    /// `paint`, marking the mark as deliberately faint: drawn exactly as `paint`, but exempt
    /// from the contrast guarantee (raw series under a smoothed curve, past positions,
    /// contour lines repeating a heatmap).
    public static func deemphasized(_ paint: any MarkPaint) -> MarkColor {
        MarkColor(paint.markColor.role, deemphasized: true)
    }
}

/// How much a mark must stand out from what is under it.
///
/// ``ContrastAudit`` holds `.regular` marks to 3:1 against the pixels under them (WCAG 2
/// for graphics) and skips the others.
public enum MarkEmphasis: Sendable, Hashable {
    /// Data and annotations that carry meaning: lines, points, boundaries, text.
    case regular
    /// Deliberately faint guides (the raw series under a smoothed curve, history trails,
    /// contour lines over a heatmap of the same field).
    case deemphasized
    /// Areas other marks sit on: heatmaps, decision regions, spans, filled contours, caption panels.
    case backdrop
}
