import Foundation

/// Automatic contour levels at nice values, linear or logarithmic.
///
/// ```swift
/// ContourLevels.auto(min: 0.3, max: 9.6, count: 8)              // [1, 2, …, 9]
/// ContourLevels.auto(min: 0.8, max: 300, count: 8, log: true)   // [1, 2, 5, 10, 20, 50, 100, 200]
/// ContourLevels.bands(min: 0.3, max: 9.6, count: 8)             // [0, 2, 4, 6, 8, 10]
/// ```
public enum ContourLevels {
    /// Levels for contour lines: at most about `count` nice values strictly inside
    /// `min...max` (at decades, or 1-2-5 / 1-3 mantissas, when `log`).
    /// Empty when the range is degenerate or has no room for a level.
    public static func auto(min: Double, max: Double, count: Int = 8, log: Bool = false) -> [Double] {
        guard min.isFinite, max.isFinite, min < max, !log || min > 0 else {
            if log, max.isFinite, max > 0, min < max { return auto(min: max / 1e3, max: max, count: count, log: true) }
            return []
        }
        let n = Swift.max(1, count)
        if log { return logLevels(min: min, max: max, count: n).filter { $0 > min && $0 < max } }
        // The densest nice step with at most count + 1 levels inside.
        let limits = AxisLimits(lower: min, upper: max)
        let locator = TickLocator(maxIntervals: n + 1)
        func inside(_ step: NiceStep) -> [Double] {
            locator.ticks(in: limits, step: step).filter { $0 > min && $0 < max }
        }
        var step = NiceStep.atLeast(limits.span / Double(n + 1))
        var levels = inside(step)
        for _ in 0..<12 {
            let finer = inside(step.smaller)
            guard finer.count <= n + 1, finer.count > levels.count else { break }
            step = step.smaller; levels = finer
        }
        return levels
    }

    /// Levels for filled contours: nice boundaries with the first at or below `min` and
    /// the last at or above `max`, so every value falls in some band (about `count` bands).
    public static func bands(min: Double, max: Double, count: Int = 8, log: Bool = false) -> [Double] {
        let kind: ScaleKind = log ? .log10 : .linear
        let limits = AxisLimits(lower: min, upper: max, kind: kind)
        let n = Swift.max(1, count)
        if log {
            let expanded = TickLocator(maxIntervals: n).expandedLimits(limits, kind: .log10)
            let levels = logLevels(min: expanded.lower, max: expanded.upper, count: n)
            return levels.count >= 2 ? levels : [expanded.lower, expanded.upper]
        }
        let locator = TickLocator(maxIntervals: n)
        let expanded = locator.expandedLimits(limits)
        return locator.ticks(in: expanded, step: NiceStep.atLeast(limits.span / Double(n)))
    }

    /// Decades (thinned if too many), or 1-3 / 1-2-5 / 1…9 mantissas when decades are
    /// too few: the densest choice with at most `count` levels inside.
    static func logLevels(min: Double, max: Double, count: Int) -> [Double] {
        let lo = Foundation.log10(min), hi = Foundation.log10(max)
        let first = Int((lo - 1e-9).rounded(.down)), last = Int((hi + 1e-9).rounded(.up))
        func inside(_ v: Double) -> Bool { v >= min * (1 - 1e-12) && v <= max * (1 + 1e-12) }
        var best: [Double] = []
        for set in [[1], [1, 3], [1, 2, 5], [1, 2, 3, 4, 5, 6, 7, 8, 9]] {
            let levels = (first...last).flatMap { k in set.map { Double($0) * Foundation.pow(10, Double(k)) } }.filter(inside)
            if levels.count <= count + 1 { best = levels } else { break }
        }
        if best.isEmpty {
            // More decades than wanted: every n-th decade.
            let decades = last - first + 1
            let stride = Swift.max(1, Int((Double(decades) / Double(count)).rounded(.up)))
            best = (first...last).filter { $0.isMultiple(of: stride) }.map { Foundation.pow(10, Double($0)) }.filter(inside)
        }
        return best
    }
}
