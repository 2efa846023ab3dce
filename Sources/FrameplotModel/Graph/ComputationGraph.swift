/// A small computation graph with reverse-mode differentiation on scalars and small matrices.
///
/// Nodes are added in dependency order (an operation's inputs must already exist), so the
/// node array is a topological order: `forward()` evaluates nodes from first to last and
/// `backward()` propagates gradients from last to first. After the passes every node exposes
/// its id, kind, display label, input ids, forward value and gradient, and `events` lists
/// the node events in the order they happened (for drawing and animating the passes).
///
/// ```swift
/// var g = ComputationGraph.shoppingExample()
/// g.forward()
/// g.backward()
/// g.node(named: "apple price")?.gradient.scalar   // 5.4
/// ```
public struct ComputationGraph: Sendable, Hashable {
    /// All nodes, in the order they were added (a topological order).
    public internal(set) var nodes: [Node] = []
    /// Node events of the passes run so far, in order (cleared by `forward()`).
    public internal(set) var events: [Event] = []

    /// Creates an empty graph.
    ///
    /// ```swift
    /// var g = ComputationGraph()
    /// let x = g.input("x", Matrix(scalar: 2))
    /// ```
    public init() {}

    /// The node with `id` (ids are 0-based positions in `nodes`), or nil.
    ///
    /// ```swift
    /// let n = g.node(id: 0)
    /// ```
    public func node(id: Int) -> Node? {
        nodes.indices.contains(id) ? nodes[id] : nil
    }

    /// The first node whose label is `name`, or nil.
    ///
    /// ```swift
    /// let price = g.node(named: "apple price")
    /// ```
    public func node(named name: String) -> Node? {
        nodes.first { $0.label == name }
    }

    /// The ids of the nodes that take node `id` as an input, in order.
    ///
    /// ```swift
    /// let users = g.consumers(of: 0)
    /// ```
    public func consumers(of id: Int) -> [Int] {
        nodes.filter { $0.inputs.contains(id) }.map(\.id)
    }

    /// Ids of the leaf nodes that hold trainable values.
    public var parameterIDs: [Int] {
        nodes.filter { $0.kind == .parameter }.map(\.id)
    }

    /// The id of the node the backward pass starts from: the last `.output` node, else the last node.
    public var resultID: Int? {
        nodes.last { $0.kind == .output }?.id ?? nodes.last?.id
    }
}

extension ComputationGraph {
    /// What a node stands for.
    public enum NodeKind: String, Sendable, Hashable, CaseIterable {
        /// Data fed into the graph.
        case input
        /// A trainable value (changed by `applyGradientStep`).
        case parameter
        /// A fixed value (e.g. a target label).
        case constant
        /// An operation on other nodes.
        case operation
        /// A named result (identity of its single input); the backward pass starts here.
        case output
    }

    /// The operation an `.operation` (or `.output`) node performs.
    public enum Operation: String, Sendable, Hashable {
        /// Element-wise sum; the second input may be a 1×cols row broadcast over rows, or 1×1.
        case add
        /// Element-wise product; either input may be 1×1 (a scalar factor).
        case multiply
        /// Matrix product.
        case matrixProduct
        /// x · W + b (b a 1×cols row broadcast over the rows).
        case affine
        /// Logistic sigmoid 1/(1+e^(−x)), element-wise.
        case sigmoid
        /// Hyperbolic tangent, element-wise.
        case tanh
        /// max(0, x), element-wise.
        case relu
        /// Softmax of each row.
        case softmax
        /// Mean cross-entropy of probabilities against targets (binary when 1 column).
        case crossEntropy
        /// Identity (used by output nodes).
        case identity
        /// Element-wise a − b; either input may be 1×1.
        case subtract
        /// Element-wise a / b; either input may be 1×1.
        case divide
        /// Element-wise a^b; either input may be 1×1.
        case power
        /// Element-wise −x.
        case negate
        /// Element-wise sine (radians).
        case sin
        /// Element-wise cosine (radians).
        case cos
        /// Element-wise tangent (radians).
        case tan
        /// Element-wise eˣ.
        case exp
        /// Element-wise natural logarithm.
        case log
        /// Element-wise square root.
        case sqrt
        /// Element-wise absolute value.
        case abs

        /// The symbol drawn in a diagram.
        public var symbol: String {
            switch self {
            case .add: return "+"
            case .multiply: return "×"
            case .matrixProduct: return "·"
            case .affine: return "affine"
            case .sigmoid: return "σ"
            case .tanh: return "tanh"
            case .relu: return "ReLU"
            case .softmax: return "softmax"
            case .crossEntropy: return "CE"
            case .identity: return "="
            case .subtract, .negate: return "−"
            case .divide: return "÷"
            case .power: return "^"
            case .sin: return "sin"
            case .cos: return "cos"
            case .tan: return "tan"
            case .exp: return "exp"
            case .log: return "log"
            case .sqrt: return "√"
            case .abs: return "|·|"
            }
        }

    }

    /// One node and, after the passes, its value and gradient.
    public struct Node: Sendable, Hashable, Identifiable {
        /// Position in `ComputationGraph.nodes` (stable for the life of the graph).
        public let id: Int
        /// What the node stands for.
        public let kind: NodeKind
        /// Display label: the name of a leaf or output ("apple price", "total"),
        /// the operator symbol of an operation ("×", "+", "σ", "softmax", "CE", "affine").
        public let label: String
        /// The operation, nil for leaves.
        public let operation: Operation?
        /// Ids of the input nodes, in operand order.
        public let inputs: [Int]
        /// Forward value (leaves: their value; operations: after `forward()`).
        public internal(set) var value: Matrix
        /// ∂result/∂(this node) after `backward()` (zeros before).
        public internal(set) var gradient: Matrix
    }

    /// A node event of a pass, in the order it happened.
    public enum Event: Sendable, Hashable {
        /// The node's forward value became available.
        case forward(node: Int)
        /// The node's gradient became final.
        case backward(node: Int)
        /// A parameter node's value was updated by a gradient step.
        case update(node: Int)
    }
}

/// Why a graph operation cannot be built.
///
/// ```swift
/// do { _ = try g.add(a, b) } catch let e as ComputationGraphError { print(e) }
/// ```
public enum ComputationGraphError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The input shapes do not fit the operation.
    case shapeMismatch(operation: String, shapes: [String])
    /// An input id does not name an existing node.
    case unknownNode(id: Int)

    public var description: String {
        switch self {
        case let .shapeMismatch(operation, shapes):
            return "\(operation): input shapes \(shapes.joined(separator: ", ")) do not fit"
        case let .unknownNode(id):
            return "no node with id \(id)"
        }
    }
}
