import Foundation
import Testing
@testable import FrameplotPlot

/// TensorBoard's smoothing and the trailing mean, with their short-series rule.
@Suite("Smoothing of learning curves")
struct SmoothingTests {
    @Test func exponentialMatchesTensorBoard() {
        // Worked by hand: last = w·last + (1 − w)·v, divided by 1 − wᵗ.
        let smoothed = Smoothing.exponentialMovingAverage([1, 0.6, 0.35, 0.22], weight: 0.6)
        let expected = [1.0, 0.75, 0.5459183673469387, 0.3961397058823529]
        #expect(zip(smoothed, expected).allSatisfy { abs($0 - $1) < 1e-15 })
        // Non-finite values pass through and do not count towards the debiasing.
        let gaps = Smoothing.exponentialMovingAverage([1, .infinity, 0.6, .nan, 0.35], weight: 0.6)
        #expect(gaps[1] == .infinity && gaps[3].isNaN)
        #expect(abs(gaps[2] - 0.75) < 1e-15 && abs(gaps[4] - 0.5459183673469387) < 1e-15)
        // A constant series comes back unchanged; weight 1 stays at 0 as TensorBoard draws it.
        #expect(Smoothing.exponentialMovingAverage([0.1, 0.1, 0.1], weight: 0.99) == [0.1, 0.1, 0.1])
        #expect(Smoothing.exponentialMovingAverage([1, 2], weight: 1) == [0, 0])
        #expect(Smoothing.exponentialMovingAverage([1, 2], weight: .nan) == [1, 2])
    }

    @Test func trailingMeanNeverReachesBeforeTheData() {
        #expect(Smoothing.trailingMovingAverage([1, 2, 3, 4], window: 2) == [1, 1.5, 2.5, 3.5])
        #expect(Smoothing.trailingMovingAverage([1, 2, 3, 4], window: 1) == [1, 2, 3, 4])
        let gap = Smoothing.trailingMovingAverage([2, .nan, 4, 6], window: 2)
        #expect(gap[0] == 2 && gap[1].isNaN && gap[2] == 4 && gap[3] == 5)
        // No drift: a huge value that left the window leaves no rounding behind.
        var values = [1e100]
        values += [Double](repeating: 1, count: 1000)
        #expect(Smoothing.trailingMovingAverage(values, window: 3).suffix(990).allSatisfy { $0 == 1 })
        #expect(Smoothing.trailingMovingAverage([], window: 5).isEmpty)
    }

    @Test func shortSeriesAreSmoothedLessOrNotAtAll() {
        #expect(Smoothing.trailingWindow(requested: 10, count: 4) == 1)
        #expect(Smoothing.trailingWindow(requested: 10, count: 40) == 10)
        #expect(Smoothing.trailingWindow(requested: 1000, count: 1_000_000) == 1000)
        #expect(Smoothing.trailingWindow(requested: 50, count: 100) == 25)
        // The EMA's span 1/(1 − w) is at most a quarter of the series too.
        #expect(Smoothing.exponentialWeight(requested: 0.6, count: 4) == 0)
        #expect(Smoothing.exponentialWeight(requested: 0.6, count: 1000) == 0.6)
        #expect(abs(Smoothing.exponentialWeight(requested: 0.8, count: 12) - 2.0 / 3) < 1e-15)
        #expect(Smoothing.exponentialWeight(requested: -1, count: 100) == 0)
        #expect(Smoothing.exponentialWeight(requested: .nan, count: 100) == 0)
    }

    @Test func cappedSmoothingEndsNearTheLastValue() {
        // Issue 14: a 4-point series ending at 0.22 was drawn ending at 0.58.
        let four = [1.0, 0.6, 0.35, 0.22]
        let weight = Smoothing.exponentialWeight(requested: 0.9, count: four.count)
        #expect(Smoothing.exponentialMovingAverage(four, weight: weight).last == 0.22)
        // A million-point log falling to about 0.14 ends near 0.14, not near 0.52.
        let n = 1_000_000
        let log = (0..<n).map { 0.14 + 0.86 * Foundation.exp(-Double($0) / 50_000) }
        let requested = 0.999_999
        let capped = Smoothing.exponentialWeight(requested: requested, count: n)
        #expect(capped == 1 - 4 / Double(n))
        let end = Smoothing.exponentialMovingAverage(log, weight: capped).last ?? 0
        #expect(abs(end - 0.14) < 0.005, "\(end)")
        #expect(Smoothing.exponentialMovingAverage(log, weight: requested).last ?? 0 > 0.16)
    }
}
