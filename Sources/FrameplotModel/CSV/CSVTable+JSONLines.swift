import Foundation

extension CSVTable {
    /// Reads a JSON-lines training log: one flat JSON object per line.
    ///
    /// ```
    /// {"step": 1, "loss": 0.52, "val_loss": null}
    /// {"step": 2, "loss": 0.48}
    /// ```
    /// The columns are the keys in order of first appearance; a key missing from a line, and
    /// `null`, give an empty cell (skipped with ``CSVNumberOptions/Missing/skipRow``).
    /// `NaN`, `Infinity` and `-Infinity` (as Python's `json` writes them) are accepted as
    /// non-finite numbers; strings and booleans become text (`true` is `1`).
    ///
    /// ```swift
    /// let log = try CSVTable(jsonLinesAt: "train.jsonl")
    /// ```
    public init(jsonLinesAt path: String) throws {
        let handle = try Self.openForReading(path)
        defer { try? handle.close() }
        let data: [UInt8]
        do {
            data = [UInt8](try handle.readToEnd() ?? Data())
        } catch {
            throw CSVError.unreadable(file: path, reason: error.localizedDescription)
        }
        if let (offset, line, byte) = Self.firstInvalidUTF8(data) {
            throw CSVError.notUTF8(file: path, line: line, byteOffset: offset, byte: byte)
        }
        var keys: [String] = []
        var keyIndex: [String: Int] = [:]
        var records: [(line: Int, values: [Int: String])] = []
        var lineNumber = 0
        var start = data.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start <= data.count {
            lineNumber += 1
            let end = data[start...].firstIndex(of: UInt8(ascii: "\n")) ?? data.count
            var reader = JSONLineReader(bytes: data, index: start, end: end)
            if reader.isBlank() {
                start = end + 1
                continue
            }
            let pairs: [(String, String)]
            do {
                pairs = try reader.readObject()
            } catch let failure as JSONLineReader.Failure {
                throw CSVError.invalidJSONLine(file: path, line: lineNumber, reason: failure.reason)
            }
            var values: [Int: String] = [:]
            for (key, value) in pairs {
                let index: Int
                if let known = keyIndex[key] {
                    index = known
                } else {
                    index = keys.count
                    keys.append(key)
                    keyIndex[key] = index
                }
                values[index] = value
            }
            records.append((lineNumber, values))
            start = end + 1
        }
        guard !records.isEmpty else { throw CSVError.empty(file: path) }

        var bytes: [UInt8] = []
        var cellEnds: [Int] = []
        var rowStarts = [0]
        var rowLines: [Int] = []
        for record in records {
            for column in keys.indices {
                bytes.append(contentsOf: Array((record.values[column] ?? "").utf8))
                cellEnds.append(bytes.count)
            }
            rowStarts.append(cellEnds.count)
            rowLines.append(record.line)
        }
        self.init(
            file: path, columnNames: keys, hasHeader: true, separator: ",",
            bytes: bytes, cellEnds: cellEnds, rowStarts: rowStarts, rowLines: rowLines)
    }

    /// Reads a JSON-lines file (`.jsonl`, `.ndjson`, or text starting with `{`) or else a CSV file.
    ///
    /// ```swift
    /// let log = try CSVTable.readLog(at: "metrics.csv")
    /// ```
    public static func readLog(at path: String, options: CSVReadOptions = CSVReadOptions()) throws -> CSVTable {
        let lowered = path.lowercased()
        if lowered.hasSuffix(".jsonl") || lowered.hasSuffix(".ndjson") { return try CSVTable(jsonLinesAt: path) }
        let handle = try openForReading(path)
        let head = (try? handle.read(upToCount: 64)) ?? Data()
        try? handle.close()
        var bytes = [UInt8](head)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) == UInt8(ascii: "{") {
            return try CSVTable(jsonLinesAt: path)
        }
        return try CSVTable(contentsOf: path, options: options)
    }

    /// The first byte that breaks UTF-8: its offset, 1-based line and value.
    static func firstInvalidUTF8(_ data: [UInt8]) -> (Int, Int, UInt8)? {
        var line = 1
        var index = 0
        while index < data.count {
            let byte = data[index]
            if byte < 0x80 {
                if byte == 0x0A { line += 1 }
                index += 1
                continue
            }
            var low: UInt8 = 0x80, high: UInt8 = 0xBF, count = 0
            switch byte {
            case 0xC2...0xDF: count = 1
            case 0xE0: count = 2; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: count = 2
            case 0xED: count = 2; high = 0x9F
            case 0xF0: count = 3; low = 0x90
            case 0xF1...0xF3: count = 3
            case 0xF4: count = 3; high = 0x8F
            default: return (index, line, byte)
            }
            for step in 1...count {
                let position = index + step
                guard position < data.count else { return (index, line, byte) }
                let next = data[position]
                let (lo, hi) = step == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
                guard next >= lo, next <= hi else { return (index, line, byte) }
            }
            index += count + 1
        }
        return nil
    }
}

