import FrameplotCanvas

/// The cells of a figure's panel grid: equal rows; columns of equal width, except that a
/// column of equal-aspect panels next to free ones gets the width that lets its plots be
/// as tall as the row allows (it cannot use more height, the free panels can use any width),
/// while each free column keeps at least ``minimumFreeShare`` of an even split.
///
/// So a square decision-region panel beside a loss curve fills the figure's height instead
/// of floating in a half-width column, and a row of equal-aspect panels only (the gd-locus
/// video) keeps its even split.
struct FigureGrid {
    let panels: [Axes]
    let rows: Int
    let columns: Int
    let area: Rect
    let gap: Double
    let style: PlotStyle
    let canvas: any Canvas

    /// The smallest width of a free column, as a fraction of an even split of the row.
    static let minimumFreeShare = 0.8

    var cellHeight: Double { Swift.max(1, (area.height - gap * Double(rows - 1)) / Double(rows)) }

    /// The cell of every panel, row by row.
    func cells() -> [Rect] {
        let widths = columnWidths()
        var xs: [Double] = []
        var x = area.minX
        for w in widths { xs.append(x); x += w + gap }
        let h = cellHeight
        return panels.indices.map { i in
            let r = i / columns, c = i % columns
            return Rect(x: xs[c], y: area.minY + Double(r) * (h + gap), width: widths[c], height: h)
        }
    }

    /// Column widths summing to the area's width minus the gaps.
    func columnWidths() -> [Double] {
        let total = Swift.max(Double(columns), area.width - gap * Double(columns - 1))
        let even = total / Double(columns)
        let uniform = [Double](repeating: even, count: columns)
        guard columns > 1 else { return uniform }
        // What each equal-aspect column needs for its plots to fill the row's height.
        var needs: [Double?] = []
        for c in 0..<columns {
            let column = stride(from: c, to: panels.count, by: columns).map { panels[$0] }
            var need: Double? = 0
            for (r, axes) in column.enumerated() {
                let trial = Rect(x: area.minX, y: area.minY + Double(r) * (cellHeight + gap), width: total, height: cellHeight)
                guard let w = PanelLayoutEngine(axes: axes, cell: trial, style: style, canvas: canvas).preferredWidth() else {
                    need = nil
                    break
                }
                need = Swift.max(need ?? 0, w)
            }
            needs.append(column.isEmpty ? nil : need)
        }
        let freeCount = needs.filter { $0 == nil }.count
        guard freeCount > 0, freeCount < columns else { return uniform }
        let minimumFree = even * FigureGrid.minimumFreeShare
        let wanted = needs.compactMap { $0 }.reduce(0, +)
        let room = total - Double(freeCount) * minimumFree
        // Equal-aspect columns get what they need, or share what the free columns leave.
        let shrink = wanted > room ? room / wanted : 1
        let equalTotal = wanted * shrink
        let free = (total - equalTotal) / Double(freeCount)
        return needs.map { $0.map { $0 * shrink } ?? free }
    }
}
