/// A history as a table of named columns after `step`, whose cells may be empty: the log of
/// a run whose values can end early, such as the optimizer race's (an optimizer that diverged
/// has no values from then on). What `frameplot animate optimizers --log` writes and
/// `frameplot render --scene optimizers` reads.
///
/// CSV: a header `step,<columns>`, one row per recorded state, an empty cell where a value is
/// missing. JSON lines: one flat object per state, a missing value left out. Numbers in the
/// shortest round-trip form, so reading gives back the same bits.
///
/// ```swift
/// let log = HistoryLog(columnNames: ["gd_x", "gd_y"], steps: [0, 1], columns: [[1, 0.9], [2, nil]])
/// print(log.csvText())   // step,gd_x,gd_y / 0,1,2 / 1,0.9,
/// try log.writeCSV(to: "race.csv")
/// ```
public struct HistoryLog: Sendable, Hashable {
    /// The columns after `step`, in order.
    public let columnNames: [String]
    /// The step of each row.
    public let steps: [Int]
    /// `columns[c][row]`: the value, or nil where it is missing.
    public let columns: [[Double?]]
    /// The file line of each row, when read from a file (for messages).
    public let lines: [Int]?

    /// A log of `steps.count` rows; a column shorter than that is missing its last values,
    /// a non-finite value is missing.
    public init(columnNames: [String], steps: [Int], columns: [[Double?]], lines: [Int]? = nil) {
        self.columnNames = columnNames
        self.steps = steps
        self.columns = columnNames.indices.map { c in
            let values = c < columns.count ? columns[c] : []
            return steps.indices.map { row in row < values.count ? values[row].flatMap { $0.isFinite ? $0 : nil } : nil }
        }
        self.lines = lines.flatMap { $0.count == steps.count ? $0 : nil }
    }

    /// The number of rows.
    public var rowCount: Int { steps.count }

    /// The values of column `name` (nil where missing), or nil when there is no such column.
    public func column(_ name: String) -> [Double?]? {
        columnNames.firstIndex(of: name).map { columns[$0] }
    }

    /// The file line of `row` for messages (the row's number counted from 2, under the
    /// header, when the log was not read from a file).
    public func line(ofRow row: Int) -> Int { lines?[row] ?? row + 2 }

    /// The log as CSV text.
    public func csvText() -> String {
        var out = (["step"] + columnNames).map(csvEscape).joined(separator: ",") + "\n"
        for row in steps.indices {
            out += String(steps[row])
            for column in columns {
                out += ","
                if let value = column[row] { out += formatNumber(value) }
            }
            out += "\n"
        }
        return out
    }

    /// The log as JSON lines (a missing value is left out of its line).
    public func jsonLinesText() -> String {
        let keys = columnNames.map(JSONStringLiteral.quoted)
        var out = ""
        for row in steps.indices {
            out += "{\"step\":\(steps[row])"
            for (c, key) in keys.enumerated() {
                if let value = columns[c][row] { out += "," + key + ":" + jsonNumber(value) }
            }
            out += "}\n"
        }
        return out
    }

    /// Writes the CSV text atomically.
    public func writeCSV(to path: String) throws { try writeTextAtomically(csvText(), to: path) }

    /// Writes the JSON lines atomically.
    public func writeJSONLines(to path: String) throws { try writeTextAtomically(jsonLinesText(), to: path) }

    /// Reads `step` and the columns `names` from a history table (CSV or JSON lines), by name
    /// in any order; other columns are ignored, empty cells are missing values.
    ///
    /// ```swift
    /// let log = try HistoryLog.read(from: CSVTable.readLog(at: "race.csv"), columns: ["adam_x", "adam_y", "adam_loss"])
    /// ```
    /// - Throws: ``TrainingError/historyFile(path:line:message:)`` for a missing column or
    ///   steps that are not whole and increasing; `CSVError` for a cell that is not a finite
    ///   number or an empty step (naming line and column).
    public static func read(from table: CSVTable, columns names: [String]) throws -> HistoryLog {
        let headers = try HistoryColumnIndex(table.columnNames).headers(["step"] + names, in: table)
        let stepColumn = try table.numbers(columns: [headers[0]])
        let steps = try TrainingHistory.increasingSteps(stepColumn.columns[0], rows: stepColumn.rows, in: table)
        var columns: [[Double?]] = []
        for header in headers.dropFirst() {
            let values = try table.numbers(columns: [header], options: CSVNumberOptions(missing: .skipRow))
            var column = [Double?](repeating: nil, count: table.rowCount)
            for (k, row) in values.rows.enumerated() { column[row] = values.columns[0][k] }
            columns.append(column)
        }
        return HistoryLog(columnNames: names, steps: steps, columns: columns, lines: (0..<table.rowCount).map(table.line(ofRow:)))
    }
}
