/// A computation graph of scalars flattened into an array of instructions, evaluated
/// forward and differentiated in reverse with the graph's own ``ElementwiseRule``s.
///
/// Built from a ``ComputationGraph`` whose nodes are all 1×1 (see
/// ``MathExpression/computationGraph(at:)``): instruction k is node k, so its value and
/// adjoint are exactly the graph's node value and gradient, without a graph per evaluation.
struct ExpressionTape: Sendable {
    /// One node of the flattened graph.
    enum Instruction: Sendable {
        /// The caller's variable at this index (a parameter leaf of the graph).
        case variable(Int)
        /// A constant leaf.
        case constant(Double)
        /// An element-wise operation on earlier instructions (`b` unused when unary).
        case operation(ComputationGraph.Operation, a: Int, b: Int)
    }

    let instructions: [Instruction]
    /// The number of variables (the length of a point and of a gradient).
    let variableCount: Int

    /// Flattens `graph`: its parameter leaves named as `variables` become variable slots,
    /// other leaves constants, and its element-wise operations instructions.
    init(graph: ComputationGraph, variables: [String]) {
        var out: [Instruction] = []
        out.reserveCapacity(graph.nodes.count)
        for node in graph.nodes {
            if let op = node.operation {
                let a = node.inputs.first ?? 0
                out.append(.operation(op, a: a, b: node.inputs.count > 1 ? node.inputs[1] : a))
            } else if node.kind == .parameter, let index = variables.firstIndex(of: node.label) {
                out.append(.variable(index))
            } else {
                out.append(.constant(node.value.values.first ?? .nan))
            }
        }
        instructions = out
        variableCount = variables.count
    }

    /// f(point), or NaN when `point` has the wrong length.
    func value(at point: [Double]) -> Double {
        guard point.count == variableCount, !instructions.isEmpty else { return .nan }
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: instructions.count) { values in
            forward(point, into: values)
        }
    }

    /// f(point) and ∇f(point) by one forward and one reverse pass (NaNs for a wrong-length point).
    func valueAndGradient(at point: [Double]) -> (value: Double, gradient: [Double]) {
        guard point.count == variableCount, !instructions.isEmpty else {
            return (.nan, [Double](repeating: .nan, count: variableCount))
        }
        let n = instructions.count
        var gradient = [Double](repeating: 0, count: variableCount)
        let value = withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * n) { buffer in
            let values = UnsafeMutableBufferPointer(rebasing: buffer[0..<n])
            let adjoints = UnsafeMutableBufferPointer(rebasing: buffer[n..<(2 * n)])
            let result = forward(point, into: values)
            adjoints.initialize(repeating: 0)
            adjoints[n - 1] = 1
            for k in stride(from: n - 1, through: 0, by: -1) {
                let adjoint = adjoints[k]
                switch instructions[k] {
                case let .variable(index):
                    gradient[index] += adjoint
                case .constant:
                    break
                case let .operation(op, a, b):
                    let (da, db) = ElementwiseRule.partials(op, values[a], values[b], result: values[k])
                    adjoints[a] += adjoint * da
                    if op.isBinary { adjoints[b] += adjoint * db }
                }
            }
            return result
        }
        return (value, gradient)
    }

    /// Runs the instructions in order, writing every node's value; returns the last.
    @inline(__always)
    private func forward(_ point: [Double], into values: UnsafeMutableBufferPointer<Double>) -> Double {
        for k in instructions.indices {
            switch instructions[k] {
            case let .variable(index): values[k] = point[index]
            case let .constant(v): values[k] = v
            case let .operation(op, a, b): values[k] = ElementwiseRule.value(op, values[a], values[b])
            }
        }
        return values[instructions.count - 1]
    }
}

extension ComputationGraph.Operation {
    /// Whether the operation takes two inputs.
    var isBinary: Bool {
        switch self {
        case .add, .subtract, .multiply, .divide, .power, .matrixProduct, .crossEntropy: return true
        default: return false
        }
    }
}
