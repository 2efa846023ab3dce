import FrameplotCanvas

extension Axes {
    /// The panel's 3-D view, created with the defaults on first use (a mark added through
    /// one of the methods below makes the panel 3-D).
    private mutating func ensure3D() -> View3D {
        if let v = view3D { return v }
        let v = View3D()
        view3D = v
        return v
    }

    /// Adds a shaded surface of `grid`'s heights, coloured by height through `colormap`
    /// (by decades on a log z axis). Makes the panel 3-D if it is not yet. `resolution` cells
    /// per side are drawn (the grid is resampled); `meshLines` draws a thin line every so
    /// many cells (nil: about ten lines per side, 0: none).
    ///
    /// ```swift
    /// axes.view3D = View3D(z: AxisSpec(label: "f(x, y)", scale: .log10))
    /// axes.surface(loss, colormap: .viridis, colorbarLabel: "f")
    /// ```
    public mutating func surface(_ grid: Grid2D, colormap: Colormap = .viridis, norm: ColorNorm? = nil,
                                 resolution: Int = 56, meshLines: Int? = nil, alpha: Double = 1,
                                 showsColorbar: Bool = false, colorbarLabel: String? = nil, label: String? = nil,
                                 layer: MarkLayer = .static) {
        let view = ensure3D()
        let kind = view.z.scale
        let range = SurfaceMark.heightRange(grid.values, kind: kind) ?? (kind == .log10 ? (1, 10) : (0, 1))
        let resolved = norm ?? ColorNorm(kind: kind, vmin: view.z.limits?.lower ?? range.min, vmax: view.z.limits?.upper ?? range.max)
        let cells = Swift.max(2, resolution)
        let mark = SurfaceMark(grid: grid, colormap: colormap, norm: resolved, resolution: cells,
                               meshLineSpacing: Swift.max(0, meshLines ?? Swift.max(2, cells / 10)),
                               alpha: Swift.min(1, Swift.max(0, alpha)), label: label, layer: layer)
        add(mark)
        if showsColorbar || colorbarLabel != nil { colorbar = ColorbarSpec(label: colorbarLabel, scale: mark.colorScale) }
    }

    /// Adds a polyline through 3-D points, or along the panel's surface when `zs` is nil
    /// (an optimizer's path on its loss). Parts a surface covers are hidden (or drawn faint
    /// and dashed with `hiddenAlpha` > 0); `outline` draws a light halo for contrast.
    ///
    /// ```swift
    /// axes.line3D(xs: track.xs, ys: track.ys, color: palette[0], label: "GD", layer: .dynamic)
    /// ```
    public mutating func line3D(xs: [Double], ys: [Double], zs: [Double]? = nil, color: (any MarkPaint)? = nil,
                                width: Double? = nil, alpha: Double = 1, outline: Color? = Color(hex: 0xffffff, alpha: 0.85),
                                hiddenAlpha: Double = 0, label: String? = nil, legendKey: String? = nil,
                                layer: MarkLayer = .static) {
        _ = ensure3D()
        add(Line3DMark(xs: xs, ys: ys, zs: zs, color: color?.markColor ?? .cycle(nextCycleIndex()),
                       width: width, alpha: alpha, outline: outline, hiddenAlpha: Swift.min(1, Swift.max(0, hiddenAlpha)),
                       label: label, legendKey: legendKey, layer: layer))
    }

    /// Adds markers at 3-D points, or on the panel's surface when `zs` is nil (an optimizer's
    /// current position, a minimum). Markers a surface covers are hidden (or faint with
    /// `hiddenAlpha` > 0).
    ///
    /// ```swift
    /// axes.scatter3D(xs: [1], ys: [1], marker: .cross, size: 12, color: .black, label: "minimum")
    /// ```
    public mutating func scatter3D(xs: [Double], ys: [Double], zs: [Double]? = nil, marker: MarkerShape = .circle,
                                   size: Double? = nil, color: (any MarkPaint)? = nil, edgeColor: Color? = .white,
                                   hiddenAlpha: Double = 0, label: String? = nil, layer: MarkLayer = .static) {
        _ = ensure3D()
        add(Scatter3DMark(xs: xs, ys: ys, zs: zs, marker: marker, size: size,
                          color: color?.markColor ?? .cycle(nextCycleIndex()), edgeColor: edgeColor,
                          hiddenAlpha: Swift.min(1, Swift.max(0, hiddenAlpha)), label: label, layer: layer))
    }
}
