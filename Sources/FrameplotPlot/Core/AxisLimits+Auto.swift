import Foundation

extension AxisLimits {
    /// Limits that show all `values` with a margin of `margin` times the data span on
    /// each side (measured in decades on a log scale).
    ///
    /// Never fails and never gives an empty axis: NaN and infinite values are ignored
    /// (and non-positive ones on a log scale); no usable value gives
    /// ``fallback(for:)``; a single value or all-equal values give an interval around
    /// that value (±5 %, or −1...1 around zero; half a decade either side on a log scale).
    ///
    /// ```swift
    /// AxisLimits.auto(values: [1, 3, 6, 8])            // 0.65...8.35
    /// AxisLimits.auto(values: [.nan, .infinity])       // 0...1
    /// AxisLimits.auto(values: [0, 10, 1000], kind: .log10, margin: 0)  // 10...1000
    /// ```
    public static func auto<S: Sequence>(values: S, kind: ScaleKind = .linear,
                                         margin: Double = 0.05) -> AxisLimits where S.Element == Double {
        var lo = Double.infinity, hi = -Double.infinity
        for v in values {
            guard let t = kind.transform(v) else { continue }
            if t < lo { lo = t }
            if t > hi { hi = t }
        }
        guard lo <= hi else { return fallback(for: kind) }
        let m = margin.isFinite ? Swift.max(margin, 0) : 0
        switch kind {
        case .linear:
            // Halves keep the span finite even for values near ±Double.greatestFiniteMagnitude.
            let pad = (hi / 2 - lo / 2) * 2 * m
            let padded = pad.isFinite ? pad : 0
            return AxisLimits(lower: lo - padded, upper: hi + padded, kind: .linear)
        case .log10:
            let pad = (hi - lo) * m
            return AxisLimits(lower: Foundation.pow(10, lo - pad), upper: Foundation.pow(10, hi + pad), kind: .log10)
        }
    }
}
