import Foundation
import Testing
@testable import FrameplotPlot

@Suite("Core: tick locators and formatters")
struct TickTests {
    static func decimals(_ label: String) -> Int {
        guard let dot = label.firstIndex(of: ".") else { return 0 }
        return label[label.index(after: dot)...].prefix { $0.isNumber }.count
    }

    static func isNice(_ step: Double) -> Bool {
        let e = floor(log10(step))
        let m = step / pow(10, e)
        return [1, 2, 2.5, 5, 10].contains { abs(m - $0) < 1e-6 }
    }

    @Test func randomLinearRangesHaveNiceTicks() throws {
        var g = SplitMix64(seed: 42)
        for _ in 0..<3000 {
            let magnitude = pow(10, -9 + 18 * g.nextUniform())
            let center = (g.nextUniform() - 0.5) * magnitude * (g.nextUniform() < 0.3 ? 1e6 : 2)
            let span = magnitude * (0.01 + g.nextUniform())
            let limits = AxisLimits(lower: center - span / 2, upper: center + span / 2)
            let length = 80 + 1800 * g.nextUniform()
            let font = 6 + 18 * g.nextUniform()
            let orientation: AxisOrientation = g.nextUniform() < 0.5 ? .horizontal : .vertical
            let scale = Scale(kind: .linear, limits: limits, pixelStart: 0, pixelEnd: length)
            let set = AxisTicks.make(scale: scale, fontSize: font, orientation: orientation)
            let maxIntervals = TickLocator.fitting(length: length, fontSize: font, orientation: orientation).maxIntervals
            let values = set.major.map(\.value)
            let context = "limits \(limits.lower)...\(limits.upper) values \(values) labels \(set.major.map(\.label))"
            #expect(values.count >= 2, "\(context)")
            // At most maxIntervals + 1, unless a single interval cannot hold two ticks.
            #expect(values.count <= max(maxIntervals + 1, 3), "\(context)")
            #expect(values.allSatisfy { limits.contains($0) }, "\(context)")
            let steps = zip(values.dropFirst(), values).map { $0 - $1 }
            if let first = steps.first {
                #expect(Self.isNice(first), "\(context)")
                #expect(steps.allSatisfy { abs($0 - first) <= 1e-6 * first }, "\(context)")
            }
            let labels = set.major.map(\.label)
            #expect(Set(labels).count == labels.count, "\(context)")
            #expect(Set(labels.map(Self.decimals)).count == 1, "\(context)")
            #expect(labels.allSatisfy { !$0.contains("-") && !$0.isEmpty }, "\(context)")
            #expect(set.minor.allSatisfy { limits.contains($0) }, "\(context)")
            #expect(!set.minor.contains { m in values.contains { abs($0 - m) < 1e-9 * (steps.first ?? 1) } }, "\(context)")
            // Labels read back (with offset and multiplier) give the tick values.
            for tick in set.major {
                let text = tick.label.replacingOccurrences(of: "\u{2212}", with: "-")
                let shown = try #require(Double(text), "\(context)")
                let value = shown * pow(10, Double(set.multiplierExponent)) + set.offset
                #expect(abs(value - tick.value) <= 1e-6 * (steps.first ?? 1), "\(context)")
            }
        }
    }

    @Test func randomLogRangesHaveSensibleTicks() {
        var g = SplitMix64(seed: 43)
        for _ in 0..<2000 {
            let lo = -40 + 80 * g.nextUniform()
            let decades = pow(10, -4 + 6.5 * g.nextUniform())  // from 1e-4 decades up to ~300
            let limits = AxisLimits(lower: pow(10, lo), upper: pow(10, lo + decades), kind: .log10)
            let length = 80 + 1800 * g.nextUniform()
            let s = Scale(kind: .log10, limits: limits, pixelStart: length, pixelEnd: 0)
            let set = AxisTicks.make(scale: s, fontSize: 10, orientation: .vertical)
            let values = set.major.map(\.value)
            let context = "\(limits.lower)...\(limits.upper): \(set.major.map(\.label))"
            #expect(values.count >= 2, "\(context)")
            #expect(values.allSatisfy { limits.contains($0) }, "\(context)")
            #expect(zip(values, values.dropFirst()).allSatisfy { $0 < $1 }, "\(context)")
            #expect(Set(set.major.map(\.label)).count == values.count, "\(context)")
            #expect(set.minor.allSatisfy { limits.contains($0) }, "\(context)")
            let locator = TickLocator.fitting(length: length, fontSize: 10, orientation: .vertical)
            #expect(values.count <= max(locator.maxIntervals + 1, 3), "\(context)")
            // Decade labels step evenly.
            if set.major.allSatisfy({ $0.label.hasPrefix("10<sup>") }) {
                let exponents = values.map { log10($0).rounded() }
                let gaps = Set(zip(exponents, exponents.dropFirst()).map { $1 - $0 })
                #expect(gaps.count == 1, "\(context)")
            }
        }
    }

