import Foundation

extension ComputationGraph {
    /// Evaluates every node from first to last; records a `.forward` event per node
    /// (leaves included, so an animation can show inputs appearing first). Clears `events`.
    ///
    /// ```swift
    /// g.forward()
    /// g.node(named: "total")?.value.scalar   // 1026
    /// ```
    public mutating func forward() {
        events = []
        for i in nodes.indices {
            if let op = nodes[i].operation {
                nodes[i].value = evaluate(op, nodes[i].inputs.map { nodes[$0].value })
            }
            nodes[i].gradient = Matrix(rows: nodes[i].value.rows, cols: nodes[i].value.cols)
            events.append(.forward(node: i))
        }
    }

    /// Propagates ∂result/∂node from the result node (`resultID`, seeded with ones) back
    /// to every node, last to first; records a `.backward` event per node reached.
    /// Call `forward()` first.
    ///
    /// ```swift
    /// g.backward()
    /// g.node(named: "tax")?.gradient.scalar
    /// ```
    public mutating func backward() {
        guard let result = resultID else { return }
        for i in nodes.indices { nodes[i].gradient = Matrix(rows: nodes[i].value.rows, cols: nodes[i].value.cols) }
        nodes[result].gradient = Matrix(rows: nodes[result].value.rows, cols: nodes[result].value.cols, repeating: 1)
        var reached = Set([result])
        for i in stride(from: result, through: 0, by: -1) where reached.contains(i) {
            events.append(.backward(node: i))
            guard let op = nodes[i].operation else { continue }
            let inputValues = nodes[i].inputs.map { nodes[$0].value }
            let inputGradients = propagate(op, inputs: inputValues, output: nodes[i].value, gradient: nodes[i].gradient)
            for (k, input) in nodes[i].inputs.enumerated() {
                var g = nodes[input].gradient
                for j in g.values.indices { g.values[j] += inputGradients[k].values[j] }
                nodes[input].gradient = g
                reached.insert(input)
            }
        }
    }

    /// θ ← θ − η ∂result/∂θ for every parameter node (after `backward()`); records `.update` events.
    /// Run `forward()` again to see the effect.
    ///
    /// ```swift
    /// g.forward(); g.backward(); g.applyGradientStep(learningRate: 0.1)
    /// ```
    public mutating func applyGradientStep(learningRate: Double) {
        for i in nodes.indices where nodes[i].kind == .parameter {
            var v = nodes[i].value
            for j in v.values.indices { v.values[j] -= learningRate * nodes[i].gradient.values[j] }
            nodes[i].value = v
            events.append(.update(node: i))
        }
    }

    // MARK: Operation rules

    private func evaluate(_ op: Operation, _ x: [Matrix]) -> Matrix {
        switch op {
        case .subtract, .divide, .power, .negate, .sin, .cos, .tan, .exp, .log, .sqrt, .abs, .tanh:
            return evaluateElementwise(op, x)
        case .identity:
            return x[0]
        case .add:
            var out = x[0]
            let b = x[1]
            for i in out.values.indices { out.values[i] += b.values[broadcastIndex(i, out, b)] }
            return out
        case .multiply:
            let (big, small) = x[1].values.count == 1 && x[0].values.count != 1 ? (x[0], x[1]) : (x[1], x[0])
            var out = big
            if small.values.count == 1 && big.values.count != 1 {
                for i in out.values.indices { out.values[i] *= small.scalar }
            } else {
                for i in out.values.indices { out.values[i] = x[0].values[i] * x[1].values[i] }
            }
            return out
        case .matrixProduct:
            return x[0].multiplied(by: x[1]) ?? Matrix(rows: 0, cols: 0)
        case .affine:
            var out = x[0].multiplied(by: x[1]) ?? Matrix(rows: 0, cols: 0)
            for r in 0..<out.rows { for c in 0..<out.cols { out[r, c] += x[2].values[c] } }
            return out
        case .sigmoid:
            return x[0].mapped { 1 / (1 + Foundation.exp(-$0)) }
        case .relu:
            return x[0].mapped { max(0, $0) }
        case .softmax:
            var out = x[0]
            for r in 0..<out.rows {
                let row = x[0].row(r)
                let m = row.max() ?? 0
                let e = row.map { Foundation.exp($0 - m) }
                let s = e.reduce(0, +)
                for c in 0..<out.cols { out[r, c] = e[c] / s }
            }
            return out
        case .crossEntropy:
            let p = x[0], t = x[1]
            var sum = 0.0
            if p.cols == 1 {
                for i in p.values.indices {
                    sum -= t.values[i] * Foundation.log(p.values[i]) + (1 - t.values[i]) * Foundation.log(1 - p.values[i])
                }
            } else {
                for i in p.values.indices where t.values[i] != 0 { sum -= t.values[i] * Foundation.log(p.values[i]) }
            }
            return Matrix(scalar: sum / Double(max(1, p.rows)))
        }
    }

