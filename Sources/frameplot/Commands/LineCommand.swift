import ArgumentParser
import Foundation
import FrameplotModel

/// `frameplot line`: one or more columns against a common x column.
struct LineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "line",
        abstract: "One or more lines: columns against a common x column.",
        discussion: """
        Give several y columns separated by commas; each becomes a line with its name in the legend. Rows with an empty cell in a y column leave that point out of its line.

        Example:
          frameplot line prices.csv --x year --y apples,oranges --ylabel "price (yen)" -o prices.svg
        """
    )

    @Argument(help: ArgumentHelp("The CSV file.", valueName: "file.csv"))
    var file: String

    @Option(help: ArgumentHelp("The column for the x axis.", valueName: "column"))
    var x: String

    @Option(help: ArgumentHelp("One or more columns for the y axis, separated by commas.", valueName: "column[,column…]"))
    var y: String

    @OptionGroup var plot: PlotOptions

    func run() throws {
        let options = try plot.checked()
        let columns = try ColumnListOption.parse(y, option: "--y")
        let table = try DataLoading.table(file)
        let series = try SeriesLoading.series(table, x: x, ys: columns, options: options)
        try FigureRendering.lines(LineRequest(series: series, xName: series[0].xName, smooth: nil), options: options, kind: .line)
        let points = series.map(\.xs.count).reduce(0, +)
        Report.wrote(options.output.path, options: options, detail: "\(series.count) line\(series.count == 1 ? "" : "s"), \(points) points")
    }
}

/// One line: values of column `name` against `xName`.
struct Series {
    var name: String
    var xName: String
    var xs: [Double]
    var ys: [Double]
}

enum SeriesLoading {
    /// Reads x against each y column, skipping rows where that y is empty.
    static func series(_ table: CSVTable, x: String, ys: [String], options: CheckedPlotOptions) throws -> [Series] {
        var result: [Series] = []
        for column in ys {
            let data = try DataLoading.numbers(table, columns: [x, column], dropInvalid: options.dropInvalid, skipMissing: true)
            if options.logX { try DataLoading.requirePositive(data.columns[0], column: data.names[0], table: table, rows: data.rows, axis: "x") }
            if options.logY { try DataLoading.requirePositive(data.columns[1], column: data.names[1], table: table, rows: data.rows, axis: "y") }
            result.append(Series(name: data.names[1], xName: data.names[0], xs: data.columns[0], ys: data.columns[1]))
        }
        return result
    }
}
