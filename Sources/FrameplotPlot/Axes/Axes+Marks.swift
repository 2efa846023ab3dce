import FrameplotCanvas

extension Axes {
    /// `color` as a mark colour, or the next colour of the palette when none is given.
    private mutating func colorChoice(_ color: (any MarkPaint)?) -> MarkColor {
        color?.markColor ?? .cycle(nextCycleIndex())
    }

    /// Adds points drawn as markers. Sizes are in points of the default theme (scaled with
    /// the theme and the figure); colours are fixed or theme roles (``MarkColor``).
    ///
    /// ```swift
    /// axes.scatter(xs: [1, 3, 6, 8], ys: [3, 6, 5, 7], label: "data")
    /// axes.scatter(xs: [x], ys: [y], size: 10, color: .accent)
    /// axes.scatter(xs: xs, ys: ys, coloring: .classes(labels, labels: ["A", "B", "C"]))
    /// ```
    public mutating func scatter(xs: [Double], ys: [Double], marker: MarkerShape = .circle, size: Double? = nil,
                                 color: (any MarkPaint)? = nil, coloring: PointColoring? = nil, edgeColor: Color? = nil,
                                 alpha: Double = 1, label: String? = nil, layer: MarkLayer = .static,
                                 rasterization: Rasterization? = nil) {
        let c = coloring ?? (color.map { PointColoring.color($0.markColor) } ?? .automatic)
        let index = (coloring == nil && color == nil) ? nextCycleIndex() : 0
        add(ScatterMark(xs: xs, ys: ys, marker: marker, size: size, coloring: c, edgeColor: edgeColor,
                        alpha: alpha, label: label, layer: layer, cycleIndex: index, rasterization: rasterization))
    }

    /// Adds a polyline through the points (NaN breaks it), with optional markers.
    ///
    /// A `legendKey` makes its legend row one whose text changes per frame of an animation
    /// (the current loss, say): the row keeps its place and the room for its widest text.
    ///
    /// ```swift
    /// axes.line(xs: steps, ys: losses, width: 1.5, label: "train")
    /// axes.line(xs: steps, ys: losses, label: "Adam  \(current)", legendKey: "adam")   // in a frame closure
    /// ```
    public mutating func line(xs: [Double], ys: [Double], color: (any MarkPaint)? = nil, width: Double? = nil,
                              dash: [Double] = [], alpha: Double = 1, marker: MarkerShape? = nil,
                              markerSize: Double? = nil, label: String? = nil, legendKey: String? = nil,
                              layer: MarkLayer = .static, rasterization: Rasterization? = nil) {
        add(LineMark(xs: xs, ys: ys, color: colorChoice(color), width: width, dash: dash, alpha: alpha,
                     marker: marker, markerSize: markerSize, label: label, legendKey: legendKey, layer: layer,
                     rasterization: rasterization))
    }

    /// Adds legend entries that draw nothing in the plot: rows for marks drawn without a
    /// label, or (in a layout) the texts a keyed row will show in other frames, so that its
    /// room is reserved.
    ///
    /// ```swift
    /// axes.legendEntries([LegendEntry(label: "Adam  1.0e+00", handle: .line(StrokeStyle(color: .red)), key: "adam")])
    /// ```
    public mutating func legendEntries(_ entries: [LegendEntry], layer: MarkLayer = .static) {
        add(LegendOnlyMark(entries: entries, layer: layer))
    }

    /// Adds the line y = `slope`·x + `intercept`, clipped exactly to the axes.
    ///
    /// ```swift
    /// axes.straightLine(slope: 0.431, intercept: 3.31, color: .ink, label: "$y = 0.431x + 3.31$")
    /// ```
    public mutating func straightLine(slope: Double, intercept: Double, color: (any MarkPaint)? = nil, width: Double? = nil,
                                      dash: [Double] = [], label: String? = nil, layer: MarkLayer = .static,
                                      stratum: MarkStratum = .lines) {
        straightLine(a: slope, b: -1, c: intercept, color: color, width: width, dash: dash, label: label, layer: layer,
                     stratum: stratum)
    }

