import Foundation

extension TwoLayerNetworkObjective {
    /// Forward pass (and, when `gradient` is given, backpropagation) over the whole data set or a batch,
    /// sample-parallel: every loop runs along the samples over contiguous buffers so it vectorises.
    /// Returns the summed cross-entropy; adds the summed (unscaled) gradient into `gradient`;
    /// counts correct predictions into `correct`.
    func evaluate(_ parameters: [Double], batch: ArraySlice<Int>?, gradient: UnsafeMutableBufferPointer<Double>?,
                  correct: inout Int) -> Double {
        let d = features.cols, m = hiddenUnits, kCount = classCount
        let n = batch?.count ?? features.rows
        guard n > 0 else { return 0 }
        // Scratch: hidden (m·n), outputs (k·n), three per-sample rows; gathered batch inputs (d·n) and labels.
        let scratchCount = (m + kCount + 3) * n + (batch == nil ? 0 : d * n)
        var total = 0.0
        var hits = 0
        withUnsafeTemporaryAllocation(of: Double.self, capacity: max(1, scratchCount)) { scratch in
        withUnsafeTemporaryAllocation(of: Int.self, capacity: batch == nil ? 1 : n) { batchLabels in
        parameters.withUnsafeBufferPointer { thBuffer in
        columns.withUnsafeBufferPointer { allColumns in
        labels.withUnsafeBufferPointer { allLabels in
            guard let th = thBuffer.baseAddress, let base = scratch.baseAddress,
                  var x = allColumns.baseAddress, var t = allLabels.baseAddress,
                  let gatheredLabels = batchLabels.baseAddress else { return }
            let z = base, a = base + m * n, top = a + kCount * n, sums = top + n, labelScore = sums + n
            if let batch {
                // Gather the batch's inputs column by column, and its labels.
                let gathered = labelScore + n
                var r = 0
                for sample in batch {
                    for i in 0..<d { gathered[i * n + r] = x[i * features.rows + sample] }
                    gatheredLabels[r] = t[sample]
                    r += 1
                }
                x = UnsafePointer(gathered)
                t = UnsafePointer(gatheredLabels)
            }
            let wStride = d + 1, vStride = m + 1, v0 = firstLayerCount

            // Hidden layer: z_j = h(w_j0 + Σ_i w_ji x_i).
            for j in 0..<m {
                let zj = z + j * n, w = th + j * wStride
                let bias = w[0]
                for r in 0..<n { zj[r] = bias }
                for i in 0..<d {
                    let wi = w[1 + i], xi = x + i * n
                    for r in 0..<n { zj[r] += wi * xi[r] }
                }
                switch activation {
                case .sigmoid:
                    for r in 0..<n { zj[r] = 1 / (1 + VectorKernels.exp(-zj[r])) }
                case .tanh:
                    for r in 0..<n { zj[r] = 2 / (1 + VectorKernels.exp(-2 * zj[r])) - 1 }
                case .relu:
                    for r in 0..<n { zj[r] = zj[r] > 0 ? zj[r] : 0 }
                }
            }
            // Output scores a_k = v_k0 + Σ_j v_kj z_j.
            for k in 0..<kCount {
                let ak = a + k * n, v = th + v0 + k * vStride
                let bias = v[0]
                for r in 0..<n { ak[r] = bias }
                for j in 0..<m {
                    let vkj = v[1 + j], zj = z + j * n
                    for r in 0..<n { ak[r] += vkj * zj[r] }
                }
            }
            // Softmax: top score, label score, Σ exp(a_k − top); the loss is log Σ − (a_label − top).
            for r in 0..<n { top[r] = a[r]; sums[r] = 0 }
            for k in 1..<max(1, kCount) {
                let ak = a + k * n
                for r in 0..<n { top[r] = ak[r] > top[r] ? ak[r] : top[r] }
            }
            for r in 0..<n {
                let label = t[r]
                labelScore[r] = a[label * n + r] - top[r]
                if labelScore[r] == 0 { hits += 1 }
            }
            for k in 0..<kCount {
                let ak = a + k * n
                for r in 0..<n {
                    let e = VectorKernels.exp(ak[r] - top[r])
                    ak[r] = e
                    sums[r] += e
                }
            }
            for r in 0..<n { total += log(sums[r]) - labelScore[r] }
            guard let gradient, let g = gradient.baseAddress else { return }

            // Output error δ2_k = y_k − t_k (in place of a), second-layer gradient Σ δ2_k z_j.
            for r in 0..<n { sums[r] = 1 / sums[r] }
            for k in 0..<kCount {
                let ak = a + k * n
                for r in 0..<n { ak[r] *= sums[r] }
                for r in 0..<n where t[r] == k { ak[r] -= 1 }
                let gv = g + v0 + k * vStride
                gv[0] += VectorKernels.sum(ak, n)
                for j in 0..<m { gv[1 + j] += VectorKernels.dot(ak, z + j * n, n) }
            }
            // Hidden error δ1_j = h'(b_j) Σ_k v_kj δ2_k (in place of z_j), first-layer gradient Σ δ1_j x_i.
            for j in 0..<m {
                let zj = z + j * n
                for r in 0..<n { sums[r] = 0 }
                for k in 0..<kCount {
                    let vkj = th[v0 + k * vStride + 1 + j], ak = a + k * n
                    for r in 0..<n { sums[r] += vkj * ak[r] }
                }
                switch activation {
                case .sigmoid:
                    for r in 0..<n { zj[r] = zj[r] * (1 - zj[r]) * sums[r] }
                case .tanh:
                    for r in 0..<n { zj[r] = (1 - zj[r] * zj[r]) * sums[r] }
                case .relu:
                    for r in 0..<n { zj[r] = zj[r] > 0 ? sums[r] : 0 }
                }
                let gw = g + j * wStride
                gw[0] += VectorKernels.sum(zj, n)
                for i in 0..<d { gw[1 + i] += VectorKernels.dot(zj, x + i * n, n) }
            }
        }}}}}
        correct = hits
        return total
    }
}