    @Test func familiarExamples() {
        func labels(_ lo: Double, _ hi: Double, intervals: Int = 9) -> [String] {
            let s = Scale(kind: .linear, limits: AxisLimits(lower: lo, upper: hi), pixelStart: 0, pixelEnd: 500)
            return AxisTicks.make(scale: s, locator: TickLocator(maxIntervals: intervals)).major.map(\.label)
        }
        #expect(labels(0, 10) == ["0", "2", "4", "6", "8", "10"])
        #expect(labels(0, 10, intervals: 4) == ["0.0", "2.5", "5.0", "7.5", "10.0"])
        #expect(labels(-1, 1, intervals: 4) == ["\u{2212}1.0", "\u{2212}0.5", "0.0", "0.5", "1.0"])
        #expect(labels(0, 1) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        #expect(labels(0.65, 8.35) == ["1", "2", "3", "4", "5", "6", "7", "8"])
        #expect(labels(160, 180, intervals: 5) == ["160", "165", "170", "175", "180"])
    }

    @Test func offsetAndMultiplierNotation() {
        let big = TickFormatter.linear([1e6, 1e6 + 1, 1e6 + 2, 1e6 + 3, 1e6 + 4, 1e6 + 5])
        #expect(big.labels == ["0", "1", "2", "3", "4", "5"])
        #expect(big.offset == 1e6)
        #expect(big.annotation == "+10<sup>6</sup>")
        let tiny = TickFormatter.linear([0, 1e-7, 2e-7, 3e-7])
        #expect(tiny.labels == ["0", "1", "2", "3"])
        #expect(tiny.multiplierExponent == -7)
        #expect(tiny.annotation == "×10<sup>\u{2212}7</sup>")
        let huge = TickFormatter.linear([0, 2e9, 4e9])
        #expect(huge.labels == ["0", "2", "4"])
        #expect(huge.annotation == "×10<sup>9</sup>")
        let plain = TickFormatter.linear([0, 25_000, 50_000])
        #expect(plain.labels == ["0", "25000", "50000"])
        #expect(plain.annotation == nil)
        let negativeOffset = TickFormatter.linear([-1e6 - 4, -1e6 - 2, -1e6])
        #expect(negativeOffset.labels == ["\u{2212}4", "\u{2212}2", "0"])
        #expect(negativeOffset.annotation == "\u{2212}10<sup>6</sup>")
        // From a scale: the end-to-end path.
        let s = Scale(kind: .linear, limits: AxisLimits(lower: 1e6, upper: 1e6 + 5), pixelStart: 0, pixelEnd: 600)
        let set = AxisTicks.make(scale: s, fontSize: 10)
        #expect(set.annotation == "+10<sup>6</sup>")
        #expect(set.major.first?.label == "0")
    }

