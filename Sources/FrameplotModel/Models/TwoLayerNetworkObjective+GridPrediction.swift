import Foundation

extension TwoLayerNetworkObjective {
    /// Class predictions over a 2-D grid, the decision-region hot path.
    ///
    /// A grid row is processed as one block, every loop running along the row's cells over
    /// contiguous buffers (so it vectorises). Along a row each hidden unit's input grows by a
    /// constant step, so e^(−b) = e^(−b_row start)·e^(−step·column): the second factor is a table
    /// computed once per call, leaving one `exp` per hidden unit per row (exact per-cell `exp`
    /// is used whenever a factor leaves the normal range). Buffers are allocated once per call.
    ///
    /// ```swift
    /// let grid = PredictionGrid(x: -3...3, y: -3...3, columns: 800, rows: 800)
    /// let p = try net.predictGrid(parameters: theta, grid: grid)
    /// ```
    public func predictGrid(parameters: [Double], grid: PredictionGrid, transform: Standardizer? = nil,
                            includeProbabilities: Bool = false) throws -> GridPrediction {
        let out = try gridKernel(parameters: parameters, grid: grid, transform: transform,
                                 values: includeProbabilities ? .probabilities : .maxProbability)
        return GridPrediction(grid: grid, classCount: classCount, classIndex: out.classIndex, maxProbability: out.maxProbability,
                              probabilities: includeProbabilities ? out.values : nil)
    }

    /// The output layer's scores (logits, before the softmax) over a 2-D grid, with the most
    /// probable class of every cell: the same ranking as the probabilities, without an `exp`
    /// per class and cell, for drawing decision regions (any scores, larger is more likely).
    ///
    /// ```swift
    /// let s = try net.predictGridScores(parameters: theta, grid: grid)
    /// let regions = DecisionGrid(xs: xs, ys: ys, labels: s.classIndex, probabilities: s.scores, classes: s.classCount)
    /// ```
    public func predictGridScores(parameters: [Double], grid: PredictionGrid, transform: Standardizer? = nil) throws -> GridScores {
        let out = try gridKernel(parameters: parameters, grid: grid, transform: transform, values: .scores)
        return GridScores(grid: grid, classCount: classCount, classIndex: out.classIndex, scores: out.values)
    }

    /// What the grid kernel writes besides the classes.
    private enum GridValues { case maxProbability, probabilities, scores }

