import Foundation

/// Ticks on a log axis, chosen by ``TickLocator/logTicks(in:)``.
///
/// Major ticks are powers of ten over several decades; within about one decade they are
/// nice mantissas (2, 3, 5 …) or, for very narrow ranges, plain linear ticks.
public struct LogTicks: Sendable, Hashable {
    /// How the major ticks were chosen, and so how to label them.
    public enum Kind: Sendable, Hashable {
        /// Powers of ten: label as 10<sup>k</sup>.
        case decades
        /// m × 10^k for nice m: label as short numbers.
        case mantissas
        /// Linear nice steps (range well inside one decade): label as a linear axis.
        case linear
    }
    /// Major tick values, increasing.
    public var major: [Double]
    /// Minor tick values, increasing.
    public var minor: [Double]
    /// How the major ticks were chosen.
    public var kind: Kind
}

extension TickLocator {
    /// Decade strides that read well (1, 2, 3, 5, 10, 20, 25, 50, 100 …).
    static let niceStrides: [Int] = [1, 2, 3, 5, 10, 20, 25, 50, 100, 200, 250, 500]

    /// Major and minor ticks for a log axis over `limits` (positive).
    ///
    /// Over several decades: majors at powers of ten, every `n`th decade when there are
    /// more than `maxIntervals + 1` of them (n = 2, 3, 5, 10, 20 …), with minors at 2…9 × 10^k (or at the skipped
    /// decades when thinned). Within about one decade, where fewer than two powers of ten
    /// fall inside: majors at nice mantissas (1, 2, 5 × 10^k or denser), then plain linear
    /// ticks if even those are too few.
    ///
    /// ```swift
    /// TickLocator(maxIntervals: 6).logTicks(in: AxisLimits(lower: 0.01, upper: 100, kind: .log10)).major
    /// // [0.01, 0.1, 1, 10, 100]
    /// ```
    public func logTicks(in limits: AxisLimits) -> LogTicks {
        let lo = Foundation.log10(limits.lower), hi = Foundation.log10(limits.upper)
        let firstDecade = Int((lo - 1e-9).rounded(.up)), lastDecade = Int((hi + 1e-9).rounded(.down))
        let decadeCount = lastDecade - firstDecade + 1
        func pinned(_ v: Double) -> Double { Swift.min(Swift.max(v, limits.lower), limits.upper) }
        func inside(_ v: Double) -> Bool { v >= limits.lower * (1 - 1e-9) && v <= limits.upper * (1 + 1e-9) }

        if decadeCount >= 2 {
            // Every decade, or every 2nd, 3rd, 5th, 10th, 20th… so labels step evenly in round numbers.
            let needed = Swift.max(1, Int((Double(decadeCount) / Double(maxIntervals + 1)).rounded(.up)))
            var stride = TickLocator.niceStrides.first { $0 >= needed } ?? needed
            // Thinning must leave at least `minimumTicks` labelled decades.
            while stride > 1 && (firstDecade...lastDecade).filter({ $0.isMultiple(of: stride) }).count < minimumTicks {
                stride = TickLocator.niceStrides.last { $0 < stride } ?? 1
            }
            var major: [Double] = [], minor: [Double] = []
            // One decade below the first, so minors below the first major are included.
            for k in (firstDecade - 1)...lastDecade {
                let decade = Foundation.pow(10, Double(k))
                if k >= firstDecade {
                    if k.isMultiple(of: stride) { major.append(pinned(decade)) } else { minor.append(pinned(decade)) }
                }
                if stride == 1 {
                    for m in 2...9 where inside(Double(m) * decade) { minor.append(pinned(Double(m) * decade)) }
                }
            }
            if major.count >= 2 {
                return LogTicks(major: major, minor: minor, kind: .decades)
            }
        }

        // Within about a decade: label nice mantissas, densest set that still fits.
        let mantissaSets: [[Int]] = [[1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 5], [1, 2, 5], [1, 3], [1]]
        let candidates = ((firstDecade - 1)...(lastDecade + 1)).flatMap { k in
            (1...9).map { m in (m, Double(m) * Foundation.pow(10, Double(k))) }
        }.filter { inside($0.1) }
        for set in mantissaSets {
            let major = candidates.filter { set.contains($0.0) }.map { pinned($0.1) }
            if major.count >= 2 && major.count <= maxIntervals + 1 {
                let minor = candidates.filter { !set.contains($0.0) }.map { pinned($0.1) }
                return LogTicks(major: major, minor: minor, kind: .mantissas)
            }
        }
        // A very narrow range: linear ticks read best.
        let major = majorTicks(in: limits)
        return LogTicks(major: major, minor: [], kind: .linear)
    }
}
