import FrameplotModel
import FrameplotPlot

extension BackpropTrace {
    /// Runs one training step on a copy of `graph` — `forward()`, `backward()` and, when
    /// `learningRate` is given, `applyGradientStep(learningRate:)` — and records every node's
    /// forward value, gradient and updated value with the graph's own events in order.
    ///
    /// Constants (targets) get no gradient label: nothing is learned from them.
    ///
    /// ```swift
    /// let trace = BackpropTrace(running: .shoppingExample(), title: "Shopping")
    /// trace.node("0")?.gradient   // [5.4]: ∂total/∂apple price
    /// ```
    public init(running graph: ComputationGraph, title: String, learningRate: Double? = nil) {
        var g = graph
        g.forward()
        g.backward()
        let before = g.nodes
        if let learningRate { g.applyGradientStep(learningRate: learningRate) }
        let after = g.nodes
        var traceNodes: [Node] = []
        for (node, updated) in zip(before, after) {
            let kind: GraphDiagram.NodeKind
            switch node.kind {
            case .input: kind = .input
            case .parameter: kind = .parameter
            case .constant: kind = .constant
            case .operation: kind = .operation
            case .output: kind = .output
            }
            let isUpdated = learningRate != nil && node.kind == .parameter
            traceNodes.append(Node(
                id: String(node.id), label: node.label, kind: kind, inputs: node.inputs.map { String($0) },
                value: node.value.values, rows: node.value.rows, cols: node.value.cols,
                gradient: node.kind == .constant ? nil : node.gradient.values,
                updatedValue: isUpdated ? updated.value.values : nil))
        }
        let traceEvents: [Event] = g.events.map { event in
            switch event {
            case .forward(let id): return .forward(String(id))
            case .backward(let id): return .backward(String(id))
            case .update(let id): return .update(String(id))
            }
        }
        let output = g.resultID.flatMap { g.node(id: $0)?.label } ?? "output"
        self.init(title: title, outputLabel: output, nodes: traceNodes, events: traceEvents, learningRate: learningRate)
    }

    /// The node whose label is `label`, if any (labels of leaves are their names).
    public func node(labelled label: String) -> Node? { nodes.first { $0.label == label } }

    /// The shopping example of the backprop post: apples 100 × 5, oranges 150 × 3, tax × 1.08
    /// (∂total/∂apple price = 5.4). Forward and backward only: nothing is trained.
    public static func shopping() -> BackpropTrace {
        BackpropTrace(running: .shoppingExample(), title: "Shopping: 5 apples at 100, 3 oranges at 150, tax × 1.08")
    }

    /// One training step of a logistic-regression neuron on one sample: x = [1.5, 2],
    /// target t = 1, w = [0.5, −0.3]ᵀ, b = 0.2, affine → σ → cross-entropy, learning rate 0.5.
    ///
    /// - Throws: the model's error if the graph cannot be built (it can for these shapes).
    public static func logisticNeuron(learningRate: Double = 0.5) throws -> BackpropTrace {
        let graph = try ComputationGraph.logisticNeuron(
            features: Matrix(rows: 1, cols: 2, values: [1.5, 2]), targets: [1], weights: [0.5, -0.3], bias: 0.2)
        return BackpropTrace(running: graph, title: "Logistic neuron: affine → σ → cross-entropy, one step (η = \(plainNumber(learningRate)))",
                             learningRate: learningRate)
    }

    /// `value` as ``DiagramNumberFormat/compact(_:significantDigits:)`` writes it, in plain text
    /// (titles are plain): powers of ten with superscript characters, "1.5×10⁻⁷", "10³⁰⁰".
    ///
    /// ```swift
    /// BackpropTrace.plainNumber(1e300)   // "10³⁰⁰"
    /// ```
    static func plainNumber(_ value: Double) -> String {
        let markup = DiagramNumberFormat.compact(value)
        let superscripts: [Character: Character] = [
            "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
            "−": "⁻", "-": "⁻", "+": "⁺",
        ]
        var out = ""
        var rest = Substring(markup)
        while let open = rest.range(of: "<sup>"), let close = rest.range(of: "</sup>", range: open.upperBound..<rest.endIndex) {
            out += rest[..<open.lowerBound]
            out += String(rest[open.upperBound..<close.lowerBound].map { superscripts[$0] ?? $0 })
            rest = rest[close.upperBound...]
        }
        return out + rest
    }
}
