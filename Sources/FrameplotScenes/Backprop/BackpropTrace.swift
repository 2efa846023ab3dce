import FrameplotPlot

/// One forward pass, backward pass and parameter update of a computation graph, as plain
/// values: what the backprop diagrams and the animation draw.
///
/// Build it from the model core's graph with ``BackpropTrace/init(running:title:learningRate:)``
/// (see `BackpropTrace+ComputationGraph.swift`), or by hand for a graph of your own.
///
/// ```swift
/// let trace = try BackpropTrace.shopping()
/// let diagram = trace.diagram()          // every value and gradient
/// ```
public struct BackpropTrace: Sendable, Hashable {
    /// One node with the values one pass produced.
    public struct Node: Sendable, Hashable {
        public var id: String
        /// "apple price", "×", "σ", …
        public var label: String
        public var kind: GraphDiagram.NodeKind
        /// Ids of the nodes this one reads, in operand order.
        public var inputs: [String]
        /// The forward value, row-major (one entry for a scalar).
        public var value: [Double]
        /// The shape of `value` (1×1 for a scalar).
        public var rows: Int
        public var cols: Int
        /// The gradient of the output with respect to this node's value, if the backward pass reached it.
        public var gradient: [Double]?
        /// The value after the parameter update (parameters only).
        public var updatedValue: [Double]?

        public init(id: String, label: String, kind: GraphDiagram.NodeKind, inputs: [String] = [],
                    value: [Double], rows: Int = 1, cols: Int? = nil, gradient: [Double]? = nil, updatedValue: [Double]? = nil) {
            self.id = id; self.label = label; self.kind = kind; self.inputs = inputs
            self.value = value; self.rows = max(1, rows); self.cols = cols ?? max(1, value.count / max(1, rows))
            self.gradient = gradient; self.updatedValue = updatedValue
        }
    }

    /// Something that happened to one node, in the order it happened.
    public enum Event: Sendable, Hashable {
        /// The node's forward value was computed.
        case forward(String)
        /// The node's gradient was computed.
        case backward(String)
        /// The parameter was updated by gradient descent.
        case update(String)

        public var nodeID: String {
            switch self {
            case .forward(let id), .backward(let id), .update(let id): return id
            }
        }
    }

    /// A title for figures and the animation ("Shopping: apples, oranges and tax").
    public var title: String
    /// The name of the graph's result, drawn as the output node ("total", "L").
    public var outputLabel: String
    /// Nodes in a forward (topological) order; the last one is the graph's result.
    public var nodes: [Node]
    public var events: [Event]
    /// The learning rate of the update, if the trace has one.
    public var learningRate: Double?

    public init(title: String, outputLabel: String, nodes: [Node], events: [Event], learningRate: Double? = nil) {
        self.title = title; self.outputLabel = outputLabel; self.nodes = nodes
        self.events = events; self.learningRate = learningRate
    }

    /// The node with `id`, if any.
    public func node(_ id: String) -> Node? { nodes.first { $0.id == id } }
}
