extension CSVTable {
    /// Reads numeric columns, keeping the rows aligned across them.
    ///
    /// `columns` are names or 1-based indexes (see ``column(named:)``). A row is kept only when
    /// every requested cell is a finite number; otherwise the options decide between an error
    /// (naming file, line and column) and skipping the row. Text (`abc`, `0x10`) is always
    /// an error.
    ///
    /// ```swift
    /// let xy = try table.numbers(columns: ["x", "y"], options: CSVNumberOptions(nonFinite: .dropRow))
    /// ```
    /// - Throws: ``CSVError`` for unknown columns, text, empty, non-finite or too large cells.
    public func numbers(columns specs: [String], options: CSVNumberOptions = CSVNumberOptions()) throws -> CSVNumericColumns {
        let indexes = try specs.map { try column(named: $0) }
        let stores = try indexes.map { try storage($0) }
        let names = indexes.map { columnNames[$0] }
        var result = CSVNumericColumns(
            names: names, columns: Array(repeating: [], count: indexes.count),
            rows: [], skippedMissing: 0, droppedNonFinite: 0)
        if stores.allSatisfy(\.isAllNumbers) {
            // Every cell is a number: the columns are the stored values.
            result.columns = stores.map(\.values)
            result.rows = Array(0..<rowCount)
            return result
        }
        for index in result.columns.indices { result.columns[index].reserveCapacity(rowCount) }
        result.rows.reserveCapacity(rowCount)
        var values = [Double](repeating: 0, count: indexes.count)
        rows: for row in 0..<rowCount {
            for slot in stores.indices {
                let store = stores[slot]
                switch store.kind(row) {
                case .number:
                    values[slot] = store.number(row)
                    continue
                case .missing:
                    if options.missing == .skipRow {
                        result.skippedMissing += 1
                        continue rows
                    }
                case .nonFinite, .tooLarge:
                    if options.nonFinite == .dropRow {
                        result.droppedNonFinite += 1
                        continue rows
                    }
                case .text:
                    break
                }
                throw cellError(row: row, column: indexes[slot], store: store)
            }
            for slot in values.indices { result.columns[slot].append(values[slot]) }
            result.rows.append(row)
        }
        return result
    }

    /// Reads one column as text (trimmed; numbers in their shortest form), for the given
    /// rows or all rows.
    ///
    /// ```swift
    /// let labels = try table.texts(column: "species", rows: xy.rows)
    /// ```
    public func texts(column spec: String, rows: [Int]? = nil) throws -> [String] {
        let store = try storage(try column(named: spec))
        guard let rows else { return (0..<rowCount).map { store.text($0) } }
        return rows.map { store.text($0) }
    }

    /// The error for a cell that is not a usable number.
    func cellError(row: Int, column: Int, store: CSVColumn) -> CSVError {
        let name = columnNames[column]
        let line = line(ofRow: row)
        let position = sourceColumn(row: row, column: column)
        switch store.kind(row) {
        case .missing:
            return .missingValue(file: file, line: line, column: position, columnName: name)
        case .nonFinite:
            return .nonFinite(file: file, line: line, column: position, text: store.text(row), columnName: name)
        case .tooLarge:
            return .tooLarge(file: file, line: line, column: position, text: store.text(row), columnName: name)
        case .number, .text:
            return .notANumber(file: file, line: line, column: position, text: store.text(row), columnName: name)
        }
    }

    /// The column an error names: the field's position in CSV, the value's character
    /// position on its line in JSON lines (found again in the file; 1 when it cannot be).
    func sourceColumn(row: Int, column: Int) -> Int {
        switch format {
        case .csv:
            return column + 1
        case .jsonLines:
            let line = line(ofRow: row)
            return (try? JSONLineReader.valueColumn(in: file, encoding: encoding, line: line, key: columnNames[column])) ?? 1
        }
    }
}
