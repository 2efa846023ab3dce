import FrameplotPlot

extension BackpropTrace {
    /// The id of the output node the diagram adds after the graph's result.
    public static let outputNodeID = "__output__"

    /// Formats a value or gradient for an edge label: scalars compactly ("5.4"), short
    /// vectors in brackets ("[0.5, −1]").
    public static func format(_ values: [Double]) -> String {
        DiagramNumberFormat.compact(values)
    }

    /// Formats a value of `rows`×`cols` (row-major): scalars and rows as ``format(_:)``,
    /// columns transposed ("[0.5, −0.3]ᵀ"), small matrices by rows ("[1, 2; 3, 4]"),
    /// larger ones by their shape ("3×2").
    public static func format(_ values: [Double], rows: Int, cols: Int) -> String {
        if rows <= 1 || values.count <= 1 { return format(values) }
        if cols == 1 { return format(values) + "ᵀ" }
        guard values.count <= 4, values.count == rows * cols else { return "\(rows)×\(cols)" }
        let rowTexts = (0..<rows).map { r in
            values[(r * cols)..<((r + 1) * cols)].map { DiagramNumberFormat.compact($0) }.joined(separator: ", ")
        }
        return "[" + rowTexts.joined(separator: "; ") + "]"
    }

    /// The diagram of this trace: one node per graph node (plus an output node after the
    /// result when the last node is not an output already); every edge carries its source's forward value (above) and gradient (below).
    ///
    /// Parameters with an updated value get the annotation "w ← 0.52".
    /// An edge's gradient is the gradient of the output with respect to the edge's source
    /// (the sum over all its uses when a value feeds several operations).
    public func diagram() -> GraphDiagram {
        var dNodes: [GraphDiagram.Node] = []
        var dEdges: [GraphDiagram.Edge] = []
        for node in nodes {
            let annotation = node.updatedValue.map { "\(node.displayLabel) ← \(Self.format($0, rows: node.rows, cols: node.cols))" }
            dNodes.append(.init(id: node.id, label: node.displayLabel, kind: node.kind, annotation: annotation))
        }
        for node in nodes {
            for input in node.inputs {
                guard let source = self.node(input) else { continue }
                dEdges.append(.init(from: source.id, to: node.id, forwardLabel: source.valueText,
                                    gradientLabel: source.gradientText))
            }
        }
        if let result = nodes.last, result.kind != .output {
            dNodes.append(.init(id: Self.outputNodeID, label: Self.displayLabel(outputLabel, kind: .output), kind: .output))
            dEdges.append(.init(from: result.id, to: Self.outputNodeID, forwardLabel: result.valueText,
                                gradientLabel: result.gradientText))
        }
        return GraphDiagram(nodes: dNodes, edges: dEdges)
    }

    /// What is visible after the first `count` events: forward values of computed nodes,
    /// gradients of nodes the backward pass reached, updated parameters; the node of the
    /// last event is highlighted when `highlightLast` is true.
    public func reveal(afterEvents count: Int, in diagram: GraphDiagram, highlightLast: Bool = true) -> DiagramReveal {
        let applied = events.prefix(max(0, min(count, events.count)))
        var nodeIndex: [String: Int] = [:]
        for (i, n) in diagram.nodes.enumerated() { nodeIndex[n.id] = i }
        var outgoing: [String: [Int]] = [:]
        var incoming: [String: [Int]] = [:]
        for (i, e) in diagram.edges.enumerated() {
            outgoing[e.from, default: []].append(i)
            incoming[e.to, default: []].append(i)
        }
        // Nodes whose gradient has no event of its own become known when a consumer's backward step runs.
        let hasBackwardEvent = Set(events.compactMap { event -> String? in
            if case .backward(let id) = event { return id } else { return nil }
        })
        var reveal = DiagramReveal.nothing
        for event in applied {
            switch event {
            case .forward(let id):
                reveal.forwardEdges.formUnion(outgoing[id] ?? [])
            case .backward(let id):
                reveal.gradientEdges.formUnion(outgoing[id] ?? [])
                for e in incoming[id] ?? [] where !hasBackwardEvent.contains(diagram.edges[e].from) {
                    reveal.gradientEdges.insert(e)
                }
            case .update(let id):
                if let i = nodeIndex[id] { reveal.annotatedNodes.insert(i) }
            }
        }
        if highlightLast, let last = applied.last, let i = nodeIndex[last.nodeID] {
            reveal.highlightedNodes = [i]
        }
        // Only edges that have the label count as revealed.
        reveal.forwardEdges = reveal.forwardEdges.filter { diagram.edges[$0].forwardLabel != nil }
        reveal.gradientEdges = reveal.gradientEdges.filter { diagram.edges[$0].gradientLabel != nil }
        return reveal
    }

    /// `label` as diagram markup: a maths variable (one letter, optional digits as a
    /// subscript) in italics, anything else escaped and shown as written.
    public static func displayLabel(_ label: String, kind: GraphDiagram.NodeKind) -> String {
        let chars = Array(label)
        if kind != .operation, let first = chars.first, first.isASCII, first.isLetter,
           chars.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }) {
            let digits = String(chars.dropFirst())
            return MathText.markup(digits.isEmpty ? "$\(first)$" : "$\(first)_{\(digits)}$")
        }
        return MathText.escaped(label)
    }

    /// A one-line description (markup) of event `index` for the animation's caption.
    public func caption(forEvent index: Int) -> String {
        guard events.indices.contains(index) else { return "" }
        let event = events[index]
        guard let node = node(event.nodeID) else { return "" }
        let out = Self.displayLabel(outputLabel, kind: .output)
        let name = node.displayLabel
        switch event {
        case .forward:
            switch node.kind {
            case .input, .parameter, .constant:
                return "Forward: \(name) = \(node.valueText)"
            case .output:
                return "Forward: \(name) = \(node.valueText)"
            case .operation:
                return "Forward: \(name) gives \(node.valueText)"
            }
        case .backward:
            let g = node.gradientText ?? "–"
            switch node.kind {
            case .input, .parameter, .constant:
                return "Backward: ∂\(out)/∂\(name) = \(g)"
            case .output:
                return "Backward: start at \(name) with ∂\(out)/∂\(name) = \(g)"
            case .operation:
                return "Backward at \(name): ∂\(out)/∂(\(name) output) = \(g)"
            }
        case .update:
            let eta = learningRate.map { DiagramNumberFormat.compact($0) } ?? "η"
            let new = node.updatedValue.map { Self.format($0, rows: node.rows, cols: node.cols) } ?? "?"
            return "Update: \(name) ← \(name) − \(eta) · ∂\(out)/∂\(name) = \(new)"
        }
    }
}

extension BackpropTrace.Node {
    /// The label as diagram markup: names of one letter (and digits) in maths italics
    /// ("w", "W1" → <i>W</i><sub>1</sub>), everything else literal.
    public var displayLabel: String { BackpropTrace.displayLabel(label, kind: kind) }

    /// The forward value as an edge label.
    public var valueText: String { BackpropTrace.format(value, rows: rows, cols: cols) }
    /// The gradient as an edge label, if there is one.
    public var gradientText: String? { gradient.map { BackpropTrace.format($0, rows: rows, cols: cols) } }
}
