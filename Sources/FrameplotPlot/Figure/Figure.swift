import FrameplotCanvas

/// A picture made of one or more panels (``Axes``) in a grid, with an optional title.
///
/// Sizes are in layout units (points); `scale` device pixels per unit give the PNG's
/// resolution. Text sizes are in the same units, so a figure keeps its look when only
/// `scale` changes.
///
/// ```swift
/// var fig = Figure(width: 800, height: 400, columns: 2)
/// fig[0, 0].heatmap(grid, norm: .log(...))
/// fig[0, 1].scatter(xs: xs, ys: ys)
/// try fig.save(to: "Output/sgd.png")
/// ```
public struct Figure: Sendable {
    /// The size in layout units.
    public var size: Size
    /// Device pixels per layout unit for raster output (2 for HiDPI).
    public var scale: Double
    /// Colours, fonts and line widths.
    public var theme: Theme
    /// The figure background; `nil` uses the theme's.
    public var background: Color?
    /// A title above all panels.
    public var title: String?
    /// Extra space between panels in layout units; `nil` uses the theme's spacing.
    public var spacing: Double?
    /// The number of panel rows.
    public let rows: Int
    /// The number of panel columns.
    public let columns: Int
    /// The panels, row by row.
    public var panels: [Axes]
    /// Whether dense marks are embedded as images in PDF and SVG (see ``Rasterization``).
    public var rasterization: Rasterization = .automatic

    /// A figure of `width` x `height` layout units with a grid of `rows` x `columns` panels.
    ///
    /// ```swift
    /// let fig = Figure(width: 640, height: 480)              // 640x480 px PNG
    /// let hidpi = Figure(width: 640, height: 480, scale: 2)  // 1280x960 px, same look
    /// ```
    public init(width: Double, height: Double, scale: Double = 1, rows: Int = 1, columns: Int = 1,
                theme: Theme = .default) {
        self.size = Size(width: Figure.sanitized(width, 320), height: Figure.sanitized(height, 240))
        self.scale = Figure.sanitized(scale, 1)
        self.rows = Swift.max(1, rows)
        self.columns = Swift.max(1, columns)
        self.theme = theme
        self.panels = Array(repeating: Axes(), count: self.rows * self.columns)
    }

    /// A figure of `pixelWidth` x `pixelHeight` device pixels at `dpi`, text sized in
    /// points (1/72 inch) as in matplotlib: at the default 72 dpi one point is one pixel;
    /// a 1920x1080 figure at 172.8 dpi looks like an 800x450 one at 72.
    ///
    /// ```swift
    /// let fig = Figure(pixelWidth: 1920, pixelHeight: 1080, dpi: 172.8)
    /// ```
    public init(pixelWidth: Int, pixelHeight: Int, dpi: Double = 72, rows: Int = 1, columns: Int = 1,
                theme: Theme = .default) {
        let s = Figure.sanitized(dpi, 72) / 72
        self.init(width: Double(Swift.max(1, pixelWidth)) / s, height: Double(Swift.max(1, pixelHeight)) / s,
                  scale: s, rows: rows, columns: columns, theme: theme)
    }

    /// A figure of `widthInches` x `heightInches` at `dpi`, as matplotlib's `figsize`.
    ///
    /// ```swift
    /// let fig = Figure(widthInches: 8, heightInches: 4, dpi: 100)   // 800x400 px
    /// ```
    public init(widthInches: Double, heightInches: Double, dpi: Double = 100, rows: Int = 1,
                columns: Int = 1, theme: Theme = .default) {
        self.init(width: Figure.sanitized(widthInches, 6.4) * 72, height: Figure.sanitized(heightInches, 4.8) * 72,
                  scale: Figure.sanitized(dpi, 100) / 72, rows: rows, columns: columns, theme: theme)
    }

    /// The panel at `row`, `column` (counted from the top-left, from zero).
    public subscript(row: Int, column: Int) -> Axes {
        get { panels[index(row, column)] }
        set { panels[index(row, column)] = newValue }
    }

    /// The first panel: the whole figure when it has a single panel.
    public var axes: Axes {
        get { panels[0] }
        set { panels[0] = newValue }
    }

    /// Starts an animation frame on every panel: marks added from now on are drawn per frame
    /// (see ``Axes/beginFrame()``).
    ///
    /// ```swift
    /// var frame = figure
    /// frame.beginFrame()
    /// frame.axes.scatter(xs: [x], ys: [y])   // per frame, no `layer:` needed
    /// ```
    public mutating func beginFrame() {
        for i in panels.indices { panels[i].beginFrame() }
    }

    /// The pixel size of raster output.
    public var pixelSize: (width: Int, height: Int) {
        (Int((size.width * scale).rounded()), Int((size.height * scale).rounded()))
    }

    private func index(_ row: Int, _ column: Int) -> Int {
        precondition(row >= 0 && row < rows && column >= 0 && column < columns,
                     "panel (\(row), \(column)) outside a \(rows)x\(columns) figure")
        return row * columns + column
    }

    /// A positive finite value, or `fallback`.
    static func sanitized(_ v: Double, _ fallback: Double) -> Double {
        v.isFinite && v > 0 ? v : fallback
    }
}
