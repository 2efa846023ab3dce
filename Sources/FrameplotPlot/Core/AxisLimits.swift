import Foundation

/// The data interval an axis shows: always finite, with `lower < upper`, and both
/// positive on a log scale. Every initialiser repairs bad input instead of failing, so
/// an axis can never be empty or inverted by accident (invert an axis through the
/// pixel range of its ``Scale`` instead).
///
/// ```swift
/// let limits = AxisLimits(lower: 0, upper: 10)
/// let log = AxisLimits(lower: 0, upper: 100, kind: .log10)  // 0.1...100: zero is repaired
/// ```
public struct AxisLimits: Sendable, Hashable {
    /// The smallest value shown.
    public let lower: Double
    /// The largest value shown.
    public let upper: Double

    /// The limits used when there is nothing to show: 0...1 (linear) or 1...10 (log).
    ///
    /// ```swift
    /// AxisLimits.fallback(for: .log10)  // 1...10
    /// ```
    public static func fallback(for kind: ScaleKind) -> AxisLimits {
        switch kind {
        case .linear: return AxisLimits(checkedLower: 0, upper: 1)
        case .log10: return AxisLimits(checkedLower: 1, upper: 10)
        }
    }

    /// Largest magnitude an axis limit may have; beyond it spans overflow to infinity.
    static let maximumMagnitude = 1e300
    /// Smallest span relative to the limits' magnitude; below it ticks cannot be told apart.
    static let minimumRelativeSpan = 1e-12

    /// Limits from two values, repaired where needed: swapped if reversed, widened if
    /// equal or too close to resolve, non-finite values replaced, and non-positive
    /// values raised on a log scale.
    ///
    /// ```swift
    /// AxisLimits(lower: 5, upper: 5)         // 4.75...5.25
    /// AxisLimits(lower: 3, upper: 1)         // 1...3
    /// AxisLimits(lower: .nan, upper: 2)      // 1...2 (one unit below the finite end)
    /// ```
    public init(lower: Double, upper: Double, kind: ScaleKind = .linear) {
        self = AxisLimits.repaired(lower, upper, kind: kind)
    }

    /// Internal fast path for limits already known to be valid.
    init(checkedLower lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    /// The width of the interval in data units.
    ///
    /// ```swift
    /// AxisLimits(lower: 2, upper: 5).span  // 3
    /// ```
    public var span: Double { upper - lower }

    /// Whether `value` lies inside the limits (ends included).
    ///
    /// ```swift
    /// AxisLimits(lower: 0, upper: 1).contains(0.5)  // true
    /// ```
    public func contains(_ value: Double) -> Bool { value >= lower && value <= upper }

    private static func repaired(_ a: Double, _ b: Double, kind: ScaleKind) -> AxisLimits {
        let limit = maximumMagnitude
        func clampFinite(_ v: Double) -> Double? {
            guard !v.isNaN else { return nil }
            return Swift.min(Swift.max(v, -limit), limit)  // ±inf become the largest allowed magnitude
        }
        switch kind {
        case .linear:
            var lo = clampFinite(a), hi = clampFinite(b)
            if lo == nil && hi == nil { return fallback(for: .linear) }
            if lo == nil { lo = hi! - 1 }       // one unit below the finite end
            if hi == nil { hi = lo! + 1 }
            return widenedLinear(Swift.min(lo!, hi!), Swift.max(lo!, hi!))
        case .log10:
            // Work on exponents so the repair is symmetric in decades.
            func exponent(_ v: Double) -> Double? {
                guard !v.isNaN, v > 0 else { return nil }
                return Swift.min(Swift.max(Foundation.log10(v), -300), 300)
            }
            var lo = exponent(a), hi = exponent(b)
            if lo == nil && hi == nil { return fallback(for: .log10) }
            if lo == nil { lo = hi! - 3 }       // a non-positive end: show three decades below
            if hi == nil { hi = lo! + 3 }
            let l = Swift.min(lo!, hi!), h = Swift.max(lo!, hi!)
            // Equal ends: half a decade either side.
            let (el, eh) = h - l < 1e-9 ? (l - 0.5, h + 0.5) : (l, h)
            return AxisLimits(checkedLower: Foundation.pow(10, el), upper: Foundation.pow(10, eh))
        }
    }

    /// Linear limits with `lo <= hi`, widened when the span is zero or unresolvable.
    static func widenedLinear(_ lo: Double, _ hi: Double) -> AxisLimits {
        let magnitude = Swift.max(Swift.abs(lo), Swift.abs(hi))
        let minimumSpan = Swift.max(magnitude * minimumRelativeSpan, 1e-300)
        if hi - lo >= minimumSpan { return AxisLimits(checkedLower: lo, upper: hi) }
        let mid = lo / 2 + hi / 2
        // A lone value: 5 % either side of it (matplotlib's nonsingular rule), or ±1 around zero.
        let half = mid == 0 ? 1 : Swift.max(Swift.abs(mid) * 0.05, minimumSpan)
        return AxisLimits(checkedLower: mid - half, upper: mid + half)
    }
}
