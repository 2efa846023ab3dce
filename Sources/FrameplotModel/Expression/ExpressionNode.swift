import Foundation

/// The parsed form of a formula: numbers, variables, named constants and the graph's
/// element-wise operations. Its text form (``canonicalText``) re-parses to the same tree.
indirect enum ExpressionNode: Sendable, Hashable {
    /// A non-negative literal (a leading minus is a ``unary(_:_:)`` negation).
    case number(Double)
    /// The caller's variable at this index.
    case variable(Int)
    /// π or e.
    case constant(MathConstant)
    /// −x or a function of one argument (`.negate`, `.sin`, … `.tanh`).
    case unary(ComputationGraph.Operation, ExpressionNode)
    /// `.add`, `.subtract`, `.multiply`, `.divide` or `.power`.
    case binary(ComputationGraph.Operation, ExpressionNode, ExpressionNode)
}

/// A named constant a formula may use.
enum MathConstant: String, Sendable, Hashable, CaseIterable {
    case pi
    case e

    var value: Double {
        switch self {
        case .pi: return Double.pi
        case .e: return M_E
        }
    }
}

extension ExpressionNode {
    /// Binding strength, loosest first: sums, products, signs, powers, atoms.
    private var precedence: Int {
        switch self {
        case .number, .variable, .constant: return 5
        case let .unary(op, _): return op == .negate ? 3 : 5
        case let .binary(op, _, _):
            switch op {
            case .add, .subtract: return 1
            case .multiply, .divide: return 2
            default: return 4
            }
        }
    }

    /// The normalised text: `*`, `/` and `^` tight, `+` and `-` spaced, the fewest
    /// parentheses that keep the tree (negative exponents are parenthesised for readability).
    ///
    /// ```swift
    /// // "100 * (y - x**2)**2 + (1 - x)^2"  ->  "100*(y - x^2)^2 + (1 - x)^2"
    /// ```
    func canonicalText(variables: [String]) -> String {
        switch self {
        case let .number(v):
            return ExpressionNode.format(v)
        case let .variable(i):
            return variables.indices.contains(i) ? variables[i] : "?"
        case let .constant(c):
            return c.rawValue
        case let .unary(op, x):
            let inner = x.canonicalText(variables: variables)
            if op == .negate { return "-" + (x.precedence < 3 ? "(\(inner))" : inner) }
            return "\(ExpressionNode.functionName(op))(\(inner))"
        case let .binary(op, l, r):
            let p = precedence
            var left = l.canonicalText(variables: variables)
            var right = r.canonicalText(variables: variables)
            if op == .power {
                // Right-associative: a^b^c is a^(b^c); the base needs parentheses unless atomic.
                if l.precedence <= p { left = "(\(left))" }
                if r.precedence < p { right = "(\(right))" }
                return "\(left)^\(right)"
            }
            // Left-associative: an operand on the right of equal strength needs parentheses.
            if l.precedence < p { left = "(\(left))" }
            if r.precedence <= p { right = "(\(right))" }
            switch op {
            case .add: return "\(left) + \(right)"
            case .subtract: return "\(left) - \(right)"
            case .multiply: return "\(left)*\(right)"
            default: return "\(left)/\(right)"
            }
        }
    }

    /// The shortest text that reads back as `v` ("2", "0.5", "1e-08").
    static func format(_ v: Double) -> String {
        if v == v.rounded(), Swift.abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }

    /// The spelling of a one-argument function.
    static func functionName(_ op: ComputationGraph.Operation) -> String {
        op == .sqrt ? "sqrt" : (op == .abs ? "abs" : op.rawValue)
    }

    /// The functions a formula may call, by name (`ln` is another name for `log`).
    static let functions: [String: ComputationGraph.Operation] = [
        "sin": .sin, "cos": .cos, "tan": .tan, "exp": .exp, "log": .log, "ln": .log,
        "sqrt": .sqrt, "abs": .abs, "tanh": .tanh,
    ]

    /// The function names listed in error messages, in a fixed order.
    static let functionList = "sin, cos, tan, exp, log, sqrt, abs, tanh"
}
