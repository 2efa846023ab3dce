import FrameplotCanvas

/// Class predictions precomputed on a grid of points, for ``DecisionRegionsMark``.
///
/// `labels[j * xs.count + i]` is the class at (`xs[i]`, `ys[j]`); `scores`, when given,
/// holds the per-class probabilities (or any scores, larger is more likely) at the same
/// nodes and yields smooth boundaries.
///
/// ```swift
/// let grid = DecisionGrid(xs: xs, ys: ys, labels: labels)
/// ```
public struct DecisionGrid: Sendable, Hashable {
    public var xs: [Double]
    public var ys: [Double]
    public var labels: [Int]
    public var scores: [[Double]]?

    public init(xs: [Double], ys: [Double], labels: [Int], scores: [[Double]]? = nil) {
        self.xs = xs; self.ys = ys; self.labels = labels; self.scores = scores
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

    /// A sampled field: node coordinates (in the space where lines are drawn), labels, scores.
    struct Sampled {
        var xs: [Double]
        var ys: [Double]
        var labels: [Int]
        var scores: [[Double]]?
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
        var scores: [[Double]]?
        switch source {
        case .classifier(let f):
            for j in 0..<ny { for i in 0..<nx { labels[j * nx + i] = f(dataX[i], dataY[j]) } }
        case .probabilities(let f):
            var s = [[Double]](repeating: [], count: nx * ny)
            for j in 0..<ny {
                for i in 0..<nx {
                    let p = f(dataX[i], dataY[j])
                    s[j * nx + i] = p
                    labels[j * nx + i] = DecisionRegionsMark.argmax(p)
                }
            }
            scores = s
        case .grid:
            return nil
        }
        return Sampled(xs: xs, ys: ys, labels: labels, scores: scores)
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
        var wins: Set<Int>
    }

    static func ranking(_ s: Sampled) -> Ranking {
        var top: [Double] = [], second: [Double] = []
        if let scores = s.scores {
            top.reserveCapacity(scores.count)
            second.reserveCapacity(scores.count)
            for p in scores {
                var first = -Double.infinity, next = -Double.infinity
                for v in p {
                    if v > first { next = first; first = v } else if v > next { next = v }
                }
                top.append(first)
                second.append(next)
            }
        }
        return Ranking(top: top, second: second, wins: Set(s.labels))
    }

    /// The field whose zero level is the boundary of class `k`: the indicator minus ½,
    /// or the class's score minus the best other score.
    static func field(_ s: Sampled, klass k: Int, ranking: Ranking) -> [Double] {
        if let scores = s.scores, ranking.top.count == scores.count {
            return scores.indices.map { i in
                let p = scores[i]
                guard k < p.count else { return -1 }
                // The best other score: the runner-up where k leads, the leader elsewhere.
                let other = s.labels[i] == k ? ranking.second[i] : ranking.top[i]
                return p[k] - other
            }
        }
        return s.labels.map { $0 == k ? 0.5 : -0.5 }
    }

    public func draw(in context: MarkContext) {
        let t = context.transform
        let sampled: Sampled
        let inPixels: Bool
        if case .grid(let g) = source {
            sampled = Sampled(xs: g.xs, ys: g.ys, labels: g.labels, scores: g.scores)
            inPixels = false
        } else {
            guard let s = sample(in: t, resolution: context.resolution) else { return }
            sampled = s
            inPixels = true
        }
        let nx = sampled.xs.count, ny = sampled.ys.count
        guard nx > 0, ny > 0, sampled.labels.count == nx * ny else { return }

        // Fill: one raster cell per sample, class colour at `alpha`.
        let palette = (0..<Swift.max(1, classCount)).map { RGBA8(classColor($0, theme: context.theme).withAlpha(alpha)) }
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

        // Boundaries: every boundary touches one of the first K-1 classes.
        guard let boundaryColor, classCount >= 2 else { return }
        let stroke = StrokeStyle(color: boundaryColor.resolved(in: context.theme),
                                 width: context.length(boundaryWidth, default: context.theme.lines.data * 0.8),
                                 cap: .round, join: .round)
        var path = Path()
        let ranking = DecisionRegionsMark.ranking(sampled)
        // A class that leads nowhere has no boundary of its own.
        for k in 0..<(classCount - 1) where ranking.wins.contains(k) {
            guard let grid = CoreBridge.makeGrid(xs: sampled.xs, ys: sampled.ys,
                                                 values: DecisionRegionsMark.field(sampled, klass: k, ranking: ranking)) else { continue }
            for line in CoreBridge.contourLines(grid, level: 0) where line.count >= 2 {
                path.addPolyline(line.map { inPixels ? Point(x: $0.x, y: $0.y) : t.point(x: $0.x, y: $0.y) })
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
