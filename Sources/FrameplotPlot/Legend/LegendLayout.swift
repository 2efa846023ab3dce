import FrameplotCanvas

/// Where a legend goes: its box and, per entry, the handle's box and the placed label.
public struct LegendLayout: Sendable {
    public struct Row: Sendable {
        public var entry: LegendEntry
        public var handleRect: Rect
        public var label: PlacedText
    }
    public var box: Rect
    public var rows: [Row]
    public var placement: LegendPlacement
    /// The title above the rows (``Axes/legendTitle``), if any.
    public var title: PlacedText?

    public var texts: [PlacedText] { (title.map { [$0] } ?? []) + rows.map(\.label) }
}

/// Measures a legend and places it, independent of drawing.
struct LegendBuilder {
    /// One per row (see ``LegendEntry/unique(_:)``); a keyed row holds its widest text.
    let entries: [LegendEntry]
    let style: PlotStyle
    let canvas: any Canvas
    /// A title above the rows (plot-layer markup), e.g. the name of the class column.
    var title: String?

    /// A legend of `all` entries, repeats included: one row per label and handle (or key and
    /// handle), each keyed row as wide as the widest of its texts.
    init(all: [LegendEntry], style: PlotStyle, canvas: any Canvas) {
        self.style = style
        self.canvas = canvas
        var rows = LegendEntry.unique(all)
        var texts: [LegendEntry.Row: Set<String>] = [:]
        for entry in all where entry.key != nil { texts[entry.row, default: []].insert(entry.label) }
        let base = style.legendLabel
        for i in rows.indices {
            guard let candidates = texts[rows[i].row], candidates.count > 1 else { continue }
            // The widest text; ties broken by the text, so the choice never depends on order.
            let widths = candidates.map { text -> (Double, String) in
                let (t, s) = PlotText.resolve(text, style: base)
                return (canvas.measureText(t, style: s).logical.width, text)
            }
            rows[i].label = widths.max { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }?.1 ?? rows[i].label
        }
        entries = rows
    }

    /// A legend of rows already made unique (and widest), e.g. to place them again.
    init(rows: [LegendEntry], style: PlotStyle, canvas: any Canvas) {
        entries = rows; self.style = style; self.canvas = canvas
    }

    /// The same rows (and title) in another style.
    func restyled(_ style: PlotStyle) -> LegendBuilder {
        var copy = LegendBuilder(rows: entries, style: style, canvas: canvas)
        copy.title = title
        return copy
    }

    struct Measured {
        var labels: [(text: String, style: TextStyle, metrics: TextMetrics)]
        /// One per entry.
        var rowHeights: [Double]
        var size: Size
        var title: (text: String, style: TextStyle, metrics: TextMetrics)?
        /// Entries fill the columns in reading order (left to right, then down).
        var columns = 1
        /// The width of each column: handle, gap and its widest label.
        var columnWidths: [Double] = []
    }

    /// Room between two columns of a legend laid out in several.
    var columnGap: Double { style.legendHandleGap * 2 }

    func measure(columns: Int = 1) -> Measured {
        let base = style.legendLabel
        var labels: [(String, TextStyle, TextMetrics)] = []
        var heights: [Double] = []
        var maxW = 0.0
        for e in entries {
            let (t, s) = PlotText.resolve(e.label, style: base)
            let m = canvas.measureText(t, style: s)
            labels.append((t, s, m))
            heights.append(Swift.max(m.logical.height, style.fontSize * 0.9))
            maxW = Swift.max(maxW, m.logical.width)
        }
        let n = Swift.max(1, Swift.min(columns, labels.count))
        let columnWidths = (0..<n).map { c in
            style.legendHandleWidth + style.legendHandleGap
                + stride(from: c, to: labels.count, by: n).map { labels[$0].2.logical.width }.reduce(0, Swift.max)
        }
        let lineHeights = Self.lineHeights(heights, columns: n)
        var w = 2 * style.legendPad + columnWidths.reduce(0, +) + Double(n - 1) * columnGap
        var h = 2 * style.legendPad + lineHeights.reduce(0, +) + Double(Swift.max(0, lineHeights.count - 1)) * style.legendRowGap
        var measuredTitle: (String, TextStyle, TextMetrics)?
        if let title, !title.isEmpty {
            var bold = base
            bold.weight = .bold
            let (t, s) = PlotText.resolve(title, style: bold)
            let m = canvas.measureText(t, style: s)
            measuredTitle = (t, s, m)
            w = Swift.max(w, 2 * style.legendPad + m.logical.width)
            h += m.logical.height + style.legendRowGap
        }
        return Measured(labels: labels, rowHeights: heights, size: Size(width: w, height: h), title: measuredTitle,
                        columns: n, columnWidths: columnWidths)
    }

