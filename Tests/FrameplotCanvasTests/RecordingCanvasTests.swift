import Testing
@testable import FrameplotCanvas

@Suite struct RecordingCanvasTests {
    @Test func recordsTextWithPlacementAndRealMetrics() throws {
        let recorder = RecordingCanvas(width: 200, height: 100)
        let style = TextStyle(size: 12, markup: true)
        recorder.drawText("<i>w</i><sub>0</sub>", at: Point(x: 50, y: 40), style: style, anchor: .center, rotation: -Double.pi / 2)
        let text = try #require(recorder.texts.first)
        #expect(text.text == "<i>w</i><sub>0</sub>" && text.style == style && text.anchor == .center)
        #expect(text.rotation == -Double.pi / 2 && text.point == Point(x: 50, y: 40))
        let image = try ImageCanvas(width: 10, height: 10)
        #expect(text.metrics == image.measureText("<i>w</i><sub>0</sub>", style: style))
        #expect(abs(text.bounds.height - text.metrics.logical.width) < 1e-9 && abs(text.bounds.width - text.metrics.logical.height) < 1e-9)
    }

    @Test func canvasBoundsFollowTranslationAndRotation() throws {
        let recorder = RecordingCanvas()
        recorder.withSavedState {
            recorder.translate(dx: 100, dy: 50)
            recorder.rotate(radians: Double.pi / 2)
            recorder.drawText("abc", at: Point(x: 10, y: 0), style: TextStyle(size: 10), anchor: .center)
        }
        recorder.drawText("abc", at: Point(x: 10, y: 0), style: TextStyle(size: 10), anchor: .center)
        let turned = recorder.texts[0], plain = recorder.texts[1]
        // (10, 0) rotated a quarter turn is (0, 10), then moved by (100, 50).
        #expect(abs(turned.canvasBounds.midX - 100) < 1e-9 && abs(turned.canvasBounds.midY - 60) < 1e-9)
        #expect(abs(turned.canvasBounds.width - plain.canvasBounds.height) < 1e-9)
        #expect(plain.canvasBounds == plain.bounds)
    }

    @Test func recordsOperationsInOrder() {
        let recorder = RecordingCanvas()
        recorder.clear(.white)
        recorder.withSavedState {
            recorder.clip(to: .rect(Rect(x: 0, y: 0, width: 10, height: 10)))
            recorder.fill(.circle(center: .zero, radius: 3), color: .red)
        }
        recorder.stroke(.segment(.zero, Point(x: 1, y: 1)), style: StrokeStyle(color: .black))
        #expect(recorder.operations.count == 6)
        #expect(recorder.operations[1] == .saveState && recorder.operations[4] == .restoreState)
        #expect(recorder.fills.count == 1 && recorder.strokes.count == 1)
        recorder.removeAll()
        #expect(recorder.operations.isEmpty)
    }
}
