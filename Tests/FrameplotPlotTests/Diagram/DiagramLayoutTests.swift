import FrameplotCanvas
import Testing
@testable import FrameplotPlot

@Suite("Diagram layout")
struct DiagramLayoutTests {
    let shopping = shoppingDiagram()

    @Test("shopping graph: no node or label overlaps another")
    func noOverlaps() throws {
        let layout = try DiagramLayout(shopping, measure: approximateMetrics)
        #expect(overlappingPairs(layout).isEmpty)
        #expect(layout.occupiedBoxes.count == shopping.nodes.count + 2 * shopping.edges.count)
        let all = Rect(x: 0, y: 0, width: layout.size.width, height: layout.size.height)
        for box in layout.occupiedBoxes { #expect(all.contains(box)) }
    }

    @Test("every edge starts on its source's outline and ends on its target's")
    func edgesTouchTheirNodes() throws {
        let layout = try DiagramLayout(shopping, measure: approximateMetrics)
        for edge in layout.edges {
            let first = try #require(edge.points.first), last = try #require(edge.points.last)
            #expect(distanceToOutline(first, of: layout.nodes[edge.source]) < 1e-6)
            #expect(distanceToOutline(last, of: layout.nodes[edge.target]) < 1e-6)
            #expect(first.x < last.x, "edges run left to right")
        }
    }

    @Test("layers follow the dependencies; inputs sit just left of their consumer")
    func layersFollowDependencies() throws {
        let layout = try DiagramLayout(shopping, measure: approximateMetrics)
        for edge in layout.edges { #expect(layout.nodes[edge.source].layer < layout.nodes[edge.target].layer) }
        let layer = { (id: String) in layout.node(id: id)?.layer ?? -1 }
        #expect(layer("apple") == 0 && layer("count") == 0)
        #expect(layer("m1") == 1 && layer("add") == 2 && layer("m3") == 3 && layer("total") == 4)
        #expect(layer("tax") == 2)
        // Columns are left to right.
        for edge in layout.edges {
            #expect(layout.nodes[edge.source].frame.maxX < layout.nodes[edge.target].frame.minX)
        }
        #expect(layout.layers.count == 5)
        #expect(layout.layers.flatMap { $0 }.sorted() == Array(shopping.nodes.indices))
    }

    @Test("ordering within layers removes crossings: apple above orange, no edges cross")
    func noCrossings() throws {
        let layering = try DiagramLayering(shopping)
        #expect(layering.crossingCount == 0)
        let layout = try DiagramLayout(shopping, measure: approximateMetrics)
        let y = { (id: String) in layout.node(id: id)?.center.y ?? .nan }
        #expect(y("apple") < y("count") || y("count") < y("orange"))
        #expect(y("m1") < y("m2"))
    }

    @Test("labels: forward above its edge, gradient below it, both between the two columns")
    func labelSides() throws {
        let layout = try DiagramLayout(shopping, measure: approximateMetrics)
        for edge in layout.edges {
            let a = edge.points[0], b = edge.points[1]
            let f = try #require(edge.forwardLabelBox), g = try #require(edge.gradientLabelBox)
            #expect(f.maxY <= min(a.y, b.y) + 1e-9 || f.maxY <= max(a.y, b.y))
            #expect(f.center.y < g.center.y)
            #expect(f.minX >= a.x && f.maxX <= b.x)
            #expect(g.minX >= a.x && g.maxX <= b.x)
        }
    }

    @Test("a long edge passes intermediate layers through bends", arguments: [false, true])
    func longEdges(withAnnotation: Bool) throws {
        // a -> f -> g -> h and a -> h: the second edge spans three layers.
        let d = GraphDiagram(
            nodes: [.init(id: "a", label: "a", kind: .input, annotation: withAnnotation ? "→ 1.5" : nil),
                    .init(id: "f", label: "exp", kind: .operation), .init(id: "g", label: "σ", kind: .operation),
                    .init(id: "h", label: "+", kind: .operation), .init(id: "out", label: "y", kind: .output)],
            edges: [.init(from: "a", to: "f", forwardLabel: "1", gradientLabel: "2"), .init(from: "f", to: "g", forwardLabel: "2.72"),
                    .init(from: "g", to: "h", forwardLabel: "0.938"), .init(from: "a", to: "h", forwardLabel: "1", gradientLabel: "1"),
                    .init(from: "h", to: "out", forwardLabel: "1.94", gradientLabel: "1")])
        let layout = try DiagramLayout(d, measure: approximateMetrics)
        let long = layout.edges[3]
        #expect(long.points.count == 4)
        #expect(overlappingPairs(layout).isEmpty)
        for edge in layout.edges {
            #expect(distanceToOutline(edge.points[0], of: layout.nodes[edge.source]) < 1e-6)
            #expect(distanceToOutline(edge.points[edge.points.count - 1], of: layout.nodes[edge.target]) < 1e-6)
        }
        // The bends avoid the nodes of the layers they pass.
        for (p, q) in zip(long.points, long.points.dropFirst()) {
            for node in layout.nodes where node.index != long.source && node.index != long.target {
                #expect(!DiagramGeometry.segment(p, q, intersects: node.frame))
            }
        }
    }

    @Test("random graphs: no overlaps, edges on their nodes, dependencies left to right", arguments: 1...12)
    func randomGraphs(seed: Int) throws {
        let d = randomDiagram(seed: UInt64(seed), count: 5 + seed % 7)
        let layout = try DiagramLayout(d, measure: approximateMetrics)
        #expect(overlappingPairs(layout).isEmpty)
        for edge in layout.edges {
            #expect(layout.nodes[edge.source].layer < layout.nodes[edge.target].layer)
            #expect(distanceToOutline(edge.points[0], of: layout.nodes[edge.source]) < 1e-6)
            #expect(distanceToOutline(edge.points[edge.points.count - 1], of: layout.nodes[edge.target]) < 1e-6)
        }
    }

    @Test("shapes by kind; long operator names get a capsule")
    func shapes() throws {
        let layout = try DiagramLayout(shopping, measure: approximateMetrics)
        #expect(layout.node(id: "apple")?.shape == .text)
        #expect(layout.node(id: "m1")?.shape == .circle)
        #expect(layout.node(id: "total")?.shape == .outputBox)
        let d = GraphDiagram(nodes: [.init(id: "w", label: "w", kind: .parameter), .init(id: "s", label: "softmax", kind: .operation)],
                             edges: [.init(from: "w", to: "s")])
        let l2 = try DiagramLayout(d, measure: approximateMetrics)
        #expect(l2.nodes[0].shape == .roundedBox)
        #expect(l2.nodes[1].shape == .capsule)
        #expect(l2.nodes[1].frame.contains(l2.nodes[1].labelBox))
    }

    @Test("layout is a pure function of its inputs")
    func deterministic() throws {
        let a = try DiagramLayout(shopping, measure: approximateMetrics)
        let b = try DiagramLayout(shopping, measure: approximateMetrics)
        #expect(a.nodes == b.nodes && a.edges == b.edges && a.size == b.size)
    }

    @Test("bad graphs give typed errors")
    func errors() {
        #expect(throws: DiagramError.empty) { try DiagramLayout(GraphDiagram(nodes: [], edges: []), measure: approximateMetrics) }
        #expect(throws: DiagramError.duplicateNode(id: "a")) {
            try DiagramLayout(GraphDiagram(nodes: [.init(id: "a", label: "a", kind: .input), .init(id: "a", label: "b", kind: .input)], edges: []),
                              measure: approximateMetrics)
        }
        #expect(throws: DiagramError.unknownNode(id: "zz")) {
            try DiagramLayout(GraphDiagram(nodes: [.init(id: "a", label: "a", kind: .input)], edges: [.init(from: "a", to: "zz")]),
                              measure: approximateMetrics)
        }
        #expect(throws: DiagramError.cycle(through: "a")) {
            try DiagramLayout(GraphDiagram(nodes: [.init(id: "a", label: "a", kind: .operation), .init(id: "b", label: "b", kind: .operation)],
                                           edges: [.init(from: "a", to: "b"), .init(from: "b", to: "a")]),
                              measure: approximateMetrics)
        }
    }

    @Test("isotonic placement keeps order and separation and is closest to the wishes")
    func isotonic() {
        let y = DiagramLayoutEngine.isotonicPlacement(desired: [0, 0, 0], separations: [10, 10])
        #expect(y == [-10, 0, 10])
        let z = DiagramLayoutEngine.isotonicPlacement(desired: [0, 100], separations: [10])
        #expect(z == [0, 100])
    }
}
