import ArgumentParser
import Foundation
import FrameplotModel

/// `frameplot line`: one or more columns against a common x column.
struct LineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "line",
        abstract: "One or more lines: columns against a common x column.",
        discussion: """
        Give several y columns separated by commas; each becomes a line with its name in the legend. Rows with an empty cell in a y column leave that point out of its line. --per COLUMN draws one point per value of COLUMN (rows combined by --agg); --smooth and --smooth-window draw a smoothed line over the faint raw one.

        Example:
          frameplot line prices.csv --x year --y apples,oranges --ylabel "price (yen)" -o prices.svg
        """
    )

    @Argument(help: ArgumentHelp("The CSV file.", valueName: "file.csv"))
    var file: String

    @Option(help: ArgumentHelp("The column for the x axis.", valueName: "column"))
    var x: String?

    @Option(help: ArgumentHelp("One or more columns for the y axis, separated by commas.", valueName: "column[,column…]"))
    var y: String

    @OptionGroup var series: SeriesOptions

    @OptionGroup var plot: PlotOptions

    func run() throws {
        let options = try plot.checked()
        let seriesOptions = try series.checked()
        let columns = try ColumnListOption.parse(y, option: "--y")
        guard let xColumn = try XColumnOption.resolve(x: x, per: seriesOptions.per) else {
            throw CLIError.usage("--x: choose the column for the x axis (or --per COLUMN)")
        }
        let table = try DataLoading.table(file, options: options, columns: [xColumn] + columns)
        let lines = try SeriesLoading.series(table, x: xColumn, ys: columns, options: options,
                                             seriesOptions: seriesOptions, groupRepeats: false)
        try FigureRendering.lines(LineRequest(series: lines, xName: lines.first?.xName ?? xColumn, smooth: seriesOptions.smoothing),
                                  options: options, kind: .line)
        let points = lines.map(\.xs.count).reduce(0, +)
        Report.wrote(options.output.path, options: options,
                     detail: "\(Report.count(lines.count, "line")), \(Report.count(points, "point"))" + DataLoading.encodingNote(table))
    }
}

/// `--x` and `--per`: `--per COLUMN` makes COLUMN the x axis.
enum XColumnOption {
    static func resolve(x: String?, per: String?) throws -> String? {
        if let x, let per, x != per {
            throw CLIError.usage("--x \(DisplayText.escaped(x, limit: 40)) and --per \(DisplayText.escaped(per, limit: 40)): --per sets the x axis; give one of them")
        }
        return per ?? x
    }
}
