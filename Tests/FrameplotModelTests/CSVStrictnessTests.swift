import Foundation
import Testing
@testable import FrameplotModel

/// Numbers by the strict decimal grammar, bounds, safe messages and columnar storage.
@Suite("CSV strictness")
struct CSVStrictnessTests {
    static func classify(_ text: String, decimalComma: Bool = false) -> CSVCellValue {
        var text = text
        return text.withUTF8 { CSVNumberParser.classify($0, decimalComma: decimalComma) }
    }

    @Test func onlyDecimalNumbersAreNumbers() {
        let numbers: [(String, Double)] = [
            ("0", 0), ("-0", -0.0), ("+7", 7), (" 42 ", 42), ("\t1.5\t", 1.5), (".5", 0.5), ("5.", 5),
            ("-2.5E+3", -2500), ("1e-7", 1e-7), ("1e100", 1e100), ("-1e100", -1e100), ("1e-400", 0),
            ("0.30000000000000004", 0.30000000000000004), ("1234567890123456789", 1_234_567_890_123_456_768),
            ("-1.234567890123456789e-01", -0.1234567890123456789), ("00012", 12), ("0e999999999", 0),
        ]
        for (text, value) in numbers {
            #expect(Self.classify(text) == .number(value), "\(text)")
        }
        let texts = ["0x10", "0X1F", "1\u{0}9", "1_000", "1 000", "1,5", "0b101", "1e", "e5", ".", "+", "-", "--1",
                     "1.2.3", "١٢", "12kg", "Infinityx", "1e+", "0x1p3", "1d5", "１２", "abc"]
        for text in texts {
            #expect(Self.classify(text) == .text, "\(DisplayText.escaped(text))")
        }
        for text in ["nan", "NaN", "-nan", "inf", "-inf", "+Inf", "Infinity", "-INFINITY"] {
            #expect(Self.classify(text) == .nonFinite, "\(text)")
        }
        for text in ["", "  ", "NA", "N/A", "n/a", "null", "NULL", "None", "none"] {
            #expect(Self.classify(text) == .missing, "\(text)")
        }
        for text in ["1e308", "-1e308", "1.5e100", "1e999", "-1e999999999999", String(repeating: "9", count: 120)] {
            #expect(Self.classify(text) == .tooLarge, "\(text.prefix(20))")
        }
        #expect(Self.classify("1,5", decimalComma: true) == .number(1.5))
        #expect(Self.classify("1,5,5", decimalComma: true) == .text)
    }

    @Test func parsedValuesAreCorrectlyRounded() {
        // Random decimals of every length and exponent, both signs, against the standard library.
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<20_000 {
            let digits = Int.random(in: 1...22, using: &generator)
            var mantissa = String(Int.random(in: 1...9, using: &generator))
            for _ in 1..<digits { mantissa += String(Int.random(in: 0...9, using: &generator)) }
            let point = Int.random(in: 0...digits, using: &generator)
            var text = String(mantissa.prefix(point)) + "." + String(mantissa.dropFirst(point))
            if Bool.random(using: &generator) { text += "e\(Int.random(in: -120...80, using: &generator))" }
            if Bool.random(using: &generator) { text = "-" + text }
            guard let expected = Double(text), expected.isFinite, abs(expected) <= CSVTable.magnitudeLimit else { continue }
            #expect(Self.classify(text) == .number(expected), "\(text)")
        }
    }