    /// Gradients with respect to each input, given the gradient `g` of the output.
    private func propagate(_ op: Operation, inputs x: [Matrix], output y: Matrix, gradient g: Matrix) -> [Matrix] {
        switch op {
        case .subtract, .divide, .power, .negate, .sin, .cos, .tan, .exp, .log, .sqrt, .abs, .tanh:
            return propagateElementwise(op, inputs: x, output: y, gradient: g)
        case .identity:
            return [g]
        case .add:
            // Addition passes the gradient through unchanged (summed over broadcast rows).
            var gb = Matrix(rows: x[1].rows, cols: x[1].cols)
            for i in g.values.indices { gb.values[broadcastIndex(i, g, x[1])] += g.values[i] }
            return [g, gb]
        case .multiply:
            // Multiplication sends each input the gradient times the other input.
            var ga = Matrix(rows: x[0].rows, cols: x[0].cols)
            var gb = Matrix(rows: x[1].rows, cols: x[1].cols)
            for i in g.values.indices {
                let ia = x[0].values.count == 1 ? 0 : i
                let ib = x[1].values.count == 1 ? 0 : i
                ga.values[ia] += g.values[i] * x[1].values[ib]
                gb.values[ib] += g.values[i] * x[0].values[ia]
            }
            return [ga, gb]
        case .matrixProduct:
            return [g.multiplied(by: x[1].transposed()) ?? x[0], x[0].transposed().multiplied(by: g) ?? x[1]]
        case .affine:
            var gb = Matrix(rows: 1, cols: g.cols)
            for r in 0..<g.rows { for c in 0..<g.cols { gb.values[c] += g[r, c] } }
            return [g.multiplied(by: x[1].transposed()) ?? x[0], x[0].transposed().multiplied(by: g) ?? x[1], gb]
        case .sigmoid:
            var out = g
            for i in out.values.indices { out.values[i] *= y.values[i] * (1 - y.values[i]) }
            return [out]
        case .relu:
            var out = g
            for i in out.values.indices where x[0].values[i] <= 0 { out.values[i] = 0 }
            return [out]
        case .softmax:
            var out = g
            for r in 0..<g.rows {
                var dot = 0.0
                for c in 0..<g.cols { dot += g[r, c] * y[r, c] }
                for c in 0..<g.cols { out[r, c] = y[r, c] * (g[r, c] - dot) }
            }
            return [out]
        case .crossEntropy:
            let p = x[0], t = x[1]
            let scale = g.scalar / Double(max(1, p.rows))
            var gp = Matrix(rows: p.rows, cols: p.cols)
            var gt = Matrix(rows: t.rows, cols: t.cols)
            for i in p.values.indices {
                if p.cols == 1 {
                    gp.values[i] = scale * (-t.values[i] / p.values[i] + (1 - t.values[i]) / (1 - p.values[i]))
                    gt.values[i] = scale * (-Foundation.log(p.values[i]) + Foundation.log(1 - p.values[i]))
                } else {
                    gp.values[i] = t.values[i] == 0 ? 0 : -scale * t.values[i] / p.values[i]
                    gt.values[i] = -scale * Foundation.log(p.values[i])
                }
            }
            return [gp, gt]
        }
    }

    /// An element-wise operation through ``ElementwiseRule``; a 1×1 input is broadcast.
    private func evaluateElementwise(_ op: Operation, _ x: [Matrix]) -> Matrix {
        guard x.count == 2 else { return x[0].mapped { ElementwiseRule.value(op, $0, 0) } }
        let a = x[0], b = x[1]
        var out = a.values.count >= b.values.count ? a : b
        for i in out.values.indices {
            out.values[i] = ElementwiseRule.value(op, a.values[a.values.count == 1 ? 0 : i], b.values[b.values.count == 1 ? 0 : i])
        }
        return out
    }

    /// Gradients of an element-wise operation; a broadcast 1×1 input sums its entries' gradients.
    private func propagateElementwise(_ op: Operation, inputs x: [Matrix], output y: Matrix, gradient g: Matrix) -> [Matrix] {
        let a = x[0]
        let b = x.count == 2 ? x[1] : Matrix(scalar: 0)
        var ga = Matrix(rows: a.rows, cols: a.cols)
        var gb = Matrix(rows: b.rows, cols: b.cols)
        for i in g.values.indices {
            let ia = a.values.count == 1 ? 0 : i, ib = b.values.count == 1 ? 0 : i
            let (da, db) = ElementwiseRule.partials(op, a.values[ia], b.values[ib], result: y.values[i])
            ga.values[ia] += g.values[i] * da
            if x.count == 2 { gb.values[ib] += g.values[i] * db }
        }
        return x.count == 2 ? [ga, gb] : [ga]
    }

    /// Index into `b` for element `i` of `a` under row/scalar broadcasting.
    @inline(__always)
    private func broadcastIndex(_ i: Int, _ a: Matrix, _ b: Matrix) -> Int {
        if b.values.count == a.values.count { return i }
        if b.values.count == 1 { return 0 }
        return i % max(1, a.cols)
    }
}

extension Matrix {
    /// A matrix with `transform` applied to every entry.
    func mapped(_ transform: (Double) -> Double) -> Matrix {
        Matrix(rows: rows, cols: cols, values: values.map(transform))
    }
}
