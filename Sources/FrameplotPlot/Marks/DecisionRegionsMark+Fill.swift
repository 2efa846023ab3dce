import FrameplotCanvas

extension DecisionRegionsMark {
    /// The regions of a grid of predictions at the device resolution of an image.
    ///
    /// A cell whose four nodes agree takes their class whole (every point between them
    /// agrees too: a bilinear blend of scores that all favour one class favours it). A cell on
    /// a boundary is split pixel by pixel by the class with the highest bilinearly blended
    /// score (the class indicators without scores), so the fill meets the smooth boundary lines
    /// rather than stepping in whole cells. Pixels outside the grid's cells stay transparent.
    ///
    /// - Parameters:
    ///   - palette: the colour of each class as r, g, b, a bytes in memory order.
    ///   - scale: device pixels per layout unit.
    /// - Returns: the image and the rectangle (layout units, on whole device pixels) it fills,
    ///   or `nil` when the grid has fewer than 2 nodes a side or its nodes are not monotonic.
    static func deviceFill(_ s: Sampled, palette: [UInt32], transform t: PanelTransform,
                           scale r: Double) -> (image: RasterImage, rect: Rect)? {
        let nx = s.xs.count, ny = s.ys.count
        guard nx >= 2, ny >= 2, s.labels.count == nx * ny,
              let columns = NodeAxis(nodes: s.xs), let rows = NodeAxis(nodes: s.ys),
              let ex = HeatmapMark.edges(s.xs), let ey = HeatmapMark.edges(s.ys) else { return nil }
        // The grid's cells on the page, within the plot area, widened to whole device pixels.
        let p0 = t.point(x: ex.lowerBound, y: ey.lowerBound), p1 = t.point(x: ex.upperBound, y: ey.upperBound)
        let plot = t.plotRect
        let left = Swift.max(Swift.min(p0.x, p1.x), plot.minX), right = Swift.min(Swift.max(p0.x, p1.x), plot.maxX)
        let top = Swift.max(Swift.min(p0.y, p1.y), plot.minY), bottom = Swift.min(Swift.max(p0.y, p1.y), plot.maxY)
        guard left.isFinite, right.isFinite, top.isFinite, bottom.isFinite, left < right, top < bottom else { return nil }
        let x0 = (left * r).rounded(.down), y0 = (top * r).rounded(.down)
        let width = Int((right * r).rounded(.up) - x0), height = Int((bottom * r).rounded(.up) - y0)
        guard width > 0, height > 0, width <= CanvasLimits.maxPixelsPerSide, height <= CanvasLimits.maxPixelsPerSide
        else { return nil }

        // Where each pixel column and row falls among the nodes.
        let across = (0..<width).map { columns.place(t.x.value(atPixel: (x0 + Double($0) + 0.5) / r)) }
        let down = (0..<height).map { rows.place(t.y.value(atPixel: (y0 + Double($0) + 0.5) / r)) }
        // Runs of pixel columns in one cell column.
        var spans: [(cell: Int, start: Int, end: Int)] = []
        for (i, place) in across.enumerated() {
            guard let place else { continue }
            if let last = spans.last, last.cell == place.cell, last.end == i { spans[spans.count - 1].end = i + 1 } else {
                spans.append((place.cell, i, i + 1))
            }
        }
        // The class of each cell whose four nodes agree, else -1.
        let cellsAcross = nx - 1
        var agreed = [Int](repeating: -1, count: cellsAcross * (ny - 1))
        for j in 0..<(ny - 1) {
            for i in 0..<cellsAcross {
                let k = s.labels[j * nx + i]
                if s.labels[j * nx + i + 1] == k && s.labels[(j + 1) * nx + i] == k && s.labels[(j + 1) * nx + i + 1] == k {
                    agreed[j * cellsAcross + i] = k
                }
            }
        }

        var image = RasterImage(width: width, height: height)
        let classes = palette.count
        var blended = [Double](repeating: 0, count: classes)
        image.pixels.withUnsafeMutableBytes { out in
            guard let base = out.baseAddress?.assumingMemoryBound(to: UInt32.self) else { return }
            func word(_ k: Int) -> UInt32 { k >= 0 && k < classes ? palette[k] : 0 }
            for (y, place) in down.enumerated() {
                guard let place else { continue }
                let row = base + width * y
                for span in spans {
                    let k = agreed[place.cell * cellsAcross + span.cell]
                    if k >= 0 {
                        (row + span.start).update(repeating: word(k), count: span.end - span.start)
                        continue
                    }
                    for x in span.start..<span.end {
                        guard let column = across[x] else { continue }
                        row[x] = word(blendedClass(s, column: column, row: place, classes: classes, into: &blended))
                    }
                }
            }
        }
        return (image, Rect(x: x0 / r, y: y0 / r, width: Double(width) / r, height: Double(height) / r))
    }

