import Foundation
import FrameplotCanvas

/// WCAG 2 contrast between colours, with alpha compositing.
///
/// WCAG 2.x asks for at least 3:1 between a graphical object that carries meaning
/// (a data line, a marker, a boundary) and what surrounds it, and 4.5:1 for body text.
/// Every theme preset keeps its marks at 3:1 or more by construction; ``ContrastAudit``
/// checks a rendered figure.
///
/// ```swift
/// Color(hex: 0x222222).contrastRatio(against: Color(hex: 0x262626))   // 1.05: invisible
/// Color(hex: 0xd62728).contrastRatio(against: .white)                 // 4.5
/// Color(hex: 0xE69F00).ensuringContrast(3, against: .white)           // a darker orange, 3:1
/// ```
extension Color {
    /// The WCAG 2 minimum for graphical objects and large text.
    public static let minimumGraphicsContrast = 3.0

    /// WCAG 2 relative luminance of the colour's RGB (alpha ignored): 0 for black, 1 for white.
    public var relativeLuminance: Double {
        func linear(_ c: Double) -> Double {
            let v = Swift.min(1, Swift.max(0, c))
            return v <= 0.04045 ? v / 12.92 : Foundation.pow((v + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// This colour painted over `background` (straight alpha, "source over"); opaque when the
    /// background is.
    ///
    /// ```swift
    /// Color.black.withAlpha(0.5).composited(over: .white)   // mid grey
    /// ```
    public func composited(over background: Color) -> Color {
        let a = Swift.min(1, Swift.max(0, alpha)), b = Swift.min(1, Swift.max(0, background.alpha))
        let out = a + b * (1 - a)
        guard out > 0 else { return .clear }
        func mix(_ s: Double, _ d: Double) -> Double { (s * a + d * b * (1 - a)) / out }
        return Color(red: mix(red, background.red), green: mix(green, background.green),
                     blue: mix(blue, background.blue), alpha: out)
    }

    /// The WCAG 2 contrast ratio (1...21) between this colour, painted over `background` at
    /// its alpha, and the background. A translucent background is first painted over white.
    public func contrastRatio(against background: Color) -> Double {
        let base = background.alpha < 1 ? background.composited(over: .white) : background
        return Color.contrastRatio(composited(over: base).relativeLuminance, base.relativeLuminance)
    }

    /// The WCAG 2 contrast ratio between two relative luminances, larger over smaller.
    public static func contrastRatio(_ a: Double, _ b: Double) -> Double {
        (Swift.max(a, b) + 0.05) / (Swift.min(a, b) + 0.05)
    }

    /// The colour closest to this one (mixed towards black on a light background, towards
    /// white on a dark one) whose contrast against `background` is at least `minimum`;
    /// unchanged when it already is. Alpha is kept and counted.
    ///
    /// ```swift
    /// Color(hex: 0x0072B2).ensuringContrast(3, against: Color(hex: 0x262626))  // a lighter blue
    /// ```
    public func ensuringContrast(_ minimum: Double, against background: Color) -> Color {
        guard contrastRatio(against: background) < minimum else { return self }
        let base = background.alpha < 1 ? background.composited(over: .white) : background
        // Whichever extreme contrasts more with the background is the direction to go.
        let target: Color = Color.black.contrastRatio(against: base) >= Color.white.contrastRatio(against: base) ? .black : .white
        var lo = 0.0, hi = 1.0
        for _ in 0..<30 {
            let mid = (lo + hi) / 2
            if mixed(with: target.withAlpha(alpha), mid).contrastRatio(against: base) >= minimum { hi = mid } else { lo = mid }
        }
        return mixed(with: target.withAlpha(alpha), hi)
    }
}
