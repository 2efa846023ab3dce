import ArgumentParser
import Foundation
import FrameplotModel

/// `frameplot scatter`: points from two columns, optionally coloured by class and fitted.
struct ScatterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scatter",
        abstract: "A scatter plot of two columns, coloured by a class column, with an optional fitted line or polynomial.",
        discussion: """
        Columns are given by header name, or by 1-based position (1 is the first column). The separator (comma, semicolon, tab) and the header are detected; a UTF-8 BOM, quoted fields and CRLF line ends are handled. Large files are read in chunks.

        Example:
          frameplot scatter heights.csv --x height --y weight --fit line \\
              --xlabel 身長 --ylabel 体重 --title "Height and weight" -o scatter.png

        The fitted curve's equation is shown in the legend, e.g. "y = 1.18x − 140".
        """
    )

    @Argument(help: ArgumentHelp("The CSV file.", valueName: "file.csv"))
    var file: String

    @Option(help: ArgumentHelp("The column for the x axis.", valueName: "column"))
    var x: String

    @Option(help: ArgumentHelp("The column for the y axis.", valueName: "column"))
    var y: String

    @Option(help: ArgumentHelp("A column of class labels: one colour per class.", valueName: "column"))
    var by: String?

    @Option(help: ArgumentHelp("Fit a line (line) or a polynomial of degree N (poly:N) by least squares.", valueName: "line|poly:N"))
    var fit: String?

    @OptionGroup var plot: PlotOptions

    func run() throws {
        let options = try plot.checked()
        let fitSpec = try fit.map { try FitSpec.parse($0) }
        let table = try DataLoading.table(file)
        let data = try DataLoading.numbers(table, columns: [x, y], dropInvalid: options.dropInvalid)
        let xs = data.columns[0], ys = data.columns[1]
        if options.logX { try DataLoading.requirePositive(xs, column: data.names[0], table: table, rows: data.rows, axis: "x") }
        if options.logY { try DataLoading.requirePositive(ys, column: data.names[1], table: table, rows: data.rows, axis: "y") }
        let classes = try by.map { try ClassLabels(table.texts(column: $0, rows: data.rows)) }

        var fitted: PolynomialFit? = nil
        if let fitSpec {
            let needed = fitSpec.degree + 1
            guard xs.count >= needed else {
                throw CLIError.failure("\(file): --fit \(fit ?? "") needs at least \(needed) points, the file has \(xs.count)")
            }
            guard let result = PolynomialFit(xs: xs, ys: ys, degree: fitSpec.degree) else {
                throw CLIError.failure("\(file): cannot fit a degree-\(fitSpec.degree) polynomial: the x values are all equal or too few are distinct")
            }
            fitted = result
        }

        let request = ScatterRequest(
            xs: xs, ys: ys, xName: data.names[0], yName: data.names[1],
            classes: classes, fit: fitted)
        try FigureRendering.scatter(request, options: options)
        Report.wrote(options.output.path, options: options,
                     detail: "\(xs.count) point\(xs.count == 1 ? "" : "s")" + (fitted.map { ", fit \($0.equation)" } ?? ""))
    }
}

/// Class labels mapped to indexes in order of first appearance.
struct ClassLabels {
    var names: [String]
    var indexes: [Int]

    init(_ labels: [String]) {
        var names: [String] = []
        var lookup: [String: Int] = [:]
        var indexes: [Int] = []
        indexes.reserveCapacity(labels.count)
        for label in labels {
            if let index = lookup[label] {
                indexes.append(index)
            } else {
                lookup[label] = names.count
                indexes.append(names.count)
                names.append(label)
            }
        }
        self.names = names
        self.indexes = indexes
    }
}