    /// The height of each line of a legend in `columns` columns: its tallest entry.
    private static func lineHeights(_ heights: [Double], columns: Int) -> [Double] {
        stride(from: 0, to: heights.count, by: columns).map { heights[$0..<Swift.min($0 + columns, heights.count)].reduce(0, Swift.max) }
    }

    /// Whether a legend of `size` fits inside `plot` with the inset.
    func fitsInside(_ size: Size, plot: Rect) -> Bool {
        size.width <= plot.width - 2 * style.legendInset && size.height <= plot.height - 2 * style.legendInset
    }

    /// The legend's box for an inside placement.
    func box(for placement: LegendPlacement, size: Size, plot: Rect) -> Rect {
        let i = style.legendInset
        let left = plot.minX + i, right = plot.maxX - i - size.width, midX = plot.midX - size.width / 2
        let top = plot.minY + i, bottom = plot.maxY - i - size.height, midY = plot.midY - size.height / 2
        let (x, y): (Double, Double)
        switch placement {
        case .upperRight, .best, .bestOrOutside, .outsideRight, .outsideBottom, .hidden: (x, y) = (right, top)
        case .upperLeft: (x, y) = (left, top)
        case .lowerLeft: (x, y) = (left, bottom)
        case .lowerRight: (x, y) = (right, bottom)
        case .centerLeft: (x, y) = (left, midY)
        case .centerRight: (x, y) = (right, midY)
        case .lowerCenter: (x, y) = (midX, bottom)
        case .upperCenter: (x, y) = (midX, top)
        case .center: (x, y) = (midX, midY)
        }
        return Rect(x: x, y: y, width: size.width, height: size.height)
    }

    /// The inside placement covering the fewest `occupied` points (first candidate on ties).
    /// The inside position covering no point of `fixed` and the fewest of `moving`; nil when
    /// every inside position covers a point of `fixed`.
    func freePlacement(size: Size, plot: Rect, fixed: [Point], moving: [Point]) -> LegendPlacement? {
        var best: LegendPlacement?, bestCount = Int.max
        for candidate in LegendPlacement.insideCandidates {
            let r = box(for: candidate, size: size, plot: plot)
            guard !fixed.contains(where: { r.contains($0) }) else { continue }
            let n = moving.reduce(0) { $0 + (r.contains($1) ? 1 : 0) }
            if n < bestCount { best = candidate; bestCount = n }
            if n == 0 { break }
        }
        return best
    }

    func bestPlacement(size: Size, plot: Rect, occupied: [Point]) -> LegendPlacement {
        var best = LegendPlacement.upperRight, bestCount = Int.max
        for candidate in LegendPlacement.insideCandidates {
            let r = box(for: candidate, size: size, plot: plot)
            var n = 0
            for p in occupied where r.contains(p) { n += 1 }
            if n < bestCount { best = candidate; bestCount = n }
            if n == 0 { break }
        }
        return best
    }

    /// Places rows inside `box`.
    func layout(_ m: Measured, box: Rect, placement: LegendPlacement) -> LegendLayout {
        var rows: [LegendLayout.Row] = []
        var y = box.minY + style.legendPad
        var placedTitle: PlacedText?
        if let (t, s, metrics) = m.title {
            let p = Point(x: box.minX + style.legendPad, y: y)
            placedTitle = PlacedText(text: t, point: p, style: s, anchor: .topLeft, rotation: 0,
                                     bounds: TextPlacement.bounds(of: metrics, at: p, anchor: .topLeft, rotation: 0))
            y += metrics.logical.height + style.legendRowGap
        }
        let n = Swift.max(1, m.columns)
        let lineHeights = Self.lineHeights(m.rowHeights, columns: n)
        var columnX: [Double] = [box.minX + style.legendPad]
        for c in 0..<(n - 1) { columnX.append(columnX[c] + (c < m.columnWidths.count ? m.columnWidths[c] : 0) + columnGap) }
        for (i, e) in entries.enumerated() where i < m.labels.count {
            let line = i / n, h = lineHeights[line]
            let handle = Rect(x: columnX[i % n], y: y, width: style.legendHandleWidth, height: h)
            let (t, s, metrics) = m.labels[i]
            let p = Point(x: handle.maxX + style.legendHandleGap, y: y + h / 2)
            let bounds = TextPlacement.bounds(of: metrics, at: p, anchor: .centerLeft, rotation: 0)
            rows.append(.init(entry: e, handleRect: handle,
                              label: PlacedText(text: t, point: p, style: s, anchor: .centerLeft, rotation: 0, bounds: bounds)))
            if i % n == n - 1 || i == entries.count - 1 { y += h + style.legendRowGap }
        }
        return LegendLayout(box: box, rows: rows, placement: placement, title: placedTitle)
    }
}