    /// Adds the line a·x + b·y + c = 0 (e.g. a linear classifier's boundary), clipped exactly to the axes.
    public mutating func straightLine(a: Double, b: Double, c: Double, color: (any MarkPaint)? = nil, width: Double? = nil,
                                      dash: [Double] = [], label: String? = nil, layer: MarkLayer = .static,
                                      stratum: MarkStratum = .lines) {
        add(StraightLineMark(a: a, b: b, c: c, color: colorChoice(color), width: width, dash: dash, label: label, layer: layer,
                             stratum: stratum))
    }

    /// Adds the curve y = f(x) over the visible x range (or `domain`), adaptively sampled.
    ///
    /// ```swift
    /// axes.function { x in x * x }
    /// ```
    public mutating func function(domain: ClosedRange<Double>? = nil, color: (any MarkPaint)? = nil, width: Double? = nil,
                                  dash: [Double] = [], label: String? = nil, layer: MarkLayer = .static,
                                  stratum: MarkStratum = .lines, _ f: @escaping @Sendable (Double) -> Double) {
        add(FunctionMark(function: f, domain: domain, color: colorChoice(color), width: width, dash: dash,
                         label: label, layer: layer, stratum: stratum))
    }

    /// Adds a horizontal line across the panel at `y` (in the theme's ink unless coloured).
    public mutating func horizontalLine(y: Double, color: (any MarkPaint)? = nil, width: Double? = nil, dash: [Double] = [],
                                        label: String? = nil, layer: MarkLayer = .static) {
        add(ReferenceMark(kind: .horizontalLine(y: y), color: color?.markColor ?? .ink, width: width,
                          dash: dash, label: label, layer: layer))
    }

    /// Adds a vertical line across the panel at `x` (in the theme's ink unless coloured).
    public mutating func verticalLine(x: Double, color: (any MarkPaint)? = nil, width: Double? = nil, dash: [Double] = [],
                                      label: String? = nil, layer: MarkLayer = .static) {
        add(ReferenceMark(kind: .verticalLine(x: x), color: color?.markColor ?? .ink, width: width,
                          dash: dash, label: label, layer: layer))
    }

    /// Adds a band across the panel between two y values.
    public mutating func horizontalSpan(y: ClosedRange<Double>, color: Color? = nil, alpha: Double = 0.15,
                                        label: String? = nil, layer: MarkLayer = .static) {
        let c = color ?? Palette.tab10.color(0)
        add(ReferenceMark(kind: .horizontalSpan(y: y), color: MarkColor.fixed(c.withAlpha(c.alpha * alpha)), width: nil,
                          dash: [], label: label, layer: layer))
    }

    /// Adds a band across the panel between two x values.
    public mutating func verticalSpan(x: ClosedRange<Double>, color: Color? = nil, alpha: Double = 0.15,
                                      label: String? = nil, layer: MarkLayer = .static) {
        let c = color ?? Palette.tab10.color(0)
        add(ReferenceMark(kind: .verticalSpan(x: x), color: MarkColor.fixed(c.withAlpha(c.alpha * alpha)), width: nil,
                          dash: [], label: label, layer: layer))
    }

    /// Adds segments from `starts[i]` to `ends[i]` (e.g. residuals), one colour each or all alike.
    ///
    /// ```swift
    /// axes.segments(from: points, to: fitted, colors: palette, dash: [3, 2])
    /// ```
    public mutating func segments(from starts: [DataPoint], to ends: [DataPoint], color: (any MarkPaint)? = nil,
                                  colors: [Color] = [], width: Double? = nil, dash: [Double] = [],
                                  label: String? = nil, layer: MarkLayer = .static) {
        add(SegmentsMark(starts: starts, ends: ends, colors: colors, color: colors.isEmpty ? colorChoice(color) : .ink,
                         width: width, dash: dash, label: label, layer: layer))
    }

    /// Adds an arrow from one data point to another (in the theme's ink unless coloured).
    public mutating func arrow(from: DataPoint, to: DataPoint, color: (any MarkPaint)? = nil, width: Double? = nil,
                               headLength: Double? = nil, layer: MarkLayer = .static) {
        add(ArrowMark(from: from, to: to, color: color?.markColor ?? .ink, width: width,
                      headLength: headLength, layer: layer))
    }

