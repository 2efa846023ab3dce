import ArgumentParser
import Foundation
import FrameplotModel

/// `frameplot curve`: learning curves from a training log.
struct CurveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "curve",
        abstract: "Learning curves from a training log (CSV with a header, or JSON lines).",
        discussion: """
        Reads logs such as Keras' CSVLogger, PyTorch Lightning's CSVLogger, `frameplot animate --log`, or JSON lines ({"step": 1, "loss": 0.5} per line). Without --x the x column is the one named step, global_step, iteration, iter or epoch (in that order, any case), else a first column with an empty header (pandas' index), else the row number; without --y every column whose name contains "loss".

        Each series skips the rows where it is empty, so interleaved train and validation rows (Lightning) never join across each other. Rows that share an x value (--x epoch on a per-step log) become one point: the mean for a column logged every step, the value itself for one logged once per epoch (--agg mean|last|min|max to choose).

        --smooth [W] smooths as TensorBoard does (debiased exponential moving average, weight W from 0 to below 1, 0.6 when alone); --smooth-window N uses the mean of the last N points. Either reaches over at most a quarter of each series, so a short one (a 4-point validation loss) is never flattened into the mean of everything: it is smoothed less, the legend names the weight or window used, and a note on stderr says so. The raw series stays drawn, faint, under the smoothed one.

        Example:
          frameplot curve metrics.csv --x epoch --y train_loss,val_loss --log-y --smooth -o curve.png
        """
    )

    @Argument(help: ArgumentHelp("The training log (.csv, .jsonl).", valueName: "log"))
    var file: String

    @Option(help: ArgumentHelp("The column for the x axis (default: step, global_step, iteration, iter or epoch in any case, else the row number).", valueName: "column"))
    var x: String?

    @Option(help: ArgumentHelp("Columns to draw, separated by commas (default: every *loss* column).", valueName: "column[,column…]"))
    var y: String?

    @OptionGroup var series: SeriesOptions

    @OptionGroup var plot: PlotOptions

    func run() throws {
        let options = try plot.checked()
        let seriesOptions = try series.checked()
        let requested = try y.map { try ColumnListOption.parse($0, option: "--y") }
        let givenX = try XColumnOption.resolve(x: x, per: seriesOptions.per)
        let table = try DataLoading.table(
            file, options: options, columns: (givenX.map { [$0] } ?? []) + (requested ?? []), allowJSONLines: true,
            alsoKeep: { index, name in
                (givenX == nil && LogColumns.mayBeX(index, name))
                    || (requested == nil && name.lowercased().contains("loss"))
            })
        guard !table.columnNames.isEmpty else { throw CSVError.noColumns(file: file) }
        // Without --x: a step/epoch column or pandas' index, else the row number.
        let xColumn = givenX ?? LogColumns.x(in: table).map { LogColumns.spec($0, in: table) }
        let xIndex = try xColumn.map { try table.column(named: $0) }
        let yColumns: [String]
        if let requested {
            yColumns = requested
        } else {
            // Every *loss* column, two of one name included (by number, and named so in the legend).
            yColumns = table.columnNames.indices
                .filter { $0 != xIndex && table.columnNames[$0].lowercased().contains("loss") }
                .map { LogColumns.spec($0, in: table) }
            guard !yColumns.isEmpty else {
                let shown = table.columnNames.prefix(8).map { DisplayText.escaped($0, limit: 24) }.joined(separator: ", ")
                throw CLIError.failure("\(file): no column named like \"loss\"; choose columns with --y (columns: \(shown)\(table.columnNames.count > 8 ? ", …" : ""))")
            }
        }
        let curves = try SeriesLoading.series(table, x: xColumn, ys: yColumns, options: options,
                                              seriesOptions: seriesOptions, groupRepeats: true)
        try FigureRendering.lines(LineRequest(series: curves, xName: curves.first?.xName ?? SeriesLoading.rowNumberTitle, smooth: seriesOptions.smoothing),
                                  options: options, kind: .curve)
        let detail = curves.map { "\($0.label) (\(Report.count($0.xs.count, "point")), last \(PolynomialFit.format($0.ys.last ?? 0)))" }
            .joined(separator: ", ")
        Report.wrote(options.output.path, options: options, detail: detail + DataLoading.encodingNote(table))
    }
}

/// Lines for `line` and `curve`.
struct LineRequest {
    var series: [Series]
    var xName: String
    var smooth: SmoothingSpec?
}
