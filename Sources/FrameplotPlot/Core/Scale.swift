import Foundation

/// Maps data values on one axis to pixel positions (layout units) and back.
///
/// The pixel range may run either way: a y axis usually maps `lower` to the bottom of
/// the panel (a larger pixel value) and `upper` to the top.
///
/// ```swift
/// let x = Scale(kind: .linear, limits: AxisLimits(lower: 0, upper: 10), pixelStart: 50, pixelEnd: 550)
/// x.pixel(5)              // 300
/// x.value(atPixel: 300)   // 5
/// let y = Scale(kind: .log10, limits: AxisLimits(lower: 1, upper: 1000, kind: .log10),
///               pixelStart: 400, pixelEnd: 40)
/// y.pixel(10)             // 280
/// y.pixel(0)              // nil: a log scale refuses non-positive values
/// ```
public struct Scale: Sendable, Hashable {
    /// Linear or logarithmic.
    public let kind: ScaleKind
    /// The data interval shown (valid for `kind`).
    public let limits: AxisLimits
    /// The pixel position of `limits.lower`.
    public let pixelStart: Double
    /// The pixel position of `limits.upper`.
    public let pixelEnd: Double

    // Straight coordinates of the limits, cached for speed.
    @usableFromInline let t0: Double
    @usableFromInline let t1: Double

    /// A scale from `limits` (repaired for `kind` if needed) onto `pixelStart...pixelEnd`.
    ///
    /// ```swift
    /// let s = Scale(kind: .linear, limits: AxisLimits(lower: -1, upper: 1), pixelStart: 0, pixelEnd: 200)
    /// ```
    public init(kind: ScaleKind, limits: AxisLimits, pixelStart: Double, pixelEnd: Double) {
        // Limits built for a linear axis may hold non-positive values: repair them for log.
        let valid = kind == .log10 && limits.lower <= 0
            ? AxisLimits(lower: limits.lower, upper: limits.upper, kind: .log10) : limits
        self.kind = kind
        self.limits = valid
        self.pixelStart = pixelStart.isFinite ? pixelStart : 0
        self.pixelEnd = pixelEnd.isFinite ? pixelEnd : 1
        self.t0 = kind.transform(valid.lower) ?? 0
        self.t1 = kind.transform(valid.upper) ?? 1
    }

    /// The axis length in pixels (layout units), always non-negative.
    ///
    /// ```swift
    /// Scale(kind: .linear, limits: AxisLimits(lower: 0, upper: 1), pixelStart: 400, pixelEnd: 40).pixelLength  // 360
    /// ```
    public var pixelLength: Double { Swift.abs(pixelEnd - pixelStart) }

    /// Where `value` sits along the axis as a fraction: 0 at `lower`, 1 at `upper`
    /// (outside 0...1 for values beyond the limits); `nil` when the scale refuses it.
    ///
    /// ```swift
    /// s.fraction(0)  // 0.5 for limits -1...1
    /// ```
    @inlinable
    public func fraction(_ value: Double) -> Double? {
        guard let t = kind.transform(value) else { return nil }
        return (t - t0) / (t1 - t0)
    }

    /// The pixel position of `value`; `nil` for NaN, infinities, and non-positive values
    /// on a log scale (refused on purpose: skip the point or break the line there).
    ///
    /// ```swift
    /// x.pixel(2.5)  // 175 for limits 0...10 on 50...550
    /// ```
    @inlinable
    public func pixel(_ value: Double) -> Double? {
        guard let f = fraction(value) else { return nil }
        return pixelStart + f * (pixelEnd - pixelStart)
    }

    /// The pixel position of `value`, never `nil`: values the scale refuses go one axis
    /// length beyond the lower end (NaN and −∞, non-positive values on a log scale) or
    /// the upper end (+∞), like matplotlib's `nonpositive='clip'`. Use it for lines that
    /// should run off the axes (clipped by the panel) rather than break.
    ///
    /// ```swift
    /// y.pixelClipped(0)  // one axis length below the bottom of a log axis
    /// ```
    public func pixelClipped(_ value: Double) -> Double {
        if let p = pixel(value) {
            // Keep far-away values within a sane drawing range.
            let lo = Swift.min(pixelStart, pixelEnd) - 10 * pixelLength - 1
            let hi = Swift.max(pixelStart, pixelEnd) + 10 * pixelLength + 1
            return Swift.min(Swift.max(p, lo), hi)
        }
        if value == .infinity { return pixelEnd + (pixelEnd - pixelStart) }
        return pixelStart - (pixelEnd - pixelStart)
    }

    /// The data value at pixel position `pixel`: the inverse of ``pixel(_:)``.
    ///
    /// ```swift
    /// x.value(atPixel: 550)  // 10
    /// ```
    public func value(atPixel pixel: Double) -> Double {
        let length = pixelEnd - pixelStart
        let f = length == 0 ? 0 : (pixel - pixelStart) / length
        return kind.inverse(t0 + f * (t1 - t0))
    }

    /// The same scale over other limits (same pixels), e.g. after snapping to ticks.
    ///
    /// ```swift
    /// let wider = x.withLimits(AxisLimits(lower: 0, upper: 20))
    /// ```
    public func withLimits(_ limits: AxisLimits) -> Scale {
        Scale(kind: kind, limits: limits, pixelStart: pixelStart, pixelEnd: pixelEnd)
    }
}
