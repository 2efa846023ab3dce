/// Why a CSV or JSON-lines file could not be read or a column could not be used.
///
/// Every case renders as one line that names the file, and where it helps the line and
/// column (both 1-based), in the style of compilers. Text from the file (cells, column
/// names, the path) is escaped and clipped (see ``DisplayText``), so a message is one short
/// printable line whatever the file holds:
///
/// ```
/// data.csv:17:3: "abc" is not a number in column "height"
/// ```
///
/// In CSV files the column is the field's position (1 is the first field); in JSON-lines
/// files it is the character position of the value on its line.
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
    /// The file has rows but no columns (JSON lines that are all `{}`).
    case noColumns(file: String)
    /// A byte sequence that is not valid UTF-8.
    case notUTF8(file: String, line: Int, column: Int, byteOffset: Int, byte: UInt8)
    /// A byte sequence that is not valid in the file's (given or detected) encoding.
    case notDecodable(file: String, line: Int, column: Int, encoding: String, bytes: [UInt8])
    /// A quoted field that is still open at the end of the file.
    case unterminatedQuote(file: String, line: Int)
    /// A row whose number of fields differs from the header's.
    case raggedRow(file: String, line: Int, fields: Int, expected: Int)
    /// A cell (or JSON line) longer than any data file needs: the file is not CSV.
    case cellTooLong(file: String, line: Int, column: Int, limit: Int)
    /// A cell in a numeric column that is not a number.
    case notANumber(file: String, line: Int, column: Int, text: String, columnName: String)
    /// A cell that is NaN or infinite where finite numbers are required.
    case nonFinite(file: String, line: Int, column: Int, text: String, columnName: String)
    /// A number beyond ±``CSVTable/magnitudeLimit``.
    case tooLarge(file: String, line: Int, column: Int, text: String, columnName: String)
    /// An empty cell where a value is required.
    case missingValue(file: String, line: Int, column: Int, columnName: String)
    /// A column name that is not in the header; `suggestion` is the nearest existing name.
    case unknownColumn(file: String, name: String, suggestion: String?, available: [String])
    /// A name that several columns share (`positions` are 1-based): choose one by its number.
    case ambiguousColumn(file: String, name: String, positions: [Int])
    /// A 1-based column index outside the table.
    case columnOutOfRange(file: String, index: Int, count: Int)
    /// A column the table was read without (see ``CSVReadOptions/keepColumn``).
    case columnNotRead(file: String, name: String)
    /// A line of a JSON-lines file that is not a flat JSON object.
    case invalidJSONLine(file: String, line: Int, column: Int, reason: String)

    public var description: String {
        switch self {
        case .fileNotFound(let file):
            return "\(Self.path(file)): no such file"
        case .isDirectory(let file):
            return "\(Self.path(file)): is a folder, not a data file"
        case .unreadable(let file, let reason):
            return "\(Self.path(file)): cannot read the file (\(Self.quote(reason, limit: 80)))"
        case .empty(let file):
            return "\(Self.path(file)): the file is empty"
        case .headerOnly(let file, let columns):
            return "\(Self.path(file)): only a header (\(Self.list(columns, count: 6))), no data rows"
        case .noColumns(let file):
            return "\(Self.path(file)): no columns: every line is an empty JSON object"
        case .notUTF8(let file, let line, let column, let offset, let byte):
            return "\(Self.path(file)):\(line):\(column): not UTF-8 text (byte 0x\(Self.hex(byte)) at byte offset \(offset)); save the file as UTF-8"
        case .notDecodable(let file, let line, let column, let encoding, let bytes):
            let shown = bytes.map { "0x" + Self.hex($0) }.joined(separator: " ")
            return "\(Self.path(file)):\(line):\(column): not valid \(encoding) text (bytes \(shown))"
        case .unterminatedQuote(let file, let line):
            return "\(Self.path(file)):\(line): a quoted field starting on this line is never closed"
        case .raggedRow(let file, let line, let fields, let expected):
            return "\(Self.path(file)):\(line): ragged row: \(fields) field\(fields == 1 ? "" : "s") where the header has \(expected)"
        case .cellTooLong(let file, let line, let column, let limit):
            return "\(Self.path(file)):\(line):\(column): a field longer than \(limit >> 20) MiB; is this a CSV file?"
        case .notANumber(let file, let line, let column, let text, let name):
            return "\(Self.path(file)):\(line):\(column): \"\(Self.quote(text))\" is not a number in column \"\(Self.quote(name))\""
        case .nonFinite(let file, let line, let column, let text, let name):
            return "\(Self.path(file)):\(line):\(column): \"\(Self.quote(text))\" is not a finite number in column \"\(Self.quote(name))\""
        case .tooLarge(let file, let line, let column, let text, let name):
            return "\(Self.path(file)):\(line):\(column): \(Self.quote(text)) in column \"\(Self.quote(name))\" is too large to plot (the limit is ±1e100)"
        case .missingValue(let file, let line, let column, let name):
            return "\(Self.path(file)):\(line):\(column): empty cell in column \"\(Self.quote(name))\""
        case .unknownColumn(let file, let name, let suggestion, let available):
            var text = "\(Self.path(file)): no column \"\(Self.quote(name))\""
            if let suggestion { text += "; did you mean \"\(Self.quote(suggestion))\"?" }
            text += " (columns: \(Self.list(available, count: 8)))"
            return text
        case .ambiguousColumn(let file, let name, let positions):
            let shown = positions.prefix(6).map(String.init)
            let list = shown.count == 2 ? "\(shown[0]) and \(shown[1])"
                : shown.dropLast().joined(separator: ", ") + (positions.count > 6 ? ", … " : " and ") + (shown.last ?? "")
            return "\(Self.path(file)): \(positions.count) columns are named \"\(Self.quote(name))\" (columns \(list)); choose one by its number, e.g. \(positions.first ?? 1) (numbers start at 1)"
        case .columnOutOfRange(let file, let index, let count):
            return "\(Self.path(file)): column \(index) does not exist; the file has \(count) column\(count == 1 ? "" : "s") (indexes start at 1)"
        case .columnNotRead(let file, let name):
            return "\(Self.path(file)): column \"\(Self.quote(name))\" was not read from the file"
        case .invalidJSONLine(let file, let line, let column, let reason):
            return "\(Self.path(file)):\(line):\(column): not a JSON object (\(Self.quote(reason, limit: 80)))"
        }
    }

    private static func path(_ file: String) -> String { DisplayText.middle(file, limit: 120) }

    private static func quote(_ text: String, limit: Int = 40) -> String { DisplayText.escaped(text, limit: limit) }

    private static func list(_ names: [String], count: Int) -> String {
        let shown = names.prefix(count).map { "\"\(quote($0, limit: 24))\"" }.joined(separator: ", ")
        return names.count > count ? shown + ", … (\(names.count) in all)" : shown
    }

    private static func hex(_ byte: UInt8) -> String {
        let text = String(byte, radix: 16, uppercase: true)
        return text.count == 1 ? "0" + text : text
    }
}
