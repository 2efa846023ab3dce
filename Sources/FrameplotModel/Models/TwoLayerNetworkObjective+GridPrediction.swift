import Foundation

extension TwoLayerNetworkObjective {
    /// Class predictions over a 2-D grid, the decision-region hot path.
    ///
    /// Along a grid row every hidden unit's input b_j grows by a constant step, so
    /// e^(−b_j) (sigmoid) or e^(−2b_j) (tanh) is updated by one multiplication per cell
    /// instead of an `exp` call (recomputed exactly whenever it leaves [1e-200, 1e200]);
    /// the outputs need K−1 `exp` calls per cell. All buffers are allocated once per call.
    ///
    /// ```swift
    /// let grid = PredictionGrid(x: -3...3, y: -3...3, columns: 800, rows: 800)
    /// let p = try net.predictGrid(parameters: theta, grid: grid)
    /// ```
    public func predictGrid(parameters: [Double], grid: PredictionGrid, transform: Standardizer? = nil,
                            includeProbabilities: Bool = false) throws -> GridPrediction {
        try grid.validate()
        guard featureCount == 2 else {
            throw TrainingError.invalidArgument("grid prediction needs a model with 2 input features, this one has \(featureCount)")
        }
        guard parameters.count == parameterNames.count else {
            throw TrainingError.mismatchedLengths(what: "number of network parameters", expected: parameterNames.count, actual: parameters.count)
        }
        let m = hiddenUnits, kCount = classCount, cells = grid.columns * grid.rows
        let v0 = firstLayerCount, vStride = m + 1
        var classIndex = [Int](repeating: 0, count: cells)
        var maxProbability = [Double](repeating: 0, count: cells)
        var all = [Double](repeating: 0, count: includeProbabilities ? cells * kCount : 0)
        // Grid coordinates in the model's input space: x' = (x − mean)/scale, still evenly spaced.
        let mx = transform?.means.first ?? 0, sx = transform?.scales.first ?? 1
        let my = transform.map { $0.means.count > 1 ? $0.means[1] : 0 } ?? 0
        let sy = transform.map { $0.scales.count > 1 ? $0.scales[1] : 1 } ?? 1
        let x0 = (grid.x(column: 0) - mx) / sx, dx = grid.cellWidth / sx
        // Per hidden unit: running value (exp or b), the per-cell ratio/step, the row start b.
        var running = [Double](repeating: 0, count: m)
        var ratio = [Double](repeating: 0, count: m)
        var rowStart = [Double](repeating: 0, count: m)
        var slope = [Double](repeating: 0, count: m)
        var hidden = [Double](repeating: 0, count: m)
        var scores = [Double](repeating: 0, count: kCount)
        // tanh(b) = 2σ(2b) − 1, so both use e^(−c·b) with c = 1 or 2.
        let c: Double = activation == .tanh ? 2 : 1

        parameters.withUnsafeBufferPointer { th in
            running.withUnsafeMutableBufferPointer { e in
            ratio.withUnsafeMutableBufferPointer { q in
            rowStart.withUnsafeMutableBufferPointer { b0 in
            slope.withUnsafeMutableBufferPointer { db in
            hidden.withUnsafeMutableBufferPointer { z in
            scores.withUnsafeMutableBufferPointer { a in
            classIndex.withUnsafeMutableBufferPointer { outClass in
            maxProbability.withUnsafeMutableBufferPointer { outMax in
            all.withUnsafeMutableBufferPointer { outAll in
                for j in 0..<m {
                    db[j] = th[j * 3 + 1] * dx
                    q[j] = exp(-c * db[j])
                }
                for row in 0..<grid.rows {
                    let y = (grid.y(row: row) - my) / sy
                    for j in 0..<m {
                        b0[j] = th[j * 3] + th[j * 3 + 1] * x0 + th[j * 3 + 2] * y
                        e[j] = exp(-c * b0[j])
                    }
                    let rowOffset = row * grid.columns
                    for column in 0..<grid.columns {
                        // Hidden layer.
                        switch activation {
                        case .relu:
                            for j in 0..<m { z[j] = max(0, b0[j] + db[j] * Double(column)) }
                        case .sigmoid, .tanh:
                            for j in 0..<m {
                                var ej = e[j]
                                if !(ej > 1e-200 && ej < 1e200) {
                                    ej = exp(-c * (b0[j] + db[j] * Double(column)))
                                }
                                z[j] = 1 / (1 + ej)
                                e[j] = ej * q[j]
                            }
                            if activation == .tanh { for j in 0..<m { z[j] = 2 * z[j] - 1 } }
                        }
                        // Output scores and the arg-max.
                        var best = 0
                        for k in 0..<kCount {
                            let base = v0 + k * vStride
                            var s = th[base]
                            for j in 0..<m { s += th[base + 1 + j] * z[j] }
                            a[k] = s
                            if s > a[best] { best = k }
                        }
                        let top = a[best]
                        var sum = 1.0
                        for k in 0..<kCount where k != best { sum += exp(a[k] - top) }
                        let cell = rowOffset + column
                        outClass[cell] = best
                        outMax[cell] = 1 / sum
                        if includeProbabilities {
                            for k in 0..<kCount { outAll[cell * kCount + k] = k == best ? 1 / sum : exp(a[k] - top) / sum }
                        }
                    }
                }
            }}}}}}}}}
        }
        return GridPrediction(grid: grid, classCount: kCount, classIndex: classIndex, maxProbability: maxProbability,
                              probabilities: includeProbabilities ? all : nil)
    }
}
