/// Reads one line of a JSON-lines file: a flat JSON object, without copying what it can
/// point to (numbers and plain strings stay ranges of the line's bytes).
struct JSONLineReader {
    /// A syntax error and the byte position where it was found.
    struct Failure: Error {
        let reason: String
        let index: Int
    }

    /// A value, and where it starts on the line.
    enum Value {
        case missing(at: Int)
        case boolean(Bool, at: Int)
        case number(Range<Int>)
        case text(Range<Int>)
        case escapedText([UInt8], at: Int)
        case nested(String, at: Int)

        var start: Int {
            switch self {
            case .missing(let at), .boolean(_, let at), .escapedText(_, let at), .nested(_, let at): return at
            case .number(let range): return range.lowerBound
            case .text(let range): return range.lowerBound - 1
            }
        }
    }

    let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Whether the line holds nothing but white space.
    mutating func isBlank() -> Bool {
        skipSpace()
        return index >= bytes.count
    }

    /// Reads `{ "key": value, … }`, calling `visit` for each pair in order.
    mutating func readObject(_ visit: (String, Value) throws -> Void) throws {
        skipSpace()
        try expect(UInt8(ascii: "{"), "expected '{'")
        skipSpace()
        if peek() == UInt8(ascii: "}") {
            index += 1
        } else {
            while true {
                skipSpace()
                guard peek() == UInt8(ascii: "\"") else { throw Failure(reason: "expected a quoted key", index: index) }
                let key = try readKey()
                skipSpace()
                try expect(UInt8(ascii: ":"), "expected ':' after \"\(DisplayText.escaped(key, limit: 24))\"")
                skipSpace()
                try visit(key, try readValue())
                skipSpace()
                if peek() == UInt8(ascii: ",") { index += 1; continue }
                try expect(UInt8(ascii: "}"), "expected ',' or '}'")
                break
            }
        }
        skipSpace()
        guard index >= bytes.count else { throw Failure(reason: "unexpected text after the object", index: index) }
    }

    private static func endsToken(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: "}"), 0x20, 0x09, 0x0D, 0x0A: return true
        default: return false
        }
    }

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D, 0x0A: index += 1
            default: return
            }
        }
    }

    private mutating func expect(_ byte: UInt8, _ reason: String) throws {
        guard peek() == byte else { throw Failure(reason: reason, index: index) }
        index += 1
    }

    private mutating func readValue() throws -> Value {
        let start = index
        guard let byte = peek() else { throw Failure(reason: "missing value", index: index) }
        switch byte {
        case UInt8(ascii: "\""):
            return try readString()
        case UInt8(ascii: "{"):
            try skipNested()
            return .nested("{…}", at: start)
        case UInt8(ascii: "["):
            try skipNested()
            return .nested("[…]", at: start)
        default:
            // A bare token (number, true, false, null) runs to the next delimiter.
            while index < bytes.count, !Self.endsToken(bytes[index]) { index += 1 }
            let token = UnsafeBufferPointer(rebasing: bytes[start..<index])
            switch String(decoding: token, as: UTF8.self) {
            case "null": return .missing(at: start)
            case "true": return .boolean(true, at: start)
            case "false": return .boolean(false, at: start)
            default:
                switch CSVNumberParser.classify(token, decimalComma: false) {
                case .number, .nonFinite, .tooLarge:
                    return .number(start..<index)
                case .missing, .text:
                    let shown = DisplayText.escaped(String(decoding: token, as: UTF8.self), limit: 24)
                    throw Failure(reason: "\(shown) is not a JSON value", index: start)
                }
            }
        }
    }

    /// A key: strings with escapes are decoded.
    private mutating func readKey() throws -> String {
        switch try readString() {
        case .text(let range): return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        case .escapedText(let decoded, _): return String(decoding: decoded, as: UTF8.self)
        default: return ""
        }
    }

    /// A string: a range of the line when it has no escapes, decoded bytes otherwise.
    private mutating func readString() throws -> Value {
        let open = index
        index += 1
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return .text(start..<(index - 1))
            }
            if byte == UInt8(ascii: "\\") { break }
            index += 1
        }
        guard index < bytes.count else { throw Failure(reason: "unterminated string", index: open) }
        var decoded = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\"") { return .escapedText(decoded, at: open) }
            guard byte == UInt8(ascii: "\\") else { decoded.append(byte); continue }
            guard index < bytes.count else { break }
            let escaped = bytes[index]
            index += 1
            switch escaped {
            case UInt8(ascii: "n"): decoded.append(0x0A)
            case UInt8(ascii: "t"): decoded.append(0x09)
            case UInt8(ascii: "r"): decoded.append(0x0D)
            case UInt8(ascii: "b"): decoded.append(0x08)
            case UInt8(ascii: "f"): decoded.append(0x0C)
            case UInt8(ascii: "u"):
                var code = try readHex4()
                if (0xD800...0xDBFF).contains(code), index + 6 <= bytes.count,
                   bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                    let mark = index
                    index += 2
                    let low = try readHex4()
                    if (0xDC00...0xDFFF).contains(low) {
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        index = mark
                    }
                }
                decoded.append(contentsOf: Array(String(Character(Unicode.Scalar(code) ?? "\u{FFFD}")).utf8))
            default:
                decoded.append(escaped)
            }
        }
        throw Failure(reason: "unterminated string", index: open)
    }

    private mutating func readHex4() throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw Failure(reason: "bad \\u escape", index: index) }
        var value: UInt32 = 0
        for offset in 0..<4 {
            let byte = bytes[index + offset]
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: throw Failure(reason: "bad \\u escape", index: index)
            }
            value = value << 4 | digit
        }
        index += 4
        return value
    }

    private mutating func skipNested() throws {
        let open = index
        var depth = 0
        var inString = false
        while index < bytes.count {
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
        throw Failure(reason: "unterminated nested value", index: open)
    }
}

extension JSONLineReader {
    private struct Found: Error { let column: Int }

    /// The 1-based character position of `key`'s value on line `line` of a JSON-lines
    /// file, found by reading the file again (error messages only); nil when not found.
    static func valueColumn(in path: String, encoding: CSVEncoding, line target: Int, key: String) throws -> Int? {
        let reader = try CSVTextReader(path: path, encoding: encoding, chunkSize: 1 << 16)
        do {
            try JSONLineSplitter.forEachLine(of: reader) { line, number in
                guard number == target else { return }
                var parser = JSONLineReader(bytes: line)
                var found: Int? = nil
                try? parser.readObject { name, value in
                    if name == key && found == nil { found = value.start }
                }
                throw Found(column: found.map { CSVTable.scalarColumn(line, $0) } ?? 1)
            }
        } catch let found as Found {
            return found.column
        }
        return nil
    }
}