    /// Adds text at a data point; `offset` (default-theme points, scaled like sizes) nudges
    /// it, e.g. above a marker. A `background` makes it a caption: an opaque panel above the
    /// other marks (see ``TextMark``).
    ///
    /// ```swift
    /// axes.text("$(x_1, y_1)$", at: DataPoint(x: 1, y: 3), anchor: .bottomCenter, offset: Point(x: 0, y: -6))
    /// ```
    public mutating func text(_ text: String, at point: DataPoint, anchor: TextAnchor = .center,
                              offset: Point = .zero, size: Double? = nil, color: (any MarkPaint)? = nil, bold: Bool = false,
                              rotation: Double = 0, background: Color? = nil, layer: MarkLayer = .static) {
        add(TextMark(text: text, position: .data(point), anchor: anchor, offset: offset, size: size, color: color?.markColor,
                     bold: bold, rotation: rotation, background: background, layer: layer))
    }

    /// Adds text at a fraction of the plot area ((0, 0) bottom-left, (1, 1) top-right). With
    /// a `background` it is a caption: an opaque rounded panel kept inside the plot area and
    /// drawn above the other marks, so no line runs through it.
    ///
    /// ```swift
    /// axes.text("Epoch #2000: MSE=1.01418", axesFraction: DataPoint(x: 0.5, y: 0.02), anchor: .bottomCenter)
    /// axes.text(caption, axesFraction: DataPoint(x: 0.5, y: 0.97), anchor: .topCenter,
    ///           background: theme.colors.axesFace, layer: .dynamic)
    /// ```
    public mutating func text(_ text: String, axesFraction point: DataPoint, anchor: TextAnchor = .center,
                              offset: Point = .zero, size: Double? = nil, color: (any MarkPaint)? = nil, bold: Bool = false,
                              background: Color? = nil, layer: MarkLayer = .static) {
        add(TextMark(text: text, position: .axesFraction(point), anchor: anchor, offset: offset, size: size,
                     color: color?.markColor, bold: bold, rotation: 0, background: background, layer: layer))
    }

    /// Adds a heatmap of `grid` through `colormap` with `norm`; `colorbarLabel` (or
    /// `showsColorbar`) adds a colorbar.
    ///
    /// ```swift
    /// axes.heatmap(loss, norm: ColorNorm(kind: .log10, vmin: 0.5, vmax: 600), colorbarLabel: "$L(a, b)$")
    /// ```
    public mutating func heatmap(_ grid: Grid2D, colormap: Colormap = .viridis, norm: ColorNorm,
                                 interpolation: Interpolation = .nearest, showsColorbar: Bool = false,
                                 colorbarLabel: String? = nil, layer: MarkLayer = .static) {
        let scale = ColorScale(colormap: colormap, norm: norm)
        add(HeatmapMark(grid: grid, scale: scale, interpolation: interpolation, layer: layer))
        if showsColorbar || colorbarLabel != nil { colorbar = ColorbarSpec(label: colorbarLabel, scale: scale) }
    }

    /// Adds a colour field of one linear score a·x + b·y + c through `transform` (for example
    /// a logistic regression's probability), exact at every pixel (see ``LinearFieldMark``).
    ///
    /// ```swift
    /// axes.linearField(a: w[1], b: w[2], c: w[0], norm: ColorNorm(vmin: 0, vmax: 1)) { 1 / (1 + exp(-$0)) }
    /// ```
    public mutating func linearField(a: Double, b: Double, c: Double, colormap: Colormap = .viridis, norm: ColorNorm,
                                     layer: MarkLayer = .static,
                                     transform: @escaping @Sendable (Double) -> Double = { $0 }) {
        add(LinearFieldMark(a: a, b: b, c: c, transform: transform, scale: ColorScale(colormap: colormap, norm: norm),
                            layer: layer))
    }

    /// Adds contour lines of `grid` at `levels` (increasing values).
    ///
    /// ```swift
    /// axes.contour(loss, levels: [1, 3, 10, 30, 100], coloring: .single(.red), dashes: [[3, 3]])
    /// ```
    public mutating func contour(_ grid: Grid2D, levels: [Double], coloring: ContourColoring = .single(MarkColor.ink),
                                 width: Double? = nil, dashes: [[Double]] = [], alpha: Double = 1,
                                 label: String? = nil, layer: MarkLayer = .static) {
        add(ContourMark(grid: grid, levels: levels.sorted(), filled: false, coloring: coloring, width: width,
                        dashes: dashes, alpha: alpha, label: label, layer: layer))
    }

