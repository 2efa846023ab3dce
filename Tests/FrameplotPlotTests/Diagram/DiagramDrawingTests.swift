import FrameplotCanvas
import Testing
@testable import FrameplotPlot

@Suite("Diagram drawing")
struct DiagramDrawingTests {
    @Test("with real font metrics: no overlaps, every label inside the diagram, edges on their nodes")
    func realMetrics() throws {
        let recorder = RecordingCanvas(width: 10, height: 10)
        for diagram in [shoppingDiagram(), randomDiagram(seed: 5, count: 9)] {
            let layout = try DiagramLayout(diagram, measuringWith: recorder)
            #expect(overlappingPairs(layout).isEmpty)
            let all = Rect(x: 0, y: 0, width: layout.size.width, height: layout.size.height)
            for box in layout.occupiedBoxes { #expect(all.contains(box)) }
            for edge in layout.edges {
                #expect(distanceToOutline(edge.points[0], of: layout.nodes[edge.source]) < 1e-6)
                #expect(distanceToOutline(edge.points[edge.points.count - 1], of: layout.nodes[edge.target]) < 1e-6)
            }
            // Node labels fit inside their shapes.
            for node in layout.nodes where node.shape != .text {
                #expect(node.frame.contains(node.labelBox, tolerance: 0.5))
            }
        }
    }

    @Test("drawn texts: each label at its box, in its colour; hidden labels are not drawn")
    func drawnTexts() throws {
        let diagram = shoppingDiagram()
        let recorder = RecordingCanvas(width: 10, height: 10)
        let layout = try DiagramLayout(diagram, measuringWith: recorder)
        layout.draw(on: recorder, origin: Point(x: 5, y: 7))
        let texts = recorder.texts
        for edge in layout.edges {
            let e = diagram.edges[edge.index]
            let f = try #require(texts.first { $0.text == e.forwardLabel && $0.style == layout.style.forwardText
                && abs($0.canvasBounds.midX - (edge.forwardLabelBox?.midX ?? 0) - 5) < 0.01 })
            #expect(abs(f.canvasBounds.midY - (edge.forwardLabelBox?.midY ?? 0) - 7) < 0.01)
            #expect(texts.contains { $0.text == e.gradientLabel && $0.style.color == layout.style.gradientColor })
        }
        #expect(texts.count == diagram.nodes.count + 2 * diagram.edges.count)

        let partial = RecordingCanvas(width: 10, height: 10)
        layout.draw(on: partial, reveal: DiagramReveal(forwardEdges: [0], gradientEdges: [], highlightedNodes: [5]))
        #expect(partial.texts.count == diagram.nodes.count + 1 + 1, "nodes, one value, the highlighted node again")
        #expect(partial.texts.contains { $0.text == "100" })
        #expect(!partial.texts.contains { $0.text == "5.4" })
    }

    @Test("pixels: circles outlined, operator inside, gradient arrows red, background untouched")
    func pixels() throws {
        let diagram = shoppingDiagram()
        let measure = try ImageCanvas(width: 1, height: 1)
        let layout = try DiagramLayout(diagram, measuringWith: measure)
        let canvas = try ImageCanvas(width: layout.size.width, height: layout.size.height, scale: 1)
        canvas.clear(.white)
        layout.draw(on: canvas)
        let add = try #require(layout.node(id: "add"))
        // The circle's outline, left of centre, is dark; just inside it is white.
        let r = add.frame.width / 2
        let edgePixel = canvas.pixel(x: Int(add.center.x - r), y: Int(add.center.y))
        #expect(edgePixel.r < 120 && edgePixel.g < 120 && edgePixel.b < 120)
        let inside = canvas.pixel(x: Int(add.center.x - r + 6), y: Int(add.center.y - 6))
        #expect(inside == RGBA8(r: 255, g: 255, b: 255))
        // A point on a backward arrow is red.
        let edge = layout.edges[0]
        let tail = try #require(edge.gradientArrowTail), tip = try #require(edge.gradientArrowTip)
        let mid = Point(x: (tail.x + tip.x) / 2, y: (tail.y + tip.y) / 2)
        var foundRed = false
        for dy in -1...1 {
            let p = canvas.pixel(x: Int(mid.x), y: Int(mid.y) + dy)
            if p.r > 180 && p.g < 120 && p.b < 120 { foundRed = true }
        }
        #expect(foundRed)
        #expect(canvas.pixel(x: 1, y: 1) == RGBA8(r: 255, g: 255, b: 255))
    }

    @Test("the same diagram renders to identical PNG bytes twice")
    func deterministic() throws {
        func render() throws -> [UInt8] {
            let m = try ImageCanvas(width: 1, height: 1)
            let layout = try DiagramLayout(shoppingDiagram(), measuringWith: m)
            let c = try ImageCanvas(width: layout.size.width, height: layout.size.height, scale: 1)
            c.clear(.white)
            layout.draw(on: c)
            return try c.pngData(options: .fast)
        }
        #expect(try render() == render())
    }

    @Test("a theme sets the diagram's fonts and colours")
    func themed() {
        let dark = DiagramStyle(theme: .dark)
        #expect(dark.background == Theme.dark.colors.background)
        #expect(dark.nodeText.color == Theme.dark.colors.text)
        #expect(dark.nodeText.family == Theme.dark.fonts.family)
        let slides = DiagramStyle(theme: .slides)
        #expect(slides.nodeText.size > DiagramStyle(theme: .default).nodeText.size)
        #expect(DiagramStyle(theme: .default).nodeText.size == 15)
    }
}
