import Foundation
import Testing
@testable import FrameplotModel

/// Files saved by Japanese Excel (cp932), Excel's "Unicode text" (UTF-16) and friends.
@Suite("CSV encodings")
struct CSVEncodingTests {
    /// `身長,体重,ﾊﾝｶｸ,①,髙,纊,ⅰ,～` and one data row, as Python's cp932 codec writes them:
    /// JIS X 0208 kanji, half-width katakana, NEC row 13 (①), NEC-selected IBM extensions
    /// (髙 0xEEE0, 纊 0xED40, ⅰ 0xEEEF) and the full-width tilde (0x8160).
    static let cp932Header: [UInt8] = [
        144, 103, 146, 183, 44, 145, 204, 143, 100, 44, 202, 221, 182, 184, 44, 135, 64, 44,
        238, 224, 44, 237, 64, 44, 238, 239, 44, 129, 96, 10,
    ]
    static let names = ["身長", "体重", "ﾊﾝｶｸ", "①", "髙", "纊", "ⅰ", "～"]

    static func cp932File(rows: String = "170,60,1,2,3,4,5,6\n172,65,1,2,3,4,5,6\n") -> [UInt8] {
        cp932Header + Array(rows.utf8)
    }

    @Test func japaneseExcelIsDetectedAsCP932() throws {
        let fixture = try CSVFixture()
        defer { fixture.remove() }
        let path = try fixture.write("excel.csv", bytes: Self.cp932File())
        let table = try CSVTable(contentsOf: path)
        #expect(table.encoding == .cp932)
        #expect(table.columnNames == Self.names)
        #expect(try table.numbers(columns: ["身長", "体重"]).columns == [[170, 172], [60, 65]])
        // Small chunks cut double-byte characters in two: nothing changes.
        for size in 1...5 {
            let small = try CSVTable(contentsOf: path, options: CSVReadOptions(chunkSize: size))
            #expect(small.columnNames == Self.names, "chunk size \(size)")
        }
        let forced = try CSVTable(contentsOf: path, options: CSVReadOptions(encoding: .cp932))
        #expect(forced.columnNames == Self.names)
    }

    @Test func strictShiftJISRefusesNECCharactersWithLineAndColumn() throws {
        let fixture = try CSVFixture()
        defer { fixture.remove() }
        let path = try fixture.write("excel.csv", bytes: Self.cp932File())
        let error = #expect(throws: CSVError.self) {
            try CSVTable(contentsOf: path, options: CSVReadOptions(encoding: .shiftJIS))
        }
        // 身長,体重,ﾊﾝｶｸ, is 11 characters: ① is the 12th.
        #expect(error == .notDecodable(file: path, line: 1, column: 12, encoding: "Shift_JIS", bytes: [0x87, 0x40]))
    }

    @Test func errorsInCP932FilesNameLineAndColumn() throws {
        let fixture = try CSVFixture()
        defer { fixture.remove() }
        let path = try fixture.write("bad.csv", bytes: Self.cp932File(rows: "170,60,1,2,3,4,5,6\n172,abc,1,2,3,4,5,6\n"))
        let table = try CSVTable(contentsOf: path)
        #expect(throws: CSVError.notANumber(file: path, line: 3, column: 2, text: "abc", columnName: "体重")) {
            try table.numbers(columns: ["身長", "体重"])
        }
        // A broken double-byte sequence on line 3 (lead byte, then a line feed).
        var broken = Self.cp932Header + Array("170,60,1,2,3,4,5,6\n1,".utf8)
        broken += [0x90, 0x0A]
        let cut = try fixture.write("cut.csv", bytes: broken)
        let failure = #expect(throws: CSVError.self) { try CSVTable(contentsOf: cut, options: CSVReadOptions(encoding: .cp932)) }
        #expect(failure == .notDecodable(file: cut, line: 3, column: 3, encoding: "Shift_JIS (cp932)", bytes: [0x90, 0x0A]))
    }

    @Test func utf16WithAndWithoutByteOrderMark() throws {
        let fixture = try CSVFixture()
        defer { fixture.remove() }
        let text = "名前\tx\r\nあ\t1.5\r\nい\t2\r\n"
        var little: [UInt8] = [0xFF, 0xFE]
        var big: [UInt8] = [0xFE, 0xFF]
        var bare: [UInt8] = []
        for unit in text.utf16 {
            little += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            big += [UInt8(unit >> 8), UInt8(unit & 0xFF)]
            bare += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        for (name, bytes, encoding) in [("le.csv", little, CSVEncoding.utf16LE), ("be.csv", big, .utf16BE), ("bare.csv", bare, .utf16LE)] {
            let path = try fixture.write(name, bytes: bytes)
            for size in [1, 3, 1 << 20] {
                let table = try CSVTable(contentsOf: path, options: CSVReadOptions(chunkSize: size))
                #expect(table.encoding == encoding, "\(name)")
                #expect(table.columnNames == ["名前", "x"], "\(name)")
                #expect(try table.texts(column: "名前") == ["あ", "い"], "\(name)")
                #expect(try table.numbers(columns: ["x"]).columns[0] == [1.5, 2], "\(name)")
            }
        }
        // Forcing UTF-16 reads the byte-order mark for the byte order.
        let path = try fixture.write("forced.csv", bytes: big)
        #expect(try CSVTable(contentsOf: path, options: CSVReadOptions(encoding: .utf16)).columnNames == ["名前", "x"])
        // A lone surrogate is an error with its position.
        let lone = try fixture.write("lone.csv", bytes: [0xFF, 0xFE, 0x61, 0, 0x0A, 0, 0x00, 0xD8, 0x0A, 0])
        #expect(throws: CSVError.self) { try CSVTable(contentsOf: lone) }
    }

    @Test func utf8ByteOrderMarkIsSkippedAndNamesParse() throws {
        #expect(CSVEncoding(name: "UTF8") == .utf8)
        #expect(CSVEncoding(name: "Shift-JIS") == .shiftJIS)
        #expect(CSVEncoding(name: "shift_jis") == .shiftJIS)
        #expect(CSVEncoding(name: "Windows-31J") == .cp932)
        #expect(CSVEncoding(name: "latin1") == nil)
        let fixture = try CSVFixture()
        defer { fixture.remove() }
        let path = try fixture.write("bom.csv", bytes: [0xEF, 0xBB, 0xBF] + Array("身長,体重\n170,60\n".utf8))
        let table = try CSVTable(contentsOf: path, options: CSVReadOptions(encoding: .utf8))
        #expect(table.columnNames == ["身長", "体重"])
        #expect(table.encoding == .utf8)
    }

    @Test func jsonLinesInUTF16() throws {
        let fixture = try CSVFixture()
        defer { fixture.remove() }
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "{\"step\": 1, \"損失\": 0.5}\n{\"step\": 2, \"損失\": 0.25}\n".utf16 {
            bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        let path = try fixture.write("log.jsonl", bytes: bytes)
        let table = try CSVTable.readLog(at: path)
        #expect(table.columnNames == ["step", "損失"])
        #expect(try table.numbers(columns: ["損失"]).columns[0] == [0.5, 0.25])
    }
}
