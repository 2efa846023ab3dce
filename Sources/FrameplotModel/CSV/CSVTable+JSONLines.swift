extension CSVTable {
    /// Reads a JSON-lines training log: one flat JSON object per line, streamed.
    ///
    /// ```
    /// {"step": 1, "loss": 0.52, "val_loss": null}
    /// {"step": 2, "loss": 0.48}
    /// ```
    /// The columns are the keys in order of first appearance; a key missing from a line, and
    /// `null`, give an empty cell (skipped with ``CSVNumberOptions/Missing/skipRow``).
    /// `NaN`, `Infinity` and `-Infinity` (as Python's `json` writes them) are non-finite
    /// numbers; strings are text (a string holding a decimal number reads as that number);
    /// `true` and `false` are 1 and 0; a nested object or array is text (`{…}`, `[…]`), an
    /// error where a number is needed. A key given twice on one line is an error.
    ///
    /// ```swift
    /// let log = try CSVTable(jsonLinesAt: "train.jsonl")
    /// ```
    public init(jsonLinesAt path: String, options: CSVReadOptions = CSVReadOptions()) throws {
        self = try Self.decoding(path, options: options) { reader in
            var builder = JSONLinesBuilder(file: path, keep: options.keepColumn)
            try JSONLineSplitter.forEachLine(of: reader) { line, number in
                var parser = JSONLineReader(bytes: line)
                guard !parser.isBlank() else { return }
                do {
                    try parser.readObject { key, value in try builder.add(key, value, in: line, number: number) }
                    builder.endRow(line: number)
                } catch let failure as JSONLineReader.Failure {
                    throw CSVError.invalidJSONLine(file: path, line: number, column: Self.scalarColumn(line, failure.index),
                                                   reason: failure.reason)
                }
            }
            return try builder.table(encoding: reader.encoding)
        }
    }

    /// Reads a JSON-lines file (`.jsonl`, `.ndjson`, or text starting with `{`) or else a CSV file.
    ///
    /// ```swift
    /// let log = try CSVTable.readLog(at: "metrics.csv")
    /// ```
    public static func readLog(at path: String, options: CSVReadOptions = CSVReadOptions()) throws -> CSVTable {
        let lowered = path.lowercased()
        if lowered.hasSuffix(".jsonl") || lowered.hasSuffix(".ndjson") { return try CSVTable(jsonLinesAt: path, options: options) }
        // Peek at the first non-blank character of the decoded text.
        let reader = try CSVTextReader(path: path, encoding: options.encoding, chunkSize: 4096)
        var first: UInt8? = nil
        try? reader.forEachChunk { chunk, _ in
            if first == nil { first = chunk.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D } }
            if first != nil { throw PeekDone() }
        }
        if first == UInt8(ascii: "{") { return try CSVTable(jsonLinesAt: path, options: options) }
        return try CSVTable(contentsOf: path, options: options)
    }

    private struct PeekDone: Error {}

    /// The 1-based character position of byte `index` on a line.
    static func scalarColumn(_ line: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
        var column = 1
        for position in 0..<Swift.min(index, line.count) where line[position] & 0xC0 != 0x80 { column += 1 }
        return column
    }
}

/// Splits decoded text into lines (LF or CRLF), checks UTF-8 and bounds the line length.
enum JSONLineSplitter {
    /// The longest line accepted.
    static let maximumLineBytes = 64 << 20

    static func forEachLine(of reader: CSVTextReader,
                            _ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void) throws {
        var pending: [UInt8] = []
        var pendingOffset = 0
        var number = 0
        func finish(_ line: UnsafeBufferPointer<UInt8>, offset: Int) throws {
            number += 1
            if let (index, byte) = UTF8Check.firstInvalid(line) {
                throw CSVError.notUTF8(file: reader.path, line: number, column: CSVTable.scalarColumn(line, index),
                                       byteOffset: offset + index, byte: byte)
            }
            try body(line, number)
        }
        try reader.forEachChunk { chunk, offset in
            var start = 0
            for index in chunk.indices where chunk[index] == 0x0A {
                let piece = UnsafeBufferPointer(rebasing: chunk[start..<index])
                if pending.isEmpty {
                    try finish(piece, offset: offset + start)
                } else {
                    pending.append(contentsOf: piece)
                    try pending.withUnsafeBufferPointer { try finish($0, offset: pendingOffset) }
                    pending.removeAll(keepingCapacity: false)
                }
                start = index + 1
            }
            if start < chunk.count {
                if pending.isEmpty { pendingOffset = offset + start }
                pending.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[start...]))
                if pending.count > maximumLineBytes {
                    throw CSVError.cellTooLong(file: reader.path, line: number + 1, column: 1, limit: maximumLineBytes)
                }
            }
        }
        if !pending.isEmpty { try pending.withUnsafeBufferPointer { try finish($0, offset: pendingOffset) } }
    }
}

/// Collects JSON-lines records into columns.
struct JSONLinesBuilder {
    let file: String
    let keep: (@Sendable (Int, String) -> Bool)?
    private var names: [String] = []
    private var index: [String: Int] = [:]
    private var columns: [CSVColumn?] = []
    private var lastRow: [Int] = []
    private var lines = CSVLineIndex()
    private var rowCount = 0

    init(file: String, keep: (@Sendable (Int, String) -> Bool)?) {
        self.file = file
        self.keep = keep
    }

    /// Stores one key's value of the current row.
    mutating func add(_ key: String, _ value: JSONLineReader.Value, in line: UnsafeBufferPointer<UInt8>,
                      number: Int) throws {
        let column: Int
        if let known = index[key] {
            column = known
            if lastRow[column] == rowCount {
                throw JSONLineReader.Failure(reason: "the key \"\(DisplayText.escaped(key, limit: 24))\" appears twice",
                                             index: value.start)
            }
        } else {
            column = names.count
            index[key] = column
            names.append(key)
            lastRow.append(-1)
            if keep == nil || keep?(column, key) == true {
                var created = CSVColumn()
                for _ in 0..<rowCount { created.appendMissing() }
                columns.append(created)
            } else {
                columns.append(nil)
            }
        }
        lastRow[column] = rowCount
        guard columns[column] != nil else { return }
        switch value {
        case .missing:
            columns[column]?.appendMissing()
        case .boolean(let flag, _):
            columns[column]?.appendNumber(flag ? 1 : 0)
        case .number(let range), .text(let range):
            let cell = UnsafeBufferPointer(rebasing: line[range])
            columns[column]?.append(CSVNumberParser.classify(cell, decimalComma: false), bytes: cell)
        case .escapedText(let bytes, _):
            bytes.withUnsafeBufferPointer { cell in
                columns[column]?.append(CSVNumberParser.classify(cell, decimalComma: false), bytes: cell)
            }
        case .nested(let shown, _):
            columns[column]?.appendText(shown, kind: .text)
        }
    }

    /// Ends the current row: keys it did not have are empty cells.
    mutating func endRow(line: Int) {
        for column in columns.indices where lastRow[column] != rowCount {
            columns[column]?.appendMissing()
        }
        lines.append(row: rowCount, line: line)
        rowCount += 1
    }

    func table(encoding: CSVEncoding) throws -> CSVTable {
        guard rowCount > 0 else { throw CSVError.empty(file: file) }
        guard !names.isEmpty else { throw CSVError.noColumns(file: file) }
        return CSVTable(
            file: file, columnNames: names, hasHeader: true, separator: ",", encoding: encoding,
            format: .jsonLines, rowCount: rowCount, columns: columns, lines: lines)
    }
}
