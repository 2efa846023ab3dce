extension CSVTable {
    /// Reads a CSV file, streaming it in chunks.
    ///
    /// Handles UTF-8 (with or without a byte-order mark), UTF-16 and Shift_JIS/cp932 (see
    /// ``CSVEncoding``), quoted fields (with `""` for a quote and embedded separators or
    /// line breaks), LF, CRLF and CR line ends, blank lines, and a comma, semicolon, tab or
    /// bar separator sniffed from the first line. A row with a different number of fields
    /// than the header (other than trailing empty ones) is an error naming its line.
    ///
    /// ```swift
    /// let table = try CSVTable(contentsOf: "data.csv")
    /// print(table.columnNames, table.rowCount)
    /// ```
    /// - Throws: ``CSVError`` for a missing, unreadable, empty, header-only, ragged or
    ///   undecodable file.
    public init(contentsOf path: String, options: CSVReadOptions = CSVReadOptions()) throws {
        self = try Self.decoding(path, options: options) { reader in
            try Self.readCSV(reader, options: options)
        }
    }

    /// Runs `read` on the file's text; in automatic mode a file that turns out not to be
    /// UTF-8 is read again as cp932 when it looks like Japanese Shift_JIS.
    static func decoding(_ path: String, options: CSVReadOptions,
                         _ read: (CSVTextReader) throws -> CSVTable) throws -> CSVTable {
        let reader = try CSVTextReader(path: path, encoding: options.encoding, chunkSize: options.chunkSize)
        do {
            return try read(reader)
        } catch let error as CSVError {
            guard case .notUTF8 = error, reader.detected else { throw error }
            let retry = try CSVTextReader(path: path, encoding: .cp932, chunkSize: options.chunkSize)
            do {
                let table = try read(retry)
                if retry.looksJapanese { return table }
            } catch let retryError as CSVError {
                // A data error in what is plainly a Japanese file is that file's real problem.
                if case .notDecodable = retryError {} else if retry.looksJapanese { throw retryError }
            }
            throw error
        }
    }

    /// Parses CSV text from `reader` into a table.
    static func readCSV(_ reader: CSVTextReader, options: CSVReadOptions) throws -> CSVTable {
        var builder = CSVTableBuilder(file: reader.path, header: options.header, keep: options.keepColumn)
        var scanner: CSVScanner? = nil
        // The separator is sniffed from the whole first line, however small the chunks.
        var firstLine: [UInt8] = []
        var firstOffset = 0
        func start(_ bytes: UnsafeBufferPointer<UInt8>, offset: Int) throws {
            let separator: UInt8
            if let given = options.separator, let ascii = given.asciiValue {
                separator = ascii
            } else {
                separator = sniffSeparator(bytes)
            }
            builder.decimalComma = separator == UInt8(ascii: ";")
            var created = CSVScanner(file: reader.path, separator: separator)
            try created.consume(bytes, fileOffset: offset, into: &builder)
            scanner = created
        }
        try reader.forEachChunk { chunk, offset in
            if scanner != nil {
                try scanner?.consume(chunk, fileOffset: offset, into: &builder)
                return
            }
            if firstLine.isEmpty { firstOffset = offset }
            firstLine.append(contentsOf: chunk)
            if Self.hasLineEnd(firstLine) || firstLine.count >= 1 << 16 {
                try firstLine.withUnsafeBufferPointer { try start($0, offset: firstOffset) }
                firstLine = []
            }
        }
        if scanner == nil {
            try firstLine.withUnsafeBufferPointer { try start($0, offset: firstOffset) }
        }
        guard var finished = scanner else { throw CSVError.empty(file: reader.path) }
        try finished.finish(into: &builder)
        return try builder.table(separator: finished.separator, encoding: reader.encoding)
    }

    /// Whether `bytes` hold a line end outside quotes.
    static func hasLineEnd(_ bytes: [UInt8]) -> Bool {
        var inQuotes = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
            if !inQuotes && (byte == 0x0A || byte == 0x0D) { return true }
        }
        return false
    }

    /// Picks the separator that occurs most often outside quotes on the first line.
    static func sniffSeparator(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")]
        var counts = [Int](repeating: 0, count: candidates.count)
        var inQuotes = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { inQuotes.toggle(); continue }
            if inQuotes { continue }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
            if let index = candidates.firstIndex(of: byte) { counts[index] += 1 }
        }
        var best = 0
        for index in counts.indices where counts[index] > counts[best] { best = index }
        return candidates[best]
    }
}

