/// How to read a CSV file: header and separator, detected automatically by default.
///
/// ```swift
/// let table = try CSVTable(contentsOf: "points.tsv", options: CSVReadOptions(separator: "\t"))
/// ```
public struct CSVReadOptions: Sendable, Equatable {
    /// Whether the first row is a header.
    public enum Header: Sendable, Equatable {
        /// A header when the first row has a cell that is neither empty nor a number.
        case automatic
        /// The first row is always a header.
        case present
        /// There is no header; columns are named `"1"`, `"2"`, ….
        case absent
    }

    /// Whether the first row is a header.
    public var header: Header
    /// The field separator; `nil` sniffs comma, semicolon, tab or bar from the first line.
    public var separator: Character?
    /// Bytes read from the file at a time.
    public var chunkSize: Int

    /// Creates reading options; the defaults detect everything.
    public init(header: Header = .automatic, separator: Character? = nil, chunkSize: Int = 1 << 20) {
        self.header = header
        self.separator = separator
        self.chunkSize = max(1, chunkSize)
    }
}
