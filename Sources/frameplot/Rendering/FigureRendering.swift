import Foundation
import FrameplotCanvas
import FrameplotPlot

/// Draws the plotting commands' figures and writes them atomically.
enum FigureRendering {
    enum LineKind { case line, curve }

    static func scatter(_ request: ScatterRequest, options: CheckedPlotOptions) throws {
        var plot = makePlot(options, xName: request.xName, yName: request.yName)
        let count = request.xs.count
        let radius = count > 100_000 ? 0.8 : count > 5_000 ? 1.6 : plot.theme.markerSize / 2
        let alpha = count > 5_000 ? 0.5 : 1
        plot.points.append(QuickPlot.Points(xs: request.xs, ys: request.ys, classes: request.classes?.indexes,
                                            color: plot.theme.palette.color(0), radius: radius, alpha: alpha))
        if let classes = request.classes {
            for (index, name) in classes.names.enumerated() {
                plot.legend.append(.init(label: MathText.escaped(name), color: plot.theme.palette.color(index), kind: .marker))
            }
        } else if request.fit != nil {
            plot.legend.append(.init(label: "data", color: plot.theme.palette.color(0), kind: .marker))
        }
        if let fit = request.fit {
            let color = plot.theme.colors.text
            let coefficients = fit.coefficients
            plot.functions.append(({ x in coefficients.reversed().reduce(0) { $0 * x + $1 } }, color, 2))
            plot.legend.append(.init(label: MathText.escaped(fit.equation), color: color, kind: .line))
        }
        try plot.save(to: options.output.path, format: options.output.format, scale: options.scale)
    }

    static func lines(_ request: LineRequest, options: CheckedPlotOptions, kind: LineKind) throws {
        let yName = request.series.count == 1 ? request.series[0].name : (kind == .curve ? "loss" : "value")
        var plot = makePlot(options, xName: request.xName, yName: yName)
        let labelled = request.series.count > 1 || request.smooth != nil
        for (index, series) in request.series.enumerated() {
            let color = plot.theme.palette.color(index)
            if let window = request.smooth, window > 1 {
                plot.lines.append(.init(xs: series.xs, ys: series.ys, color: color, width: 1, alpha: 0.3))
                plot.lines.append(.init(xs: series.xs, ys: Smoothing.movingAverage(series.ys, window: window),
                                        color: color, width: 2, alpha: 1))
                plot.legend.append(.init(label: MathText.escaped("\(series.name) (mean of \(window))"), color: color, kind: .line))
            } else {
                plot.lines.append(.init(xs: series.xs, ys: series.ys, color: color, width: kind == .curve ? 1.5 : 2, alpha: 1))
                if labelled { plot.legend.append(.init(label: MathText.escaped(series.name), color: color, kind: .line)) }
            }
        }
        try plot.save(to: options.output.path, format: options.output.format, scale: options.scale)
    }

    static func regions(_ request: RegionsRequest, options: CheckedPlotOptions) throws {
        var plot = makePlot(options, xName: request.xName, yName: request.yName)
        if options.title == nil {
            plot.title = MathText.escaped("\(request.modelName): accuracy \(String(format: "%.1f", request.trained.accuracy * 100))%")
        }
        let problem = request.problem
        if options.xlim == nil, let low = problem.xs.min(), let high = problem.xs.max() {
            let pad = max((high - low) * 0.08, 0.5)
            plot.xLimits = AxisLimits(lower: low - pad, upper: high + pad)
        }
        if options.ylim == nil, let low = problem.ys.min(), let high = problem.ys.max() {
            let pad = max((high - low) * 0.08, 0.5)
            plot.yLimits = AxisLimits(lower: low - pad, upper: high + pad)
        }
        plot.regions = (request.trained.probabilities, problem.classCount)
        plot.points.append(QuickPlot.Points(xs: problem.xs, ys: problem.ys, classes: problem.labels,
                                            color: .black, radius: plot.theme.markerSize / 2, alpha: 1))
        for (index, name) in problem.classNames.enumerated() {
            plot.legend.append(.init(label: MathText.escaped(name), color: plot.theme.palette.color(index), kind: .marker))
        }
        try plot.save(to: options.output.path, format: options.output.format, scale: options.scale)
    }

    static func makePlot(_ options: CheckedPlotOptions, xName: String, yName: String) -> QuickPlot {
        let theme: Theme
        switch options.theme {
        case .default: theme = .default
        case .slides: theme = .slides
        case .dark: theme = .dark
        }
        var plot = QuickPlot(
            theme: theme, width: Double(options.size.width), height: Double(options.size.height),
            title: options.title, xLabel: options.xlabel ?? MathText.escaped(xName),
            yLabel: options.ylabel ?? MathText.escaped(yName))
        plot.xKind = options.logX ? .log10 : .linear
        plot.yKind = options.logY ? .log10 : .linear
        plot.xLimits = options.xlim.map { AxisLimits(lower: $0.lowerBound, upper: $0.upperBound, kind: plot.xKind) }
        plot.yLimits = options.ylim.map { AxisLimits(lower: $0.lowerBound, upper: $0.upperBound, kind: plot.yKind) }
        return plot
    }
}

/// The scatter plot to draw.
struct ScatterRequest {
    var xs: [Double]
    var ys: [Double]
    var xName: String
    var yName: String
    var classes: ClassLabels?
    var fit: PolynomialFit?
}
