import Foundation

/// The forward and backward rules of the graph's element-wise operations on one entry.
///
/// The single source of these rules: ``ComputationGraph`` applies them entry by entry, and
/// ``MathExpression`` runs them over a flat copy of its graph (so expressions evaluate fast
/// without rebuilding a graph, and their gradients are the graph's reverse mode).
///
/// Domain errors are not trapped: log of a negative number, 0/0 or a negative base to a
/// fractional power give NaN, and division by zero gives ±∞, as IEEE arithmetic does;
/// callers treat a non-finite loss as divergence.
///
/// ```swift
/// ElementwiseRule.value(.power, 3, 2)                        // 9
/// ElementwiseRule.partials(.power, 3, 2, result: 9)          // (6, 9·log 3)
/// ```
enum ElementwiseRule {
    /// op(a, b) for binary operations, op(a) for unary ones (`b` is ignored).
    @inline(__always)
    static func value(_ op: ComputationGraph.Operation, _ a: Double, _ b: Double) -> Double {
        switch op {
        case .add: return a + b
        case .subtract: return a - b
        case .multiply: return a * b
        case .divide: return a / b
        case .power:
            // x² is by far the commonest power: exact and fast as a product.
            return b == 2 ? a * a : Foundation.pow(a, b)
        case .negate: return -a
        case .sin: return Foundation.sin(a)
        case .cos: return Foundation.cos(a)
        case .tan: return Foundation.tan(a)
        case .exp: return Foundation.exp(a)
        case .log: return Foundation.log(a)
        case .sqrt: return a.squareRoot()
        case .abs: return Swift.abs(a)
        case .tanh: return Foundation.tanh(a)
        case .sigmoid: return 1 / (1 + Foundation.exp(-a))
        case .relu: return Swift.max(0, a)
        case .identity: return a
        case .matrixProduct, .affine, .softmax, .crossEntropy: return .nan
        }
    }

    /// (∂y/∂a, ∂y/∂b) at (a, b) where y = op(a, b) is `result`; ∂y/∂b is 0 for unary operations.
    ///
    /// Conventions at kinks follow torch: |x|′(0) = 0, relu′(0) = 0. For a^b the partial
    /// ∂/∂b = a^b·log a is only defined for a > 0 (NaN otherwise); it matters only when the
    /// exponent depends on a variable, since constants' gradients are never used.
    @inline(__always)
    static func partials(_ op: ComputationGraph.Operation, _ a: Double, _ b: Double,
                         result y: Double) -> (Double, Double) {
        switch op {
        case .add: return (1, 1)
        case .subtract: return (1, -1)
        case .multiply: return (b, a)
        case .divide: return (1 / b, -a / (b * b))
        case .power:
            let da = b == 2 ? 2 * a : (b == 0 ? 0 : b * Foundation.pow(a, b - 1))
            return (da, y * Foundation.log(a))
        case .negate: return (-1, 0)
        case .sin: return (Foundation.cos(a), 0)
        case .cos: return (-Foundation.sin(a), 0)
        case .tan: return (1 + y * y, 0)
        case .exp: return (y, 0)
        case .log: return (1 / a, 0)
        case .sqrt: return (0.5 / y, 0)
        case .abs: return (a > 0 ? 1 : (a < 0 ? -1 : 0), 0)
        case .tanh: return (1 - y * y, 0)
        case .sigmoid: return (y * (1 - y), 0)
        case .relu: return (a > 0 ? 1 : 0, 0)
        case .identity: return (1, 0)
        case .matrixProduct, .affine, .softmax, .crossEntropy: return (.nan, .nan)
        }
    }
}
