import Foundation

extension TrainingHistory {
    /// The history as CSV text: header `step,epoch,loss,<parameter names>,<metric names>`
    /// (the columns of ``jsonLinesText()``, in its order), one row per recorded state; a
    /// metric missing from a row is an empty cell.
    ///
    /// Numbers are written in Swift's shortest round-trip form, so reading the text back
    /// gives bit-identical values.
    ///
    /// ```swift
    /// let text = history.csvText()
    /// ```
    public func csvText() -> String {
        var out = (["step", "epoch", "loss"] + parameterNames + metricNames).map(csvEscape).joined(separator: ",")
        out += "\n"
        for s in steps {
            var cells: [String] = [String(s.step), String(s.epoch), formatNumber(s.loss)]
            for i in parameterNames.indices {
                cells.append(i < s.parameters.count ? formatNumber(s.parameters[i]) : "")
            }
            for name in metricNames {
                cells.append(s.metrics[name].map(formatNumber) ?? "")
            }
            out += cells.joined(separator: ",")
            out += "\n"
        }
        return out
    }

    /// Writes the CSV text atomically (temporary file in the same folder, then rename).
    ///
    /// ```swift
    /// try history.writeCSV(to: "Output/run.csv")
    /// ```
    public func writeCSV(to path: String) throws {
        try writeTextAtomically(csvText(), to: path)
    }

    /// Reads a history file, CSV or JSON lines (see `CSVTable.readLog(at:)`), taking the
    /// columns by name, in any order; other columns are ignored.
    ///
    /// `step` and `loss` and every name in `parameters` must be there; each name in `metrics`
    /// is read when present (an empty cell leaves that row without the metric). A step may be
    /// written as an integer-valued float (`0.0`, `2.0e+02`); steps must increase from row to
    /// row. An `epoch` column is read when present (otherwise epochs equal steps).
    ///
    /// ```swift
    /// let h = try TrainingHistory.read(from: "numpy-run.csv", parameters: ["a", "b"])
    /// ```
    /// - Throws: `CSVError` for a file that cannot be read as a table or a cell that is not a
    ///   finite number (naming line and column); ``TrainingError/historyFile(path:line:message:)``
    ///   for missing columns and steps that are not whole or not increasing.
    public static func read(from path: String, parameters: [String], metrics: [String] = []) throws -> TrainingHistory {
        try read(from: CSVTable.readLog(at: path), parameters: parameters, metrics: metrics)
    }

    /// Reads a history from a table already read (see ``read(from:parameters:metrics:)-(String,_,_)``).
    ///
    /// ```swift
    /// let table = try CSVTable.readLog(at: "run.csv")
    /// let h = try TrainingHistory.read(from: table, parameters: ["x"])
    /// ```
    public static func read(from table: CSVTable, parameters: [String], metrics: [String] = []) throws -> TrainingHistory {
        let index = HistoryColumnIndex(table.columnNames)
        let needed = ["step", "loss"] + parameters
        try requireDistinct(needed + ["epoch"] + metrics, in: table)
        let specs = try index.headers(needed, in: table)
        let numbers = try table.numbers(columns: specs)
        let steps = try increasingSteps(numbers.columns[0], rows: numbers.rows, in: table,
                                        column: (table.columnNames.firstIndex(of: specs[0]) ?? 0) + 1)
        var epochs = steps
        if let epochColumn = index.position(of: "epoch") {
            let values = try table.numbers(columns: [table.columnNames[epochColumn]])
            epochs = try wholeNumbers(values.columns[0], rows: values.rows, in: table, what: "epoch")
        }
        // Metrics may be sparse (validation every few steps): read each on its own, by row.
        let presentMetrics = metrics.filter { index.position(of: $0) != nil }
        var metricValues: [[Int: Double]] = []
        for name in presentMetrics {
            guard let column = index.position(of: name) else { continue }
            let values = try table.numbers(columns: [table.columnNames[column]], options: CSVNumberOptions(missing: .skipRow))
            metricValues.append(Dictionary(uniqueKeysWithValues: zip(values.rows, values.columns[0])))
        }
        let history = TrainingHistory(parameterNames: parameters, metricNames: presentMetrics)
        history.steps.reserveCapacity(numbers.count)
        for k in 0..<numbers.count {
            let row = numbers.rows[k]
            var metrics: [String: Double] = [:]
            for (m, name) in presentMetrics.enumerated() {
                if let value = metricValues[m][row] { metrics[name] = value }
            }
            history.steps.append(TrainingStep(
                step: steps[k], epoch: epochs[k], parameters: (0..<parameters.count).map { numbers.columns[2 + $0][k] },
                loss: numbers.columns[1][k], metrics: metrics))
        }
        return history
    }

