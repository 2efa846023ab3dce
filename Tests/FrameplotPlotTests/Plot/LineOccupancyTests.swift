import Testing
import FrameplotCanvas
@testable import FrameplotPlot

/// What a long line tells legend placement: points inside the plot area, never a
/// densified stretch of the millions of layout units outside zoomed limits.
@Suite struct LineOccupancyTests {
    @Test func segmentsOutsideTheAreaAreNotDensified() {
        let area = Rect(x: 0, y: 0, width: 100, height: 100)
        let outside = LineMark.densified([Point(x: -1e7, y: 50), Point(x: -5e6, y: 50), Point(x: -1e6, y: 200)],
                                         step: 8, within: area)
        #expect(outside.count == 3)
        // A segment that crosses the area is still densified, as before.
        let crossing = LineMark.densified([Point(x: -20, y: 50), Point(x: 120, y: 50)], step: 8, within: area)
        #expect(crossing.count == LineMark.densified([Point(x: -20, y: 50), Point(x: 120, y: 50)], step: 8).count)
        #expect(crossing.count > 10)
    }
}