    @Test func messagesEscapeControlBytesAndStayShort() {
        #expect(DisplayText.escaped("a\u{0}b\u{1B}[31mc\n\t\u{202E}d\u{7F}") == "a\\0b\\x1B[31mc\\n\\t\\u{202E}d\\x7F")
        #expect(DisplayText.escaped("日本語 é") == "日本語 é")
        let long = String(repeating: "x", count: 1_000_000)
        let clipped = DisplayText.escaped(long, limit: 40)
        #expect(clipped.unicodeScalars.count == 40 && clipped.hasSuffix("…"))
        #expect(DisplayText.escaped(String(repeating: "y", count: 40), limit: 40) == String(repeating: "y", count: 40))
        // A "character" of a million combining marks is still cut by scalars.
        let combining = "a" + String(repeating: "\u{301}", count: 1_000_000)
        #expect(DisplayText.escaped(combining, limit: 10).unicodeScalars.count == 10)
        #expect(DisplayText.oneLine(long).unicodeScalars.count == DisplayText.messageLimit)
        let error = CSVError.notANumber(file: "f.csv", line: 1, column: 1, text: long + "\u{1B}", columnName: long)
        #expect(error.description.unicodeScalars.count < 200)
        let control = CSVError.notANumber(file: "f\n.csv", line: 2, column: 1, text: "\u{1B}[2J", columnName: "x")
        #expect(!control.description.unicodeScalars.contains { $0.value < 0x20 })
    }