    /// The class with the highest bilinear blend of the four nodes' scores (or class
    /// indicators) at a point of a cell; ties go to the lower class, as ``argmax(_:)``.
    static func blendedClass(_ s: Sampled, column: NodeAxis.Place, row: NodeAxis.Place, classes: Int,
                             into blended: inout [Double]) -> Int {
        let nx = s.xs.count, fx = column.fraction, fy = row.fraction
        let n00 = row.cell * nx + column.cell, n01 = n00 + nx
        // The four nodes and their weights, in a fixed order.
        let corners = ((n00, (1 - fx) * (1 - fy)), (n00 + 1, fx * (1 - fy)), (n01, (1 - fx) * fy), (n01 + 1, fx * fy))
        for k in 0..<classes { blended[k] = 0 }
        func add(_ corner: (Int, Double)) {
            let (node, weight) = corner
            guard weight > 0 else { return }
            if let scores = s.scores, s.scoreCount > 0 {
                for k in 0..<Swift.min(classes, s.scoreCount) { blended[k] += weight * scores[node * s.scoreCount + k] }
            } else if s.labels[node] >= 0 && s.labels[node] < classes {
                blended[s.labels[node]] += weight
            }
        }
        add(corners.0); add(corners.1); add(corners.2); add(corners.3)
        var best = -1, bestValue = -Double.infinity
        for k in 0..<classes where blended[k] > bestValue { best = k; bestValue = blended[k] }
        return best
    }

    /// Node positions along one axis (increasing or decreasing), and where a value falls
    /// among them: the cell (between node `cell` and `cell + 1`) and the fraction across it.
    struct NodeAxis {
        struct Place {
            var cell: Int
            var fraction: Double
        }

        /// The nodes in increasing order, and whether that reversed them.
        let increasing: [Double]
        let reversed: Bool

        init?(nodes: [Double]) {
            guard nodes.count >= 2, nodes.allSatisfy(\.isFinite) else { return nil }
            reversed = nodes[nodes.count - 1] < nodes[0]
            increasing = reversed ? nodes.reversed() : nodes
            for i in 1..<increasing.count where !(increasing[i] > increasing[i - 1]) { return nil }
        }

        /// Where `value` falls, clamped to the outer nodes within half a cell beyond them;
        /// `nil` further out (outside the cells the nodes colour).
        func place(_ value: Double) -> Place? {
            let n = increasing.count
            let lowEdge = increasing[0] - (increasing[1] - increasing[0]) / 2
            let highEdge = increasing[n - 1] + (increasing[n - 1] - increasing[n - 2]) / 2
            guard value.isFinite, value >= lowEdge, value <= highEdge else { return nil }
            // The last node at or below the value (binary search).
            var lo = 0, hi = n - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if increasing[mid] <= value { lo = mid } else { hi = mid - 1 }
            }
            let cell = Swift.min(lo, n - 2)
            let f = Swift.min(Swift.max((value - increasing[cell]) / (increasing[cell + 1] - increasing[cell]), 0), 1)
            // Back in the nodes' own order.
            return reversed ? Place(cell: n - 2 - cell, fraction: 1 - f) : Place(cell: cell, fraction: f)
        }
    }
}
