extension ComputationGraph {
    /// Adds an input (data) leaf and returns its id.
    ///
    /// ```swift
    /// let count = g.input("apple count", Matrix(scalar: 5))
    /// ```
    @discardableResult
    public mutating func input(_ name: String, _ value: Matrix) -> Int {
        appendLeaf(.input, name, value)
    }

    /// Adds a trainable parameter leaf and returns its id.
    ///
    /// ```swift
    /// let w = g.parameter("w", Matrix(rows: 2, cols: 1, values: [0.5, -0.5]))
    /// ```
    @discardableResult
    public mutating func parameter(_ name: String, _ value: Matrix) -> Int {
        appendLeaf(.parameter, name, value)
    }

    /// Adds a constant leaf and returns its id.
    ///
    /// ```swift
    /// let t = g.constant("t", Matrix(scalar: 1))
    /// ```
    @discardableResult
    public mutating func constant(_ name: String, _ value: Matrix) -> Int {
        appendLeaf(.constant, name, value)
    }

    /// a + b (b may be a 1×cols row added to every row, or 1×1).
    ///
    /// ```swift
    /// let s = try g.add(apples, oranges)
    /// ```
    @discardableResult
    public mutating func add(_ a: Int, _ b: Int) throws -> Int {
        let (sa, sb) = try shapes(a, b)
        guard sa == sb || (sb.rows == 1 && sb.cols == sa.cols) || sb == (1, 1) else {
            throw mismatch(.add, [sa, sb])
        }
        return appendOperation(.add, [a, b], rows: sa.rows, cols: sa.cols)
    }

    /// a ⊙ b element-wise; either may be 1×1 (a scalar factor).
    ///
    /// ```swift
    /// let cost = try g.multiply(price, count)
    /// ```
    @discardableResult
    public mutating func multiply(_ a: Int, _ b: Int) throws -> Int {
        let (sa, sb) = try shapes(a, b)
        if sa == sb || sb == (1, 1) { return appendOperation(.multiply, [a, b], rows: sa.rows, cols: sa.cols) }
        if sa == (1, 1) { return appendOperation(.multiply, [a, b], rows: sb.rows, cols: sb.cols) }
        throw mismatch(.multiply, [sa, sb])
    }

    /// The matrix product a · b.
    ///
    /// ```swift
    /// let z = try g.matrixProduct(x, w)
    /// ```
    @discardableResult
    public mutating func matrixProduct(_ a: Int, _ b: Int) throws -> Int {
        let (sa, sb) = try shapes(a, b)
        guard sa.cols == sb.rows else { throw mismatch(.matrixProduct, [sa, sb]) }
        return appendOperation(.matrixProduct, [a, b], rows: sa.rows, cols: sb.cols)
    }

    /// x · W + b: x is n×d, W is d×m, b is 1×m.
    ///
    /// ```swift
    /// let a = try g.affine(x, w, b)
    /// ```
    @discardableResult
    public mutating func affine(_ x: Int, _ weights: Int, _ bias: Int) throws -> Int {
        let (sx, sw) = try shapes(x, weights)
        let sb = try shape(bias)
        guard sx.cols == sw.rows, sb.rows == 1, sb.cols == sw.cols else { throw mismatch(.affine, [sx, sw, sb]) }
        return appendOperation(.affine, [x, weights, bias], rows: sx.rows, cols: sw.cols)
    }

    /// Element-wise logistic sigmoid.
    ///
    /// ```swift
    /// let y = try g.sigmoid(a)
    /// ```
    @discardableResult
    public mutating func sigmoid(_ x: Int) throws -> Int {
        let s = try shape(x)
        return appendOperation(.sigmoid, [x], rows: s.rows, cols: s.cols)
    }

    /// Element-wise tanh.
    ///
    /// ```swift
    /// let h = try g.tanh(a)
    /// ```
    @discardableResult
    public mutating func tanh(_ x: Int) throws -> Int {
        let s = try shape(x)
        return appendOperation(.tanh, [x], rows: s.rows, cols: s.cols)
    }

