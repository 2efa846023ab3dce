extension ComputationGraph {
    /// The shopping example of the backpropagation post (seed 001), with stable labels:
    /// inputs "apple price" (100), "apple count" (5), "orange price" (150), "orange count" (3),
    /// "tax" (1.08); operations × (apples), × (oranges), +, × (tax); output "total".
    ///
    /// After `forward()` the total is (100·5 + 150·3)·1.08 = 1026; after `backward()`
    /// ∂total/∂apple price = 5·1.08 = 5.4, ∂/∂apple count = 108, ∂/∂orange price = 3.24,
    /// ∂/∂orange count = 162, ∂/∂tax = 100·5 + 150·3 = 950.
    ///
    /// ```swift
    /// var g = ComputationGraph.shoppingExample()
    /// g.forward(); g.backward()
    /// g.node(named: "apple price")?.gradient.scalar   // 5.4
    /// ```
    public static func shoppingExample(applePrice: Double = 100, appleCount: Double = 5,
                                       orangePrice: Double = 150, orangeCount: Double = 3,
                                       tax: Double = 1.08) -> ComputationGraph {
        var g = ComputationGraph()
        let ap = g.input("apple price", Matrix(scalar: applePrice))
        let ac = g.input("apple count", Matrix(scalar: appleCount))
        let op = g.input("orange price", Matrix(scalar: orangePrice))
        let oc = g.input("orange count", Matrix(scalar: orangeCount))
        let tx = g.input("tax", Matrix(scalar: tax))
        // All shapes are 1×1, so these cannot fail; `try?` keeps the builder non-throwing.
        if let apples = try? g.multiply(ap, ac),
           let oranges = try? g.multiply(op, oc),
           let sum = try? g.add(apples, oranges),
           let taxed = try? g.multiply(sum, tx) {
            _ = try? g.output("total", of: taxed)
        }
        return g
    }

    /// A logistic-regression neuron: x (n×d input) → affine with parameters "w" (d×1) and
    /// "b" (1×1) → σ → CE against constant "t" (n×1) → output "loss".
    /// Train it with `forward()`, `backward()`, `applyGradientStep(learningRate:)`.
    ///
    /// ```swift
    /// var g = try ComputationGraph.logisticNeuron(features: Matrix(rows: 1, cols: 2, values: [1, 2]),
    ///                                             targets: [1], weights: [0.5, -0.25], bias: 0)
    /// g.forward(); g.backward(); g.applyGradientStep(learningRate: 0.5)
    /// ```
    public static func logisticNeuron(features: Matrix, targets: [Double], weights: [Double], bias: Double) throws -> ComputationGraph {
        guard targets.count == features.rows else {
            throw ComputationGraphError.shapeMismatch(operation: "logisticNeuron", shapes: ["\(features.rows)×\(features.cols)", "\(targets.count)×1"])
        }
        var g = ComputationGraph()
        let x = g.input("x", features)
        let w = g.parameter("w", Matrix(rows: weights.count, cols: 1, values: weights))
        let b = g.parameter("b", Matrix(scalar: bias))
        let a = try g.affine(x, w, b)
        let y = try g.sigmoid(a)
        let t = g.constant("t", Matrix(rows: targets.count, cols: 1, values: targets))
        let loss = try g.crossEntropy(y, t)
        try g.output("loss", of: loss)
        return g
    }

    /// A two-layer network (seed 003): x (n×d) → affine "W1" (d×m), "b1" → σ → affine "W2" (m×k), "b2"
    /// → softmax → CE against one-hot constant "t" (n×k) → output "loss".
    ///
    /// ```swift
    /// var rng = SeededGenerator(seed: 1)
    /// var g = try ComputationGraph.twoLayerNetwork(features: x, oneHotTargets: t, hiddenUnits: 3, using: &rng)
    /// ```
    public static func twoLayerNetwork(features: Matrix, oneHotTargets: Matrix, hiddenUnits: Int,
                                       using rng: inout SeededGenerator) throws -> ComputationGraph {
        let d = features.cols, k = oneHotTargets.cols, m = max(1, hiddenUnits)
        var g = ComputationGraph()
        let x = g.input("x", features)
        let w1 = g.parameter("W1", Matrix(rows: d, cols: m, values: (0..<(d * m)).map { _ in 0.5 * rng.nextNormal() }))
        let b1 = g.parameter("b1", Matrix(rows: 1, cols: m))
        let h = try g.sigmoid(try g.affine(x, w1, b1))
        let w2 = g.parameter("W2", Matrix(rows: m, cols: k, values: (0..<(m * k)).map { _ in 0.5 * rng.nextNormal() }))
        let b2 = g.parameter("b2", Matrix(rows: 1, cols: k))
        let p = try g.softmax(try g.affine(h, w2, b2))
        let t = g.constant("t", oneHotTargets)
        try g.output("loss", of: try g.crossEntropy(p, t))
        return g
    }
}
