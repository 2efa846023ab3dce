import FrameplotCanvas
import Testing
@testable import FrameplotPlot

@Suite("Core: themes and smoothing")
struct ThemeAndSmoothingTests {
    @Test func presetsDiffer() {
        #expect(Theme.slides.fonts.tickLabel > Theme.default.fonts.tickLabel)
        #expect(Theme.slides.lines.data > Theme.default.lines.data)
        #expect(Theme.dark.colors.background != Theme.default.colors.background)
        #expect(Theme.named("Dark") == .dark)
        #expect(Theme.named("neon") == nil)
        // Text is readable on each theme's panel: text and face far apart in lightness.
        for theme in [Theme.default, .slides, .dark] {
            let luminance = { (c: Color) in 0.2126 * c.red + 0.7152 * c.green + 0.0722 * c.blue }
            #expect(abs(luminance(theme.colors.text) - luminance(theme.colors.axesFace)) > 0.6)
        }
        #expect(!Theme.dark.palette.colors.contains(Color(hex: 0x000000)))
    }

    @Test func textStylesFollowTheTheme() {
        let title = Theme.default.textStyle(.figureTitle)
        #expect(title.weight == .bold && title.size == Theme.default.fonts.figureTitle && title.markup)
        let tick = Theme.dark.textStyle(.tickLabel, markup: false)
        #expect(tick.color == Theme.dark.colors.tickLabel && !tick.markup)
        #expect(Theme.TextRole.allCases.allSatisfy { Theme.default.fontSize($0) >= 10 })
    }

    @Test func scalingMultipliesSizesOnly() {
        let t = Theme.default.scaled(by: 2)
        #expect(t.fonts.axisLabel == 2 * Theme.default.fonts.axisLabel)
        #expect(t.markerSize == 2 * Theme.default.markerSize)
        #expect(t.colors == Theme.default.colors)
        #expect(Theme.default.scaled(by: .nan) == .default)
    }

    @Test func exponentialMovingAverage() {
        #expect(Smoothing.exponentialMovingAverage([4, 4, 4], weight: 0.9) .allSatisfy { abs($0 - 4) < 1e-12 })
        #expect(Smoothing.exponentialMovingAverage([1, 2, 3], weight: 0) == [1, 2, 3])
        let s = Smoothing.exponentialMovingAverage([0, 10], weight: 0.5)
        // Debiased: (0.5·0 + 0.5·10·… ) — second value is (0.25·0·2 + 0.5·10) / 0.75.
        #expect(s[0] == 0 && abs(s[1] - 5 / 0.75) < 1e-12)
        let gap = Smoothing.exponentialMovingAverage([1, .nan, 1], weight: 0.9)
        #expect(gap[0] == 1 && gap[1].isNaN && abs(gap[2] - 1) < 1e-12)
        #expect(Smoothing.exponentialMovingAverage([], weight: 0.9).isEmpty)
    }

    @Test func centeredMovingAverage() {
        let s = Smoothing.centeredMovingAverage([1, 2, 6, 2, 1], window: 3)
        #expect(s.count == 5)
        #expect(s[0] == 1 && s[1] == 3 && abs(s[2] - 10.0 / 3) < 1e-12 && s[3] == 3 && s[4] == 1)
        // A straight line stays straight, ends included.
        let line = (0..<50).map { 2 * Double($0) + 1 }
        let smooth = Smoothing.centeredMovingAverage(line, window: 9)
        #expect(zip(line, smooth).allSatisfy { abs($0 - $1) < 1e-9 })
        let gap = Smoothing.centeredMovingAverage([1, .infinity, 3], window: 3)
        #expect(gap[0] == 1 && gap[1].isNaN && gap[2] == 3)
        #expect(Smoothing.centeredMovingAverage([5, 7], window: 0) == [5, 7])
        #expect(Smoothing.centeredMovingAverage([], window: 5).isEmpty)
        // Even windows widen to odd: 4 behaves as 5.
        let v = [1.0, 2, 3, 4, 5, 6, 7]
        #expect(Smoothing.centeredMovingAverage(v, window: 4) == Smoothing.centeredMovingAverage(v, window: 5))
    }
}
