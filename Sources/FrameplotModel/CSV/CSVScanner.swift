/// Receives the cells of a CSV file as the scanner finds them.
protocol CSVCellSink {
    /// One cell's unescaped bytes; `field` is its 0-based position in the row. The bytes
    /// are only valid during the call.
    mutating func cell(_ bytes: UnsafeBufferPointer<UInt8>, field: Int, quoted: Bool) throws
    /// The end of a row of `fields` cells whose first byte is on line `line` (1-based).
    mutating func endRow(fields: Int, line: Int) throws
}

/// The byte-level CSV state machine: consumes UTF-8 chunks, validates the encoding on the
/// way, unescapes quoted fields and hands each cell to a sink, so nothing but the cell
/// being read is held.
///
/// Handles quoted fields (`""` for a quote, separators and line breaks inside), LF, CRLF
/// and CR line ends, and blank lines (dropped).
struct CSVScanner {
    let file: String
    let separator: UInt8

    /// The longest cell accepted (a longer one means the file is not CSV).
    static let maximumCellBytes = 8 << 20

    private var cell: [UInt8] = []
    private var field = 0
    private var line = 1
    private var column = 1
    private var rowLine = 1
    private var quoteLine = 1
    private var inQuotes = false
    private var afterQuote = false
    private var cellQuoted = false
    private var pendingCR = false
    // UTF-8 validation: continuation bytes still expected and the range of the next one.
    private var utf8Remaining = 0
    private var utf8Low: UInt8 = 0x80
    private var utf8High: UInt8 = 0xBF
    private var utf8Lead: UInt8 = 0
    private var utf8LeadOffset = 0
    private var utf8LeadLine = 1
    private var utf8LeadColumn = 1

    private static let quote = UInt8(ascii: "\"")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    init(file: String, separator: UInt8) {
        self.file = file
        self.separator = separator
        cell.reserveCapacity(64)
    }

    /// Scans `buffer`; `fileOffset` is the file offset of `buffer[0]` (for error messages).
    mutating func consume<Sink: CSVCellSink>(_ buffer: UnsafeBufferPointer<UInt8>, fileOffset: Int,
                                             into sink: inout Sink) throws {
        var index = 0
        let end = buffer.count
        while index < end {
            // Fast path: a run of plain ASCII bytes outside quotes goes into the cell at once.
            if !inQuotes && utf8Remaining == 0 && !pendingCR {
                let runStart = index
                while index < end {
                    let byte = buffer[index]
                    if byte >= 0x80 || byte == separator || byte == Self.lineFeed
                        || byte == Self.carriageReturn || byte == Self.quote { break }
                    index += 1
                }
                if index > runStart {
                    cell.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<index]))
                    column += index - runStart
                    try checkLength()
                    if index == end { return }
                }
            }
            let byte = buffer[index]
            index += 1
            if pendingCR {
                pendingCR = false
                if byte == Self.lineFeed { continue }
            }
            if utf8Remaining > 0 {
                guard byte >= utf8Low, byte <= utf8High else { throw notUTF8() }
                utf8Remaining -= 1
                utf8Low = 0x80
                utf8High = 0xBF
                cell.append(byte)
                continue
            }
            if byte >= 0x80 {
                try startMultibyte(byte, offset: fileOffset + index - 1)
                if afterQuote { afterQuote = false; inQuotes = false }
                column += 1
                cell.append(byte)
                try checkLength()
                continue
            }
            column += 1
            if inQuotes {
                if afterQuote {
                    afterQuote = false
                    if byte == Self.quote {
                        cell.append(byte)
                        continue
                    }
                    inQuotes = false
                    // The quote closed the field; handle `byte` as unquoted text below.
                } else {
                    if byte == Self.quote {
                        afterQuote = true
                    } else {
                        if byte == Self.lineFeed { line += 1; column = 1 }
                        cell.append(byte)
                        try checkLength()
                    }
                    continue
                }
            }
            switch byte {
            case separator:
                try emitCell(into: &sink)
                field += 1
            case Self.lineFeed, Self.carriageReturn:
                try endRow(into: &sink)
                newLine(byte)
                rowLine = line
            case Self.quote where cell.isEmpty && !cellQuoted:
                inQuotes = true
                cellQuoted = true
                quoteLine = line
            default:
                cell.append(byte)
                try checkLength()
            }
        }
    }

    /// Ends the input: closes the last row, and reports an open quote or a cut UTF-8 sequence.
    mutating func finish<Sink: CSVCellSink>(into sink: inout Sink) throws {
        if utf8Remaining > 0 { throw notUTF8() }
        if inQuotes && !afterQuote {
            throw CSVError.unterminatedQuote(file: file, line: quoteLine)
        }
        inQuotes = false
        afterQuote = false
        if field > 0 || !cell.isEmpty || cellQuoted { try endRow(into: &sink) }
    }

    private mutating func newLine(_ byte: UInt8) {
        line += 1
        column = 1
        if byte == Self.carriageReturn { pendingCR = true }
    }

    private mutating func emitCell<Sink: CSVCellSink>(into sink: inout Sink) throws {
        let quoted = cellQuoted
        let index = field
        try cell.withUnsafeBufferPointer { try sink.cell($0, field: index, quoted: quoted) }
        cell.removeAll(keepingCapacity: true)
        cellQuoted = false
    }

    /// Closes the row; a blank (or blank-looking) line is dropped instead.
    private mutating func endRow<Sink: CSVCellSink>(into sink: inout Sink) throws {
        if field == 0 && !cellQuoted && cell.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
            cell.removeAll(keepingCapacity: true)
            return
        }
        try emitCell(into: &sink)
        try sink.endRow(fields: field + 1, line: rowLine)
        field = 0
    }

    private func checkLength() throws {
        if cell.count > Self.maximumCellBytes {
            throw CSVError.cellTooLong(file: file, line: rowLine, column: field + 1, limit: Self.maximumCellBytes)
        }
    }

    private func notUTF8() -> CSVError {
        .notUTF8(file: file, line: utf8LeadLine, column: utf8LeadColumn, byteOffset: utf8LeadOffset, byte: utf8Lead)
    }

    private mutating func startMultibyte(_ byte: UInt8, offset: Int) throws {
        utf8Lead = byte
        utf8LeadOffset = offset
        utf8LeadLine = line
        utf8LeadColumn = column
        guard let (count, low, high) = UTF8Check.sequence(lead: byte) else { throw notUTF8() }
        utf8Remaining = count
        utf8Low = low
        utf8High = high
    }
}
