import Testing
@testable import FrameplotPlot

@Suite("Diagram number format")
struct DiagramNumberFormatTests {
    @Test("compact labels", arguments: [
        (5.4, "5.4"), (108, "108"), (650, "650"), (1026, "1026"), (0.7310585786, "0.731"), (1.08, "1.08"),
        (0.000012, "1.2×10<sup>\u{2212}5</sup>"), (1, "1"), (0, "0"), (-0.0, "0"), (-0.2689414, "\u{2212}0.269"),
        (950.0000001, "950"), (0.99999, "1"), (3.24, "3.24"), (2.5e7, "2.5×10<sup>7</sup>"), (0.05, "0.05"),
    ] as [(Double, String)])
    func compact(value: Double, expected: String) {
        #expect(DiagramNumberFormat.compact(value) == expected)
    }

    @Test("non-finite values are spelled out")
    func nonFinite() {
        #expect(DiagramNumberFormat.compact(.nan) == "NaN")
        #expect(DiagramNumberFormat.compact(.infinity) == "∞")
        #expect(DiagramNumberFormat.compact(-.infinity) == "\u{2212}∞")
    }

    @Test("vectors")
    func vectors() {
        #expect(DiagramNumberFormat.compact([1, 0.5]) == "[1, 0.5]")
        #expect(DiagramNumberFormat.compact([2]) == "2")
        #expect(DiagramNumberFormat.compact([1, 2, 3, 4, 5, 6]) == "[1, 2, 3, …, 6]")
    }
}