    /// Element-wise ReLU.
    ///
    /// ```swift
    /// let h = try g.relu(a)
    /// ```
    @discardableResult
    public mutating func relu(_ x: Int) throws -> Int {
        let s = try shape(x)
        return appendOperation(.relu, [x], rows: s.rows, cols: s.cols)
    }

    /// Row-wise softmax.
    ///
    /// ```swift
    /// let p = try g.softmax(scores)
    /// ```
    @discardableResult
    public mutating func softmax(_ x: Int) throws -> Int {
        let s = try shape(x)
        return appendOperation(.softmax, [x], rows: s.rows, cols: s.cols)
    }

    /// Mean cross-entropy (1×1) of probabilities against targets of the same shape:
    /// one column → binary −mean(t log p + (1−t) log(1−p)); several → −mean over rows of Σ t log p.
    ///
    /// ```swift
    /// let loss = try g.crossEntropy(probabilities, targets)
    /// ```
    @discardableResult
    public mutating func crossEntropy(_ probabilities: Int, _ targets: Int) throws -> Int {
        let (sp, st) = try shapes(probabilities, targets)
        guard sp == st else { throw mismatch(.crossEntropy, [sp, st]) }
        return appendOperation(.crossEntropy, [probabilities, targets], rows: 1, cols: 1)
    }

    /// a − b element-wise; either may be 1×1.
    ///
    /// ```swift
    /// let r = try g.subtract(prediction, target)
    /// ```
    @discardableResult
    public mutating func subtract(_ a: Int, _ b: Int) throws -> Int {
        try appendElementwise(.subtract, a, b)
    }

    /// a / b element-wise; either may be 1×1. Division by zero gives ±∞ or NaN, as IEEE does.
    ///
    /// ```swift
    /// let q = try g.divide(sum, count)
    /// ```
    @discardableResult
    public mutating func divide(_ a: Int, _ b: Int) throws -> Int {
        try appendElementwise(.divide, a, b)
    }

    /// a raised to b element-wise; either may be 1×1. A negative base to a non-integer power is NaN.
    ///
    /// ```swift
    /// let square = try g.power(x, g.constant("2", Matrix(scalar: 2)))
    /// ```
    @discardableResult
    public mutating func power(_ a: Int, _ b: Int) throws -> Int {
        try appendElementwise(.power, a, b)
    }

    /// −x element-wise.
    ///
    /// ```swift
    /// let m = try g.negate(x)
    /// ```
    @discardableResult
    public mutating func negate(_ x: Int) throws -> Int { try appendElementwise(.negate, x) }

    /// Element-wise sine (radians).
    ///
    /// ```swift
    /// let s = try g.sin(x)
    /// ```
    @discardableResult
    public mutating func sin(_ x: Int) throws -> Int { try appendElementwise(.sin, x) }

    /// Element-wise cosine (radians).
    ///
    /// ```swift
    /// let c = try g.cos(x)
    /// ```
    @discardableResult
    public mutating func cos(_ x: Int) throws -> Int { try appendElementwise(.cos, x) }

    /// Element-wise tangent (radians).
    ///
    /// ```swift
    /// let t = try g.tan(x)
    /// ```
    @discardableResult
    public mutating func tan(_ x: Int) throws -> Int { try appendElementwise(.tan, x) }

    /// Element-wise eˣ.
    ///
    /// ```swift
    /// let e = try g.exp(x)
    /// ```
    @discardableResult
    public mutating func exp(_ x: Int) throws -> Int { try appendElementwise(.exp, x) }

    /// Element-wise natural logarithm (NaN below 0, −∞ at 0).
    ///
    /// ```swift
    /// let l = try g.log(x)
    /// ```
    @discardableResult
    public mutating func log(_ x: Int) throws -> Int { try appendElementwise(.log, x) }

