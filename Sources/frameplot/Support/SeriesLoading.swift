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
    static func series(_ table: CSVTable, x: String, ys: [String], options: CheckedPlotOptions,
                       seriesOptions: CheckedSeriesOptions, groupRepeats: Bool) throws -> [Series] {
        let group = groupRepeats || seriesOptions.per != nil || seriesOptions.aggregation != nil
        var result: [Series] = []
        for column in ys {
            let data = try DataLoading.numbers(table, columns: [x, column], dropInvalid: options.dropInvalid, skipMissing: true)
            if options.logX { try DataLoading.requirePositive(data.columns[0], column: data.names[0], table: table, rows: data.rows, axis: "x") }
            if options.logY { try DataLoading.requirePositive(data.columns[1], column: data.names[1], table: table, rows: data.rows, axis: "y") }
            var series = Series(name: data.names[1], xName: data.names[0], xs: data.columns[0], ys: data.columns[1])
            if group {
                let grouped = SeriesAggregation.group(xs: series.xs, ys: series.ys, method: seriesOptions.aggregation)
                // Without repeats the series stays in file order; with them, one point per x, sorted.
                if grouped.hadRepeats {
                    series.xs = grouped.xs
                    series.ys = grouped.ys
                    series.aggregation = grouped.method
                    series.groupedBy = seriesOptions.per.map { _ in data.names[0] }
                }
            }
            result.append(series)
        }
        if let method = seriesOptions.aggregation, seriesOptions.per == nil,
           !result.contains(where: { $0.aggregation != nil }) {
            let xName = result.first?.xName ?? x
            throw CLIError.usage("--agg \(method.rawValue): no two rows share a value of \"\(DisplayText.escaped(xName, limit: 40))\", so there is nothing to combine; group with --per COLUMN (e.g. --per epoch)")
        }
        return result
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
