import Foundation
import Testing
@testable import FrameplotModel

/// Writes fixture files into a fresh temporary folder.
struct CSVFixture {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "frameplot-csv-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let path = folder + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }
}

@Suite("CSV reading")
struct CSVTableTests {
    @Test func readsHeaderAndNumbers() throws {
        let fixture = try CSVFixture()
        defer { fixture.remove() }
        let path = try fixture.write("a.csv", "x,y\n1,2\n3.5,-4e2\n")
        let table = try CSVTable(contentsOf: path)
        #expect(table.hasHeader)
        #expect(table.columnNames == ["x", "y"])
        #expect(table.rowCount == 2)
        let numbers = try table.numbers(columns: ["x", "y"])
        #expect(numbers.columns == [[1, 3.5], [2, -400]])
        #expect(table.line(ofRow: 1) == 3)
    }

    @Test func handlesBOMQuotesCRLFAndSemicolons() throws {
        let fixture = try CSVFixture()
        defer { fixture.remove() }
        let text = "\u{FEFF}name;\"value\";note\r\n\"a;b\";\"1,5\";\"say \"\"hi\"\"\r\nsecond line\"\r\nc;2;plain\r\n"
        let path = try fixture.write("q.csv", text)
        let table = try CSVTable(contentsOf: path)
        #expect(table.separator == ";")
        #expect(table.columnNames == ["name", "value", "note"])
        #expect(table.rowCount == 2)
        #expect(table.cell(row: 0, column: 0) == "a;b")
        #expect(table.cell(row: 0, column: 2) == "say \"hi\"\r\nsecond line")
        #expect(table.line(ofRow: 1) == 4)
        // A decimal comma in a semicolon file reads as a decimal point.
        #expect(try table.numbers(columns: ["value"]).columns[0] == [1.5, 2])
    }

    @Test func sniffsTabsAndReadsWithoutHeader() throws {
        let fixture = try CSVFixture()
        defer { fixture.remove() }
        let path = try fixture.write("t.tsv", "1\t2\n3\t4\n\n")
        let table = try CSVTable(contentsOf: path)
        #expect(table.separator == "\t")
        #expect(!table.hasHeader)
        #expect(table.columnNames == ["1", "2"])
        #expect(try table.numbers(columns: ["2"]).columns[0] == [2, 4])
    }

