/// A directed acyclic graph to draw as a left-to-right diagram: nodes with labels and
/// kinds, edges with an optional forward label (drawn above the edge) and an optional
/// gradient label (drawn below it, in red), as in computation-graph figures.
///
/// The diagram knows nothing about where its labels come from; the scenes adapt a model's
/// computation graph into one.
///
/// ```swift
/// let diagram = GraphDiagram(
///     nodes: [.init(id: "x", label: "x", kind: .input),
///             .init(id: "y", label: "y", kind: .input),
///             .init(id: "mul", label: "×", kind: .operation),
///             .init(id: "z", label: "z", kind: .output)],
///     edges: [.init(from: "x", to: "mul", forwardLabel: "2", gradientLabel: "3"),
///             .init(from: "y", to: "mul", forwardLabel: "3", gradientLabel: "2"),
///             .init(from: "mul", to: "z", forwardLabel: "6", gradientLabel: "1")])
/// let layout = try DiagramLayout(diagram, measuringWith: canvas)
/// ```
public struct GraphDiagram: Sendable, Hashable {
    /// What a node stands for; decides its shape.
    public enum NodeKind: Sendable, Hashable, CaseIterable {
        /// Data fed into the graph: drawn as a plain label.
        case input
        /// A trainable value: drawn as a rounded box.
        case parameter
        /// A fixed value (a label, a rate): drawn as a plain label in a quieter colour.
        case constant
        /// An operation (×, +, σ, …): drawn as a circle around its symbol.
        case operation
        /// The result of the graph: drawn as a box with a thick border.
        case output
    }

    /// One node of the diagram.
    public struct Node: Sendable, Hashable {
        /// Unique within the diagram; edges refer to nodes by it.
        public var id: String
        /// The text drawn in or as the node ("apple price", "×", "σ").
        public var label: String
        public var kind: NodeKind
        /// An optional note drawn under the node, e.g. a parameter's updated value.
        public var annotation: String?

        public init(id: String, label: String, kind: NodeKind, annotation: String? = nil) {
            self.id = id; self.label = label; self.kind = kind; self.annotation = annotation
        }
    }

    /// One edge, drawn as an arrow from `from` to `to`.
    public struct Edge: Sendable, Hashable {
        public var from: String
        public var to: String
        /// Drawn above the edge (the forward value flowing along it).
        public var forwardLabel: String?
        /// Drawn below the edge in the gradient colour (the gradient flowing back along it).
        public var gradientLabel: String?

        public init(from: String, to: String, forwardLabel: String? = nil, gradientLabel: String? = nil) {
            self.from = from; self.to = to; self.forwardLabel = forwardLabel; self.gradientLabel = gradientLabel
        }
    }

    public var nodes: [Node]
    public var edges: [Edge]

    public init(nodes: [Node], edges: [Edge]) {
        self.nodes = nodes; self.edges = edges
    }

    /// The index of the node with `id`, if any.
    public func nodeIndex(of id: String) -> Int? {
        nodes.firstIndex { $0.id == id }
    }
}

/// Why a diagram cannot be laid out.
public enum DiagramError: Error, Equatable, CustomStringConvertible {
    case duplicateNode(id: String)
    case unknownNode(id: String)
    case cycle(through: String)
    case empty

    public var description: String {
        switch self {
        case .duplicateNode(let id): return "diagram: two nodes share the id '\(id)'"
        case .unknownNode(let id): return "diagram: an edge refers to the unknown node '\(id)'"
        case .cycle(let id): return "diagram: the graph has a cycle through '\(id)'; only acyclic graphs can be drawn"
        case .empty: return "diagram: the graph has no nodes"
        }
    }
}
