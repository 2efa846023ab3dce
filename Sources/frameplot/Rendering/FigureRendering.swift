import Foundation
import FrameplotAnimation
import FrameplotCanvas
import FrameplotModel
import FrameplotPlot

/// Draws the plotting commands' figures with FrameplotPlot and writes them atomically
/// (``Figure/save(to:)`` writes a temporary file and renames it).
enum FigureRendering {
    enum LineKind { case line, curve }

    /// Sees every figure a command draws, just before it is saved (tests audit them).
    @TaskLocal static var observer: (@Sendable (Figure) -> Void)?

    static func scatter(_ request: ScatterRequest, options: CheckedPlotOptions) throws {
        var figure = makeFigure(options)
        var axes = figure.axes
        configure(&axes, options: options, xName: request.xName, yName: request.yName)
        axes.x.integerTicks = wholeNumbers([request.xs])
        axes.y.integerTicks = wholeNumbers([request.ys])
        let many = request.xs.count > 5_000
        let size: Double? = many ? (request.xs.count > 100_000 ? 1.5 : 3) : nil
        let alpha = many ? 0.5 : 1
        if let classes = request.classes {
            extendPalette(&figure, classes: classes.count)
            axes.scatter(xs: request.xs, ys: request.ys, size: size,
                         coloring: .classes(classes.indexes, labels: classes.names), alpha: alpha)
            axes.legendTitle = request.className.map(MathText.escaped)
        } else {
            axes.scatter(xs: request.xs, ys: request.ys, size: size, alpha: alpha,
                         label: request.fit == nil ? nil : "data")
        }
        if let fit = request.fit {
            // Over one-colour points the theme's accent; over class colours its neutral fit colour.
            let color: MarkColor = request.classes == nil ? .accent : .fit
            if fit.degree == 1 {
                axes.straightLine(slope: fit.coefficients[1], intercept: fit.coefficients[0], color: color,
                                  width: 2, label: fit.equation, stratum: .fits)
            } else {
                let coefficients = fit.coefficients
                axes.function(color: color, width: 2, label: fit.equation, stratum: .fits) { x in
                    coefficients.reversed().reduce(0) { $0 * x + $1 }
                }
            }
        }
        figure.axes = axes
        try save(figure, options: options)
    }

    static func lines(_ request: LineRequest, options: CheckedPlotOptions, kind: LineKind) throws {
        var figure = makeFigure(options)
        var axes = figure.axes
        configure(&axes, options: options, xName: request.xName, yName: SeriesLoading.axisTitle(request.series.map(\.name)))
        axes.x.integerTicks = wholeNumbers(request.series.map(\.xs))
        axes.y.integerTicks = wholeNumbers(request.series.map(\.ys))
        let labelled = request.series.count > 1 || request.smooth != nil
            || request.series.contains { $0.aggregation != nil }
        for (index, series) in request.series.enumerated() {
            let color = MarkColor.cycle(index)
            if let smoothed = smoothed(series, request.smooth) {
                // As TensorBoard: the raw series stays, faint (deemphasized), under the smoothed one.
                axes.line(xs: series.xs, ys: series.ys, color: .deemphasized(color), width: 1, alpha: 0.3)
                // A halo in the panel's colour parts the smoothed line from its own raw band (in
                // dark themes the two are close); deemphasized: a separator, not a mark.
                axes.line(xs: series.xs, ys: smoothed.values, color: .deemphasized(figure.theme.colors.axesFace.withAlpha(0.85)),
                          width: 5)
                axes.line(xs: series.xs, ys: smoothed.values, color: color, width: 2,
                          label: "\(series.label) (\(smoothed.how))")
            } else {
                let unsmoothed = request.smooth != nil ? " (too short to smooth)" : ""
                axes.line(xs: series.xs, ys: series.ys, color: color, width: kind == .curve ? 1.5 : 2,
                          label: labelled ? series.label + unsmoothed : nil)
            }
        }
        figure.axes = axes
        try save(figure, options: options)
        Report.notes([smoothingNote(request.series, request.smooth)].compactMap { $0 }, quiet: options.quiet)
    }

    /// The smoothed values of a series and how they were made, or nil when the series is
    /// drawn as it is (no smoothing asked, or too few points for any).
    ///
    /// The smoothing reaches over at most a quarter of the series (see
    /// ``Smoothing/exponentialWeight(requested:count:)``), so a short series is never
    /// flattened into the mean of everything; the legend names what was used.
    static func smoothed(_ series: Series, _ spec: SmoothingSpec?) -> (values: [Double], how: String)? {
        switch spec {
        case nil:
            return nil
        case .exponential(let requested):
            let weight = Smoothing.exponentialWeight(requested: requested, count: series.ys.count)
            guard weight > 0 else { return nil }
            return (Smoothing.exponentialMovingAverage(series.ys, weight: weight), "smoothed \(smoothingWeight(weight))")
        case .trailing(let requested):
            let window = Smoothing.trailingWindow(requested: requested, count: series.ys.count)
            guard window > 1 else { return nil }
            return (Smoothing.trailingMovingAverage(series.ys, window: window), "mean of last \(window)")
        }
    }