    @Test func offsetIsWrittenWithAllItsDigits() {
        // Ticks 123456.70 … 123456.74: the offset was shown as "+123457", so every label
        // read 0.3 too high.
        let values = (0..<5).map { 123_456.7 + 0.01 * Double($0) }
        let f = TickFormatter.linear(values)
        #expect(f.annotation == "+123456.7")
        #expect(zip(values, f.labels).allSatisfy { value, label in
            abs((Double(label) ?? .nan) + 123_456.7 - value) < 1e-6
        }, "\(f.labels)")
        let billions = TickFormatter.linear([1_234_567_000.1, 1_234_567_000.2, 1_234_567_000.3])
        #expect(billions.annotation == "+1.234567×10<sup>9</sup>")
        #expect(billions.labels == ["0.1", "0.2", "0.3"])
        // Float noise in the values never reaches a label: 0.1 + 0.2 is "0.3".
        #expect(TickFormatter.linear([0.1, 0.1 + 0.1, 0.1 + 0.2, 0.1 + 0.3]).labels == ["0.1", "0.2", "0.3", "0.4"])
        #expect(TickFormatter.linear([1e6 + 0.1, 1e6 + 0.2, 1e6 + 0.30000000000000004]).labels == ["0.1", "0.2", "0.3"])
    }

    @Test func wholeNumberAxesGetWholeNumberTicks() {
        // Epochs 1…5 on a wide axis: 0.5 steps without the rule, whole numbers with it.
        let limits = AxisLimits(lower: 0.8, upper: 5.2)
        let free = TickLocator(maxIntervals: 9)
        #expect(free.majorTicks(in: limits).contains(1.5))
        let whole = TickLocator(maxIntervals: 9, integers: true)
        #expect(whole.majorTicks(in: limits) == [1, 2, 3, 4, 5])
        #expect(TickLocator.minorTicks(in: limits, step: whole.step(for: limits), integers: true).isEmpty)
        // Larger spans keep nice whole steps (never 2.5), minor ticks on whole numbers.
        let wide = AxisLimits(lower: 0, upper: 24)
        let step = TickLocator(maxIntervals: 9, integers: true).step(for: wide)
        #expect(step.isWhole && step.value == 5)
        let twos = TickLocator(maxIntervals: 6, integers: true).step(for: AxisLimits(lower: 0, upper: 10))
        #expect(twos.value == 2)
        #expect(TickLocator.minorTicks(in: AxisLimits(lower: 0, upper: 10), step: twos, integers: true) == [1, 3, 5, 7, 9])
        // A single value: one whole tick, never 0.5 steps around it.
        #expect(TickLocator(maxIntervals: 9, integers: true).majorTicks(in: AxisLimits(lower: 2.5, upper: 3.5)) == [3])
        let scale = Scale(kind: .linear, limits: limits, pixelStart: 0, pixelEnd: 700)
        #expect(AxisTicks.make(scale: scale, fontSize: 10, integers: true).major.map(\.label) == ["1", "2", "3", "4", "5"])
    }

    @Test func fixedAndCompactFormatting() {
        #expect(TickFormatter.fixed(-0.5, decimals: 2) == "\u{2212}0.50")
        #expect(TickFormatter.fixed(-0.0001, decimals: 2) == "0.00")
        #expect(TickFormatter.fixed(.nan, decimals: 2) == "NaN")
        #expect(TickFormatter.compact(1_000_000) == "10<sup>6</sup>")
        #expect(TickFormatter.compact(2.5e-7) == "2.5×10<sup>\u{2212}7</sup>")
        #expect(TickFormatter.compact(123.4) == "123.4")
        #expect(TickFormatter.compact(-0.02) == "\u{2212}0.02")
        #expect(TickFormatter.powerOfTen(-3) == "10<sup>\u{2212}3</sup>")
        #expect(TickFormatter.powerOfTen(0) == "10<sup>0</sup>")
    }

    @Test func logDecadesWithMinorTicks() {
        let s = Scale(kind: .log10, limits: AxisLimits(lower: 1e-3, upper: 10, kind: .log10), pixelStart: 400, pixelEnd: 0)
        let set = AxisTicks.make(scale: s, fontSize: 10, orientation: .vertical)
        #expect(set.major.map(\.label) == ["10<sup>\u{2212}3</sup>", "10<sup>\u{2212}2</sup>", "10<sup>\u{2212}1</sup>",
                                           "10<sup>0</sup>", "10<sup>1</sup>"])
        #expect(set.minor.count == 4 * 8)
        #expect(set.minor.contains { abs($0 - 0.002) < 1e-15 })
        #expect(set.minor.contains { abs($0 - 9) < 1e-12 })
        #expect(set.annotation == nil)
    }

    @Test func logDecadesAreThinnedOverManyDecades() {
        let limits = AxisLimits(lower: 1e-30, upper: 1e30, kind: .log10)
        let ticks = TickLocator(maxIntervals: 6).logTicks(in: limits)
        #expect(ticks.kind == .decades)
        #expect(ticks.major.count >= 2 && ticks.major.count <= 7)
        #expect(ticks.major.contains(1))
        // Skipped decades become minor ticks; no 2…9 minors when thinned.
        #expect(ticks.minor.contains { abs(log10($0) - 1) < 1e-9 })
        #expect(ticks.minor.count + ticks.major.count == 61)
    }

    @Test func narrowLogRangesStillGetTwoTicks() {
        for (lo, hi) in [(2.0, 80.0), (2.0, 8.0), (3.0, 3.5), (0.5, 0.55), (1.0, 1.0000001)] {
            let s = Scale(kind: .log10, limits: AxisLimits(lower: lo, upper: hi, kind: .log10), pixelStart: 0, pixelEnd: 500)
            let set = AxisTicks.make(scale: s, fontSize: 10)
            #expect(set.major.count >= 2, "\(lo)...\(hi): \(set.major)")
            #expect(set.major.allSatisfy { s.limits.contains($0.value) })
            #expect(Set(set.major.map(\.label)).count == set.major.count, "\(set.major)")
        }
    }

    @Test func expandToTicks() {
        let locator = TickLocator(maxIntervals: 5)
        #expect(locator.expandedLimits(AxisLimits(lower: 0.3, upper: 9.2)) == AxisLimits(lower: 0, upper: 10))
        #expect(locator.expandedLimits(AxisLimits(lower: 0, upper: 10)) == AxisLimits(lower: 0, upper: 10))
        let log = locator.expandedLimits(AxisLimits(lower: 2, upper: 300, kind: .log10), kind: .log10)
        #expect(abs(log.lower - 1) < 1e-12 && abs(log.upper - 1000) < 1e-9)
    }

    @Test func linearMinorTicks() {
        let minor = TickLocator.minorTicks(in: AxisLimits(lower: 0, upper: 1), step: NiceStep(mantissa: 5, exponent: -1))
        #expect(minor == [0.1, 0.2, 0.3, 0.4, 0.6, 0.7, 0.8, 0.9])
        let quarters = TickLocator.minorTicks(in: AxisLimits(lower: 0, upper: 4), step: NiceStep(mantissa: 2, exponent: 0))
        #expect(quarters == [0.5, 1, 1.5, 2.5, 3, 3.5])
    }

    @Test(arguments: [
        [Double](), [.nan], [3], [0, 0], [-1e-300, 1e-300], [1e300, -1e300], [.infinity], [1e6, 1e6 + 1e-6],
    ])
    func degenerateDataGivesUsableTicks(values: [Double]) {
        for kind in [ScaleKind.linear, .log10] {
            let limits = AxisLimits.auto(values: values, kind: kind)
            let s = Scale(kind: kind, limits: limits, pixelStart: 0, pixelEnd: 300)
            for orientation in [AxisOrientation.horizontal, .vertical] {
                let set = AxisTicks.make(scale: s, fontSize: 10, orientation: orientation)
                #expect(set.major.count >= 2, "\(kind) \(values): \(set.major)")
                #expect(Set(set.major.map(\.label)).count == set.major.count, "\(kind) \(values): \(set.major)")
                #expect(set.major.allSatisfy { $0.value.isFinite && !$0.label.isEmpty })
            }
        }
    }

    @Test func measuredLabelsDoNotCollide() {
        // A crude measure: 0.6 em per character, a 10-point font, a cramped axis.
        let s = Scale(kind: .linear, limits: AxisLimits(lower: -0.00123, upper: 0.00877), pixelStart: 0, pixelEnd: 160)
        let measure: (String) -> Double = { Double($0.count) * 6 }
        let set = AxisTicks.make(scale: s, fontSize: 10, orientation: .horizontal, labelExtent: measure)
        #expect(set.major.count >= 2)
        #expect(AxisTicks.labelsFit(set, scale: s, length: 160, gap: 5, measure: measure))
    }

    @Test func axisTooShortForTwoLabelsKeepsOneLabelledTick() {
        // The logistic scene's equal-aspect panel at 320x240: about 49 points for −4.6…4.6,
        // where even one interval (−2.5, 0, 2.5) puts 18-point labels 13.5 points apart.
        let s = Scale(kind: .linear, limits: AxisLimits(lower: -4.6, upper: 4.6), pixelStart: 0, pixelEnd: 49)
        let measure: (String) -> Double = { _ in 18 }
        let set = AxisTicks.make(scale: s, fontSize: 10, orientation: .horizontal, labelExtent: measure)
        #expect(set.major.map(\.value) == [0])
        #expect(AxisTicks.labelsFit(set, scale: s, length: 49, gap: 5, measure: measure))
        // The same axis with room for two intervals keeps the usual ticks.
        let wide = Scale(kind: .linear, limits: s.limits, pixelStart: 0, pixelEnd: 120)
        #expect(AxisTicks.make(scale: wide, fontSize: 10, orientation: .horizontal, labelExtent: measure)
            .major.map(\.value) == [-2.5, 0, 2.5])
    }

    @Test func shortLogAxisThinsDecadesToOneLabel() {
        let s = Scale(kind: .log10, limits: AxisLimits(lower: 1e-3, upper: 1e3, kind: .log10), pixelStart: 0, pixelEnd: 40)
        let measure: (String) -> Double = { _ in 18 }
        let set = AxisTicks.make(scale: s, fontSize: 10, orientation: .horizontal, labelExtent: measure)
        #expect(set.major.count == 1)
        #expect(AxisTicks.labelsFit(set, scale: s, length: 40, gap: 5, measure: measure))
    }
}
