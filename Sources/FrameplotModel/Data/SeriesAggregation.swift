/// One value per x: the rows of a series that share an x value (an epoch's steps)
/// combined into one point.
///
/// ```swift
/// let perEpoch = SeriesAggregation.group(xs: [0, 0, 1, 1], ys: [4, 2, 3, 1], method: nil)
/// perEpoch.xs      // [0, 1]
/// perEpoch.ys      // [3, 2]    (means: the column is logged every step)
/// perEpoch.method  // .mean
/// ```
public enum SeriesAggregation {
    /// How the values that share an x become one.
    public enum Method: String, Sendable, CaseIterable {
        /// The mean (a per-step metric such as a training loss).
        case mean
        /// The value last in the file (a per-epoch metric, or a running value).
        case last
        case min
        case max
    }

    /// A grouped series, sorted by x.
    public struct Grouped: Sendable, Equatable {
        public var xs: [Double]
        public var ys: [Double]
        /// The number of rows behind each point.
        public var counts: [Int]
        /// The method used (the one given, or the one chosen for the column).
        public var method: Method
        /// Whether any x value had more than one row.
        public var hadRepeats: Bool
    }

    /// Groups `ys` by equal `xs` in O(n + g log g) for g groups.
    ///
    /// Without a `method`, each column decides for itself: a column with at most one value
    /// per x (logged once per epoch) keeps that value (`.last`); a column with several
    /// (logged every step) gets their mean. The points are sorted by x; within a group the
    /// file order decides what is last.
    public static func group(xs: [Double], ys: [Double], method: Method?) -> Grouped {
        let count = Swift.min(xs.count, ys.count)
        // Strictly increasing x (most logs): nothing to combine, and no table to build.
        if zip(xs.prefix(count), xs.prefix(count).dropFirst()).allSatisfy({ $0 < $1 }) {
            return Grouped(xs: xs.count == count ? xs : Array(xs.prefix(count)),
                           ys: ys.count == count ? ys : Array(ys.prefix(count)),
                           counts: [Int](repeating: 1, count: count), method: method ?? .last, hadRepeats: false)
        }
        var slot: [Double: Int] = [:]
        var keys: [Double] = []
        var sums: [Double] = [], lasts: [Double] = [], lows: [Double] = [], highs: [Double] = []
        var counts: [Int] = []
        for (x, y) in zip(xs, ys) {
            if let k = slot[x] {
                sums[k] += y
                lasts[k] = y
                lows[k] = Swift.min(lows[k], y)
                highs[k] = Swift.max(highs[k], y)
                counts[k] += 1
            } else {
                slot[x] = keys.count
                keys.append(x)
                sums.append(y); lasts.append(y); lows.append(y); highs.append(y)
                counts.append(1)
            }
        }
        let repeats = keys.count < count
        let chosen = method ?? (repeats ? .mean : .last)
        let order = keys.indices.sorted { keys[$0] < keys[$1] }
        return Grouped(
            xs: order.map { keys[$0] },
            ys: order.map { k in
                switch chosen {
                case .mean: return sums[k] / Double(counts[k])
                case .last: return lasts[k]
                case .min: return lows[k]
                case .max: return highs[k]
                }
            },
            counts: order.map { counts[$0] },
            method: chosen,
            hadRepeats: repeats)
    }
}
