import Foundation

/// Why a CSV or JSON-lines file could not be read or a column could not be used.
///
/// Every case renders as one line that names the file, and where it helps the line and
/// column (both 1-based), in the style of compilers:
///
/// ```
/// data.csv:17:3: "abc" is not a number in column "height"
/// ```
public enum CSVError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file does not exist.
    case fileNotFound(file: String)
    /// The path names a folder, not a file.
    case isDirectory(file: String)
    /// The file exists but could not be opened or read.
    case unreadable(file: String, reason: String)
    /// The file holds no rows at all.
    case empty(file: String)
    /// The file has a header line but no data rows.
    case headerOnly(file: String, columns: [String])
    /// A byte sequence that is not valid UTF-8.
    case notUTF8(file: String, line: Int, byteOffset: Int, byte: UInt8)
    /// A quoted field that is still open at the end of the file.
    case unterminatedQuote(file: String, line: Int)
    /// A row whose number of fields differs from the header's.
    case raggedRow(file: String, line: Int, fields: Int, expected: Int)
    /// A cell in a numeric column that is not a number.
    case notANumber(file: String, line: Int, column: Int, text: String, columnName: String)
    /// A cell that is NaN or infinite where finite numbers are required.
    case nonFinite(file: String, line: Int, column: Int, text: String, columnName: String)
    /// An empty cell where a value is required.
    case missingValue(file: String, line: Int, column: Int, columnName: String)
    /// A column name that is not in the header; `suggestion` is the nearest existing name.
    case unknownColumn(file: String, name: String, suggestion: String?, available: [String])
    /// A 1-based column index outside the table.
    case columnOutOfRange(file: String, index: Int, count: Int)
    /// A line of a JSON-lines file that is not a flat JSON object.
    case invalidJSONLine(file: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case .fileNotFound(let file):
            return "\(file): no such file"
        case .isDirectory(let file):
            return "\(file): is a folder, not a data file"
        case .unreadable(let file, let reason):
            return "\(file): cannot read the file (\(reason))"
        case .empty(let file):
            return "\(file): the file is empty"
        case .headerOnly(let file, let columns):
            let shown = columns.prefix(8).map { "\"\($0)\"" }.joined(separator: ", ")
            return "\(file): only a header (\(shown)), no data rows"
        case .notUTF8(let file, let line, let offset, let byte):
            return "\(file):\(line): not UTF-8 text (byte 0x\(String(byte, radix: 16, uppercase: true)) at byte offset \(offset)); save the file as UTF-8"
        case .unterminatedQuote(let file, let line):
            return "\(file):\(line): a quoted field starting on this line is never closed"
        case .raggedRow(let file, let line, let fields, let expected):
            return "\(file):\(line): ragged row: \(fields) field\(fields == 1 ? "" : "s") where the header has \(expected)"
        case .notANumber(let file, let line, let column, let text, let name):
            return "\(file):\(line):\(column): \"\(Self.clip(text))\" is not a number in column \"\(name)\""
        case .nonFinite(let file, let line, let column, let text, let name):
            return "\(file):\(line):\(column): \"\(Self.clip(text))\" is not a finite number in column \"\(name)\""
        case .missingValue(let file, let line, let column, let name):
            return "\(file):\(line):\(column): empty cell in column \"\(name)\""
        case .unknownColumn(let file, let name, let suggestion, let available):
            var text = "\(file): no column \"\(name)\""
            if let suggestion { text += "; did you mean \"\(suggestion)\"?" }
            let shown = available.prefix(12).map { "\"\($0)\"" }.joined(separator: ", ")
            text += " (columns: \(shown)\(available.count > 12 ? ", …" : ""))"
            return text
        case .columnOutOfRange(let file, let index, let count):
            return "\(file): column \(index) does not exist; the file has \(count) column\(count == 1 ? "" : "s") (indexes start at 1)"
        case .invalidJSONLine(let file, let line, let reason):
            return "\(file):\(line): not a JSON object (\(reason))"
        }
    }

    private static func clip(_ text: String) -> String {
        text.count > 40 ? String(text.prefix(40)) + "…" : text
    }
}
