import Foundation

extension CSVTable {
    /// Reads numeric columns, keeping the rows aligned across them.
    ///
    /// `columns` are names or 1-based indexes (see ``column(named:)``). A row is kept only when
    /// every requested cell is a finite number; otherwise the options decide between an error
    /// (naming file, line and column) and skipping the row.
    ///
    /// ```swift
    /// let xy = try table.numbers(columns: ["x", "y"], options: CSVNumberOptions(nonFinite: .dropRow))
    /// ```
    /// - Throws: ``CSVError`` for unknown columns, ragged rows, text, empty or non-finite cells.
    public func numbers(columns specs: [String], options: CSVNumberOptions = CSVNumberOptions()) throws -> CSVNumericColumns {
        let indexes = try specs.map { try column(named: $0) }
        let names = indexes.map { columnNames[$0] }
        var result = CSVNumericColumns(
            names: names, columns: Array(repeating: [], count: indexes.count),
            rows: [], skippedMissing: 0, droppedNonFinite: 0)
        for index in result.columns.indices { result.columns[index].reserveCapacity(rowCount) }
        result.rows.reserveCapacity(rowCount)
        let decimalComma = separator == ";"
        let expected = columnNames.count
        var values = [Double](repeating: 0, count: indexes.count)

        try bytes.withUnsafeBufferPointer { bytes in
            try cellEnds.withUnsafeBufferPointer { ends in
                rows: for row in 0..<rowCount {
                    let first = rowStarts[row]
                    let count = rowStarts[row + 1] - first
                    if count != expected { try checkRagged(row: row) }
                    for (slot, column) in indexes.enumerated() {
                        let cell = first + column
                        let start = cell == 0 ? 0 : ends[cell - 1]
                        let end = ends[cell]
                        let slice = bytes[start..<end]
                        if let value = CSVNumberParser.parse(slice, decimalComma: decimalComma) {
                            if value.isFinite {
                                values[slot] = value
                                continue
                            }
                            if options.nonFinite == .dropRow {
                                result.droppedNonFinite += 1
                                continue rows
                            }
                            throw CSVError.nonFinite(
                                file: file, line: rowLines[row], column: column + 1,
                                text: text(slice), columnName: names[slot])
                        }
                        let text = text(slice)
                        if Self.isMissing(text) {
                            if options.missing == .skipRow {
                                result.skippedMissing += 1
                                continue rows
                            }
                            throw CSVError.missingValue(
                                file: file, line: rowLines[row], column: column + 1, columnName: names[slot])
                        }
                        throw CSVError.notANumber(
                            file: file, line: rowLines[row], column: column + 1,
                            text: text, columnName: names[slot])
                    }
                    for slot in values.indices { result.columns[slot].append(values[slot]) }
                    result.rows.append(row)
                }
            }
        }
        return result
    }

    /// Reads one column as text (trimmed), for the given rows or all rows.
    ///
    /// ```swift
    /// let labels = try table.texts(column: "species", rows: xy.rows)
    /// ```
    public func texts(column spec: String, rows: [Int]? = nil) throws -> [String] {
        let column = try column(named: spec)
        let selected = rows ?? Array(0..<rowCount)
        return try selected.map { row in
            if cellCount(inRow: row) != columnNames.count { try checkRagged(row: row) }
            return String(decoding: bytes[cellRange(row: row, column: column)], as: UTF8.self)
                .trimmingCharacters(in: .whitespaces)
        }
    }

    /// Throws for a row with too few cells, or with extra cells that are not empty.
    func checkRagged(row: Int) throws {
        let count = cellCount(inRow: row)
        let expected = columnNames.count
        if count > expected {
            let extraEmpty = (expected..<count).allSatisfy { cellRange(row: row, column: $0).isEmpty }
            if extraEmpty { return }
        }
        if count == expected { return }
        throw CSVError.raggedRow(file: file, line: rowLines[row], fields: count, expected: expected)
    }

    /// Markers of a missing value: an empty cell, `NA`, `N/A`, `null`, `None`.
    static func isMissing(_ text: String) -> Bool {
        switch text.trimmingCharacters(in: .whitespaces) {
        case "", "NA", "N/A", "n/a", "null", "NULL", "None", "none": return true
        default: return false
        }
    }

    private func text(_ slice: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: slice), as: UTF8.self).trimmingCharacters(in: .whitespaces)
    }
}
