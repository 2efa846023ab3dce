import FrameplotCanvas
@testable import FrameplotPlot

/// Text metrics without a font: a fixed advance per character, as a stand-in when no
/// canvas is needed (the real-font checks use a canvas).
func approximateMetrics(_ text: String, _ style: TextStyle) -> TextMetrics {
    let width = Double(text.count) * style.size * 0.6
    let height = style.size * 1.4
    return TextMetrics(logical: Rect(x: 0, y: 0, width: width, height: height),
                       ink: Rect(x: 0, y: style.size * 0.3, width: width, height: style.size * 0.8),
                       baseline: style.size * 1.1, unknownGlyphs: 0)
}

/// The shopping graph of the backprop post, by hand (the plot layer does not know the model).
func shoppingDiagram() -> GraphDiagram {
    GraphDiagram(
        nodes: [
            .init(id: "apple", label: "apple price", kind: .input),
            .init(id: "count", label: "apple count", kind: .input),
            .init(id: "orange", label: "orange price", kind: .input),
            .init(id: "ocount", label: "orange count", kind: .input),
            .init(id: "tax", label: "tax", kind: .input),
            .init(id: "m1", label: "×", kind: .operation),
            .init(id: "m2", label: "×", kind: .operation),
            .init(id: "add", label: "+", kind: .operation),
            .init(id: "m3", label: "×", kind: .operation),
            .init(id: "total", label: "total", kind: .output),
        ],
        edges: [
            .init(from: "apple", to: "m1", forwardLabel: "100", gradientLabel: "5.4"),
            .init(from: "count", to: "m1", forwardLabel: "5", gradientLabel: "108"),
            .init(from: "orange", to: "m2", forwardLabel: "150", gradientLabel: "3.24"),
            .init(from: "ocount", to: "m2", forwardLabel: "3", gradientLabel: "162"),
            .init(from: "m1", to: "add", forwardLabel: "500", gradientLabel: "1.08"),
            .init(from: "m2", to: "add", forwardLabel: "450", gradientLabel: "1.08"),
            .init(from: "add", to: "m3", forwardLabel: "950", gradientLabel: "1.08"),
            .init(from: "tax", to: "m3", forwardLabel: "1.08", gradientLabel: "950"),
            .init(from: "m3", to: "total", forwardLabel: "1026", gradientLabel: "1"),
        ])
}

/// A seeded random DAG with `count` nodes (tiny LCG: tests must not use the system RNG).
func randomDiagram(seed: UInt64, count: Int) -> GraphDiagram {
    var state = seed &* 6364136223846793005 &+ 1442695040888963407
    func next(_ bound: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(bound))
    }
    var nodes: [GraphDiagram.Node] = []
    var edges: [GraphDiagram.Edge] = []
    let symbols = ["×", "+", "σ", "exp", "softmax", "CE"]
    for i in 0..<count {
        let isSource = i < 2 || next(3) == 0
        let label = isSource ? "x\(i)" : symbols[next(symbols.count)]
        nodes.append(.init(id: "n\(i)", label: label, kind: isSource ? (i % 2 == 0 ? .input : .parameter) : .operation,
                           annotation: (isSource && next(2) == 0) ? "→ 0.\(next(1000))" : nil))
        if !isSource {
            let fanIn = 1 + next(2)
            var used: Set<Int> = []
            for _ in 0..<fanIn {
                let s = next(i)
                guard used.insert(s).inserted else { continue }
                edges.append(.init(from: "n\(s)", to: "n\(i)", forwardLabel: "\(next(2000)).\(next(100))",
                                   gradientLabel: next(4) == 0 ? nil : "−0.\(next(10000))"))
            }
        }
    }
    nodes.append(.init(id: "out", label: "L", kind: .output))
    edges.append(.init(from: "n\(count - 1)", to: "out", forwardLabel: "0.5", gradientLabel: "1"))
    return GraphDiagram(nodes: nodes, edges: edges)
}

/// The distance from `p` to the outline of a placed node's shape.
func distanceToOutline(_ p: Point, of node: DiagramLayout.PlacedNode) -> Double {
    let c = node.center, f = node.frame
    switch node.shape {
    case .circle:
        return abs(((p.x - c.x) * (p.x - c.x) + (p.y - c.y) * (p.y - c.y)).squareRoot() - f.width / 2)
    case .capsule:
        let r = f.height / 2, a = max(0, f.width / 2 - r)
        let qx = max(0, abs(p.x - c.x) - a), qy = p.y - c.y
        return abs((qx * qx + qy * qy).squareRoot() - r)
    case .text, .roundedBox, .outputBox:
        let dx = abs(p.x - c.x) - f.width / 2, dy = abs(p.y - c.y) - f.height / 2
        if dx <= 0, dy <= 0 { return min(-dx, -dy) }
        return (max(dx, 0) * max(dx, 0) + max(dy, 0) * max(dy, 0)).squareRoot()
    }
}

/// Pairs of boxes in the layout whose interiors overlap.
func overlappingPairs(_ layout: DiagramLayout) -> [(Rect, Rect)] {
    let boxes = layout.occupiedBoxes
    var pairs: [(Rect, Rect)] = []
    for i in 0..<boxes.count {
        for j in (i + 1)..<boxes.count where boxes[i].intersects(boxes[j]) { pairs.append((boxes[i], boxes[j])) }
    }
    return pairs
}
