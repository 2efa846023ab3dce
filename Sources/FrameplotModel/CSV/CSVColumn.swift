/// One column of a ``CSVTable``: each cell parsed once, as it is read.
///
/// A number costs 8 bytes; the kind of each cell (1 byte) is only stored once the column
/// has a cell that is not a number; text is interned, so a class column of a million rows
/// holds each class name once. Nothing else of the file is kept.
struct CSVColumn: Sendable {
    /// What a cell holds.
    enum Kind: UInt8 {
        case number, missing, nonFinite, tooLarge, text
    }

    /// The number of a `.number` cell; for `.text`, `.nonFinite` and `.tooLarge` cells the
    /// index of the cell's text in `texts`.
    private(set) var values: [Double] = []
    /// One kind per cell; empty while every cell is a number.
    private var kinds: [UInt8] = []
    /// The distinct texts of the column, in order of first appearance.
    private(set) var texts: [String] = []
    private var textIndex: [String: Int] = [:]

    /// The number of cells.
    var count: Int { values.count }

    /// Whether every cell is a number.
    var isAllNumbers: Bool { kinds.isEmpty }

    @inline(__always)
    func kind(_ row: Int) -> Kind {
        kinds.isEmpty ? .number : Kind(rawValue: kinds[row]) ?? .text
    }

    /// The number in a `.number` cell.
    @inline(__always)
    func number(_ row: Int) -> Double { values[row] }

    /// The text of a cell: numbers in their shortest form, missing cells empty.
    func text(_ row: Int) -> String {
        switch kind(row) {
        case .number: return Self.format(values[row])
        case .missing: return ""
        case .nonFinite, .tooLarge, .text: return texts[Int(values[row])]
        }
    }

    /// The interned text index of a `.text`, `.nonFinite` or `.tooLarge` cell.
    func textID(_ row: Int) -> Int { Int(values[row]) }

    /// Appends a classified cell; `bytes` are the cell's bytes (for text).
    mutating func append(_ value: CSVCellValue, bytes: UnsafeBufferPointer<UInt8>) {
        switch value {
        case .number(let number):
            appendNumber(number)
        case .missing:
            appendMissing()
        case .nonFinite:
            appendText(Self.trimmed(bytes), kind: .nonFinite)
        case .tooLarge:
            appendText(Self.trimmed(bytes), kind: .tooLarge)
        case .text:
            appendText(Self.trimmed(bytes), kind: .text)
        }
    }

    /// Appends a number (JSON's `true` and `false`).
    mutating func appendNumber(_ number: Double) {
        values.append(number)
        if !kinds.isEmpty { kinds.append(Kind.number.rawValue) }
    }

    /// Appends a missing cell.
    mutating func appendMissing() {
        setKind(.missing)
        values.append(0)
    }

    /// Appends a text cell (also used for JSON strings and nested values).
    mutating func appendText(_ text: String, kind: Kind) {
        setKind(kind)
        if let known = textIndex[text] {
            values.append(Double(known))
        } else {
            textIndex[text] = texts.count
            values.append(Double(texts.count))
            texts.append(text)
        }
    }

    private mutating func setKind(_ kind: Kind) {
        if kinds.isEmpty {
            kinds = [UInt8](repeating: Kind.number.rawValue, count: values.count)
            kinds.reserveCapacity(values.capacity)
        }
        kinds.append(kind.rawValue)
    }

    /// A number as a label or cell text: whole numbers without a decimal point.
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    /// The cell's text without surrounding spaces and tabs.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var start = 0, end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }
}

/// The 1-based file line of each data row, stored as the few places where the distance
/// between row and line changes (blank lines, quoted line breaks): nothing per row.
struct CSVLineIndex: Sendable {
    private var rows: [Int] = []
    private var offsets: [Int] = []

    /// Records that data row `row` (0-based, appended in order) starts on `line`.
    mutating func append(row: Int, line: Int) {
        let offset = line - row
        if offsets.last != offset {
            rows.append(row)
            offsets.append(offset)
        }
    }

    /// The line of data row `row`.
    func line(ofRow row: Int) -> Int {
        var low = 0, high = rows.count
        while low < high {
            let middle = (low + high) / 2
            if rows[middle] <= row { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? row + 1 : row + offsets[low - 1]
    }
}
