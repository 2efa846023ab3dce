/// The byte-level CSV state machine: consumes chunks, validates UTF-8 on the way, and
/// stores the unescaped cells compactly (see ``CSVTable``).
struct CSVParser {
    let file: String
    let separator: UInt8

    private(set) var bytes: [UInt8] = []
    private(set) var cellEnds: [Int] = []
    private(set) var rowStarts: [Int] = [0]
    private(set) var rowLines: [Int] = []

    private var line = 1
    private var rowLine = 1
    private var quoteLine = 1
    private var cellStart = 0
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

    private static let quote = UInt8(ascii: "\"")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    init(file: String, separator: UInt8) {
        self.file = file
        self.separator = separator
    }

    /// Parses `buffer[start...]`; `fileOffset` is the file offset of `buffer[0]`.
    mutating func consume(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, fileOffset: Int) throws {
        var index = start
        let end = buffer.count
        while index < end {
            let byte = buffer[index]
            index += 1
            if pendingCR {
                pendingCR = false
                if byte == Self.lineFeed { continue }
            }
            if utf8Remaining > 0 {
                guard byte >= utf8Low, byte <= utf8High else {
                    throw CSVError.notUTF8(file: file, line: line, byteOffset: utf8LeadOffset, byte: utf8Lead)
                }
                utf8Remaining -= 1
                utf8Low = 0x80
                utf8High = 0xBF
                bytes.append(byte)
                continue
            }
            if byte >= 0x80 {
                try startMultibyte(byte, offset: fileOffset + index - 1)
                if afterQuote { afterQuote = false; inQuotes = false }
                bytes.append(byte)
                continue
            }
            if inQuotes {
                if afterQuote {
                    afterQuote = false
                    if byte == Self.quote {
                        bytes.append(byte)
                        continue
                    }
                    inQuotes = false
                    // The quote closed the field; handle `byte` as unquoted text below.
                } else {
                    if byte == Self.quote {
                        afterQuote = true
                    } else {
                        if byte == Self.lineFeed { line += 1 }
                        bytes.append(byte)
                    }
                    continue
                }
            }
            switch byte {
            case separator:
                endCell()
            case Self.lineFeed:
                endCell()
                endRow()
                line += 1
                rowLine = line
            case Self.carriageReturn:
                endCell()
                endRow()
                line += 1
                rowLine = line
                pendingCR = true
            case Self.quote where bytes.count == cellStart && !cellQuoted:
                inQuotes = true
                cellQuoted = true
                quoteLine = line
            default:
                bytes.append(byte)
            }
        }
    }

    /// Ends the input: closes the last row, and reports an open quote or a cut UTF-8 sequence.
    mutating func finish(fileOffset: Int) throws {
        if utf8Remaining > 0 {
            throw CSVError.notUTF8(file: file, line: line, byteOffset: utf8LeadOffset, byte: utf8Lead)
        }
        if inQuotes && !afterQuote {
            throw CSVError.unterminatedQuote(file: file, line: quoteLine)
        }
        inQuotes = false
        afterQuote = false
        let rowHasContent = cellEnds.count > rowStarts[rowStarts.count - 1] || bytes.count > cellStart || cellQuoted
        if rowHasContent {
            endCell()
            endRow()
        }
    }

    private mutating func startMultibyte(_ byte: UInt8, offset: Int) throws {
        utf8Lead = byte
        utf8LeadOffset = offset
        switch byte {
        case 0xC2...0xDF: utf8Remaining = 1
        case 0xE0: utf8Remaining = 2; utf8Low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: utf8Remaining = 2
        case 0xED: utf8Remaining = 2; utf8High = 0x9F
        case 0xF0: utf8Remaining = 3; utf8Low = 0x90
        case 0xF1...0xF3: utf8Remaining = 3
        case 0xF4: utf8Remaining = 3; utf8High = 0x8F
        default:
            throw CSVError.notUTF8(file: file, line: line, byteOffset: offset, byte: byte)
        }
    }

    @inline(__always)
    private mutating func endCell() {
        cellEnds.append(bytes.count)
        cellStart = bytes.count
        lastCellWasQuoted = cellQuoted
        cellQuoted = false
    }

    /// Closes the row; a blank (or blank-looking) line is dropped instead.
    private mutating func endRow() {
        let first = rowStarts[rowStarts.count - 1]
        if cellEnds.count - first == 1 && !lastCellWasQuoted {
            let start = first == 0 ? 0 : cellEnds[first - 1]
            let blank = bytes[start..<cellEnds[first]].allSatisfy { $0 == 0x20 || $0 == 0x09 }
            if blank {
                cellEnds.removeLast()
                bytes.removeSubrange(start...)
                cellStart = bytes.count
                return
            }
        }
        rowStarts.append(cellEnds.count)
        rowLines.append(rowLine)
    }

    private var lastCellWasQuoted = false
}
