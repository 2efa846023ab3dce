import Foundation
import Testing

/// Bad input: one line on stderr saying what and where, the documented exit status, and no
/// output file (an existing one untouched).
@Suite("frameplot bad input")
struct CLIErrorTests {
    @Test func missingFile() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        let result = try box.run("scatter", "nope.csv", "--x", "a", "--y", "b", "-o", "out.png")
        expectFailure(result, status: 1, ["nope.csv", "no such file"])
        #expect(!box.exists("out.png"))
    }

    @Test func emptyFileAndHeaderOnly() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        try box.write("empty.csv", "")
        try box.write("header.csv", "x,y\n")
        expectFailure(try box.run("scatter", "empty.csv", "--x", "x", "--y", "y", "-o", "out.png"), status: 1, ["empty.csv", "empty"])
        expectFailure(try box.run("line", "header.csv", "--x", "x", "--y", "y", "-o", "out.png"), status: 1, ["header.csv", "only a header", "no data rows"])
        #expect(!box.exists("out.png"))
    }

    @Test func raggedRow() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        try box.write("ragged.csv", "x,y,z\n1,2,3\n4,5\n")
        let result = try box.run("scatter", "ragged.csv", "--x", "x", "--y", "y", "-o", "out.png")
        expectFailure(result, status: 1, ["ragged.csv:3:", "ragged row", "2 fields", "header has 3"])
        #expect(!box.exists("out.png"))
    }

    @Test func textInNumberColumn() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        try box.write("data.csv", "id,height\n1,170\n2,abc\n")
        let result = try box.run("scatter", "data.csv", "--x", "id", "--y", "height", "-o", "out.png")
        expectFailure(result, status: 1, ["data.csv:3:2: \"abc\" is not a number in column \"height\""])
        #expect(!box.exists("out.png"))
    }

    @Test func nanAndInfinityAreRefused() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        try box.write("nan.csv", "x,y\n1,2\n2,nan\n")
        try box.write("inf.csv", "x,y\n1,2\n2,3\n3,-inf\n")
        expectFailure(try box.run("scatter", "nan.csv", "--x", "x", "--y", "y", "-o", "out.png"),
                      status: 1, ["nan.csv:3:2", "not a finite number", "--drop-invalid"])
        expectFailure(try box.run("line", "inf.csv", "--x", "x", "--y", "y", "-o", "out.png"),
                      status: 1, ["inf.csv:4:2", "-inf"])
        #expect(!box.exists("out.png"))
    }

    @Test func unknownColumnSuggestsNearest() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        try box.write("h.csv", "height,weight\n170,60\n")
        let result = try box.run("scatter", "h.csv", "--x", "heigth", "--y", "weight", "-o", "out.png")
        expectFailure(result, status: 1, ["no column \"heigth\"", "did you mean \"height\""])
        let index = try box.run("scatter", "h.csv", "--x", "3", "--y", "weight", "-o", "out.png")
        expectFailure(index, status: 1, ["column 3 does not exist", "2 columns"])
        #expect(!box.exists("out.png"))
    }

    @Test func tooFewPointsForAFit() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        try box.write("one.csv", "x,y\n1,2\n")
        try box.write("three.csv", "x,y\n1,2\n2,3\n3,5\n")
        expectFailure(try box.run("scatter", "one.csv", "--x", "x", "--y", "y", "--fit", "line", "-o", "out.png"),
                      status: 1, ["one.csv", "needs at least 2 points", "has 1"])
        expectFailure(try box.run("scatter", "three.csv", "--x", "x", "--y", "y", "--fit", "poly:3", "-o", "out.png"),
                      status: 1, ["needs at least 4 points"])
        expectFailure(try box.run("scatter", "three.csv", "--x", "x", "--y", "y", "--fit", "cubic", "-o", "out.png"),
                      status: 2, ["--fit cubic", "line or poly:N"])
        #expect(!box.exists("out.png"))
    }

    @Test func oneClassForAClassifier() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        try box.write("c.csv", "a,b,label\n1,2,cat\n2,3,cat\n3,1,cat\n")
        let result = try box.run("regions", "c.csv", "--x", "a", "--y", "b", "--label", "label", "--model", "logistic", "-o", "out.png")
        expectFailure(result, status: 1, ["only one class", "\"cat\"", "at least 2"])
        try box.write("three.csv", "a,b,label\n1,2,x\n2,3,y\n3,1,z\n")
        let logistic = try box.run("regions", "three.csv", "--x", "a", "--y", "b", "--label", "label", "-o", "out.png")
        expectFailure(logistic, status: 1, ["3 classes", "softmax"])
        #expect(!box.exists("out.png"))
    }

    @Test func missingOrUnwritableOutputFolder() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        try box.write("d.csv", "x,y\n1,2\n2,3\n")
        expectFailure(try box.run("scatter", "d.csv", "--x", "x", "--y", "y", "-o", "missing/out.png"),
                      status: 1, ["missing/out.png", "folder \"missing\" does not exist"])
        // Root ignores permission bits; /proc/self is read-only even for root.
        let locked: String
        if geteuid() == 0 {
            locked = "/proc/self"
        } else {
            locked = box.path("locked")
            try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: false,
                                                    attributes: [.posixPermissions: 0o555])
        }
        expectFailure(try box.run("scatter", "d.csv", "--x", "x", "--y", "y", "-o", locked + "/out.png"),
                      status: 1, ["cannot write into the folder"])
        #expect(!FileManager.default.fileExists(atPath: locked + "/out.png"))
    }

    @Test func unknownExtension() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        try box.write("d.csv", "x,y\n1,2\n2,3\n")
        expectFailure(try box.run("scatter", "d.csv", "--x", "x", "--y", "y", "-o", "out.bmp"),
                      status: 2, ["-o out.bmp", "unknown extension \".bmp\"", ".png, .pdf or .svg"])
        expectFailure(try box.run("line", "d.csv", "--x", "x", "--y", "y", "-o", "out"),
                      status: 2, ["no file extension"])
        expectFailure(try box.run("animate", "gd-locus", "-o", "movie.avi"),
                      status: 2, ["unknown extension \".avi\"", ".mp4, .gif or .pdf"])
        #expect(!box.exists("out.bmp") && !box.exists("out") && !box.exists("movie.avi"))
    }

    @Test func impossibleSizes() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        try box.write("d.csv", "x,y\n1,2\n2,3\n")
        let cases: [(String, String)] = [
            ("0x600", "--size 0x600: width must be at least 16"),
            ("800x8", "--size 800x8: height must be at least 16"),
            ("100000x600", "width must be at most 8192"),
            ("big", "--size big: expected WIDTHxHEIGHT"),
            ("-5x10", "width must be at least 16"),
        ]
        for (size, message) in cases {
            let result = try box.run("scatter", "d.csv", "--x", "x", "--y", "y", "-o", "out.png", "--size", size)
            expectFailure(result, status: 2, [message])
        }
        expectFailure(try box.run("scatter", "d.csv", "--x", "x", "--y", "y", "-o", "out.png", "--scale", "0"),
                      status: 2, ["--scale 0"])
        expectFailure(try box.run("scatter", "d.csv", "--x", "x", "--y", "y", "-o", "out.png", "--xlim", "5,1"),
                      status: 2, ["--xlim 5,1", "smaller"])
        expectFailure(try box.run("scatter", "d.csv", "--x", "x", "--y", "y", "-o", "out.png", "--theme", "neon"),
                      status: 2, ["--theme neon", "default, slides, dark"])
        #expect(!box.exists("out.png"))
    }

    @Test func notUTF8() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        var bytes = Array("x,name\n1,ok\n2,caf".utf8)
        bytes.append(0xE9)
        bytes += Array("\n".utf8)
        try box.write("latin1.csv", bytes: bytes)
        let result = try box.run("scatter", "latin1.csv", "--x", "x", "--y", "x", "-o", "out.png")
        expectFailure(result, status: 1, ["latin1.csv:3:", "not UTF-8", "byte offset 17"])
        #expect(!box.exists("out.png"))
    }

    @Test func usageErrorsAreOneLineWithStatus2() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        expectFailure(try box.run("scatter"), status: 2, ["Missing expected argument", "frameplot scatter --help"])
        expectFailure(try box.run("scatter", "d.csv", "--x", "a", "--y", "b", "-o", "o.png", "--bogus"), status: 2, ["--bogus"])
        expectFailure(try box.run("nonsense"), status: 2, ["nonsense"])
        expectFailure(try box.run("regions", "d.csv", "--x", "a", "--y", "b", "--label", "c", "--model", "forest", "-o", "o.png"),
                      status: 2, ["--model forest"])
        expectFailure(try box.run("regions", "d.csv", "--x", "a", "--y", "b", "--label", "c", "--lr", "-1", "-o", "o.png"),
                      status: 2, ["--lr"])
        expectFailure(try box.run("curve", "d.csv", "--smooth", "1.5", "-o", "o.png"), status: 2, ["--smooth 1.5", "below 1"])
        expectFailure(try box.run("curve", "d.csv", "--smooth", "10", "-o", "o.png"), status: 2, ["--smooth 10", "--smooth-window 10"])
    }

    @Test func existingOutputIsUntouchedWhenTheRenderFails() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        try box.write("out.png", "precious")
        try box.write("bad.csv", "x,y\n1,2\n2,oops\n")
        let result = try box.run("scatter", "bad.csv", "--x", "x", "--y", "y", "-o", "out.png")
        expectFailure(result, status: 1, ["oops"])
        #expect(box.bytes("out.png") == Array("precious".utf8))
        #expect(box.entries() == ["bad.csv", "out.png"])
    }

    @Test func helpHasAWorkedExampleOnEveryCommand() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        for command in ["demo", "scatter", "line", "curve", "regions", "animate", "render"] {
            let result = try box.run(command, "--help")
            #expect(result.status == 0, "\(command) --help")
            #expect(result.stdout.contains("frameplot \(command)"), "\(command) --help has an example")
            #expect(result.stdout.contains("Example"), "\(command) --help has an example")
        }
    }
}
