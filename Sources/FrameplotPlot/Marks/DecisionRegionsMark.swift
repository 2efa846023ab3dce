import FrameplotCanvas

/// Class predictions precomputed on a grid of points, for ``DecisionRegionsMark``.
///
/// `labels[j * xs.count + i]` is the class at (`xs[i]`, `ys[j]`); the scores, when given,
/// hold the per-class probabilities (or any scores, larger is more likely) at the same
/// nodes and yield smooth boundaries. They are kept flat, `scoreCount` per node
/// (`probabilities[(j * xs.count + i) * scoreCount + k]`), as models produce them.
///
/// ```swift
/// let grid = DecisionGrid(xs: xs, ys: ys, labels: labels)
/// let smooth = DecisionGrid(xs: xs, ys: ys, labels: prediction.classIndex, probabilities: p, classes: 3)
/// ```
public struct DecisionGrid: Sendable, Hashable {
    public var xs: [Double]
    public var ys: [Double]
    public var labels: [Int]
    /// The scores of every node, `scoreCount` each, or `nil`.
    public var probabilities: [Double]?
    /// Scores per node (the number of classes).
    public var scoreCount: Int

    public init(xs: [Double], ys: [Double], labels: [Int], probabilities: [Double]? = nil, classes: Int = 0) {
        self.xs = xs; self.ys = ys; self.labels = labels
        self.probabilities = probabilities; self.scoreCount = probabilities == nil ? 0 : Swift.max(0, classes)
    }

    /// Scores given per node as arrays (each node's array as long as the first's).
    public init(xs: [Double], ys: [Double], labels: [Int], scores: [[Double]]?) {
        let count = scores?.first?.count ?? 0
        self.init(xs: xs, ys: ys, labels: labels,
                  probabilities: scores.map { rows in rows.flatMap { $0.count == count ? $0 : Array(repeating: -.infinity, count: count) } },
                  classes: count)
    }

    /// The scores per node as arrays (a copy of ``probabilities``).
    public var scores: [[Double]]? {
        guard let probabilities, scoreCount > 0 else { return nil }
        return stride(from: 0, to: probabilities.count, by: scoreCount).map { Array(probabilities[$0..<($0 + scoreCount)]) }
    }

    /// Evaluates `classify` at every node of an `nx` x `ny` grid over `x` × `y`.
    ///
    /// ```swift
    /// let grid = DecisionGrid(x: -3...3, y: -3...3, nx: 200, ny: 200) { x, y in model.predict([x, y]) }
    /// ```
    public init(x: ClosedRange<Double>, y: ClosedRange<Double>, nx: Int, ny: Int,
                classify: (Double, Double) -> Int) {
        let nx = Swift.max(2, nx), ny = Swift.max(2, ny)
        let xs = (0..<nx).map { x.lowerBound + (x.upperBound - x.lowerBound) * Double($0) / Double(nx - 1) }
        let ys = (0..<ny).map { y.lowerBound + (y.upperBound - y.lowerBound) * Double($0) / Double(ny - 1) }
        var labels: [Int] = []
        labels.reserveCapacity(nx * ny)
        for yv in ys { for xv in xs { labels.append(classify(xv, yv)) } }
        self.init(xs: xs, ys: ys, labels: labels)
    }
}

/// Where a decision-region mark gets its classes from.
public enum DecisionSource: Sendable {
    /// A classifier returning the class of a point; evaluated at every device pixel.
    case classifier(@Sendable (Double, Double) -> Int)
    /// A classifier returning per-class probabilities; the class is the most likely one
    /// and the boundaries follow where the two most likely classes tie (smooth lines).
    case probabilities(@Sendable (Double, Double) -> [Double])
    /// Predictions computed beforehand (fast for animations: compute once per frame).
    case grid(DecisionGrid)
}

/// The regions where a classifier predicts each class, filled with the class colours at
/// an alpha, and the boundaries between them as smooth lines (marching squares on the
/// class-indicator or probability-difference fields, never a staircase of cells).
///
/// ```swift
/// axes.decisionRegions(classes: 3, alpha: 0.25) { x, y in model.predict(x, y) }
/// ```
public struct DecisionRegionsMark: Mark {
    public var source: DecisionSource
    public var classCount: Int
    /// Colours per class; empty uses the theme's palette (same colours as class scatter points).
    public var colors: [Color]
    public var alpha: Double
    /// The boundary line colour (`nil`: no boundaries).
    public var boundaryColor: MarkColor?
    public var boundaryWidth: Double?
    /// Legend labels per class (patches); empty for no legend entries.
    public var classLabels: [String]
    /// Grid cells per layout unit when evaluating a classifier; `nil`: one per device pixel.
    public var cellsPerUnit: Double?
    public var layer: MarkLayer

    /// Largest number of classifier evaluations per draw.
    static let maxCells = 4_000_000

    func classColor(_ k: Int, theme: Theme) -> Color {
        if !colors.isEmpty { return colors[((k % colors.count) + colors.count) % colors.count] }
        return PlotStyle(theme: theme).cycleColor(k)
    }