    @Test func oneMegabyteLineAndFieldLimits() throws {
        let fixture = try CSVFixture()
        defer { fixture.remove() }
        let huge = String(repeating: "x", count: 1 << 20)
        let path = try fixture.write("wide.csv", "a,b\n1,\(huge)\n")
        let table = try CSVTable(contentsOf: path)
        let error = #expect(throws: CSVError.self) { try table.numbers(columns: ["b"]) }
        #expect((error?.description.count ?? .max) < 200)
        // A field past the limit means the file is not CSV (e.g. a device full of zeros).
        let nul = try fixture.write("zeros.csv", bytes: [UInt8](repeating: 0, count: CSVScanner.maximumCellBytes + 10))
        #expect(throws: CSVError.cellTooLong(file: nul, line: 1, column: 1, limit: CSVScanner.maximumCellBytes)) {
            try CSVTable(contentsOf: nul, options: CSVReadOptions(chunkSize: 1 << 16))
        }
    }

    @Test func tooLargeAndNonFiniteNameLineAndColumn() throws {
        let fixture = try CSVFixture()
        defer { fixture.remove() }
        let path = try fixture.write("big.csv", "x,y\n1,2\n1e308,3\n-1e308,4\n")
        let table = try CSVTable(contentsOf: path)
        #expect(throws: CSVError.tooLarge(file: path, line: 3, column: 1, text: "1e308", columnName: "x")) {
            try table.numbers(columns: ["x", "y"])
        }
        let dropped = try table.numbers(columns: ["x", "y"], options: CSVNumberOptions(nonFinite: .dropRow))
        #expect(dropped.columns == [[1], [2]] && dropped.droppedNonFinite == 2)
    }

    @Test func onlyKeptColumnsAreStored() throws {
        let fixture = try CSVFixture()
        defer { fixture.remove() }
        let path = try fixture.write("k.csv", "step,loss,note\n1,0.5,a\n2,0.4,b\n")
        var options = CSVReadOptions()
        options.keepColumn = { _, name in name != "note" }
        let table = try CSVTable(contentsOf: path, options: options)
        #expect(table.columnNames == ["step", "loss", "note"])
        #expect(try table.numbers(columns: ["loss"]).columns[0] == [0.5, 0.4])
        #expect(throws: CSVError.columnNotRead(file: path, name: "note")) { try table.texts(column: "note") }
        #expect(table.cell(row: 0, column: 2) == nil)
        // Rows keep their file lines through blank lines and quoted line breaks.
        let lines = try fixture.write("lines.csv", "x,t\n1,a\n\n2,\"b\nc\"\n3,d\n")
        let read = try CSVTable(contentsOf: lines)
        #expect((0..<3).map(read.line(ofRow:)) == [2, 4, 6])
    }

    @Test func classesSortNumericallyOrKeepFirstAppearance() throws {
        let fixture = try CSVFixture()
        defer { fixture.remove() }
        let path = try fixture.write("c.csv", "x,n,t,m,e\n1,2,b,2,a\n2,0,a,x,\n3,1,b,10,c\n4,10,c,1.0,d\n5,1.0,a,1,e\n")
        let table = try CSVTable(contentsOf: path)
        let numeric = try table.classes(column: "n")
        #expect(numeric.names == ["0", "1", "2", "10"] && numeric.numeric)
        #expect(numeric.indexes == [2, 0, 1, 3, 1])
        let text = try table.classes(column: "t")
        #expect(text.names == ["b", "a", "c"] && text.indexes == [0, 1, 0, 2, 1] && !text.numeric)
        // Mixed: first appearance, numbers in their shortest form (1.0 and 1 are one class).
        #expect(try table.classes(column: "m").names == ["2", "x", "10", "1"])
        #expect(throws: CSVError.missingValue(file: path, line: 3, column: 5, columnName: "e")) {
            try table.classes(column: "e")
        }
        #expect(try table.classes(column: "e", rows: [0, 2]).names == ["a", "c"])
    }

    @Test func jsonLinesEdgeCases() throws {
        let fixture = try CSVFixture()
        defer { fixture.remove() }
        let empty = try fixture.write("e.jsonl", "{}\n{}\n")
        #expect(throws: CSVError.noColumns(file: empty)) { try CSVTable(jsonLinesAt: empty) }
        let twice = try fixture.write("t.jsonl", "{\"a\": 1, \"a\": 2}\n")
        let duplicate = #expect(throws: CSVError.self) { try CSVTable(jsonLinesAt: twice) }
        #expect(duplicate?.description.contains("appears twice") == true)
        let syntax = try fixture.write("s.jsonl", "{\"a\": 1}\n{\"a\": 0x10}\n")
        #expect(throws: CSVError.invalidJSONLine(file: syntax, line: 2, column: 7, reason: "0x10 is not a JSON value")) {
            try CSVTable(jsonLinesAt: syntax)
        }
        let text = "{\"step\": 1, \"loss\": \"0.5\", \"tag\": \"\\ud83d\\ude00\\n\", \"cfg\": {\"lr\": [1, 2]}, \"ok\": true}\n"
            + "{\"step\": 2, \"loss\": 0.25}\r\n"
        let path = try fixture.write("l.jsonl", text)
        let table = try CSVTable(jsonLinesAt: path)
        #expect(table.columnNames == ["step", "loss", "tag", "cfg", "ok"])
        #expect(try table.numbers(columns: ["step", "loss"]).columns == [[1, 2], [0.5, 0.25]])
        #expect(try table.texts(column: "tag") == ["😀\n", ""])
        #expect(try table.numbers(columns: ["ok"], options: CSVNumberOptions(missing: .skipRow)).columns[0] == [1])
        #expect(throws: CSVError.notANumber(file: path, line: 1, column: 60, text: "{…}", columnName: "cfg")) {
            try table.numbers(columns: ["cfg"])
        }
    }

    @Test func perEpochAggregation() {
        let grouped = SeriesAggregation.group(xs: [0, 0, 0, 1, 1, 2], ys: [3, 2, 1, 4, 6, 5], method: nil)
        #expect(grouped.xs == [0, 1, 2] && grouped.ys == [2, 5, 5] && grouped.method == .mean && grouped.hadRepeats)
        #expect(SeriesAggregation.group(xs: [0, 0, 1, 1], ys: [3, 1, 4, 6], method: .last).ys == [1, 6])
        #expect(SeriesAggregation.group(xs: [0, 0, 1, 1], ys: [3, 1, 4, 6], method: .min).ys == [1, 4])
        #expect(SeriesAggregation.group(xs: [0, 0, 1, 1], ys: [3, 1, 4, 6], method: .max).ys == [3, 6])
        // Logged once per epoch: kept as is, sorted by x.
        let once = SeriesAggregation.group(xs: [2, 0, 1], ys: [0.3, 0.9, 0.5], method: nil)
        #expect(once.xs == [0, 1, 2] && once.ys == [0.9, 0.5, 0.3] && once.method == .last && !once.hadRepeats)
        #expect(SeriesAggregation.group(xs: [], ys: [], method: nil).xs.isEmpty)
    }
}
