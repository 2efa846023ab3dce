import Foundation
import FrameplotModel

/// One line: values of column `name` against `xName`.
struct Series {
    var name: String
    var xName: String
    var xs: [Double]
    var ys: [Double]
    /// How rows sharing an x were combined, when any were.
    var aggregation: SeriesAggregation.Method? = nil
    /// The column `--per` grouped by, named in the legend.
    var groupedBy: String? = nil

    /// The legend label: the column, and how its points were made.
    var label: String {
        guard let aggregation else { return name }
        let per = groupedBy ?? xName
        return "\(name) (\(aggregation.rawValue) per \(per))"
    }
}

/// Reads the series of the `line` and `curve` commands.
enum SeriesLoading {
    /// Reads x against each y column, skipping the rows where that y is empty (so a line
    /// never joins its points through another series' rows), then combines rows that
    /// share an x value when asked to (`--per`, `--agg`) or when `groupRepeats` is set.
    static func series(_ table: CSVTable, x: String?, ys: [String], options: CheckedPlotOptions,
                       seriesOptions: CheckedSeriesOptions, groupRepeats: Bool) throws -> [Series] {
        let group = groupRepeats || seriesOptions.per != nil || seriesOptions.aggregation != nil
        let xIndex = try x.map { try table.column(named: $0) }
        var result: [Series] = []
        for column in ys {
            let yIndex = try table.column(named: column)
            let data = try DataLoading.numbers(table, columns: (x.map { [$0] } ?? []) + [column],
                                               dropInvalid: options.dropInvalid, skipMissing: true)
            // Without an x column, the row number (1-based, so interleaved series stay aligned).
            let xs = x == nil ? data.rows.map { Double($0 + 1) } : data.columns[0]
            let ys = data.columns[data.columns.count - 1]
            let xName = xIndex.map { table.isUnnamed($0) ? indexTitle : table.columnNames[$0] } ?? rowNumberTitle
            if options.logX, x != nil { try DataLoading.requirePositive(xs, column: data.names[0], table: table, rows: data.rows, axis: "x") }
            if options.logY { try DataLoading.requirePositive(ys, column: table.columnNames[yIndex], table: table, rows: data.rows, axis: "y") }
            var series = Series(name: seriesName(yIndex, in: table), xName: xName, xs: xs, ys: ys)
            if group {
                let grouped = SeriesAggregation.group(xs: series.xs, ys: series.ys, method: seriesOptions.aggregation)
                // Without repeats the series stays in file order; with them, one point per x, sorted.
                if grouped.hadRepeats {
                    series.xs = grouped.xs
                    series.ys = grouped.ys
                    series.aggregation = grouped.method
                    series.groupedBy = seriesOptions.per.map { _ in xName }
                }
            }
            result.append(series)
        }
        try DataLoading.requireInView(result.map { ($0.xs, $0.ys) }, options: options)
        if let method = seriesOptions.aggregation, seriesOptions.per == nil,
           !result.contains(where: { $0.aggregation != nil }) {
            let xName = result.first?.xName ?? x ?? rowNumberTitle
            throw CLIError.usage("--agg \(method.rawValue): no two rows share a value of \"\(DisplayText.escaped(xName, limit: 40))\", so there is nothing to combine; group with --per COLUMN (e.g. --per epoch)")
        }
        return result
    }

    /// The x-axis title when points are drawn against their row number.
    static let rowNumberTitle = "row"
    /// The title of a column whose header cell is empty (pandas' row index).
    static let indexTitle = "index"

    /// The legend name of column `index` (0-based): its header, with its number when
    /// another column shares the name ("loss (column 4)").
    static func seriesName(_ index: Int, in table: CSVTable) -> String {
        let name = table.isUnnamed(index) ? indexTitle : table.columnNames[index]
        return table.columns(namedExactly: table.columnNames[index]).count > 1 ? "\(name) (column \(index + 1))" : name
    }

    /// The y-axis title for several series: the words their names share ("loss" for
    /// train_loss and val_loss), else the names themselves when short ("loss, accuracy"),
    /// else "value".
    static func axisTitle(_ names: [String]) -> String {
        guard let first = names.first else { return "value" }
        if names.count == 1 { return first }
        let stopWords: Set<String> = ["train", "training", "val", "valid", "validation", "test", "eval", "epoch", "step", "avg", "mean"]
        func words(_ name: String) -> [String] {
            name.lowercased().split(whereSeparator: { "_-./ :".contains($0) }).map(String.init)
        }
        let others = names.dropFirst().map { Set(words($0)) }
        let shared = words(first).filter { word in !stopWords.contains(word) && others.allSatisfy { $0.contains(word) } }
        if !shared.isEmpty { return shared.joined(separator: " ") }
        let joined = names.joined(separator: ", ")
        return names.count <= 4 && joined.count <= 40 ? joined : "value"
    }
}
