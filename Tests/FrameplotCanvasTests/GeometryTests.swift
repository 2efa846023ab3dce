import Testing
@testable import FrameplotCanvas

@Suite struct GeometryTests {
    @Test func rectIntersectionIgnoresTouchingEdges() {
        let a = Rect(x: 0, y: 0, width: 10, height: 10)
        #expect(a.intersects(Rect(x: 5, y: 5, width: 10, height: 10)))
        #expect(!a.intersects(Rect(x: 10, y: 0, width: 10, height: 10)))
    }

    @Test func rotatedTextBoundsSwapWidthAndHeight() {
        let m = TextMetrics(logical: Rect(x: 0, y: 0, width: 40, height: 10),
                            ink: Rect(x: 0, y: 1, width: 40, height: 8), baseline: 8, unknownGlyphs: 0)
        let b = TextPlacement.bounds(of: m, at: Point(x: 100, y: 100), anchor: .center, rotation: -Double.pi / 2)
        #expect(abs(b.width - 10) < 1e-9 && abs(b.height - 40) < 1e-9)
        #expect(abs(b.midX - 100) < 1e-9 && abs(b.midY - 100) < 1e-9)
    }
}
