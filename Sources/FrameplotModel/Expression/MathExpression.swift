/// A formula typed by a person, such as `--function "(1 - x)^2 + 100*(y - x^2)^2"`,
/// compiled into the model core's computation graph, with gradients by reverse mode.
///
/// Numbers, the caller's variables, `pi` and `e`, `+ - * / ^` (`^` right-associative;
/// `-x^2` is `-(x^2)`), signs, parentheses and the functions sin cos tan exp log sqrt abs
/// tanh (`log` is the natural logarithm; `ln` is accepted too). Common spellings such as
/// `**`, `×`, `·` and `−` are accepted. Domain errors are not errors: log of a negative
/// number is NaN and 1/0 is ∞, which callers treat as divergence.
///
/// The parsed formula is turned into a ``ComputationGraph`` once (``computationGraph(at:)``)
/// and flattened into a tape of the graph's nodes: every evaluation runs the graph's
/// element-wise rules forward and, for gradients, in reverse, without building a graph.
///
/// ```swift
/// let f = try MathExpression.parse("(1 - x)^2 + 100*(y - x^2)^2", variables: ["x", "y"])
/// f.value(at: [1, 1])              // 0
/// f.gradient(at: [0, 0])           // [-2, 0]
/// f.description                    // "(1 - x)^2 + 100*(y - x^2)^2"
/// ```
public struct MathExpression: Sendable, Hashable, CustomStringConvertible {
    /// The variables, in the order of a point's coordinates and a gradient's entries.
    public let variables: [String]
    /// The parsed formula.
    let root: ExpressionNode
    /// The graph's nodes as instructions.
    private let tape: ExpressionTape

    /// Reads `text` as a function of `variables` (each a name such as "x"; a formula may
    /// use any of them, or none).
    ///
    /// ```swift
    /// let g = try MathExpression.parse("x^2 - y^2", variables: ["x", "y"])
    /// ```
    public static func parse(_ text: String, variables: [String]) throws(MathExpressionError) -> MathExpression {
        for (i, name) in variables.enumerated() {
            let valid = !name.isEmpty && name.allSatisfy { $0.isLetter || $0 == "_" || ($0.isASCII && $0.isNumber) }
                && !(name.first?.isNumber ?? true)
            guard valid, !variables[..<i].contains(name), ExpressionNode.functions[name] == nil,
                  MathConstant(rawValue: name) == nil else {
                throw MathExpressionError(offset: 0, message: "the variable name \"\(name)\" is not usable; "
                                          + "names are distinct words that are not functions, pi or e")
            }
        }
        let root = try ExpressionParser.parse(text, variables: variables)
        return MathExpression(root: root, variables: variables)
    }

    private init(root: ExpressionNode, variables: [String]) {
        self.root = root
        self.variables = variables
        self.tape = ExpressionTape(graph: MathExpression.graph(of: root, variables: variables, at: nil), variables: variables)
    }

    /// The normalised formula: spaces around `+` and `-` only, `^` for powers, the fewest
    /// parentheses. Equal formulas have equal descriptions, and a description parses back
    /// to an equal expression (use it in render identities).
    ///
    /// ```swift
    /// try MathExpression.parse("x**2+3 × y", variables: ["x", "y"]).description   // "x^2 + 3*y"
    /// ```
    public var description: String { root.canonicalText(variables: variables) }

    /// The value at `point` (one coordinate per variable; NaN if the count differs).
    ///
    /// ```swift
    /// f.value(at: [1, 2])
    /// ```
    public func value(at point: [Double]) -> Double {
        tape.value(at: point)
    }

    /// ∂f/∂(each variable) at `point` by reverse mode through the graph's rules.
    ///
    /// ```swift
    /// f.gradient(at: [1, 2])
    /// ```
    public func gradient(at point: [Double]) -> [Double] {
        tape.valueAndGradient(at: point).gradient
    }

    /// The value and the gradient from one forward and one reverse pass.
    ///
    /// ```swift
    /// let (v, g) = f.valueAndGradient(at: [1, 2])
    /// ```
    public func valueAndGradient(at point: [Double]) -> (value: Double, gradient: [Double]) {
        tape.valueAndGradient(at: point)
    }

    /// The formula as a computation graph: a parameter leaf per variable (holding `point`'s
    /// coordinate, or 0 beyond it), a constant leaf per number, an operation node per
    /// operator or function, and the output "f". Run `forward()` and `backward()` on it to
    /// see every intermediate value and gradient (e.g. to draw the graph).
    ///
    /// ```swift
    /// var g = f.computationGraph(at: [1, 2])
    /// g.forward(); g.backward()
    /// g.node(named: "x")?.gradient.scalar
    /// ```
    public func computationGraph(at point: [Double]) -> ComputationGraph {
        MathExpression.graph(of: root, variables: variables, at: point)
    }

    public static func == (a: MathExpression, b: MathExpression) -> Bool {
        a.variables == b.variables && a.root == b.root
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(variables)
        hasher.combine(root)
    }

    /// Builds the graph of `root`. Every node is 1×1, so no builder can fail.
    private static func graph(of root: ExpressionNode, variables: [String], at point: [Double]?) -> ComputationGraph {
        var g = ComputationGraph()
        let leaves = variables.enumerated().map { i, name in
            g.appendLeaf(.parameter, name, Matrix(scalar: point.flatMap { i < $0.count ? $0[i] : nil } ?? 0))
        }
        func build(_ node: ExpressionNode) -> Int {
            switch node {
            case let .number(v):
                return g.appendLeaf(.constant, ExpressionNode.format(v), Matrix(scalar: v))
            case let .variable(i):
                return leaves[i]
            case let .constant(c):
                return g.appendLeaf(.constant, c.rawValue, Matrix(scalar: c.value))
            case let .unary(op, x):
                let a = build(x)
                return g.appendOperation(op, [a], rows: 1, cols: 1)
            case let .binary(op, l, r):
                let a = build(l), b = build(r)
                return g.appendOperation(op, [a, b], rows: 1, cols: 1)
            }
        }
        let result = build(root)
        g.appendOutput("f", of: result)
        return g
    }
}