    /// Adds contour lines at about `count` automatically chosen nice levels (decades and
    /// 1-2-5 mantissas when `log`) between the grid's smallest and largest finite values.
    ///
    /// ```swift
    /// axes.contour(loss, automaticLevels: 8, log: true, coloring: .single(.red), dashes: [[3, 2]])
    /// ```
    public mutating func contour(_ grid: Grid2D, automaticLevels count: Int, log: Bool = false,
                                 coloring: ContourColoring = .single(MarkColor.ink), width: Double? = nil,
                                 dashes: [[Double]] = [], alpha: Double = 1, label: String? = nil,
                                 layer: MarkLayer = .static) {
        guard let r = grid.finiteRange(positive: log) else { return }
        contour(grid, levels: ContourLevels.auto(min: r.min, max: r.max, count: count, log: log), coloring: coloring,
                width: width, dashes: dashes, alpha: alpha, label: label, layer: layer)
    }

    /// Adds filled bands between consecutive `levels` of `grid`.
    public mutating func filledContour(_ grid: Grid2D, levels: [Double], coloring: ContourColoring, alpha: Double = 1,
                                       label: String? = nil, layer: MarkLayer = .static) {
        add(ContourMark(grid: grid, levels: levels.sorted(), filled: true, coloring: coloring, width: nil,
                        dashes: [], alpha: alpha, label: label, layer: layer))
    }

    /// Adds the decision regions of a classifier evaluated at every device pixel of the panel.
    ///
    /// ```swift
    /// axes.decisionRegions(classes: 3) { x, y in classifier.predict(x, y) }
    /// ```
    public mutating func decisionRegions(classes: Int, colors: [Color] = [], alpha: Double = 0.25,
                                         boundaryColor: (any MarkPaint)? = MarkColor.ink, classLabels: [String] = [],
                                         layer: MarkLayer = .static,
                                         classify: @escaping @Sendable (Double, Double) -> Int) {
        decisionRegions(.classifier(classify), classes: classes, colors: colors, alpha: alpha,
                        boundaryColor: boundaryColor, classLabels: classLabels, layer: layer)
    }

    /// Adds decision regions from any ``DecisionSource`` (a classifier, per-class
    /// probabilities for smooth boundaries, or a precomputed grid); the boundaries are in the
    /// theme's ink unless coloured (`nil`: none).
    public mutating func decisionRegions(_ source: DecisionSource, classes: Int, colors: [Color] = [],
                                         alpha: Double = 0.25, boundaryColor: (any MarkPaint)? = MarkColor.ink,
                                         classLabels: [String] = [], cellsPerUnit: Double? = nil,
                                         layer: MarkLayer = .static) {
        add(DecisionRegionsMark(source: source, classCount: classes, colors: colors, alpha: alpha,
                                boundaryColor: boundaryColor?.markColor, boundaryWidth: nil, classLabels: classLabels,
                                cellsPerUnit: cellsPerUnit, layer: layer))
    }

    /// Adds a learning curve: `values` against iterations (0, 1, 2, ... unless given), with
    /// an optional smoothed copy drawn over a faded (deemphasized) raw curve.
    ///
    /// ```swift
    /// axes.y.scale = .log10
    /// axes.learningCurve(losses, label: "train", smoothing: 0.9)
    /// ```
    public mutating func learningCurve(_ values: [Double], iterations: [Double]? = nil, color: (any MarkPaint)? = nil,
                                       width: Double? = nil, label: String? = nil, smoothing: Double? = nil,
                                       layer: MarkLayer = .static) {
        let xs = iterations ?? values.indices.map(Double.init)
        let c = colorChoice(color)
        if let smoothing, smoothing > 0 {
            add(LineMark(xs: xs, ys: values, color: .deemphasized(c), width: width.map { $0 * 0.7 }, dash: [], alpha: 0.3,
                         marker: nil, markerSize: nil, label: nil, layer: layer))
            add(LineMark(xs: xs, ys: CoreBridge.smoothed(values, weight: smoothing), color: c, width: width, dash: [],
                         alpha: 1, marker: nil, markerSize: nil, label: label, layer: layer))
        } else {
            add(LineMark(xs: xs, ys: values, color: c, width: width, dash: [], alpha: 1, marker: nil,
                         markerSize: nil, label: label, layer: layer))
        }
    }
}
