import Foundation

/// Maps data values to colormap fractions in 0...1, linearly or by decades.
///
/// Values the norm cannot place (NaN, and zero or negative values on a log norm) map
/// to `nil`, which colormaps draw in their "bad" colour. Values outside
/// `vmin...vmax` map outside 0...1 (drawn with the colormap's under/over colours)
/// unless `clip` is set.
///
/// ```swift
/// let norm = ColorNorm(kind: .log10, vmin: 0.01, vmax: 100)
/// norm.fraction(1)     // 0.5
/// norm.fraction(-1)    // nil: drawn in the bad colour
/// let auto = ColorNorm.auto(values: loss, kind: .log10)
/// ```
public struct ColorNorm: Sendable, Hashable {
    /// Linear or logarithmic.
    public let kind: ScaleKind
    /// The value range mapped onto 0...1 (valid for `kind`).
    public let limits: AxisLimits
    /// Whether values outside the range are clamped onto 0...1.
    public var clip: Bool

    /// A norm from `vmin` to `vmax`, repaired like ``AxisLimits`` when degenerate.
    public init(kind: ScaleKind = .linear, vmin: Double, vmax: Double, clip: Bool = false) {
        self.init(kind: kind, limits: AxisLimits(lower: vmin, upper: vmax, kind: kind), clip: clip)
    }

    /// A norm over `limits`.
    public init(kind: ScaleKind = .linear, limits: AxisLimits, clip: Bool = false) {
        self.kind = kind
        // Linear limits may hold non-positive values; repair them for a log norm.
        self.limits = kind == .log10 && limits.lower <= 0
            ? AxisLimits(lower: limits.lower, upper: limits.upper, kind: .log10) : limits
        self.clip = clip
        t0 = kind.transform(self.limits.lower) ?? 0
        let t1 = kind.transform(self.limits.upper) ?? 1
        inverseSpan = 1 / (t1 - t0)
    }

    // Straight coordinate of vmin and 1 / span, cached for the per-cell fast path.
    @usableFromInline let t0: Double
    @usableFromInline let inverseSpan: Double

    /// The smallest value shown with the first colour.
    public var vmin: Double { limits.lower }
    /// The largest value shown with the last colour.
    public var vmax: Double { limits.upper }

    /// A norm spanning the finite values of `values` (positive ones for log), with no margin.
    /// Empty or degenerate data gives a valid norm, as ``AxisLimits/auto(values:kind:margin:)``.
    ///
    /// ```swift
    /// ColorNorm.auto(values: [3, 1, .nan, 7]).limits  // 1...7
    /// ```
    public static func auto<S: Sequence>(values: S, kind: ScaleKind = .linear,
                                         clip: Bool = false) -> ColorNorm where S.Element == Double {
        ColorNorm(kind: kind, limits: AxisLimits.auto(values: values, kind: kind, margin: 0), clip: clip)
    }

    /// A linear norm symmetric around `center` (for diverging maps such as
    /// ``Colormap/redBlue``), wide enough for every finite value.
    ///
    /// ```swift
    /// ColorNorm.centered(values: [-0.2, 1.5], at: 0).limits  // -1.5...1.5
    /// ```
    public static func centered<S: Sequence>(values: S, at center: Double = 0) -> ColorNorm where S.Element == Double {
        var radius = 0.0
        for v in values where v.isFinite { radius = Swift.max(radius, Swift.abs(v - center)) }
        return ColorNorm(kind: .linear, vmin: center - radius, vmax: center + radius)
    }

    /// The colormap fraction for `value`: 0 at `vmin`, 1 at `vmax`; `nil` for values the
    /// norm cannot place.
    @inlinable
    public func fraction(_ value: Double) -> Double? {
        guard let t = kind.transform(value) else {
            // Infinities are out of range, not missing (except −∞ on a log norm, which is negative).
            if value == .infinity || (kind == .linear && value == -.infinity) {
                return clip ? (value > 0 ? 1 : 0) : value
            }
            return nil
        }
        let f = (t - t0) * inverseSpan
        return clip ? Swift.min(Swift.max(f, 0), 1) : f
    }

    /// The data value at colormap fraction `t` (for colorbars).
    ///
    /// ```swift
    /// ColorNorm(kind: .log10, vmin: 1, vmax: 100).value(at: 0.5)  // 10
    /// ```
    public func value(at t: Double) -> Double {
        kind.inverse(t0 + t / inverseSpan)
    }
}
