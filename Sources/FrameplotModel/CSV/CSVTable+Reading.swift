import Foundation

extension CSVTable {
    /// Reads a CSV file, streaming it in chunks.
    ///
    /// Handles a UTF-8 byte-order mark, quoted fields (with `""` for a quote and embedded
    /// separators or line breaks), LF, CRLF and CR line ends, blank lines, and a comma,
    /// semicolon, tab or bar separator sniffed from the first line.
    ///
    /// ```swift
    /// let table = try CSVTable(contentsOf: "data.csv")
    /// print(table.columnNames, table.rowCount)
    /// ```
    /// - Throws: ``CSVError`` for a missing, unreadable, empty, header-only or non-UTF-8 file.
    public init(contentsOf path: String, options: CSVReadOptions = CSVReadOptions()) throws {
        let handle = try Self.openForReading(path)
        defer { try? handle.close() }

        var parser: CSVParser? = nil
        var offset = 0
        var first = true
        while true {
            let chunk: Data
            do {
                chunk = try handle.read(upToCount: options.chunkSize) ?? Data()
            } catch {
                throw CSVError.unreadable(file: path, reason: error.localizedDescription)
            }
            if chunk.isEmpty { break }
            try chunk.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                let buffer = raw.bindMemory(to: UInt8.self)
                var start = 0
                if first {
                    first = false
                    if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { start = 3 }
                    let separator: UInt8
                    if let given = options.separator, let ascii = given.asciiValue {
                        separator = ascii
                    } else {
                        separator = Self.sniffSeparator(UnsafeBufferPointer(rebasing: buffer[start...]))
                    }
                    parser = CSVParser(file: path, separator: separator)
                }
                try parser?.consume(buffer, from: start, fileOffset: offset)
            }
            offset += chunk.count
        }
        guard var finished = parser else { throw CSVError.empty(file: path) }
        try finished.finish(fileOffset: offset)
        try self.init(parsed: finished, file: path, header: options.header)
    }

    /// Builds the table from a finished parse: decides the header and names the columns.
    init(parsed: CSVParser, file: String, header: CSVReadOptions.Header) throws {
        var rows = parsed.rowStarts
        var lines = parsed.rowLines
        guard rows.count > 1 else { throw CSVError.empty(file: file) }
        let firstCount = rows[1] - rows[0]
        func firstRowCell(_ column: Int) -> String {
            let index = column
            let start = index == 0 ? 0 : parsed.cellEnds[index - 1]
            return String(decoding: parsed.bytes[start..<parsed.cellEnds[index]], as: UTF8.self)
                .trimmingCharacters(in: .whitespaces)
        }
        let headerPresent: Bool
        switch header {
        case .present: headerPresent = true
        case .absent: headerPresent = false
        case .automatic:
            headerPresent = (0..<firstCount).contains { column in
                let text = firstRowCell(column)
                return !text.isEmpty && CSVNumberParser.parse(text) == nil
            }
        }
        let names: [String]
        if headerPresent {
            names = (0..<firstCount).map { column in
                let text = firstRowCell(column)
                return text.isEmpty ? String(column + 1) : text
            }
            rows.removeFirst()
            lines.removeFirst()
            if rows.count == 1 { throw CSVError.headerOnly(file: file, columns: names) }
        } else {
            names = (0..<firstCount).map { String($0 + 1) }
        }
        self.init(
            file: file, columnNames: names, hasHeader: headerPresent,
            separator: Character(Unicode.Scalar(parsed.separator)),
            bytes: parsed.bytes, cellEnds: parsed.cellEnds, rowStarts: rows, rowLines: lines)
    }

    /// Opens a file for reading, turning the common failures into ``CSVError``.
    static func openForReading(_ path: String) throws -> FileHandle {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CSVError.fileNotFound(file: path)
        }
        if isDirectory.boolValue { throw CSVError.isDirectory(file: path) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            let reason = FileManager.default.isReadableFile(atPath: path) ? "cannot open it" : "permission denied"
            throw CSVError.unreadable(file: path, reason: reason)
        }
        return handle
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
