import Testing
import FrameplotCanvas
@testable import FrameplotPlot

@Suite struct StraightLineTests {
    @Test func clipsExactlyToTheRectangle() throws {
        // y = x through 0...10 x 0...5 leaves through the top edge at (5, 5).
        let (p, q) = try #require(StraightLineMark.clip(a: 1, b: -1, c: 0, x: 0...10, y: 0...5))
        let ends = Set([p, q])
        #expect(ends == [DataPoint(x: 0, y: 0), DataPoint(x: 5, y: 5)])
    }

    @Test func regressionLineEndsOnTheSides() throws {
        let (p, q) = try #require(StraightLineMark.clip(a: 0.431, b: -1, c: 3.31, x: 0...10, y: 0...10))
        let left = p.x < q.x ? p : q, right = p.x < q.x ? q : p
        #expect(left.x == 0 && abs(left.y - 3.31) < 1e-12)
        #expect(right.x == 10 && abs(right.y - 7.62) < 1e-12)
    }

    @Test func verticalHorizontalMissingAndDegenerateLines() {
        #expect(StraightLineMark.clip(a: 1, b: 0, c: -3, x: 0...10, y: 0...10).map { Set([$0.0, $0.1]) }
                == [DataPoint(x: 3, y: 0), DataPoint(x: 3, y: 10)])
        #expect(StraightLineMark.clip(a: 0, b: 1, c: -2, x: 0...10, y: 0...10).map { Set([$0.0, $0.1]) }
                == [DataPoint(x: 0, y: 2), DataPoint(x: 10, y: 2)])
        #expect(StraightLineMark.clip(a: 1, b: -1, c: 20, x: 0...10, y: 0...10) == nil)  // misses
        #expect(StraightLineMark.clip(a: 0, b: 0, c: 1, x: 0...10, y: 0...10) == nil)   // not a line
        #expect(StraightLineMark.clip(a: .nan, b: 1, c: 0, x: 0...10, y: 0...10) == nil)
        // Through a corner only: a single point is not a segment.
        #expect(StraightLineMark.clip(a: 1, b: 1, c: 0, x: 0...10, y: 0...10) == nil)
    }

    @Test(arguments: 0..<50)
    func randomLinesEndOnTheBorderAndSatisfyTheEquation(seed: Int) throws {
        var s = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 1
        func next() -> Double { s = s &* 6364136223846793005 &+ 1442695040888963407; return Double(s >> 11) / Double(1 << 53) * 2 - 1 }
        let a = next(), b = next(), c = next() * 5
        guard let (p, q) = StraightLineMark.clip(a: a, b: b, c: c, x: -3...3, y: -2...2) else { return }
        for e in [p, q] {
            #expect(abs(a * e.x + b * e.y + c) < 1e-9)
            let onBorder = abs(e.x + 3) < 1e-9 || abs(e.x - 3) < 1e-9 || abs(e.y + 2) < 1e-9 || abs(e.y - 2) < 1e-9
            #expect(onBorder && e.x >= -3 - 1e-9 && e.x <= 3 + 1e-9 && e.y >= -2 - 1e-9 && e.y <= 2 + 1e-9)
        }
    }
}