    /// Reads a CSV history whose columns come in the order `csvText()` writes them:
    /// `step,epoch,loss` (or `step,loss`), then `parameterCount` parameters (all columns when
    /// nil), then metrics.
    ///
    /// ```swift
    /// let h = try TrainingHistory.readCSV(from: "run.csv", parameterCount: 2)
    /// ```
    public static func readCSV(from path: String, parameterCount: Int? = nil) throws -> TrainingHistory {
        let table = try CSVTable(contentsOf: path, options: CSVReadOptions(header: .present))
        let names = table.columnNames
        let lead = names.starts(with: ["step", "epoch", "loss"]) ? 3 : names.starts(with: ["step", "loss"]) ? 2 : 0
        guard lead > 0 else {
            throw TrainingError.historyFile(path: path, line: 1, message: "header must start with \"step,epoch,loss\" or \"step,loss\"")
        }
        let rest = Array(names.dropFirst(lead))
        let count = parameterCount ?? rest.count
        guard count >= 0, count <= rest.count else {
            throw TrainingError.historyFile(
                path: path, line: 1, message: "header has \(rest.count) columns after loss, expected at least \(count) parameters")
        }
        return try read(from: table, parameters: Array(rest.prefix(count)), metrics: Array(rest.dropFirst(count)))
    }

    /// The step column (1-based `column`, for messages) as whole numbers from 0 up, checked to
    /// increase from row to row.
    static func increasingSteps(_ values: [Double], rows: [Int], in table: CSVTable, column: Int = 1) throws -> [Int] {
        let steps = try wholeNumbers(values, rows: rows, in: table, what: "step")
        if let k = steps.firstIndex(where: { $0 < 0 }) {
            throw TrainingError.historyFile(
                path: table.file, line: table.line(ofRow: rows[k]),
                message: "column \(column) (step): \(steps[k]) is negative; a step counts the updates done, 0 at the start")
        }
        for k in steps.indices.dropFirst() where steps[k] <= steps[k - 1] {
            throw TrainingError.historyFile(
                path: table.file, line: table.line(ofRow: rows[k]),
                message: "column \(column) (step): step \(steps[k]) after step \(steps[k - 1]): the rows must be in increasing step order")
        }
        return steps
    }

    /// Throws when a column the history reads appears more than once in the header: which one
    /// is meant cannot be guessed.
    static func requireDistinct(_ used: [String], in table: CSVTable) throws {
        var seen: [String: Int] = [:]
        let wanted = Set(used)
        for (i, name) in table.columnNames.enumerated() where wanted.contains(name) {
            if let first = seen[name] {
                throw TrainingError.historyFile(
                    path: table.file, line: table.rowCount > 0 ? Swift.max(1, table.line(ofRow: 0) - 1) : 1,
                    message: "column \(i + 1): \"\(name.prefix(40))\" is already column \(first + 1); a history needs each of its columns once")
            }
            seen[name] = i
        }
    }

    private static func wholeNumbers(_ values: [Double], rows: [Int], in table: CSVTable, what: String) throws -> [Int] {
        try values.enumerated().map { k, value in
            guard value == value.rounded(), abs(value) < 9.0e15 else {
                throw TrainingError.historyFile(path: table.file, line: table.line(ofRow: rows[k]),
                                                message: "\(what) \(formatNumber(value)) is not a whole number")
            }
            return Int(value)
        }
    }
}

/// Finds history columns by name in linear time: an exact name first, then the same name
/// ignoring case and surrounding spaces (when that is unambiguous).
struct HistoryColumnIndex {
    private var exact: [String: Int] = [:]
    private var folded: [String: Int] = [:]
    private var ambiguous: Set<String> = []

    init(_ names: [String]) {
        for (i, name) in names.enumerated() {
            if exact[name] == nil { exact[name] = i }
            let key = Self.fold(name)
            if folded[key] == nil { folded[key] = i } else { ambiguous.insert(key) }
        }
    }

    func position(of name: String) -> Int? {
        if let i = exact[name] { return i }
        let key = Self.fold(name)
        return ambiguous.contains(key) ? nil : folded[key]
    }

    /// The exact header names of `needed` (the first of duplicates, as the table does).
    ///
    /// - Throws: ``TrainingError/historyFile(path:line:message:)`` naming what is missing.
    func headers(_ needed: [String], in table: CSVTable) throws -> [String] {
        let missing = needed.filter { position(of: $0) == nil }
        guard missing.isEmpty else {
            throw TrainingError.historyFile(
                path: table.file, line: 0,
                message: "no column \(Self.list(missing)) (needs \(Self.list(needed)); the file has \(Self.list(table.columnNames)))")
        }
        return needed.compactMap { position(of: $0).map { table.columnNames[$0] } }
    }

    static func fold(_ name: String) -> String { name.trimmingCharacters(in: .whitespaces).lowercased() }

    /// Names for a one-line message: quoted, at most `limit` of them, then how many more.
    static func list(_ names: [String], limit: Int = 8) -> String {
        let shown = names.prefix(limit).map { "\"" + String($0.prefix(40)) + "\"" }.joined(separator: ", ")
        return names.count > limit ? "\(shown) and \(names.count - limit) more" : shown
    }
}

/// Shortest round-trip text for a Double; "nan", "inf", "-inf" for non-finite values.
func formatNumber(_ value: Double) -> String {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value > 0 ? "inf" : "-inf" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return value.description
}

func csvEscape(_ field: String) -> String {
    guard field.contains(",") || field.contains("\"") || field.contains("\n") else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}