    private func gridKernel(parameters: [Double], grid: PredictionGrid, transform: Standardizer?,
                            values: GridValues) throws -> (classIndex: [Int], maxProbability: [Double], values: [Double]) {
        try grid.validate()
        guard featureCount == 2 else {
            throw TrainingError.invalidArgument("grid prediction needs a model with 2 input features, this one has \(featureCount)")
        }
        guard parameters.count == parameterNames.count else {
            throw TrainingError.mismatchedLengths(what: "number of network parameters", expected: parameterNames.count, actual: parameters.count)
        }
        let m = hiddenUnits, kCount = classCount, columnsCount = grid.columns, cells = grid.columns * grid.rows
        let v0 = firstLayerCount, vStride = m + 1
        var classIndex = [Int](repeating: 0, count: cells)
        let softmax = values != .scores
        var maxProbability = [Double](repeating: 0, count: softmax ? cells : 0)
        var all = [Double](repeating: 0, count: values == .maxProbability ? 0 : cells * kCount)
        // Grid coordinates in the model's input space: x' = (x − mean)/scale, still evenly spaced.
        let mx = transform?.means.first ?? 0, sx = transform?.scales.first ?? 1
        let my = transform.map { $0.means.count > 1 ? $0.means[1] : 0 } ?? 0
        let sy = transform.map { $0.scales.count > 1 ? $0.scales[1] : 1 } ?? 1
        let x0 = (grid.x(column: 0) - mx) / sx, dx = grid.cellWidth / sx
        // tanh(b) = 2σ(2b) − 1, so both use e^(−c·b) with c = 1 or 2.
        let c: Double = activation == .tanh ? 2 : 1
        let n = columnsCount
        // Buffers: per-unit column table (m·n), hidden values (m·n), scores (k·n), top and sum rows,
        // the column offsets, and a flag per unit telling whether its table stays in the normal range.
        var table = [Double](repeating: 0, count: m * n)
        var hidden = [Double](repeating: 0, count: m * n)
        var scores = [Double](repeating: 0, count: kCount * n)
        var top = [Double](repeating: 0, count: n)
        var sums = [Double](repeating: 0, count: n)
        var best = [Int](repeating: 0, count: n)
        var tableIsNormal = [Bool](repeating: true, count: m)

        parameters.withUnsafeBufferPointer { thBuffer in
        table.withUnsafeMutableBufferPointer { tableBuffer in
        hidden.withUnsafeMutableBufferPointer { hiddenBuffer in
        scores.withUnsafeMutableBufferPointer { scoreBuffer in
        top.withUnsafeMutableBufferPointer { topBuffer in
        sums.withUnsafeMutableBufferPointer { sumBuffer in
        best.withUnsafeMutableBufferPointer { bestBuffer in
        classIndex.withUnsafeMutableBufferPointer { classBuffer in
        maxProbability.withUnsafeMutableBufferPointer { maxBuffer in
        all.withUnsafeMutableBufferPointer { allBuffer in
            guard let th = thBuffer.baseAddress, let q = tableBuffer.baseAddress, let z = hiddenBuffer.baseAddress,
                  let a = scoreBuffer.baseAddress, let tp = topBuffer.baseAddress, let s = sumBuffer.baseAddress,
                  let bestIndex = bestBuffer.baseAddress, let outClass = classBuffer.baseAddress else { return }
            // An empty array can still hand out a non-nil base address: decide by the mode.
            let outMax = softmax ? maxBuffer.baseAddress : nil
            let outAll = values == .maxProbability ? nil : allBuffer.baseAddress
            // Per hidden unit j: b_j(column) = rowStart_j + step_j · column.
            for j in 0..<m {
                let step = th[j * 3 + 1] * dx
                let qj = q + j * n
                if activation == .relu {
                    for col in 0..<n { qj[col] = step * Double(col) }
                } else {
                    let extreme = abs(c * step * Double(n - 1))
                    tableIsNormal[j] = extreme < 650
                    for col in 0..<n { qj[col] = VectorKernels.exp(-c * step * Double(col)) }
                }
            }
            for row in 0..<grid.rows {
                let y = (grid.y(row: row) - my) / sy
                // Hidden layer for the whole row.
                for j in 0..<m {
                    let rowStart = th[j * 3] + th[j * 3 + 1] * x0 + th[j * 3 + 2] * y
                    let zj = z + j * n, qj = q + j * n
                    switch activation {
                    case .relu:
                        for col in 0..<n {
                            let b = rowStart + qj[col]
                            zj[col] = b > 0 ? b : 0
                        }
                    case .sigmoid, .tanh:
                        let startFactor = exp(-c * rowStart)
                        if tableIsNormal[j], startFactor > 1e-290, startFactor < 1e290 {
                            for col in 0..<n { zj[col] = 1 / (1 + startFactor * qj[col]) }
                        } else {
                            let step = th[j * 3 + 1] * dx
                            for col in 0..<n { zj[col] = 1 / (1 + exp(-c * (rowStart + step * Double(col)))) }
                        }
                        if activation == .tanh { for col in 0..<n { zj[col] = 2 * zj[col] - 1 } }
                    }
                }
                // Output scores for the row.
                for k in 0..<kCount {
                    let ak = a + k * n, v = th + v0 + k * vStride
                    let bias = v[0]
                    for col in 0..<n { ak[col] = bias }
                    for j in 0..<m {
                        let vkj = v[1 + j], zj = z + j * n
                        for col in 0..<n { ak[col] += vkj * zj[col] }
                    }
                }
                // Arg-max, then the max probability 1 / Σ_k e^(a_k − top).
                for col in 0..<n { tp[col] = a[col]; bestIndex[col] = 0; s[col] = 0 }
                for k in 1..<max(1, kCount) {
                    let ak = a + k * n
                    for col in 0..<n where ak[col] > tp[col] {
                        tp[col] = ak[col]
                        bestIndex[col] = k
                    }
                }
                let offset = row * n
                for col in 0..<n { outClass[offset + col] = bestIndex[col] }
                guard let outMax else {
                    // Scores as they are, node by node.
                    if let outAll {
                        for col in 0..<n {
                            for k in 0..<kCount { outAll[(offset + col) * kCount + k] = a[k * n + col] }
                        }
                    }
                    continue
                }
                for k in 0..<kCount {
                    let ak = a + k * n
                    for col in 0..<n {
                        let e = VectorKernels.exp(ak[col] - tp[col])
                        ak[col] = e
                        s[col] += e
                    }
                }
                for col in 0..<n { outMax[offset + col] = 1 / s[col] }
                if let outAll {
                    for col in 0..<n {
                        let inv = 1 / s[col]
                        for k in 0..<kCount { outAll[(offset + col) * kCount + k] = a[k * n + col] * inv }
                    }
                }
            }
        }}}}}}}}}}
        return (classIndex, maxProbability, all)
    }
}
