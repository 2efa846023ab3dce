import Foundation
import Testing
import FrameplotCanvas
@testable import FrameplotPlot

@Suite struct PolylineSimplificationTests {
    /// The distance from `p` to the nearest segment of `line`.
    func distance(_ p: Point, to line: [Point]) -> Double {
        zip(line, line.dropFirst()).map { PolylineSimplification.squaredDistance(p, toSegment: $0, $1).squareRoot() }.min() ?? .infinity
    }

    @Test("a wiggly circle loses most vertices; every dropped vertex stays within the tolerance")
    func droppedVerticesStayClose() {
        var random = SplitMix64(seed: 3)
        let points = (0...2_000).map { i -> Point in
            let a = Double(i) / 2_000 * 2 * .pi, r = 50 + (random.nextUniform() - 0.5) * 0.02
            return Point(x: r * cos(a), y: r * sin(a))
        }
        let kept = PolylineSimplification.simplified(points, tolerance: 0.1)
        #expect(kept.count < 200 && kept.count > 10)
        #expect(kept.first == points.first && kept.last == points.last)
        for p in points { #expect(distance(p, to: kept) <= 0.1 + 1e-12) }
        // Kept vertices are original ones, in order.
        var next = 0
        for p in kept {
            while next < points.count && points[next] != p { next += 1 }
            #expect(next < points.count)
        }
    }

    @Test("straight runs collapse to their ends; corners and breaks stay")
    func cornersAndBreaksStay() {
        let line = [Point(x: 0, y: 0), Point(x: 1, y: 0), Point(x: 2, y: 0), Point(x: 2, y: 1), Point(x: 2, y: 2)]
        #expect(PolylineSimplification.simplified(line, tolerance: 0.01) == [Point(x: 0, y: 0), Point(x: 2, y: 0), Point(x: 2, y: 2)])
        let broken = [Point(x: 0, y: 0), Point(x: 1, y: 0), Point(x: .nan, y: 0), Point(x: 3, y: 0), Point(x: 4, y: 0), Point(x: 5, y: 0)]
        let kept = PolylineSimplification.simplified(broken, tolerance: 0.01)
        #expect(kept.count == 5)
        if kept.count == 5 {
            #expect(kept[1] == Point(x: 1, y: 0) && kept[2].x.isNaN && kept[3] == Point(x: 3, y: 0) && kept[4] == Point(x: 5, y: 0))
        }
        #expect(PolylineSimplification.simplified(line, tolerance: 0) == line)
        #expect(PolylineSimplification.simplified(Array(line.prefix(2)), tolerance: 1) == Array(line.prefix(2)))
    }
}
