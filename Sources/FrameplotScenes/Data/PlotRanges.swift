
/// Data ranges with a margin, for panels whose limits must not move between frames.
///
/// ```swift
/// PlotRanges.padded([1, 3, 6, 8])   // 0.44...8.56
/// ```
enum PlotRanges {
    /// Ranges of equal span around both data sets' centres, so an equal-aspect panel is square.
    static func square(_ xs: [Double], _ ys: [Double]) -> (ClosedRange<Double>, ClosedRange<Double>) {
        let x = padded(xs), y = padded(ys)
        let span = Swift.max(x.upperBound - x.lowerBound, y.upperBound - y.lowerBound) / 2
        let cx = (x.lowerBound + x.upperBound) / 2, cy = (y.lowerBound + y.upperBound) / 2
        return ((cx - span)...(cx + span), (cy - span)...(cy + span))
    }

    /// The range of the finite values widened by `fraction` of their span on each side (by a
    /// tenth of their size, at least 1, when they are all equal).
    static func padded(_ values: [Double], fraction: Double = 0.08) -> ClosedRange<Double> {
        var lo = Double.infinity, hi = -Double.infinity
        for v in values where v.isFinite { lo = Swift.min(lo, v); hi = Swift.max(hi, v) }
        guard lo <= hi else { return -1...1 }
        let pad = hi > lo ? (hi - lo) * fraction : Swift.max(abs(lo) * 0.1, 1)
        return (lo - pad)...(hi + pad)
    }
}
