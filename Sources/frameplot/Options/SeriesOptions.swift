import ArgumentParser
import Foundation
import FrameplotModel

/// Smoothing and per-x aggregation of the `curve` and `line` commands.
struct SeriesOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Smooth as TensorBoard does: a debiased exponential moving average with weight W from 0 to below 1 (0.6 when --smooth is given alone). Its span, 1/(1-W) points, is at most a quarter of each series, so a series shorter than 4/(1-W) points is smoothed less (4 points or fewer: not at all); the legend shows the weight used, and a note says so. The raw series stays, faint.",
        valueName: "W"))
    var smooth: Double?

    @Option(name: .customLong("smooth-window"), help: ArgumentHelp(
        "Smooth with the mean of the last N points instead (at most a quarter of each series, so a short one keeps its shape).",
        valueName: "N"))
    var smoothWindow: Int?

    @Option(help: ArgumentHelp(
        "One point per value of this column (e.g. epoch), which becomes the x axis; rows that share a value are combined (see --agg).",
        valueName: "column"))
    var per: String?

    @Option(help: ArgumentHelp(
        "How rows that share an x value are combined: mean, last, min or max (default: the mean for a column logged every step, the value itself for one logged once per x).",
        valueName: "mean|last|min|max"))
    var agg: String?
}

/// How a series is smoothed.
enum SmoothingSpec: Equatable {
    /// TensorBoard's debiased exponential moving average.
    case exponential(weight: Double)
    /// The mean of the last `window` points.
    case trailing(window: Int)
}

/// The checked form of ``SeriesOptions``.
struct CheckedSeriesOptions {
    var smoothing: SmoothingSpec?
    var per: String?
    var aggregation: SeriesAggregation.Method?
}

extension SeriesOptions {
    /// Checks the options before any data is read.
    func checked() throws -> CheckedSeriesOptions {
        if smooth != nil && smoothWindow != nil {
            throw CLIError.usage("--smooth and --smooth-window: choose one way of smoothing")
        }
        var smoothing: SmoothingSpec? = nil
        if let smooth {
            guard smooth.isFinite, smooth >= 0, smooth < 1 else {
                var message = "--smooth \(PlotOptions.format(smooth)): the weight is from 0 to below 1, as in TensorBoard (e.g. --smooth 0.9)"
                if smooth >= 1, smooth == smooth.rounded(), smooth <= 1_000_000 {
                    message += "; for the mean of the last \(Int(smooth)) points use --smooth-window \(Int(smooth))"
                }
                throw CLIError.usage(message)
            }
            if smooth > 0 { smoothing = .exponential(weight: smooth) }
        }
        if let smoothWindow {
            guard (1...1_000_000).contains(smoothWindow) else {
                throw CLIError.usage("--smooth-window \(smoothWindow): must be a whole number from 1 to 1000000")
            }
            if smoothWindow > 1 { smoothing = .trailing(window: smoothWindow) }
        }
        let aggregation = try agg.map { text -> SeriesAggregation.Method in
            guard let method = SeriesAggregation.Method(rawValue: text.lowercased()) else {
                throw CLIError.usage("--agg \(DisplayText.escaped(text, limit: 40)): use mean, last, min or max")
            }
            return method
        }
        return CheckedSeriesOptions(smoothing: smoothing, per: per, aggregation: aggregation)
    }
}
