import Foundation

/// Smoothing for noisy series such as learning curves, drawn beside the raw curve.
///
/// Non-finite values (NaN, ±∞, e.g. a diverged loss) never poison their neighbours:
/// they are skipped by the averages and stay non-finite (NaN) in the output, so the
/// curve shows a gap there.
///
/// ```swift
/// let ema = Smoothing.exponentialMovingAverage(loss, weight: 0.9)
/// let centred = Smoothing.centeredMovingAverage(loss, window: 21)
/// ```
public enum Smoothing {
    /// The exponential moving average with weight `weight` in 0..<1 (0: no smoothing),
    /// debiased as TensorBoard and Adam do: early values are divided by `1 − weightⁿ`, so
    /// the curve starts at the first value instead of rising from zero.
    ///
    /// ```swift
    /// Smoothing.exponentialMovingAverage([4, 4, 4], weight: 0.9)  // [4, 4, 4]
    /// ```
    public static func exponentialMovingAverage(_ values: [Double], weight: Double) -> [Double] {
        let w = weight.isFinite ? Swift.min(Swift.max(weight, 0), 0.9999) : 0
        var accumulated = 0.0, correction = 1.0
        return values.map { v in
            guard v.isFinite else { return .nan }
            accumulated = accumulated * w + (1 - w) * v
            correction *= w
            return accumulated / (1 - correction)
        }
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
