/// A table read from a CSV (or JSON-lines) file, stored by column.
///
/// Every cell is parsed once while the file streams through in chunks: numbers are kept
/// as `Double`s, text is interned per column, and the file's text itself is never held.
/// A reader can keep only the columns it needs (``CSVReadOptions/keepColumn``), so a
/// million-row log of which two columns are drawn costs about 16 MB.
///
/// Columns are found by name, or by a **1-based** index (`"1"` is the first column, as in
/// `cut`, `awk` and the `line:column` positions of error messages). A header name always
/// wins over the index reading of the same text.
///
/// ```swift
/// let table = try CSVTable(contentsOf: "heights.csv")
/// let data = try table.numbers(columns: ["height", "weight"])
/// let heights = data.columns[0]
/// ```
public struct CSVTable: Sendable {
    /// Where the table came from.
    public enum Format: Sendable, Equatable {
        case csv, jsonLines
    }

    /// Numbers beyond ±1e100 are refused as "too large to plot".
    ///
    /// No measurement comes near it (the observable universe holds about 1e80 atoms), and
    /// the margin keeps everything the commands compute finite: spans and means of any
    /// two values (at most 2e100), squares and variances (4e200) even summed over 1e100
    /// rows, and every axis and tick computation. `Double` itself would overflow at 1.8e308.
    public static let magnitudeLimit = 1e100

    /// The file name used in error messages (the path as given).
    public let file: String
    /// The column names: the header's, or `"1"`, `"2"`, … when the file has no header.
    public let columnNames: [String]
    /// Whether the first row was read as a header.
    public let hasHeader: Bool
    /// The field separator that was used (sniffed from the first line unless given).
    public let separator: Character
    /// The encoding the file was read in (detected unless given).
    public let encoding: CSVEncoding
    /// CSV or JSON lines.
    public let format: Format
    /// The number of data rows (the header excluded).
    public let rowCount: Int

    /// The stored columns; `nil` for a column the reader chose not to keep.
    let columns: [CSVColumn?]
    let lines: CSVLineIndex
    /// Columns (0-based) whose header cell was empty.
    let unnamedColumns: Set<Int>

    init(file: String, columnNames: [String], hasHeader: Bool, separator: Character, encoding: CSVEncoding,
         format: Format, rowCount: Int, columns: [CSVColumn?], lines: CSVLineIndex, unnamedColumns: Set<Int> = []) {
        self.file = file
        self.columnNames = columnNames
        self.hasHeader = hasHeader
        self.separator = separator
        self.encoding = encoding
        self.format = format
        self.rowCount = rowCount
        self.columns = columns
        self.lines = lines
        self.unnamedColumns = unnamedColumns
    }

    /// The line number (1-based) in the file where data row `row` (0-based) starts.
    public func line(ofRow row: Int) -> Int { lines.line(ofRow: row) }

    /// The text of one cell (numbers in their shortest form, `"1"` for `1.0`), or `nil`
    /// when there is no such cell or its column was not kept.
    ///
    /// `row` and `column` are 0-based here (this is the programmer's API).
    public func cell(row: Int, column: Int) -> String? {
        guard row >= 0, row < rowCount, column >= 0, column < columns.count,
              let stored = columns[column], row < stored.count else { return nil }
        return stored.text(row)
    }

    /// The stored column at a 0-based index.
    func storage(_ index: Int) throws -> CSVColumn {
        guard index >= 0, index < columns.count, let stored = columns[index] else {
            let name = index >= 0 && index < columnNames.count ? columnNames[index] : String(index + 1)
            throw CSVError.columnNotRead(file: file, name: name)
        }
        return stored
    }
}
