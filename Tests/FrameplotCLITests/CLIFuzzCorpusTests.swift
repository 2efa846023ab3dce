import Foundation
import Testing

/// A corpus of nasty data files: whatever the bytes, `frameplot` never crashes, and a
/// failure is one short stderr line, exit status 1 or 2, and no output file.
@Suite("frameplot fuzz corpus")
struct CLIFuzzCorpusTests {
    /// About fifty files that broke, or could break, a CSV or JSON-lines reader.
    static func corpus() -> [(String, [UInt8])] {
        func text(_ string: String) -> [UInt8] { Array(string.utf8) }
        func utf16(_ string: String, bigEndian: Bool, bom: Bool) -> [UInt8] {
            var bytes: [UInt8] = bom ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
            for unit in string.utf16 {
                bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            }
            return bytes
        }
        let mega = String(repeating: "7", count: 1 << 20)
        let wideHeader = (1...2000).map { "c\($0)" }.joined(separator: ",")
        let wideRow = (1...2000).map { String($0) }.joined(separator: ",")
        // Fixed pseudo-random bytes (a linear congruential generator: same file every run).
        var state: UInt32 = 2024
        let garbage = (0..<4096).map { _ -> UInt8 in
            state = state &* 1_664_525 &+ 1_013_904_223
            return UInt8(state >> 24)
        }
        let cp932: [UInt8] = [144, 103, 146, 183, 44, 145, 204, 143, 100, 10] + text("170,60\n165,55\n")
        return [
            ("empty.csv", []),
            ("bom-only.csv", [0xEF, 0xBB, 0xBF]),
            ("newlines.csv", text("\n\n\r\n\r")),
            ("header-only.csv", text("x,y\n")),
            ("header-bom-crlf.csv", [0xEF, 0xBB, 0xBF] + text("x,y\r\n")),
            ("one-row.csv", text("x,y\n1,2\n")),
            ("all-equal.csv", text("x,y\n3,3\n3,3\n3,3\n")),
            ("nul-bytes.csv", text("x,y\n1,2\n") + [0, 0, 0x2C, 0] + text("\n3,4\n")),
            ("nul-in-number.csv", text("x,y\n1") + [0] + text("9,2\n")),
            ("lone-quote-start.csv", text("\"x,y\n1,2\n")),
            ("lone-quote-middle.csv", text("x,y\n1,\"2\n3,4\n")),
            ("quote-after-value.csv", text("x,y\n1,2\"3\n4,5\n")),
            ("mega-line.csv", text(mega)),
            ("mega-cell.csv", text("x,y\n1,\(mega)x\n")),
            ("mixed-line-ends.csv", text("x,y\r\n1,2\n3,4\r5,6\r\n")),
            ("huge-exponent.csv", text("x,y\n1,2\n2,1e999999999\n")),
            ("minus-1e308.csv", text("x,y\n-1e308,1\n1e308,2\n")),
            ("hex.csv", text("x,y\n0x10,1\n2,3\n")),
            ("inf.csv", text("x,y\n1,inf\n2,3\n")),
            ("nan.csv", text("x,y\n1,nan\n2,NaN\n")),
            ("cp932.csv", cp932),
            ("utf16le.csv", utf16("x,y\n1,2\n3,4\n", bigEndian: false, bom: true)),
            ("utf16be.csv", utf16("x,y\n1,2\n3,4\n", bigEndian: true, bom: true)),
            ("utf16-no-bom.csv", utf16("x,y\n1,2\n3,4\n", bigEndian: false, bom: false)),
            ("utf16-odd-length.csv", utf16("x,y\n1,2\n", bigEndian: false, bom: true) + [0x41]),
            ("invalid-utf8.csv", text("x,y\n1,2\n3,") + [0xFF] + text("\n")),
            ("overlong-utf8.csv", text("x,y\n1,") + [0xC0, 0xAF] + text("\n")),
            ("double-bom.csv", [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF] + text("x,y\n1,2\n")),
            ("2000-columns.csv", text(wideHeader + "\n" + wideRow + "\n" + wideRow + "\n")),
            ("2000-columns-header-only.csv", text(wideHeader + "\n")),
            ("ragged-short.csv", text("x,y,z\n1,2,3\n4\n")),
            ("ragged-long.csv", text("x,y\n1,2\n3,4,5,6\n")),
            ("decimal-comma.csv", text("x;y\n1,5;2,5\n3,5;4,5\n")),
            ("tabs.csv", text("x\ty\n1\t2\n3\t4\n")),
            ("only-separators.csv", text(",,,\n,,,\n,,,\n")),
            ("escape-sequences.csv", text("\u{1B}[2J,\u{1B}]0;title\u{7}\n1,\u{1B}[31m\n")),
            ("bidi.csv", text("\u{202E}x,y\u{200B}\n1,\u{202E}2\n")),
            ("empty-objects.jsonl", text("{}\n{}\n")),
            ("array.jsonl", text("[1, 2]\n")),
            ("unterminated.jsonl", text("{\"step\": 1, \"loss\": \"abc\n")),
            ("deep.jsonl", text("{\"a\": " + String(repeating: "[", count: 10_000) + "\n")),
            ("json-nan.jsonl", text("{\"step\": 1, \"loss\": NaN}\n{\"step\": 2, \"loss\": 0.5}\n")),
            ("json-duplicate.jsonl", text("{\"loss\": 1, \"loss\": 2}\n")),
            ("json-mega-string.jsonl", text("{\"step\": 1, \"loss\": \"\(mega)\"}\n")),
            ("json-garbage-after.jsonl", text("{\"step\": 1, \"loss\": 2} trailing\n")),
            ("spaces-in-number.csv", text("x,y\n1 2,3\n")),
            ("long-header-names.csv", text("\(mega)a,\(mega)b\n1,2\n")),
            ("binary.csv", garbage),
            ("cr-only.csv", text("x,y\r1,2\r3,4\r")),
            ("thousand-digits.csv", text("x,y\n1,\(String(repeating: "1", count: 1000))\n")),
            ("subnormal.csv", text("x,y\n0,1\n5e-324,2\n1e-320,3\n")),
            ("empty-names.csv", text(",\n1,2\n3,4\n")),
            ("quoted-newlines.csv", text("\"x\ny\",\"a\"\"b\"\n\"1\n\",\"2\"\n")),
        ]
    }

