import Foundation

/// Smoothing for noisy series such as learning curves, drawn beside the raw curve.
///
/// Non-finite values (NaN, ±∞, e.g. a diverged loss) never poison their neighbours:
/// they are skipped by the averages and stay non-finite in the output, so the curve
/// shows a gap there. Every method is O(n) whatever the window.
///
/// ```swift
/// let ema = Smoothing.exponentialMovingAverage(loss, weight: 0.9)
/// let centred = Smoothing.centeredMovingAverage(loss, window: 21)
/// ```
public enum Smoothing {
    /// TensorBoard's smoothing: the exponential moving average with weight `weight` in
    /// 0...1 (0: none), debiased by `1 − weightᵗ` (t counts the finite values so far), so
    /// the curve starts at the first value instead of rising from zero. O(n).
    ///
    /// As in TensorBoard: a non-finite value is passed through unchanged and does not
    /// count; a constant series is returned as it is; weight 1 is not debiased (the curve
    /// stays at 0, as TensorBoard draws it); a weight that is not finite counts as 0.
    ///
    /// ```swift
    /// Smoothing.exponentialMovingAverage([4, 4, 4], weight: 0.9)  // [4, 4, 4]
    /// Smoothing.exponentialMovingAverage([1, 0.6, 0.35, 0.22], weight: 0.6).last  // 0.396…
    /// ```
    public static func exponentialMovingAverage(_ values: [Double], weight: Double) -> [Double] {
        let w = weight.isFinite ? Swift.min(Swift.max(weight, 0), 1) : 0
        guard let first = values.first, !values.allSatisfy({ $0 == first }) else { return values }
        var last = 0.0
        var accumulated = 0
        var debiased = w == 1
        var result = [Double](repeating: 0, count: values.count)
        for (index, value) in values.enumerated() {
            guard value.isFinite else { result[index] = value; continue }
            last = last * w + (1 - w) * value
            accumulated += 1
            if debiased {
                result[index] = last
                continue
            }
            let debias = 1 - pow(w, Double(accumulated))
            // Once wᵗ is below rounding the correction is exactly 1: no more pow calls.
            if debias == 1 { debiased = true }
            result[index] = last / debias
        }
        return result
    }

    /// The mean of each value and the `window − 1` values before it: a trailing window
    /// that never reaches before the first value (early points average what exists).
    /// Non-finite values are left out of the means and stay non-finite (NaN); O(n).
    ///
    /// ```swift
    /// Smoothing.trailingMovingAverage([1, 2, 3, 4], window: 2)  // [1, 1.5, 2.5, 3.5]
    /// ```
    public static func trailingMovingAverage(_ values: [Double], window: Int) -> [Double] {
        let n = values.count
        guard window > 1, n > 0 else { return values.map { $0.isFinite ? $0 : .nan } }
        var result = [Double](repeating: .nan, count: n)
        var sum = 0.0
        var count = 0
        for index in 0..<n {
            // Recompute the window's sum now and then, so rounding never drifts (still O(n)).
            if index % window == 0 {
                sum = 0
                count = 0
                for k in Swift.max(0, index - window + 1)...index where values[k].isFinite {
                    sum += values[k]
                    count += 1
                }
            } else {
                if values[index].isFinite { sum += values[index]; count += 1 }
                let leaving = index - window
                if leaving >= 0, values[leaving].isFinite { sum -= values[leaving]; count -= 1 }
            }
            if values[index].isFinite, count > 0 { result[index] = sum / Double(count) }
        }
        return result
    }

    /// The trailing window to use for a series of `count` values when `requested` was
    /// asked for: at most a quarter of the series, so a short series (a 4-point
    /// validation loss) is never flattened into the mean of everything and its smoothed
    /// curve ends near its last value. 1 means no smoothing. The legend names the window
    /// actually used ("mean of last 25"), so nothing is shrunk silently.
    ///
    /// ```swift
    /// Smoothing.trailingWindow(requested: 10, count: 4)        // 1
    /// Smoothing.trailingWindow(requested: 1000, count: 1_000_000)  // 1000
    /// ```
    public static func trailingWindow(requested: Int, count: Int) -> Int {
        Swift.max(1, Swift.min(requested, count / 4))
    }

    /// The exponential weight to use for a series of `count` values when `requested` was
    /// asked for, by the same rule as ``trailingWindow(requested:count:)``: the average's
    /// effective span, 1 / (1 − weight) points, is at most a quarter of the series. A long
    /// series gets exactly the requested weight (TensorBoard's numbers); a short one is
    /// smoothed less, and one of 4 points or fewer not at all (0), so its smoothed curve
    /// never ends far from its last value. The caller names the weight actually used.
    ///
    /// ```swift
    /// Smoothing.exponentialWeight(requested: 0.6, count: 1000)  // 0.6
    /// Smoothing.exponentialWeight(requested: 0.8, count: 12)    // 0.666…
    /// Smoothing.exponentialWeight(requested: 0.6, count: 4)     // 0
    /// ```
    public static func exponentialWeight(requested: Double, count: Int) -> Double {
        guard requested.isFinite, requested > 0 else { return 0 }
        let limit = Swift.max(0, 1 - 4 / Double(Swift.max(count, 1)))
        return Swift.min(requested, limit)
    }

    /// The average of each value with its neighbours, `window` values in all, centred.
    ///
    /// An even window is widened to the next odd size so the average stays centred. At
    /// the ends the window shrinks symmetrically (the first and last values are kept as
    /// they are), so a straight trend is preserved right to the ends. Non-finite values
    /// are left out of each average; a position whose window holds no finite value is NaN.
    ///
    /// ```swift
    /// Smoothing.centeredMovingAverage([1, 2, 6, 2, 1], window: 3)  // [1, 3, 10/3, 3, 1]
    /// ```
    public static func centeredMovingAverage(_ values: [Double], window: Int) -> [Double] {
        let n = values.count
        let half = Swift.max(0, window) / 2
        guard n > 0, half > 0 else { return values.map { $0.isFinite ? $0 : .nan } }
        // Prefix sums of finite values and their counts: O(n) whatever the window.
        var sums = [Double](repeating: 0, count: n + 1)
        var counts = [Int](repeating: 0, count: n + 1)
        for (k, v) in values.enumerated() {
            sums[k + 1] = sums[k] + (v.isFinite ? v : 0)
            counts[k + 1] = counts[k] + (v.isFinite ? 1 : 0)
        }
        return (0..<n).map { k in
            guard values[k].isFinite else { return .nan }
            let reach = Swift.min(half, k, n - 1 - k)
            let lo = k - reach, hi = k + reach + 1
            let count = counts[hi] - counts[lo]
            return count > 0 ? (sums[hi] - sums[lo]) / Double(count) : .nan
        }
    }
}
