import Foundation
import FrameplotModel

/// Reading data files for the commands, with the options' policies.
enum DataLoading {
    /// The most classes a plot can tell apart (colours, legend entries).
    static let maximumClasses = 50

    /// Reads a CSV file (or a JSON-lines log when `allowJSONLines` and the file looks like
    /// one), storing only the columns `specs` can name plus those `alsoKeep` accepts.
    static func table(_ path: String, options: CheckedPlotOptions, columns specs: [String],
                      allowJSONLines: Bool = false,
                      alsoKeep: (@Sendable (Int, String) -> Bool)? = nil) throws -> CSVTable {
        var read = CSVReadOptions(encoding: options.encoding)
        read.keepColumn = ColumnSelection.keep(specs, alsoKeep: alsoKeep)
        return allowJSONLines ? try CSVTable.readLog(at: path, options: read) : try CSVTable(contentsOf: path, options: read)
    }

    /// Numeric columns with the `--drop-invalid` policy (rows with an empty, NaN or ±∞
    /// cell in a used column are dropped, the label column's included) and optional
    /// skipping of empty cells.
    static func numbers(_ table: CSVTable, columns: [String], dropInvalid: Bool,
                        skipMissing: Bool = false, labels: String? = nil) throws -> CSVNumericColumns {
        let options = CSVNumberOptions(
            missing: skipMissing || dropInvalid ? .skipRow : .error,
            nonFinite: dropInvalid ? .dropRow : .error)
        var result = try table.numbers(columns: columns, options: options)
        if dropInvalid, let labels {
            let kept = try table.labelledRows(column: labels, among: result.rows)
            if kept.count < result.rows.count {
                let keep = Set(kept)
                let positions = result.rows.indices.filter { keep.contains(result.rows[$0]) }
                result.columns = result.columns.map { column in positions.map { column[$0] } }
                result.droppedNonFinite += result.rows.count - kept.count
                result.rows = kept
            }
        }
        guard result.count > 0 else {
            let what = columns.map { "\"\($0)\"" }.joined(separator: ", ")
            throw CLIError.failure("\(table.file): no rows with numbers in \(what) to plot")
        }
        return result
    }

    /// The classes of a label column, refused when there are more than a plot can show.
    static func classes(_ table: CSVTable, column: String, rows: [Int], option: String) throws -> CSVClasses {
        let classes = try table.classes(column: column, rows: rows)
        guard classes.count <= maximumClasses else {
            let name = table.columnNames[try table.column(named: column)]
            throw CLIError.failure("\(table.file): column \"\(DisplayText.escaped(name, limit: 40))\" has \(classes.count) classes; a plot can show at most \(maximumClasses): choose another \(option) column or filter the file")
        }
        return classes
    }

    /// " (read as …)" for a file that was not UTF-8, for the summary line.
    static func encodingNote(_ table: CSVTable) -> String {
        table.encoding == .utf8 ? "" : " (read as \(table.encoding.displayName))"
    }

    /// Checks that `--xlim`/`--ylim` leave some of the data in view: limits outside the
    /// data's whole range would draw an empty plot, so they are an error naming the option.
    /// (A range that overlaps the data passes: a line may cross the view between points.)
    ///
    /// ```swift
    /// try DataLoading.requireInView([(xs, ys)], options: options)
    /// ```
    static func requireInView(_ series: [(xs: [Double], ys: [Double])], options: CheckedPlotOptions) throws {
        func check(_ limits: ClosedRange<Double>?, _ values: [Double], option: String, axis: String) throws {
            guard let limits else { return }
            var low = Double.infinity, high = -Double.infinity
            for value in values where value.isFinite {
                low = Swift.min(low, value)
                high = Swift.max(high, value)
            }
            guard low <= high, high < limits.lowerBound || low > limits.upperBound else { return }
            throw CLIError.failure("\(option) \(PlotOptions.format(limits.lowerBound)),\(PlotOptions.format(limits.upperBound)): no data is inside; \(axis) runs from \(PolynomialFit.format(low)) to \(PolynomialFit.format(high))")
        }
        try check(options.xlim, series.flatMap(\.xs), option: "--xlim", axis: "x")
        try check(options.ylim, series.flatMap(\.ys), option: "--ylim", axis: "y")
    }

    /// Checks that values can go on a logarithmic axis.
    static func requirePositive(_ values: [Double], column: String, table: CSVTable, rows: [Int], axis: String) throws {
        if let index = values.firstIndex(where: { $0 <= 0 }), index < rows.count {
            let line = table.line(ofRow: rows[index])
            throw CLIError.failure("\(table.file):\(line): \(PlotOptions.format(values[index])) in column \"\(DisplayText.escaped(column, limit: 40))\" cannot be shown on a logarithmic \(axis) axis (values must be positive)")
        }
    }
}

/// Which columns of a file a command needs, decided from the header alone.
enum ColumnSelection {
    /// Keeps every column that `specs` could name (exact name, 1-based index, or name
    /// ignoring case and spaces, as `CSVTable.column(named:)` resolves them), and those
    /// `alsoKeep` accepts. Keeping one too many costs memory, never correctness.
    static func keep(_ specs: [String], alsoKeep: (@Sendable (Int, String) -> Bool)?) -> @Sendable (Int, String) -> Bool {
        let exact = Set(specs)
        let folded = Set(specs.map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
        let indexes = Set(specs.compactMap { Int($0.trimmingCharacters(in: .whitespaces)) })
        return { index, name in
            exact.contains(name) || indexes.contains(index + 1) || folded.contains(name.lowercased())
                || alsoKeep?(index, name) == true
        }
    }
}
