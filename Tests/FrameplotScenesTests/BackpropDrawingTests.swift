import FrameplotAnimation
import FrameplotCanvas
import FrameplotPlot
import Foundation
import Testing
@testable import FrameplotScenes

@Suite("Backprop drawing and animation")
struct BackpropDrawingTests {
    /// The texts drawn for one still figure, with their colours and places on the canvas.
    func recordStill(_ trace: BackpropTrace) throws -> (BackpropFigure, RecordingCanvas) {
        let figure = try BackpropFigure(trace: trace)
        let recorder = RecordingCanvas(width: figure.size.width, height: figure.size.height)
        figure.drawStill(on: recorder)
        return (figure, recorder)
    }

    @Test("the still shopping figure draws every forward value in black above its edge and every gradient in red below")
    func shoppingLabelsDrawn() throws {
        let trace = BackpropTrace.shopping()
        let (figure, recorder) = try recordStill(trace)
        let style = figure.layout.style
        let red = recorder.texts.filter { $0.style.color == style.gradientColor && $0.style == style.gradientText }
        let black = recorder.texts.filter { $0.style == style.forwardText }
        let expectedForward = trace.diagram().edges.compactMap(\.forwardLabel)
        let expectedGradient = trace.diagram().edges.compactMap(\.gradientLabel)
        #expect(black.map(\.text).sorted() == expectedForward.sorted())
        #expect(red.map(\.text).sorted() == expectedGradient.sorted())
        // The apple price edge: 100 above, 5.4 below, both between "apple price" and its ×.
        let appleID = try #require(trace.node(labelled: "apple price")?.id)
        let edgeIndex = try #require(figure.diagram.edges.firstIndex { $0.from == appleID })
        let placed = figure.layout.edges[edgeIndex]
        let origin = figure.diagramOrigin
        let fivePointFour = try #require(red.first { $0.text == "5.4" })
        let hundred = try #require(black.first { $0.text == "100" })
        let a = placed.points[0], b = placed.points[1]
        func lineY(_ x: Double) -> Double { a.y + (x - a.x) / (b.x - a.x) * (b.y - a.y) + origin.y }
        let gx = fivePointFour.canvasBounds.midX, fx = hundred.canvasBounds.midX
        #expect(fivePointFour.canvasBounds.minY > lineY(gx), "gradient below the edge")
        #expect(hundred.canvasBounds.maxY < lineY(fx) + 2, "value above the edge")
        #expect(gx > a.x + origin.x && gx < b.x + origin.x)
        // Node labels and the title are drawn too, and no text leaves the canvas.
        let all = recorder.texts.map(\.text)
        for label in ["apple price", "apple count", "orange price", "orange count", "tax", "total", "×", "+"] {
            #expect(all.contains(label))
        }
        let canvasRect = Rect(x: 0, y: 0, width: figure.size.width, height: figure.size.height)
        for t in recorder.texts { #expect(canvasRect.contains(t.canvasBounds, tolerance: 0.5), "\(t.text) inside") }
        #expect(recorder.texts.allSatisfy { $0.metrics.unknownGlyphs == 0 }, "every glyph has a font")
    }

    @Test("no drawn texts overlap in the still figures", arguments: ["shopping", "logistic"])
    func noTextOverlap(example: String) throws {
        let (_, recorder) = try recordStill(try BackpropDiagrams.trace(named: example))
        let boxes = recorder.texts.map(\.canvasBounds)
        for i in 0..<boxes.count {
            for j in (i + 1)..<boxes.count {
                #expect(!boxes[i].intersects(boxes[j]), "\(recorder.texts[i].text) / \(recorder.texts[j].text)")
            }
        }
    }

    @Test("the logistic figure draws the updated parameters")
    func logisticUpdates() throws {
        let trace = try BackpropTrace.logisticNeuron()
        let (_, recorder) = try recordStill(trace)
        let texts = Set(recorder.texts.map(\.text))
        for p in trace.nodes where p.kind == .parameter {
            let update = try #require(p.updatedValue)
            #expect(texts.contains("\(p.displayLabel) ← \(BackpropTrace.format(update, rows: p.rows, cols: p.cols))"))
        }
        #expect(texts.contains(DiagramNumberFormat.compact(trace.nodes.last?.value.first ?? .nan)), "the loss value")
    }

    @Test("animation: frame count = node events + held frames; first frame bare, last frame complete", arguments: ["shopping", "logistic"])
    func animationFrames(example: String) throws {
        var options = BackpropScene.Options()
        options.example = try #require(BackpropScene.Example(rawValue: example))
        let scene = try BackpropScene(options: options)
        let events = scene.trace.events.count
        #expect(scene.frameCount == events + scene.timeline.heldAtStart + scene.timeline.heldAtEnd)
        #expect(scene.timeline.heldAtStart > 0 && scene.timeline.heldAtEnd > 0)

        func texts(_ frame: Int) throws -> [RecordingCanvas.RecordedText] {
            let recorder = RecordingCanvas(width: scene.size.width, height: scene.size.height)
            try scene.renderFrame(frame, on: recorder)
            return recorder.texts
        }
        let style = scene.figure.layout.style
        let first = try texts(0)
        #expect(!first.contains { $0.style == style.forwardText || $0.style == style.gradientText })
        let diagram = scene.figure.diagram
        let last = try texts(scene.frameCount - 1)
        #expect(last.filter { $0.style == style.forwardText }.map(\.text).sorted()
                == diagram.edges.compactMap(\.forwardLabel).sorted())
        #expect(last.filter { $0.style == style.gradientText }.map(\.text).sorted()
                == diagram.edges.compactMap(\.gradientLabel).sorted())
        #expect(scene.reveal(atFrame: scene.frameCount - 1).highlightedNodes.isEmpty)
        // One event per frame: each frame in the middle highlights the node of its event.
        for (k, event) in scene.trace.events.enumerated() {
            let frame = scene.timeline.heldAtStart + k
            let node = try #require(diagram.nodeIndex(of: event.nodeID))
            #expect(scene.reveal(atFrame: frame).highlightedNodes == [node])
            #expect(scene.caption(atFrame: frame) == scene.trace.caption(forEvent: k))
        }
        // A frame is a pure function of its index.
        #expect(try texts(7) == texts(7))
    }

    @Test("backward frames go right to left: each gradient appears after its consumers' gradients")
    func backwardOrder() throws {
        let scene = try BackpropScene(options: BackpropScene.Options())
        let diagram = scene.figure.diagram
        var firstSeen: [Int: Int] = [:]
        for frame in 0..<scene.frameCount {
            for e in scene.reveal(atFrame: frame).gradientEdges where firstSeen[e] == nil { firstSeen[e] = frame }
        }
        for (i, edge) in diagram.edges.enumerated() {
            guard edge.gradientLabel != nil, let seen = firstSeen[i] else { continue }
            for (j, downstream) in diagram.edges.enumerated() where downstream.from == edge.to && downstream.gradientLabel != nil {
                #expect(firstSeen[j].map { $0 <= seen } == true)
            }
        }
        #expect(firstSeen.count == diagram.edges.filter { $0.gradientLabel != nil }.count)
    }

    @Test("catalog: backprop is registered with its examples; unknown examples and unused options are refused")
    func catalog() throws {
        var catalog = SceneCatalog()
        catalog.register(BackpropScene.self)
        #expect(catalog.names.contains("backprop"))
        let scene = try catalog.makeScene("backprop", arguments: ["--example", "shopping"])
        #expect(scene.frameCount == BackpropTrace.shopping().events.count + 9)
        #expect(throws: AnimationError.self) { try catalog.makeScene("backprop", arguments: ["--example", "cake"]) }
        #expect(throws: AnimationError.self) { try catalog.makeScene("backprop", arguments: ["--example", "shopping", "--lr", "0.1"]) }
        #expect(throws: AnimationError.self) { try catalog.makeScene("backprop", arguments: ["--steps", "3"]) }
        #expect(SceneCatalog.standard.names.contains("backprop"), "the built-in catalog has it too")
    }

    @Test("the theme is part of the identity: a dark render never reuses light frames")
    func themeInIdentity() throws {
        let light = try SceneCatalog.standard.makeScene("backprop")
        let dark = try SceneCatalog.standard.makeScene("backprop", settings: SceneSettings(theme: .dark))
        #expect(light.identity != dark.identity)
        #expect(light.identity == (try SceneCatalog.standard.makeScene("backprop")).identity)
    }

    @Test("a requested frame size is met and the figure fits inside it")
    func requestedSize() throws {
        let scene = try BackpropScene(options: BackpropScene.Options(), settings: SceneSettings(size: try FrameSize(width: 640, height: 360)))
        #expect(scene.size == Size(width: 640, height: 360))
        #expect(scene.figure.size.width <= 640 && scene.figure.size.height <= 360)
        #expect(scene.figure.size.width > 560 || scene.figure.size.height > 300, "fills most of the frame")
    }

    @Test("still diagrams: PNG, PDF and SVG files for both examples")
    func stillFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("frameplot-backprop-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let paths = try BackpropDiagrams.render(into: dir, scale: 1)
        #expect(paths.map { ($0 as NSString).lastPathComponent }
                == ["shopping.png", "shopping.pdf", "shopping.svg", "logistic.png", "logistic.pdf", "logistic.svg"])
        for path in paths {
            let data = try #require(FileManager.default.contents(atPath: path))
            #expect(data.count > 1000)
        }
        let png = try #require(FileManager.default.contents(atPath: paths[0]))
        #expect(Array(png.prefix(4)) == [0x89, 0x50, 0x4e, 0x47])
        let pdf = try #require(FileManager.default.contents(atPath: paths[1]))
        #expect(String(decoding: pdf.prefix(5), as: UTF8.self) == "%PDF-")
        let svg = try #require(FileManager.default.contents(atPath: paths[2]))
        #expect(String(decoding: svg.prefix(200), as: UTF8.self).contains("<svg"))
        #expect(throws: BackpropError.self) { try BackpropDiagrams.write(.shopping(), to: dir + "/x.bmp") }
        #expect(throws: BackpropError.unknownExample("cake")) { try BackpropDiagrams.trace(named: "cake") }
    }

    @Test("rendered frames: the gradient arrow of the apple price edge is red only once its gradient is known")
    func renderedFrames() throws {
        var options = BackpropScene.Options()
        options.example = .shopping
        let scene = try BackpropScene(options: options)
        let renderer = FrameRenderer(scene: scene, scale: 1)
        let appleID = try #require(scene.trace.node(labelled: "apple price")?.id)
        let edge = try #require(scene.figure.diagram.edges.firstIndex { $0.from == appleID })
        let placed = scene.figure.layout.edges[edge]
        let tail = try #require(placed.gradientArrowTail), tip = try #require(placed.gradientArrowTip)
        let origin = Point(x: scene.figureOrigin.x + scene.figure.diagramOrigin.x,
                           y: scene.figureOrigin.y + scene.figure.diagramOrigin.y)
        let mid = Point(x: origin.x + (tail.x + tip.x) / 2, y: origin.y + (tail.y + tip.y) / 2)
        func isRed(_ frame: ImageCanvas) -> Bool {
            (-1...1).contains { dy in
                let p = frame.pixel(x: Int(mid.x), y: Int(mid.y) + dy)
                return p.r > 180 && p.g < 120 && p.b < 120
            }
        }
        let firstGradientFrame = try #require((0..<scene.frameCount).first { scene.reveal(atFrame: $0).gradientEdges.contains(edge) })
        #expect(!isRed(try renderer.renderFrame(0)))
        #expect(!isRed(try renderer.renderFrame(firstGradientFrame - 1)))
        #expect(isRed(try renderer.renderFrame(firstGradientFrame)))
        #expect(isRed(try renderer.renderFrame(scene.frameCount - 1)))
    }
}