    /// The one note for stderr when some series were smoothed less than asked, or nil.
    ///
    /// ```swift
    /// smoothingNote([eval4], .exponential(weight: 0.6))
    /// // "--smooth 0.6 reaches over at most a quarter of a series: eval_loss (4 points) is not smoothed"
    /// ```
    static func smoothingNote(_ series: [Series], _ spec: SmoothingSpec?) -> String? {
        // The option as given, and what a series of n points gets instead (nil: all of it).
        let option: String
        let reduced: (Int) -> String?
        switch spec {
        case nil:
            return nil
        case .exponential(let requested):
            option = "--smooth \(smoothingWeight(requested))"
            reduced = { n in
                let weight = Smoothing.exponentialWeight(requested: requested, count: n)
                return weight >= requested ? nil : weight > 0 ? "uses \(smoothingWeight(weight))" : "is not smoothed"
            }
        case .trailing(let requested):
            option = "--smooth-window \(requested)"
            reduced = { n in
                let window = Smoothing.trailingWindow(requested: requested, count: n)
                return window >= requested ? nil : window > 1 ? "uses \(window)" : "is not smoothed"
            }
        }
        let parts = series.compactMap { line in
            reduced(line.ys.count).map { "\(line.label) (\(Report.count(line.ys.count, "point"))) \($0)" }
        }
        guard !parts.isEmpty else { return nil }
        let shown = parts.prefix(4).joined(separator: ", ") + (parts.count > 4 ? ", …" : "")
        return "\(option) reaches over at most a quarter of a series: \(shown)"
    }

    /// A weight as the legend and notes show it: three significant digits, never 1.
    static func smoothingWeight(_ weight: Double) -> String {
        let text = String(format: "%.3g", weight)
        return text == "1" ? String(format: "%.6g", weight) : text
    }

    static func regions(_ request: RegionsRequest, options: CheckedPlotOptions) throws {
        var figure = makeFigure(options)
        var axes = figure.axes
        configure(&axes, options: options, xName: request.xName, yName: request.yName)
        if options.title == nil {
            axes.title = "\(request.modelName): accuracy \(String(format: "%.1f", request.trained.accuracy * 100))%"
        }
        // Frame the points with a margin so the regions around them are visible.
        let problem = request.problem
        axes.x.integerTicks = wholeNumbers([problem.xs])
        axes.y.integerTicks = wholeNumbers([problem.ys])
        if options.xlim == nil { axes.x.limits = paddedLimits(problem.xs, log: options.logX) }
        if options.ylim == nil { axes.y.limits = paddedLimits(problem.ys, log: options.logY) }
        extendPalette(&figure, classes: problem.classCount)
        let probabilities = request.trained.probabilities
        axes.decisionRegions(.probabilities(probabilities), classes: problem.classCount, cellsPerUnit: 0.5)
        axes.scatter(xs: problem.xs, ys: problem.ys,
                     coloring: .classes(problem.labels, labels: problem.classNames), edgeColor: figure.theme.colors.axesFace)
        axes.legendTitle = request.labelName.map(MathText.escaped)
        // A decision-region panel is full of points: the legend never sits on one.
        axes.legendPlacement = .bestOrOutside
        figure.axes = axes
        try save(figure, options: options)
    }

    // MARK: Shared

    /// More classes than the theme has colours: more hues (up to 16 distinct), each kept
    /// at 3:1 (and a margin) against the panel, rather than reusing colours from the ninth on.
    static func extendPalette(_ figure: inout Figure, classes: Int) {
        figure.theme.palette = figure.theme.palette.extended(
            to: classes, contrast: Color.minimumGraphicsContrast * 1.1, against: figure.theme.colors.axesFace)
    }

    /// The data's range widened by 8% on each side, in log units on a log axis (so the
    /// lower limit stays positive), or nil for no values.
    static func paddedLimits(_ values: [Double], log: Bool) -> AxisLimits? {
        guard let low = values.min(), let high = values.max() else { return nil }
        if log, low > 0 {
            let factor = Foundation.pow(10, Swift.max(Foundation.log10(high / low) * 0.08, 0.05))
            return AxisLimits(lower: low / factor, upper: high * factor, kind: .log10)
        }
        let pad = Swift.max((high - low) * 0.08, 1e-9)
        return AxisLimits(lower: low - pad, upper: high + pad)
    }

    /// Whether every finite value is a whole number (steps, epochs, counts), so the axis
    /// gets whole-number ticks; O(n), stops at the first fraction.
    static func wholeNumbers(_ columns: [[Double]]) -> Bool {
        var any = false
        for column in columns {
            for value in column where value.isFinite {
                guard value == value.rounded() else { return false }
                any = true
            }
        }
        return any
    }

    static func save(_ figure: Figure, options: CheckedPlotOptions) throws {
        observer?(figure)
        try figure.save(to: options.output.path)
    }

    static func makeFigure(_ options: CheckedPlotOptions) -> Figure {
        var figure = Figure(width: Double(options.size.width), height: Double(options.size.height), scale: options.scale,
                            theme: theme(options.theme))
        figure.rasterization = options.rasterization
        return figure
    }

    static func theme(_ name: ThemeName) -> Theme {
        switch name {
        case .default: return .default
        case .slides: return .slides
        case .dark: return .dark
        }
    }

    static func configure(_ axes: inout Axes, options: CheckedPlotOptions, xName: String, yName: String) {
        axes.title = options.title
        axes.x.label = options.xlabel ?? xName
        axes.y.label = options.ylabel ?? yName
        if options.logX { axes.x.scale = .log10 }
        if options.logY { axes.y.scale = .log10 }
        if let xlim = options.xlim {
            axes.x.limits = AxisLimits(lower: xlim.lowerBound, upper: xlim.upperBound, kind: options.logX ? .log10 : .linear)
        }
        if let ylim = options.ylim {
            axes.y.limits = AxisLimits(lower: ylim.lowerBound, upper: ylim.upperBound, kind: options.logY ? .log10 : .linear)
        }
    }
}

/// The scatter plot to draw.
struct ScatterRequest {
    var xs: [Double]
    var ys: [Double]
    var xName: String
    var yName: String
    var classes: CSVClasses?
    var fit: PolynomialFit?
    /// The `--by` column's name: the title of the class legend.
    var className: String?
}
