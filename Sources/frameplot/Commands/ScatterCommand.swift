import ArgumentParser
import Foundation
import FrameplotModel

/// `frameplot scatter`: points from two columns, optionally coloured by class and fitted.
struct ScatterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scatter",
        abstract: "A scatter plot of two columns, coloured by a class column, with an optional fitted line or polynomial.",
        discussion: """
        Columns are given by header name, or by 1-based position (1 is the first column). The separator (comma, semicolon, tab), the header and the encoding (UTF-8, UTF-16, Shift_JIS/cp932 from Japanese Excel; --encoding to choose) are detected; quoted fields and CRLF line ends are handled. Large files are read in chunks, keeping only the columns drawn.

        --by colours the points by class, at most 50 classes. Numeric classes are sorted by value (0, 1, 2); text classes keep their order of first appearance.

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
        let table = try DataLoading.table(file, options: options, columns: [x, y] + (by.map { [$0] } ?? []))
        let data = try DataLoading.numbers(table, columns: [x, y], dropInvalid: options.dropInvalid, labels: by)
        let xs = data.columns[0], ys = data.columns[1]
        if options.logX { try DataLoading.requirePositive(xs, column: data.names[0], table: table, rows: data.rows, axis: "x") }
        if options.logY { try DataLoading.requirePositive(ys, column: data.names[1], table: table, rows: data.rows, axis: "y") }
        try DataLoading.requireInView([(xs, ys)], options: options)
        let classes = try by.map { try DataLoading.classes(table, column: $0, rows: data.rows, option: "--by") }

        var fitted: PolynomialFit? = nil
        if let fitSpec {
            let needed = fitSpec.degree + 1
            guard xs.count >= needed else {
                throw CLIError.failure("\(file): --fit \(fit ?? "") needs at least \(needed) points, the file has \(xs.count)")
            }
            guard let result = PolynomialFit(xs: xs, ys: ys, degree: fitSpec.degree) else {
                throw CLIError.failure("\(file): cannot fit a degree-\(fitSpec.degree) polynomial: the x values are all equal or too few are distinct")
            }
            guard result.coefficients.allSatisfy(\.isFinite) else {
                throw CLIError.failure("\(file): cannot fit a degree-\(fitSpec.degree) polynomial: its coefficients overflow for values this large; try a lower degree")
            }
            fitted = result
        }

        var request = ScatterRequest(
            xs: xs, ys: ys, xName: SeriesLoading.seriesName(try table.column(named: x), in: table),
            yName: SeriesLoading.seriesName(try table.column(named: y), in: table),
            classes: classes, fit: fitted)
        request.className = try by.map { SeriesLoading.seriesName(try table.column(named: $0), in: table) }
        try FigureRendering.scatter(request, options: options)
        Report.wrote(options.output.path, options: options,
                     detail: Report.count(xs.count, "point") + (fitted.map { ", fit \($0.equation)" } ?? "")
                        + DataLoading.encodingNote(table))
    }
}
