/// How to read a CSV file: header, separator and encoding, detected by default.
///
/// ```swift
/// let table = try CSVTable(contentsOf: "points.tsv", options: CSVReadOptions(separator: "\t"))
/// // A long log of which only two columns are needed:
/// var options = CSVReadOptions()
/// options.keepColumn = { _, name in name == "step" || name == "loss" }
/// ```
public struct CSVReadOptions: Sendable {
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
    /// The character encoding; `.automatic` detects it (see ``CSVEncoding``).
    public var encoding: CSVEncoding
    /// Bytes read from the file at a time.
    public var chunkSize: Int
    /// Which columns to store, asked once per column with its 0-based index and name;
    /// `nil` keeps them all. Reading a column that was not kept throws
    /// ``CSVError/columnNotRead(file:name:)``.
    public var keepColumn: (@Sendable (_ index: Int, _ name: String) -> Bool)?

    /// Creates reading options; the defaults detect everything.
    public init(header: Header = .automatic, separator: Character? = nil, encoding: CSVEncoding = .automatic,
                chunkSize: Int = 1 << 20) {
        self.header = header
        self.separator = separator
        self.encoding = encoding
        self.chunkSize = max(1, chunkSize)
        self.keepColumn = nil
    }
}
