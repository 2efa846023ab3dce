import Foundation

/// A table read from a CSV (or JSON-lines) file, stored compactly.
///
/// The cell texts of all rows live in one byte buffer with one end offset per cell, so a
/// large numeric file costs little more than its own size, and the file text itself is
/// never held in memory: it is read in chunks while parsing.
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
    /// The file name used in error messages (the path as given).
    public let file: String
    /// The column names: the header's, or `"1"`, `"2"`, … when the file has no header.
    public let columnNames: [String]
    /// Whether the first row was read as a header.
    public let hasHeader: Bool
    /// The field separator that was used (sniffed from the first line unless given).
    public let separator: Character

    /// Unescaped cell bytes of all data rows, back to back.
    var bytes: [UInt8]
    /// End offset in `bytes` of every cell, row after row.
    var cellEnds: [Int]
    /// Index in `cellEnds` of the first cell of each data row, plus one final entry.
    var rowStarts: [Int]
    /// 1-based line number in the file where each data row starts.
    var rowLines: [Int]

    /// The number of data rows (the header excluded).
    public var rowCount: Int { rowStarts.count - 1 }

    /// The line number (1-based) in the file where data row `row` (0-based) starts.
    public func line(ofRow row: Int) -> Int { rowLines[row] }

    /// The number of cells in data row `row` (0-based).
    public func cellCount(inRow row: Int) -> Int { rowStarts[row + 1] - rowStarts[row] }

    /// The text of one cell, or `nil` when the row is too short to have it.
    ///
    /// `row` and `column` are 0-based here (this is the programmer's API).
    public func cell(row: Int, column: Int) -> String? {
        guard row >= 0, row < rowCount, column >= 0, column < cellCount(inRow: row) else { return nil }
        let range = cellRange(row: row, column: column)
        return String(decoding: bytes[range], as: UTF8.self)
    }

    /// Byte range of a cell that is known to exist.
    @inline(__always)
    func cellRange(row: Int, column: Int) -> Range<Int> {
        let index = rowStarts[row] + column
        let start = index == 0 ? 0 : cellEnds[index - 1]
        return start..<cellEnds[index]
    }
}