/// Builds a ``CSVTable`` from the scanner's cells: decides the header from the first row,
/// then classifies each kept cell into its column as it arrives.
struct CSVTableBuilder: CSVCellSink {
    let file: String
    let header: CSVReadOptions.Header
    let keep: (@Sendable (Int, String) -> Bool)?
    var decimalComma = false

    private var firstRow: [[UInt8]] = []
    private var names: [String]? = nil
    private var unnamed: Set<Int> = []
    private var hasHeader = false
    private var columns: [CSVColumn?] = []
    private var lines = CSVLineIndex()
    private var rowCount = 0
    private var extraText = false

    init(file: String, header: CSVReadOptions.Header, keep: (@Sendable (Int, String) -> Bool)?) {
        self.file = file
        self.header = header
        self.keep = keep
    }

    mutating func cell(_ bytes: UnsafeBufferPointer<UInt8>, field: Int, quoted: Bool) throws {
        guard names != nil else {
            firstRow.append(Array(bytes))
            return
        }
        if field < columns.count {
            if columns[field] != nil {
                columns[field]?.append(CSVNumberParser.classify(bytes, decimalComma: decimalComma), bytes: bytes)
            }
        } else if bytes.contains(where: { $0 != 0x20 && $0 != 0x09 }) {
            extraText = true
        }
    }

    mutating func endRow(fields: Int, line: Int) throws {
        guard names != nil else {
            try decideHeader(line: line)
            return
        }
        let expected = columns.count
        if fields < expected || extraText {
            throw CSVError.raggedRow(file: file, line: line, fields: fields, expected: expected)
        }
        lines.append(row: rowCount, line: line)
        rowCount += 1
        extraText = false
    }

    /// Reads the first row as a header (or as data), and sets up the kept columns.
    private mutating func decideHeader(line: Int) throws {
        let decimalComma = self.decimalComma
        let present: Bool
        switch header {
        case .present: present = true
        case .absent: present = false
        case .automatic:
            present = firstRow.contains { bytes in
                bytes.withUnsafeBufferPointer { CSVNumberParser.classify($0, decimalComma: decimalComma) == .text }
            }
        }
        let count = firstRow.count
        var unnamed: Set<Int> = []
        let columnNames: [String] = present
            ? firstRow.enumerated().map { index, bytes in
                let name = bytes.withUnsafeBufferPointer { CSVColumn.trimmed($0) }
                if name.isEmpty { unnamed.insert(index) }
                return name.isEmpty ? String(index + 1) : name
            }
            : (0..<count).map { String($0 + 1) }
        self.unnamed = unnamed
        names = columnNames
        hasHeader = present
        columns = columnNames.enumerated().map { index, name in
            keep == nil || keep?(index, name) == true ? CSVColumn() : nil
        }
        if !present {
            let row = firstRow
            firstRow = []
            for (field, bytes) in row.enumerated() {
                try bytes.withUnsafeBufferPointer { try cell($0, field: field, quoted: false) }
            }
            try endRow(fields: count, line: line)
        }
        firstRow = []
    }

    /// The finished table.
    func table(separator: UInt8, encoding: CSVEncoding) throws -> CSVTable {
        guard let names else { throw CSVError.empty(file: file) }
        if hasHeader && rowCount == 0 { throw CSVError.headerOnly(file: file, columns: names) }
        return CSVTable(
            file: file, columnNames: names, hasHeader: hasHeader,
            separator: Character(Unicode.Scalar(separator)), encoding: encoding, format: .csv,
            rowCount: rowCount, columns: columns, lines: lines, unnamedColumns: unnamed)
    }
}