    @Test func nastyFilesNeverCrashTheReaders() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        let files = Self.corpus()
        #expect(files.count >= 50)
        for (name, bytes) in files {
            try box.write(name, bytes: bytes)
            let runs: [[String]] = [
                ["scatter", name, "--x", "1", "--y", "2", "--size", "120x90", "-o", "out.png"],
                ["curve", name, "--size", "120x90", "-o", "out.png"],
            ]
            for arguments in runs {
                let result = try box.run(arguments)
                let what = "\(arguments[0]) \(name)"
                #expect([0, 1, 2].contains(result.status), "\(what): status \(result.status) (a crash?) \(result.stderr.prefix(300))")
                if result.status == 0 {
                    #expect(result.stderr.isEmpty, "\(what): \(result.stderr.prefix(300))")
                    #expect(box.exists("out.png"), "\(what): exit 0 without a picture")
                } else {
                    #expect(result.errorLines.count == 1, "\(what): \(result.stderr.prefix(600))")
                    #expect(result.stderr.unicodeScalars.count <= 320, "\(what): \(result.stderr.count) characters")
                    #expect(!result.stderr.unicodeScalars.dropLast().contains { $0.value < 0x20 || $0.value == 0x7F },
                            "\(what): control bytes in \(result.stderr.prefix(300))")
                    #expect(!box.exists("out.png"), "\(what): failed but wrote a picture")
                }
                try? FileManager.default.removeItem(atPath: box.path("out.png"))
            }
        }
    }
}