    public func extent(xScale: ScaleKind, yScale: ScaleKind) -> MarkExtent? {
        guard case .grid(let g) = source, let x = HeatmapMark.edges(g.xs), let y = HeatmapMark.edges(g.ys) else { return nil }
        return MarkExtent(x: x, y: y, tight: true)
    }

    /// A sampled field: node coordinates (in the space where lines are drawn), labels, and
    /// the scores flat, `scoreCount` per node.
    struct Sampled {
        var xs: [Double]
        var ys: [Double]
        var labels: [Int]
        var scores: [Double]?
        var scoreCount: Int = 0
    }

    /// Samples a classifier at the centre of every cell of the plot area, in layout units.
    func sample(in t: PanelTransform, resolution: Double) -> Sampled? {
        let r = t.plotRect
        var res = cellsPerUnit ?? resolution
        var nx = Int((r.width * res).rounded(.up)), ny = Int((r.height * res).rounded(.up))
        if nx * ny > DecisionRegionsMark.maxCells {
            res *= (Double(DecisionRegionsMark.maxCells) / Double(nx * ny)).squareRoot()
            nx = Int((r.width * res).rounded(.up)); ny = Int((r.height * res).rounded(.up))
        }
        guard nx >= 2, ny >= 2 else { return nil }
        let xs = (0..<nx).map { r.minX + (Double($0) + 0.5) * r.width / Double(nx) }
        let ys = (0..<ny).map { r.minY + (Double($0) + 0.5) * r.height / Double(ny) }
        let dataX = xs.map { t.x.value(atPixel: $0) }, dataY = ys.map { t.y.value(atPixel: $0) }
        var labels = [Int](repeating: 0, count: nx * ny)
        switch source {
        case .classifier(let f):
            for j in 0..<ny { for i in 0..<nx { labels[j * nx + i] = f(dataX[i], dataY[j]) } }
            return Sampled(xs: xs, ys: ys, labels: labels)
        case .probabilities(let f):
            // Every node gets `count` scores (the first node's count; missing ones lose).
            let count = Swift.max(1, f(dataX[0], dataY[0]).count)
            var scores = [Double](repeating: -.infinity, count: nx * ny * count)
            for j in 0..<ny {
                for i in 0..<nx {
                    let p = f(dataX[i], dataY[j]), node = j * nx + i
                    for k in 0..<Swift.min(count, p.count) { scores[node * count + k] = p[k] }
                    labels[node] = DecisionRegionsMark.argmax(p)
                }
            }
            return Sampled(xs: xs, ys: ys, labels: labels, scores: scores, scoreCount: count)
        case .grid:
            return nil
        }
    }

    static func argmax(_ p: [Double]) -> Int {
        var best = 0, bestV = -Double.infinity
        for (k, v) in p.enumerated() where v > bestV { best = k; bestV = v }
        return best
    }

    /// The two best scores of every sample, found once so each class's field is O(cells)
    /// (not O(cells × classes)), and which classes win anywhere.
    struct Ranking {
        var top: [Double]
        var second: [Double]
        /// `wins[k]`: class k is the label of some sample.
        var wins: [Bool]
    }

    static func ranking(_ s: Sampled) -> Ranking {
        var top: [Double] = [], second: [Double] = []
        if let scores = s.scores, s.scoreCount > 0 {
            let count = s.scoreCount, nodes = scores.count / count
            top = [Double](repeating: -.infinity, count: nodes)
            second = top
            scores.withUnsafeBufferPointer { p in
                top.withUnsafeMutableBufferPointer { first in
                    second.withUnsafeMutableBufferPointer { next in
                        for node in 0..<nodes {
                            var a = -Double.infinity, b = -Double.infinity
                            for k in (node * count)..<(node * count + count) {
                                let v = p[k]
                                if v > a { b = a; a = v } else if v > b { b = v }
                            }
                            first[node] = a
                            next[node] = b
                        }
                    }
                }
            }
        }
        var wins: [Bool] = []
        for label in s.labels where label >= 0 {
            if label >= wins.count { wins += Array(repeating: false, count: label + 1 - wins.count) }
            wins[label] = true
        }
        return Ranking(top: top, second: second, wins: wins)
    }

    /// The field whose zero level is the boundary of class `k`: the indicator minus ½,
    /// or the class's score minus the best other score.
    static func field(_ s: Sampled, klass k: Int, ranking: Ranking) -> [Double] {
        if let scores = s.scores, s.scoreCount > 0, ranking.top.count == s.labels.count {
            let count = s.scoreCount
            guard k < count else { return Array(repeating: -1, count: s.labels.count) }
            var field = [Double](repeating: 0, count: s.labels.count)
            scores.withUnsafeBufferPointer { p in
                s.labels.withUnsafeBufferPointer { labels in
                    ranking.top.withUnsafeBufferPointer { top in
                        ranking.second.withUnsafeBufferPointer { second in
                            field.withUnsafeMutableBufferPointer { out in
                                for i in 0..<out.count {
                                    // The best other score: the runner-up where k leads, the leader elsewhere.
                                    out[i] = p[i * count + k] - (labels[i] == k ? second[i] : top[i])
                                }
                            }
                        }
                    }
                }
            }
            return field
        }
        return s.labels.map { $0 == k ? 0.5 : -0.5 }
    }

