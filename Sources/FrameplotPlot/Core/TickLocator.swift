import Foundation

/// Chooses tick positions: nice steps of 1, 2, 2.5 or 5 × 10^k on linear axes (like
/// matplotlib's MaxNLocator/AutoLocator) and decades on log axes.
///
/// `maxIntervals` bounds the number of major intervals, so an axis gets at most
/// `maxIntervals + 1` major ticks, and at least `minimumTicks` (normally two; three when a
/// single interval cannot hold two).
///
/// ```swift
/// let locator = TickLocator(maxIntervals: 6)
/// locator.majorTicks(in: AxisLimits(lower: 0, upper: 1))   // [0, 0.2, 0.4, 0.6, 0.8, 1]
/// locator.expandedLimits(AxisLimits(lower: 0.13, upper: 0.87))  // 0...1
/// ```
public struct TickLocator: Sendable, Hashable {
    /// The most major intervals wanted (at least 1).
    public let maxIntervals: Int
    /// Whether ticks may fall on whole numbers only (an axis of steps, epochs, counts):
    /// the step is then 1, 2, 5, 10, 20, 25, … never 0.5 or 2.5.
    public var integers: Bool
    /// The fewest major ticks the step is made finer for: 2 normally, 1 as the last resort of
    /// an axis too short for two labels (one labelled tick then beats colliding labels).
    public var minimumTicks: Int

    public init(maxIntervals: Int, integers: Bool = false, minimumTicks: Int = 2) {
        self.maxIntervals = Swift.max(1, Swift.min(maxIntervals, 50))
        self.integers = integers
        self.minimumTicks = Swift.max(1, Swift.min(minimumTicks, 2))
    }

    /// A locator whose tick count suits an axis `length` points long with labels of
    /// `fontSize` points: one interval per 3 font sizes across (x) or 2 up (y), 1 to 9
    /// intervals, as matplotlib's `nbins='auto'`.
    ///
    /// ```swift
    /// TickLocator.fitting(length: 500, fontSize: 10, orientation: .horizontal).maxIntervals  // 9
    /// ```
    public static func fitting(length: Double, fontSize: Double, orientation: AxisOrientation) -> TickLocator {
        let room = Swift.max(fontSize, 1) * orientation.emsPerTick
        let n = length.isFinite ? Int(floor(Swift.max(length, 0) / room)) : 1
        return TickLocator(maxIntervals: Swift.max(1, Swift.min(9, n)))
    }

    /// The nice step for `limits`: the smallest one giving at most `maxIntervals`
    /// intervals, made finer while fewer than `minimumTicks` ticks would fall inside.
    ///
    /// ```swift
    /// TickLocator(maxIntervals: 4).step(for: AxisLimits(lower: 0, upper: 10)).value  // 2.5
    /// ```
    public func step(for limits: AxisLimits) -> NiceStep {
        var step = NiceStep.atLeast(limits.span / Double(maxIntervals))
        if integers { step = step.wholeOrLarger }
        for _ in 0..<8 where tickIndices(limits, step).count < minimumTicks {
            let smaller = step.smaller
            if integers && !smaller.isWhole { break }
            step = smaller
        }
        return step
    }

    /// Major tick values inside `limits` on a linear axis, in increasing order.
    ///
    /// ```swift
    /// TickLocator(maxIntervals: 4).majorTicks(in: AxisLimits(lower: -1, upper: 1))  // [-1, -0.5, 0, 0.5, 1]
    /// ```
    public func majorTicks(in limits: AxisLimits) -> [Double] {
        ticks(in: limits, step: step(for: limits))
    }

    /// The multiples of `step` inside `limits` (values within a rounding tolerance of an
    /// end are kept and pinned to it).
    func ticks(in limits: AxisLimits, step: NiceStep) -> [Double] {
        tickIndices(limits, step).map { k in
            Swift.min(Swift.max(step.multiple(k), limits.lower), limits.upper)
        }
    }

    private func tickIndices(_ limits: AxisLimits, _ step: NiceStep) -> ClosedRange<Int>.SubSequence {
        let s = step.value
        let first = (limits.lower / s - 1e-9).rounded(.up)
        let last = (limits.upper / s + 1e-9).rounded(.down)
        // Bounded: never more than a few hundred ticks whatever the input.
        guard first.isFinite, last.isFinite, first <= last, last - first < 1000,
              Swift.abs(first) < 1e15, Swift.abs(last) < 1e15 else { return (0...0).dropFirst() }
        return (Int(first)...Int(last))[...]
    }

    /// `limits` widened outwards to the nearest major ticks, for axes that should start
    /// and end on a labelled tick (matplotlib's `axes.autolimit_mode: round_numbers`).
    ///
    /// ```swift
    /// TickLocator(maxIntervals: 5).expandedLimits(AxisLimits(lower: 0.3, upper: 9.2))  // 0...10
    /// TickLocator(maxIntervals: 5).expandedLimits(AxisLimits(lower: 2, upper: 300, kind: .log10), kind: .log10)  // 1...1000
    /// ```
    public func expandedLimits(_ limits: AxisLimits, kind: ScaleKind = .linear) -> AxisLimits {
        switch kind {
        case .linear:
            let step = NiceStep.atLeast(limits.span / Double(maxIntervals))
            let s = step.value
            let lo = (limits.lower / s + 1e-9).rounded(.down)
            let hi = (limits.upper / s - 1e-9).rounded(.up)
            guard Swift.abs(lo) < 1e15, Swift.abs(hi) < 1e15 else { return limits }
            return AxisLimits(lower: step.multiple(Int(lo)), upper: step.multiple(Int(hi)))
        case .log10:
            let lo = (Foundation.log10(limits.lower) + 1e-9).rounded(.down)
            let hi = (Foundation.log10(limits.upper) - 1e-9).rounded(.up)
            return AxisLimits(lower: Foundation.pow(10, lo), upper: Foundation.pow(10, hi), kind: .log10)
        }
    }

    /// Minor tick values on a linear axis with major step `step`: 4 subdivisions for a
    /// step of 2 × 10^k, otherwise 5 (matplotlib's AutoMinorLocator), across the whole
    /// range and skipping the major ticks.
    ///
    /// ```swift
    /// TickLocator.minorTicks(in: AxisLimits(lower: 0, upper: 1), step: NiceStep(mantissa: 5, exponent: -1))
    /// // [0.1, 0.2, 0.3, 0.4, 0.6, 0.7, 0.8, 0.9]
    /// ```
    public static func minorTicks(in limits: AxisLimits, step: NiceStep, integers: Bool = false) -> [Double] {
        // On a whole-number axis minor ticks stay on whole numbers: none between steps of
        // 1, one between steps of 2 (5, 10, 20, 25, … divide into whole numbers anyway).
        if integers && step.isWhole && step.value < 3 {
            guard step.value > 1 else { return [] }
            return TickLocator(maxIntervals: 1).ticks(in: limits, step: NiceStep(mantissa: 1, exponent: 0))
                .filter { Int($0.rounded()) % 2 != 0 }
        }
        let divisions = step.mantissa == 2 ? 4 : 5
        // Express the minor step as a NiceStep multiple: step / divisions.
        let minor = NiceStep(mantissa: step.mantissa * 10 / Double(divisions), exponent: step.exponent - 1)
        let all = TickLocator(maxIntervals: 1).ticks(in: limits, step: minor)
        return all.filter { v in
            let k = (v / minor.value).rounded()
            return Int(k) % divisions != 0
        }
    }
}