    @Test func columnIndexesAreOneBased() throws {
        let fixture = try CSVFixture()
        defer { fixture.remove() }
        let path = try fixture.write("i.csv", "a,b,c\n1,2,3\n")
        let table = try CSVTable(contentsOf: path)
        #expect(try table.column(named: "1") == 0)
        #expect(try table.column(named: "c") == 2)
        #expect(try table.column(named: " B ") == 1)
        #expect(throws: CSVError.columnOutOfRange(file: path, index: 4, count: 3)) {
            try table.column(named: "4")
        }
    }

    @Test func aNameTwoColumnsShareIsAnErrorNamingBoth() throws {
        let fixture = try CSVFixture()
        defer { fixture.remove() }
        let path = try fixture.write("d.csv", ",loss,acc,loss,Loss\n0,1,2,3,4\n")
        let table = try CSVTable(contentsOf: path)
        #expect(throws: CSVError.ambiguousColumn(file: path, name: "loss", positions: [2, 4])) { try table.column(named: "loss") }
        #expect(throws: CSVError.ambiguousColumn(file: path, name: "LOSS", positions: [2, 4, 5])) { try table.column(named: "LOSS") }
        #expect(try table.column(named: "Loss") == 4)
        #expect(try table.column(named: "4") == 3)
        #expect(table.columns(namedExactly: "loss") == [1, 3])
        #expect(table.isUnnamed(0) && !table.isUnnamed(1))
        let message = CSVError.ambiguousColumn(file: "d.csv", name: "loss", positions: [2, 4]).description
        #expect(message == "d.csv: 2 columns are named \"loss\" (columns 2 and 4); choose one by its number, e.g. 2 (numbers start at 1)")
    }

    @Test func chunkBoundariesDoNotMatter() throws {
        let fixture = try CSVFixture()
        defer { fixture.remove() }
        let text = "\u{FEFF}x,\"label\"\r\n1,\"日本, 語\"\r\n2,\"a\"\"b\"\r\n3,é\r\n"
        let path = try fixture.write("c.csv", text)
        let whole = try CSVTable(contentsOf: path)
        for size in 1...7 {
            let table = try CSVTable(contentsOf: path, options: CSVReadOptions(chunkSize: size))
            #expect(table.rowCount == 3)
            #expect(try table.texts(column: "label") == ["日本, 語", "a\"b", "é"])
            #expect(try table.texts(column: "label") == (try whole.texts(column: "label")))
        }
    }

    @Test func typedErrorsCarryFileLineAndColumn() throws {
        let fixture = try CSVFixture()
        defer { fixture.remove() }
        let path = try fixture.write("data.csv", "id,x,height\n1,2,3\n2,3,abc\n")
        let table = try CSVTable(contentsOf: path)
        let error = #expect(throws: CSVError.self) { try table.numbers(columns: ["x", "height"]) }
        #expect(error?.description == "\(path):3:3: \"abc\" is not a number in column \"height\"")
    }

    @Test func emptyHeaderOnlyAndMissingFiles() throws {
        let fixture = try CSVFixture()
        defer { fixture.remove() }
        let empty = try fixture.write("empty.csv", "")
        #expect(throws: CSVError.empty(file: empty)) { try CSVTable(contentsOf: empty) }
        let blank = try fixture.write("blank.csv", "\n\r\n  \n")
        #expect(throws: CSVError.empty(file: blank)) { try CSVTable(contentsOf: blank) }
        let header = try fixture.write("header.csv", "x,y\n")
        #expect(throws: CSVError.headerOnly(file: header, columns: ["x", "y"])) { try CSVTable(contentsOf: header) }
        let missing = fixture.folder + "/nope.csv"
        #expect(throws: CSVError.fileNotFound(file: missing)) { try CSVTable(contentsOf: missing) }
        #expect(throws: CSVError.isDirectory(file: fixture.folder)) { try CSVTable(contentsOf: fixture.folder) }
    }

    @Test func raggedRowsAreReported() throws {
        let fixture = try CSVFixture()
        defer { fixture.remove() }
        let path = try fixture.write("r.csv", "x,y,z\n1,2,3\n4,5\n6,7,8,\n")
        #expect(throws: CSVError.raggedRow(file: path, line: 3, fields: 2, expected: 3)) {
            try CSVTable(contentsOf: path)
        }
        let long = try fixture.write("l.csv", "x,y\n1,2\n3,4,5\n")
        #expect(throws: CSVError.raggedRow(file: long, line: 3, fields: 3, expected: 2)) {
            try CSVTable(contentsOf: long)
        }
        // A trailing empty field is not ragged.
        let trailing = try fixture.write("t.csv", "x,y\n1,2,\n")
        #expect(try CSVTable(contentsOf: trailing).numbers(columns: ["y"]).columns[0] == [2])
    }

    @Test func nonFiniteValuesAreRefusedOrDropped() throws {
        let fixture = try CSVFixture()
        defer { fixture.remove() }
        let path = try fixture.write("n.csv", "x,y\n1,2\n2,NaN\n3,inf\n4,-Infinity\n5,1e999\n6,7\n")
        let table = try CSVTable(contentsOf: path)
        #expect(throws: CSVError.nonFinite(file: path, line: 3, column: 2, text: "NaN", columnName: "y")) {
            try table.numbers(columns: ["x", "y"])
        }
        let kept = try table.numbers(columns: ["x", "y"], options: CSVNumberOptions(nonFinite: .dropRow))
        #expect(kept.columns == [[1, 6], [2, 7]])
        #expect(kept.droppedNonFinite == 4)
        #expect(kept.rows == [0, 5])
    }

    @Test func missingValuesAreErrorsOrSkipped() throws {
        let fixture = try CSVFixture()
        defer { fixture.remove() }
        let path = try fixture.write("log.csv", "step,loss,val_loss\n1,0.9,\n2,0.8,0.85\n3,0.7,NA\n4,0.6,0.65\n")
        let table = try CSVTable(contentsOf: path)
        #expect(throws: CSVError.missingValue(file: path, line: 2, column: 3, columnName: "val_loss")) {
            try table.numbers(columns: ["step", "val_loss"])
        }
        let curve = try table.numbers(columns: ["step", "val_loss"], options: CSVNumberOptions(missing: .skipRow))
        #expect(curve.columns == [[2, 4], [0.85, 0.65]])
        #expect(curve.skippedMissing == 2)
    }

    @Test func unknownColumnSuggestsNearestName() throws {
        let fixture = try CSVFixture()
        defer { fixture.remove() }
        let path = try fixture.write("h.csv", "height,weight,label\n1,2,a\n")
        let table = try CSVTable(contentsOf: path)
        let error = #expect(throws: CSVError.self) { try table.numbers(columns: ["heigth"]) }
        #expect(error == .unknownColumn(file: path, name: "heigth", suggestion: "height", available: ["height", "weight", "label"]))
        #expect(error?.description.contains("did you mean \"height\"?") == true)
        #expect(table.nearestColumnName(to: "zzzzzzzzzzzz") == nil)
    }

    @Test func notUTF8IsReportedWithOffsetAndLine() throws {
        let fixture = try CSVFixture()
        defer { fixture.remove() }
        var bytes = Array("x,name\n1,ok\n2,caf".utf8)
        bytes.append(0xE9) // Latin-1 é
        bytes += Array("\n".utf8)
        let path = try fixture.write("latin.csv", bytes: bytes)
        #expect(throws: CSVError.notUTF8(file: path, line: 3, column: 6, byteOffset: 17, byte: 0xE9)) {
            try CSVTable(contentsOf: path)
        }
        // "Größe,résumé" in Latin-1: ö and é are valid cp932 lead bytes, but this is no
        // Japanese text, so it is not read as Shift_JIS either.
        let german = try fixture.write("latin1.csv", bytes: Array("Gr".utf8) + [0xF6, 0xDF] + Array("e,r".utf8) + [0xE9]
                                       + Array("sum".utf8) + [0xE9] + Array("\n1,2\n".utf8))
        #expect(throws: CSVError.notUTF8(file: german, line: 1, column: 3, byteOffset: 2, byte: 0xF6)) {
            try CSVTable(contentsOf: german)
        }
    }

    @Test func unterminatedQuoteIsReported() throws {
        let fixture = try CSVFixture()
        defer { fixture.remove() }
        let path = try fixture.write("u.csv", "x,y\n1,\"open\n2,3\n")
        #expect(throws: CSVError.unterminatedQuote(file: path, line: 2)) { try CSVTable(contentsOf: path) }
    }

    @Test func numberParserMatchesStandardLibrary() {
        let samples = ["0", "-0", "1", "0.1", "3.14159", "1e-7", "-2.5E+3", "123456789012345", "1234567890123456789",
                       "0.30000000000000004", ".5", "5.", "  42 ", "+7", "1e22", "1e23", "4.9e-324"]
        for sample in samples {
            let expected = Double(sample.trimmingCharacters(in: .whitespaces))
            let parsed = CSVNumberParser.parse(sample)
            #expect(parsed == expected, "\(sample)")
        }
        #expect(CSVNumberParser.parse("abc") == nil)
        #expect(CSVNumberParser.parse("12kg") == nil)
        #expect(CSVNumberParser.parse("") == nil)
        // nan and inf are their own kind: each command decides whether it takes them.
        #expect(CSVNumberParser.parse("nan") == nil)
        #expect(CSVNumberParser.parse("-inf") == nil)
    }

    @Test func readsJSONLines() throws {
        let fixture = try CSVFixture()
        defer { fixture.remove() }
        let text = """
        {"step": 0, "loss": 0.9, "tag": "a"}
        {"step": 1, "loss": 0.5, "val_loss": 0.6, "extra": [1, 2]}

        {"step": 2, "loss": NaN, "val_loss": null}
        """
        let path = try fixture.write("log.jsonl", text)
        let table = try CSVTable.readLog(at: path)
        #expect(table.columnNames == ["step", "loss", "tag", "val_loss", "extra"])
        let validation = try table.numbers(columns: ["step", "val_loss"], options: CSVNumberOptions(missing: .skipRow))
        #expect(validation.columns == [[1], [0.6]])
        // JSON errors name the value's character position on its line.
        #expect(throws: CSVError.nonFinite(file: path, line: 4, column: 21, text: "NaN", columnName: "loss")) {
            try table.numbers(columns: ["loss"])
        }
        let bad = try fixture.write("bad.jsonl", "{\"step\": 1}\n{\"step\": oops}\n")
        #expect(throws: CSVError.self) { try CSVTable(jsonLinesAt: bad) }
        // A .log file that starts with '{' is read as JSON lines too.
        let sniffed = try fixture.write("train.log", "{\"step\": 3}\n")
        #expect(try CSVTable.readLog(at: sniffed).columnNames == ["step"])
    }

    @Test func largeFileStreams() throws {
        let fixture = try CSVFixture()
        defer { fixture.remove() }
        var text = "x,y\n"
        for index in 0..<20_000 { text += "\(index),\(Double(index) * 0.5)\n" }
        let path = try fixture.write("big.csv", text)
        let table = try CSVTable(contentsOf: path, options: CSVReadOptions(chunkSize: 4096))
        let numbers = try table.numbers(columns: ["x", "y"])
        #expect(numbers.count == 20_000)
        #expect(numbers.columns[1].last == 9999.5)
        // Numeric columns are stored as numbers only: no per-cell kinds or text.
        #expect(table.columns.allSatisfy { $0?.isAllNumbers == true && $0?.texts.isEmpty == true })
    }
}

@Suite("CSV reading, JSON lines UTF-8")
struct CSVJSONLinesUTF8Tests {
    @Test func notUTF8InJSONLines() throws {
        let fixture = try CSVFixture()
        defer { fixture.remove() }
        var bytes = Array("{\"a\": 1}\n{\"b\": \"".utf8)
        bytes.append(0xFF)
        bytes += Array("\"}\n".utf8)
        let path = try fixture.write("x.jsonl", bytes: bytes)
        #expect(throws: CSVError.notUTF8(file: path, line: 2, column: 8, byteOffset: 16, byte: 0xFF)) {
            try CSVTable(jsonLinesAt: path)
        }
    }
}