    public func draw(in context: MarkContext) {
        let t = context.transform
        let sampled: Sampled
        let inPixels: Bool
        if case .grid(let g) = source {
            let scores = g.probabilities.flatMap { p in g.scoreCount > 0 && p.count == g.labels.count * g.scoreCount ? p : nil }
            sampled = Sampled(xs: g.xs, ys: g.ys, labels: g.labels, scores: scores, scoreCount: scores == nil ? 0 : g.scoreCount)
            inPixels = false
        } else {
            guard let s = sample(in: t, resolution: context.resolution) else { return }
            sampled = s
            inPixels = true
        }
        let nx = sampled.xs.count, ny = sampled.ys.count
        guard nx > 0, ny > 0, sampled.labels.count == nx * ny else { return }

        // Fill: class colour at `alpha`; on an image at its resolution with boundaries split
        // finely, elsewhere one raster cell per sample.
        let palette = (0..<Swift.max(1, classCount)).map { RGBA8(classColor($0, theme: context.theme).withAlpha(alpha)) }
        if !inPixels, let image = context.image,
           let fill = DecisionRegionsMark.deviceFill(sampled, palette: palette.map(DecisionRegionsMark.word), transform: t,
                                                     scale: image.scale) {
            context.canvas.draw(fill.image, in: fill.rect, interpolation: .nearest)
        } else {
            drawCells(sampled, palette: palette, inPixels: inPixels, in: context)
        }
        drawBoundaries(sampled, inPixels: inPixels, in: context)
    }

    /// r, g, b, a bytes in memory order, as ``RasterImage`` stores a pixel.
    static func word(_ c: RGBA8) -> UInt32 {
        var word: UInt32 = 0
        withUnsafeMutableBytes(of: &word) { raw in raw[0] = c.r; raw[1] = c.g; raw[2] = c.b; raw[3] = c.a }
        return word
    }

    /// One raster cell per sample, scaled to the cells' rectangle.
    private func drawCells(_ sampled: Sampled, palette: [RGBA8], inPixels: Bool, in context: MarkContext) {
        let t = context.transform, nx = sampled.xs.count, ny = sampled.ys.count
        var img = RasterImage(width: nx, height: ny)
        // Raster row 0 is the top: in pixel space ys grow downwards already; data ys grow upwards.
        let yDown = inPixels || (sampled.ys.last ?? 0) < (sampled.ys.first ?? 0)
        for j in 0..<ny {
            let row = yDown ? j : ny - 1 - j
            for i in 0..<nx {
                let k = sampled.labels[j * nx + i]
                if k >= 0 && k < palette.count { img[i, row] = palette[k] }
            }
        }
        let rect: Rect
        if inPixels {
            rect = t.plotRect
        } else {
            guard let ex = HeatmapMark.edges(sampled.xs), let ey = HeatmapMark.edges(sampled.ys) else { return }
            let p0 = t.point(x: ex.lowerBound, y: ey.upperBound), p1 = t.point(x: ex.upperBound, y: ey.lowerBound)
            rect = Rect(x: Swift.min(p0.x, p1.x), y: Swift.min(p0.y, p1.y), width: abs(p1.x - p0.x), height: abs(p1.y - p0.y))
        }
        context.canvas.draw(img, in: rect, interpolation: .nearest)
    }

    /// Boundaries: every boundary touches one of the first K-1 classes.
    private func drawBoundaries(_ sampled: Sampled, inPixels: Bool, in context: MarkContext) {
        let t = context.transform
        guard let boundaryColor, classCount >= 2 else { return }
        let stroke = StrokeStyle(color: boundaryColor.resolved(in: context.theme),
                                 width: context.length(boundaryWidth, default: context.theme.lines.data * 0.8),
                                 cap: .round, join: .round)
        var path = Path()
        let ranking = DecisionRegionsMark.ranking(sampled)
        // A class that leads nowhere has no boundary of its own.
        for k in 0..<(classCount - 1) where k < ranking.wins.count && ranking.wins[k] {
            guard let grid = CoreBridge.makeGrid(xs: sampled.xs, ys: sampled.ys,
                                                 values: DecisionRegionsMark.field(sampled, klass: k, ranking: ranking)) else { continue }
            for line in CoreBridge.contourLines(grid, level: 0) where line.count >= 2 {
                let points = line.map { inPixels ? Point(x: $0.x, y: $0.y) : t.point(x: $0.x, y: $0.y) }
                // A vertex on every mesh edge crossed: a tenth of a device pixel is plenty.
                path.addPolyline(PolylineSimplification.simplified(points, tolerance: 0.1 / Swift.max(1, context.resolution)))
            }
        }
        if !path.isEmpty { context.canvas.stroke(path, style: stroke) }
    }

    public func legendEntries(theme: Theme) -> [LegendEntry] {
        classLabels.enumerated().map { k, name in
            LegendEntry(label: name, handle: .patch(fill: classColor(k, theme: theme).withAlpha(alpha), edge: nil))
        }
    }
}
