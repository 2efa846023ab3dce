import Foundation
import Testing
@testable import FrameplotPlot

@Suite("Core: scales and automatic limits")
struct ScaleTests {
    @Test func linearRoundTrip() throws {
        let s = Scale(kind: .linear, limits: AxisLimits(lower: -3, upper: 7), pixelStart: 50, pixelEnd: 550)
        #expect(s.pixel(-3) == 50)
        #expect(s.pixel(7) == 550)
        #expect(s.pixel(2) == 300)
        var g = SplitMix64(seed: 1)
        for _ in 0..<1000 {
            let v = -3 + 10 * g.nextUniform()
            let p = try #require(s.pixel(v))
            #expect(abs(s.value(atPixel: p) - v) < 1e-12)
        }
    }

    @Test func reversedPixelRangeForYAxis() {
        let y = Scale(kind: .linear, limits: AxisLimits(lower: 0, upper: 10), pixelStart: 400, pixelEnd: 40)
        #expect(y.pixel(0) == 400)
        #expect(y.pixel(10) == 40)
        #expect(y.pixelLength == 360)
        #expect(abs(y.value(atPixel: 220) - 5) < 1e-12)
    }

    @Test func logRoundTripAndDecades() throws {
        let s = Scale(kind: .log10, limits: AxisLimits(lower: 1, upper: 1000, kind: .log10), pixelStart: 400, pixelEnd: 40)
        #expect(abs(try #require(s.pixel(10)) - 280) < 1e-9)
        #expect(abs(try #require(s.pixel(100)) - 160) < 1e-9)
        var g = SplitMix64(seed: 2)
        for _ in 0..<1000 {
            let v = pow(10, -2 + 6 * g.nextUniform())
            let p = try #require(s.pixel(v))
            #expect(abs(s.value(atPixel: p) / v - 1) < 1e-12)
        }
    }

    @Test func logRefusesNonPositiveValues() {
        let s = Scale(kind: .log10, limits: AxisLimits(lower: 1, upper: 100, kind: .log10), pixelStart: 0, pixelEnd: 100)
        #expect(s.pixel(0) == nil)
        #expect(s.pixel(-5) == nil)
        #expect(s.pixel(.nan) == nil)
        #expect(s.pixel(.infinity) == nil)
        #expect(ScaleKind.log10.transform(0) == nil)
        #expect(!ScaleKind.log10.accepts(-1))
        // Clipping sends refused values one axis length below the lower end.
        #expect(s.pixelClipped(0) == -100)
        #expect(s.pixelClipped(-1) == -100)
        #expect(s.pixelClipped(.infinity) == 200)
        #expect(s.pixelClipped(10) == 50)
    }

    @Test func logScaleRepairsLinearLimitsWithZero() {
        let s = Scale(kind: .log10, limits: AxisLimits(lower: 0, upper: 100), pixelStart: 0, pixelEnd: 100)
        #expect(s.limits.lower > 0)
        #expect(s.limits.upper == 100)
        #expect(s.pixel(100) == 100)
    }

    @Test func repairedLimits() {
        let equal = AxisLimits(lower: 5, upper: 5)
        #expect(equal.lower < 5 && equal.upper > 5)
        let zero = AxisLimits(lower: 0, upper: 0)
        #expect(zero.lower == -1 && zero.upper == 1)
        let swapped = AxisLimits(lower: 3, upper: 1)
        #expect(swapped.lower == 1 && swapped.upper == 3)
        let nan = AxisLimits(lower: .nan, upper: .nan)
        #expect(nan == AxisLimits.fallback(for: .linear))
        let logZero = AxisLimits(lower: 0, upper: 100, kind: .log10)
        #expect(abs(logZero.lower - 0.1) < 1e-12 && logZero.upper == 100)
        let logNeg = AxisLimits(lower: -1, upper: -2, kind: .log10)
        #expect(logNeg == AxisLimits.fallback(for: .log10))
        let inf = AxisLimits(lower: -.infinity, upper: .infinity)
        #expect(inf.lower.isFinite && inf.upper.isFinite && inf.span.isFinite && inf.span > 0)
    }

    @Test func autoLimitsAddMargin() {
        let l = AxisLimits.auto(values: [1, 3, 6, 8])
        #expect(abs(l.lower - 0.65) < 1e-12 && abs(l.upper - 8.35) < 1e-12)
        let none = AxisLimits.auto(values: [1, 3], margin: 0)
        #expect(none.lower == 1 && none.upper == 3)
        let log = AxisLimits.auto(values: [0, -1, 10, 1000], kind: .log10, margin: 0)
        #expect(abs(log.lower - 10) < 1e-9 && abs(log.upper - 1000) < 1e-9)
        let logMargin = AxisLimits.auto(values: [1, 100], kind: .log10, margin: 0.05)
        #expect(abs(logMargin.lower - pow(10, -0.1)) < 1e-12)
    }

    @Test(arguments: [
        [Double](), [.nan], [.infinity, -.infinity, .nan], [0], [42], [-7, -7, -7], [1e6, 1e6],
        [1e-300, 1e-300], [.greatestFiniteMagnitude, -.greatestFiniteMagnitude], [1e6, 1e6 + 1e-9],
        [0, .nan, 1], [-5, 0],
    ])
    func autoLimitsNeverEmpty(values: [Double]) {
        for kind in [ScaleKind.linear, .log10] {
            let l = AxisLimits.auto(values: values, kind: kind)
            #expect(l.lower.isFinite && l.upper.isFinite)
            #expect(l.lower < l.upper)
            if kind == .log10 { #expect(l.lower > 0) }
            for v in values where kind.accepts(v) && abs(v) <= 1e300 { #expect(l.contains(v)) }
            let s = Scale(kind: kind, limits: l, pixelStart: 0, pixelEnd: 500)
            let mid = s.value(atPixel: 250)
            #expect(mid.isFinite)
        }
    }

    @Test func autoLimitsForDegenerateData() {
        #expect(AxisLimits.auto(values: []) == AxisLimits(lower: 0, upper: 1))
        #expect(AxisLimits.auto(values: [.nan, .infinity]) == AxisLimits(lower: 0, upper: 1))
        #expect(AxisLimits.auto(values: [], kind: .log10) == AxisLimits(lower: 1, upper: 10, kind: .log10))
        let single = AxisLimits.auto(values: [10])
        #expect(abs(single.lower - 9.5) < 1e-12 && abs(single.upper - 10.5) < 1e-12)
        let zero = AxisLimits.auto(values: [0, 0, 0])
        #expect(zero.lower == -1 && zero.upper == 1)
        let logSingle = AxisLimits.auto(values: [100], kind: .log10)
        #expect(abs(logSingle.lower * logSingle.upper - 1e4) < 1e-6)
        #expect(logSingle.upper / logSingle.lower > 9.9)
    }
}
