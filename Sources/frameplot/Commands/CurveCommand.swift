import ArgumentParser
import Foundation
import FrameplotModel

/// `frameplot curve`: learning curves from a training log.
struct CurveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "curve",
        abstract: "Learning curves from a training log (CSV with a header, or JSON lines).",
        discussion: """
        Reads logs such as Keras' CSVLogger, PyTorch Lightning's CSV logger, `frameplot animate --log`, or JSON lines ({"step": 1, "loss": 0.5} per line). Empty cells (a validation loss logged every few steps) are skipped, not errors. Without --x the x column is "step", "epoch" or the first column; without --y every column whose name contains "loss".

        Example:
          frameplot curve metrics.csv --x step --y train_loss,val_loss --log-y --smooth 20 -o curve.png
        """
    )

    @Argument(help: ArgumentHelp("The training log (.csv, .jsonl).", valueName: "log"))
    var file: String

    @Option(help: ArgumentHelp("The column for the x axis (default: step, epoch, or the first column).", valueName: "column"))
    var x: String?

    @Option(help: ArgumentHelp("Columns to draw, separated by commas (default: every *loss* column).", valueName: "column[,column…]"))
    var y: String?

    @Option(help: ArgumentHelp("Also draw a moving average over N points (the raw curve stays, faint).", valueName: "N"))
    var smooth: Int?

    @OptionGroup var plot: PlotOptions

    func run() throws {
        let options = try plot.checked()
        if let smooth, smooth < 1 || smooth > 1_000_000 {
            throw CLIError.usage("--smooth \(smooth): must be a whole number from 1 to 1000000")
        }
        let requested = try y.map { try ColumnListOption.parse($0, option: "--y") }
        let table = try DataLoading.table(file, allowJSONLines: true)
        let xColumn = x ?? ["step", "epoch", "iteration", "iter"].first { table.columnNames.contains($0) } ?? table.columnNames[0]
        let yColumns: [String]
        if let requested {
            yColumns = requested
        } else {
            yColumns = table.columnNames.filter { $0 != xColumn && $0.lowercased().contains("loss") }
            guard !yColumns.isEmpty else {
                throw CLIError.failure("\(file): no column named like \"loss\"; choose columns with --y (columns: \(table.columnNames.joined(separator: ", ")))")
            }
        }
        let series = try SeriesLoading.series(table, x: xColumn, ys: yColumns, options: options)
        try FigureRendering.lines(LineRequest(series: series, xName: series[0].xName, smooth: smooth), options: options, kind: .curve)
        let detail = series.map { "\($0.name) (\($0.xs.count) points, last \(PolynomialFit.format($0.ys.last ?? 0)))" }.joined(separator: ", ")
        Report.wrote(options.output.path, options: options, detail: detail)
    }
}

/// Lines for `line` and `curve`.
struct LineRequest {
    var series: [Series]
    var xName: String
    var smooth: Int?
}

/// A trailing moving average: point i averages the last `window` values up to i.
enum Smoothing {
    static func movingAverage(_ values: [Double], window: Int) -> [Double] {
        guard window > 1 else { return values }
        var result = [Double](repeating: 0, count: values.count)
        var sum = 0.0
        for index in values.indices {
            sum += values[index]
            if index >= window { sum -= values[index - window] }
            result[index] = sum / Double(min(index + 1, window))
        }
        return result
    }
}
