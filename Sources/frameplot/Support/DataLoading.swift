import Foundation
import FrameplotModel

/// Reading data files for the commands, with the options' policies.
enum DataLoading {
    /// Reads a CSV file (or a JSON-lines log when `allowJSONLines` and the file looks like one).
    static func table(_ path: String, allowJSONLines: Bool = false) throws -> CSVTable {
        allowJSONLines ? try CSVTable.readLog(at: path) : try CSVTable(contentsOf: path)
    }

    /// Numeric columns with the `--drop-invalid` policy and optional skipping of empty cells.
    static func numbers(_ table: CSVTable, columns: [String], dropInvalid: Bool,
                        skipMissing: Bool = false) throws -> CSVNumericColumns {
        let options = CSVNumberOptions(
            missing: skipMissing ? .skipRow : .error,
            nonFinite: dropInvalid ? .dropRow : .error)
        let result = try table.numbers(columns: columns, options: options)
        guard result.count > 0 else {
            let what = columns.map { "\"\($0)\"" }.joined(separator: ", ")
            throw CLIError.failure("\(table.file): no rows with numbers in \(what) to plot")
        }
        return result
    }

    /// Checks that values can go on a logarithmic axis.
    static func requirePositive(_ values: [Double], column: String, table: CSVTable, rows: [Int], axis: String) throws {
        if let index = values.firstIndex(where: { $0 <= 0 }) {
            let line = table.line(ofRow: rows[index])
            throw CLIError.failure("\(table.file):\(line): \(PlotOptions.format(values[index])) in column \"\(column)\" cannot be shown on a logarithmic \(axis) axis (values must be positive)")
        }
    }
}
