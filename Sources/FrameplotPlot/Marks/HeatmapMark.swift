import FrameplotCanvas

/// A grid of values drawn as coloured cells through a colormap (linear or log norm);
/// each grid node colours the cell centred on it. NaN and refused values are transparent.
///
/// ```swift
/// axes.heatmap(grid, colormap: .viridis, norm: ColorNorm(kind: .log10, vmin: 0.5, vmax: 500))
/// axes.colorbar = ColorbarSpec(label: "$L(a, b)$")
/// ```
public struct HeatmapMark: Mark {
    public var grid: Grid2D
    public var scale: ColorScale
    public var interpolation: Interpolation
    public var layer: MarkLayer

    /// The data rectangle covered: half a cell beyond the outer nodes.
    var bounds: (x: ClosedRange<Double>, y: ClosedRange<Double>)? {
        guard let x = HeatmapMark.edges(grid.xs), let y = HeatmapMark.edges(grid.ys) else { return nil }
        return (x, y)
    }

    static func edges(_ v: [Double]) -> ClosedRange<Double>? {
        guard let first = v.first, let last = v.last, first.isFinite, last.isFinite else { return nil }
        let half = v.count > 1 ? (last - first) / Double(v.count - 1) / 2 : 0.5
        let a = first - half, b = last + half
        return Swift.min(a, b)...Swift.max(a, b)
    }

    public func extent(xScale: ScaleKind, yScale: ScaleKind) -> MarkExtent? {
        guard let b = bounds else { return nil }
        return MarkExtent(x: b.x, y: b.y, tight: true)
    }

    public var colorScale: ColorScale? { scale }
    public var emphasis: MarkEmphasis { .backdrop }

    /// The grid as an image: row 0 is the largest y (the top of the picture).
    func image() -> RasterImage {
        var img = scale.colormap.image(of: grid, norm: scale.norm)
        // The Core raster keeps x in grid order: mirror it for a decreasing xs.
        if grid.xs.count > 1, grid.xs[0] > grid.xs[grid.xs.count - 1] {
            let w = img.width
            for j in 0..<img.height {
                for i in 0..<(w / 2) { let a = img[i, j]; img[i, j] = img[w - 1 - i, j]; img[w - 1 - i, j] = a }
            }
        }
        return img
    }

    public func draw(in context: MarkContext) {
        guard let b = bounds else { return }
        let t = context.transform
        let p0 = t.point(x: b.x.lowerBound, y: b.y.upperBound), p1 = t.point(x: b.x.upperBound, y: b.y.lowerBound)
        let rect = Rect(x: Swift.min(p0.x, p1.x), y: Swift.min(p0.y, p1.y), width: abs(p1.x - p0.x), height: abs(p1.y - p0.y))
        context.canvas.draw(image(), in: rect, interpolation: interpolation)
    }
}
