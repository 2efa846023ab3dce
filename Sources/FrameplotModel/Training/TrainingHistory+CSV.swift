import Foundation

extension TrainingHistory {
    /// The history as CSV text: header `step,loss,<parameter names>,<metric names>`,
    /// one row per recorded state; a metric missing from a row is an empty cell.
    ///
    /// Numbers are written in Swift's shortest round-trip form, so reading the text back
    /// gives bit-identical values. The epoch is not a CSV column (JSON lines keep it).
    ///
    /// ```swift
    /// let text = history.csvText()
    /// ```
    public func csvText() -> String {
        var out = (["step", "loss"] + parameterNames + metricNames).map(csvEscape).joined(separator: ",")
        out += "\n"
        for s in steps {
            var cells: [String] = [String(s.step), formatNumber(s.loss)]
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

    /// Reads a history written by `writeCSV(to:)` (or any CSV with the same header layout).
    ///
    /// `parameterCount` tells which columns after `loss` are parameters; when nil every
    /// column after `loss` is a parameter. Epochs are set equal to steps.
    ///
    /// ```swift
    /// let h = try TrainingHistory.readCSV(from: "run.csv", parameterCount: 2)
    /// ```
    public static func readCSV(from path: String, parameterCount: Int? = nil) throws -> TrainingHistory {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw TrainingError.historyFile(path: path, line: 0, message: "cannot read the file")
        }
        return try parseCSV(text, path: path, parameterCount: parameterCount)
    }

    /// Parses CSV text as written by `csvText()`; `path` only names the source in errors.
    ///
    /// ```swift
    /// let h = try TrainingHistory.parseCSV("step,loss,a\n0,1.5,0\n", parameterCount: 1)
    /// ```
    public static func parseCSV(_ text: String, path: String = "<text>", parameterCount: Int? = nil) throws -> TrainingHistory {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        guard let headerLine = lines.first else {
            throw TrainingError.historyFile(path: path, line: 1, message: "missing header line")
        }
        let header = headerLine.split(separator: ",", omittingEmptySubsequences: false).map { unquote(String($0)) }
        guard header.count >= 2, header[0] == "step", header[1] == "loss" else {
            throw TrainingError.historyFile(path: path, line: 1, message: "header must start with \"step,loss\"")
        }
        let rest = Array(header.dropFirst(2))
        let pCount = parameterCount ?? rest.count
        guard pCount >= 0, pCount <= rest.count else {
            throw TrainingError.historyFile(path: path, line: 1, message: "header has \(rest.count) columns after loss, expected at least \(pCount) parameters")
        }
        let history = TrainingHistory(parameterNames: Array(rest.prefix(pCount)), metricNames: Array(rest.dropFirst(pCount)))
        for (offset, line) in lines.enumerated().dropFirst() {
            let lineNumber = offset + 1
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard cells.count == header.count else {
                throw TrainingError.historyFile(path: path, line: lineNumber, message: "expected \(header.count) cells, found \(cells.count)")
            }
            guard let step = Int(cells[0]) else {
                throw TrainingError.historyFile(path: path, line: lineNumber, message: "step \"\(cells[0])\" is not an integer")
            }
            func number(_ column: Int) throws -> Double {
                guard let v = Double(cells[column]) else {
                    throw TrainingError.historyFile(path: path, line: lineNumber, message: "column \(column + 1) (\(header[column])): \"\(cells[column])\" is not a number")
                }
                return v
            }
            let loss = try number(1)
            var parameters: [Double] = []
            parameters.reserveCapacity(pCount)
            for c in 0..<pCount { parameters.append(try number(2 + c)) }
            var metrics: [String: Double] = [:]
            for (m, name) in history.metricNames.enumerated() where !cells[2 + pCount + m].isEmpty {
                metrics[name] = try number(2 + pCount + m)
            }
            history.steps.append(TrainingStep(step: step, epoch: step, parameters: parameters, loss: loss, metrics: metrics))
        }
        return history
    }
}

/// Shortest round-trip text for a Double; "nan", "inf", "-inf" for non-finite values.
func formatNumber(_ value: Double) -> String {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value > 0 ? "inf" : "-inf" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return value.description
}

private func csvEscape(_ field: String) -> String {
    guard field.contains(",") || field.contains("\"") || field.contains("\n") else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}

private func unquote(_ field: String) -> String {
    guard field.count >= 2, field.hasPrefix("\""), field.hasSuffix("\"") else { return field }
    return String(field.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
}