/// A small reader for one flat JSON object; values come back as cell text.
struct JSONLineReader {
    struct Failure: Error { let reason: String }

    let bytes: [UInt8]
    var index: Int
    let end: Int

    mutating func isBlank() -> Bool {
        skipSpace()
        return index >= end
    }

    mutating func readObject() throws -> [(String, String)] {
        skipSpace()
        try expect(UInt8(ascii: "{"), "expected '{'")
        var pairs: [(String, String)] = []
        skipSpace()
        if peek() == UInt8(ascii: "}") {
            index += 1
        } else {
            while true {
                skipSpace()
                guard peek() == UInt8(ascii: "\"") else { throw Failure(reason: "expected a quoted key") }
                let key = try readString()
                skipSpace()
                try expect(UInt8(ascii: ":"), "expected ':' after \"\(key)\"")
                skipSpace()
                pairs.append((key, try readValue()))
                skipSpace()
                if peek() == UInt8(ascii: ",") { index += 1; continue }
                try expect(UInt8(ascii: "}"), "expected ',' or '}'")
                break
            }
        }
        skipSpace()
        guard index >= end else { throw Failure(reason: "unexpected text after the object") }
        return pairs
    }

    private func peek() -> UInt8? { index < end ? bytes[index] : nil }

    private mutating func skipSpace() {
        while index < end, [0x20, 0x09, 0x0D, 0x0A].contains(bytes[index]) { index += 1 }
    }

    private mutating func expect(_ byte: UInt8, _ reason: String) throws {
        guard peek() == byte else { throw Failure(reason: reason) }
        index += 1
    }

    private mutating func readValue() throws -> String {
        guard let byte = peek() else { throw Failure(reason: "missing value") }
        switch byte {
        case UInt8(ascii: "\""):
            return try readString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            try skipNested()
            return ""
        default:
            let start = index
            while index < end, ![UInt8(ascii: ","), UInt8(ascii: "}"), 0x20, 0x09, 0x0D].contains(bytes[index]) {
                index += 1
            }
            let token = String(decoding: bytes[start..<index], as: UTF8.self)
            switch token {
            case "null": return ""
            case "true": return "1"
            case "false": return "0"
            case "NaN": return "nan"
            case "Infinity": return "inf"
            case "-Infinity": return "-inf"
            default:
                guard CSVNumberParser.parse(token) != nil else {
                    throw Failure(reason: "\"\(token.prefix(20))\" is not a JSON value")
                }
                return token
            }
        }
    }

    private mutating func readString() throws -> String {
        index += 1
        var scalars: [UInt8] = []
        while index < end {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\"") { return String(decoding: scalars, as: UTF8.self) }
            if byte == UInt8(ascii: "\\"), index < end {
                let escaped = bytes[index]
                index += 1
                switch escaped {
                case UInt8(ascii: "n"): scalars.append(0x0A)
                case UInt8(ascii: "t"): scalars.append(0x09)
                case UInt8(ascii: "r"): scalars.append(0x0D)
                case UInt8(ascii: "b"): scalars.append(0x08)
                case UInt8(ascii: "f"): scalars.append(0x0C)
                case UInt8(ascii: "u"):
                    guard index + 4 <= end,
                          let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
                    else { throw Failure(reason: "bad \\u escape") }
                    index += 4
                    let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
                    scalars.append(contentsOf: Array(String(Character(scalar)).utf8))
                default: scalars.append(escaped)
                }
                continue
            }
            scalars.append(byte)
        }
        throw Failure(reason: "unterminated string")
    }

    private mutating func skipNested() throws {
        var depth = 0
        var inString = false
        while index < end {
            let byte = bytes[index]
            index += 1
            if inString {
                if byte == UInt8(ascii: "\\") { index += 1 } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return }
            default: break
            }
        }
        throw Failure(reason: "unterminated nested value")
    }
}