    /// Element-wise square root (NaN below 0).
    ///
    /// ```swift
    /// let r = try g.sqrt(x)
    /// ```
    @discardableResult
    public mutating func sqrt(_ x: Int) throws -> Int { try appendElementwise(.sqrt, x) }

    /// Element-wise absolute value (gradient 0 at 0, as torch).
    ///
    /// ```swift
    /// let a = try g.abs(x)
    /// ```
    @discardableResult
    public mutating func abs(_ x: Int) throws -> Int { try appendElementwise(.abs, x) }

    /// Marks a result with a name: an output node (identity of `x`) where the backward pass starts.
    ///
    /// ```swift
    /// let total = try g.output("total", of: taxed)
    /// ```
    @discardableResult
    public mutating func output(_ name: String, of x: Int) throws -> Int {
        let s = try shape(x)
        return appendOutput(name, of: x, rows: s.rows, cols: s.cols)
    }

    /// Replaces the value of a leaf (input, parameter or constant); shapes must match.
    ///
    /// ```swift
    /// try g.setValue(Matrix(scalar: 120), of: priceID)
    /// ```
    public mutating func setValue(_ value: Matrix, of id: Int) throws {
        let s = try shape(id)
        guard nodes[id].operation == nil, s == (value.rows, value.cols) else {
            throw ComputationGraphError.shapeMismatch(operation: "setValue(\(nodes[id].label))",
                                                      shapes: ["\(s.rows)×\(s.cols)", "\(value.rows)×\(value.cols)"])
        }
        nodes[id].value = value
    }

    // MARK: Internals

    @discardableResult
    mutating func appendOutput(_ name: String, of x: Int, rows: Int = 1, cols: Int = 1) -> Int {
        let id = nodes.count
        nodes.append(Node(id: id, kind: .output, label: name, operation: .identity, inputs: [x],
                          value: Matrix(rows: rows, cols: cols), gradient: Matrix(rows: rows, cols: cols)))
        return id
    }

    mutating func appendLeaf(_ kind: NodeKind, _ name: String, _ value: Matrix) -> Int {
        let id = nodes.count
        nodes.append(Node(id: id, kind: kind, label: name, operation: nil, inputs: [],
                          value: value, gradient: Matrix(rows: value.rows, cols: value.cols)))
        return id
    }

    mutating func appendOperation(_ op: Operation, _ inputs: [Int], rows: Int, cols: Int) -> Int {
        let id = nodes.count
        nodes.append(Node(id: id, kind: .operation, label: op.symbol, operation: op, inputs: inputs,
                          value: Matrix(rows: rows, cols: cols), gradient: Matrix(rows: rows, cols: cols)))
        return id
    }

    /// Appends a unary element-wise operation (shape of `x`), or a binary one whose inputs
    /// have one shape or a 1×1 side (the result has the larger shape).
    private mutating func appendElementwise(_ op: Operation, _ a: Int, _ b: Int? = nil) throws -> Int {
        let sa = try shape(a)
        guard let b else { return appendOperation(op, [a], rows: sa.rows, cols: sa.cols) }
        let sb = try shape(b)
        if sa == sb || sb == (1, 1) { return appendOperation(op, [a, b], rows: sa.rows, cols: sa.cols) }
        if sa == (1, 1) { return appendOperation(op, [a, b], rows: sb.rows, cols: sb.cols) }
        throw mismatch(op, [sa, sb])
    }

    private func shape(_ id: Int) throws -> (rows: Int, cols: Int) {
        guard nodes.indices.contains(id) else { throw ComputationGraphError.unknownNode(id: id) }
        return (nodes[id].value.rows, nodes[id].value.cols)
    }

    private func shapes(_ a: Int, _ b: Int) throws -> ((rows: Int, cols: Int), (rows: Int, cols: Int)) {
        (try shape(a), try shape(b))
    }

    private func mismatch(_ op: Operation, _ shapes: [(rows: Int, cols: Int)]) -> ComputationGraphError {
        .shapeMismatch(operation: op.rawValue, shapes: shapes.map { "\($0.rows)×\($0.cols)" })
    }
}
