import Foundation
import Testing
@testable import frameplot

/// Values a plot cannot use: refused with file, line and column, or dropped only when asked.
@Suite("CLI: data the plot cannot use")
struct CLIDataPolicyTests {
    @Test func regionsOnALogAxisRefuseNonPositiveValues() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        try box.write("r.csv", "x,y,c\n1,2,a\n-1,3,b\n2,1,a\n3,4,b\n0.5,2,a\n")
        expectFailure(try box.run("regions", "r.csv", "--x", "x", "--y", "y", "--label", "c", "--log-x", "-o", "o.png"), status: 1,
                      ["r.csv:3", "column \"x\"", "logarithmic x axis"])
        expectFailure(try box.run("regions", "r.csv", "--x", "y", "--y", "x", "--label", "c", "--log-y", "-o", "o.png"), status: 1,
                      ["r.csv:3", "logarithmic y axis"])
        #expect(!box.exists("o.png"))
        try box.write("p.csv", "x,y,c\n1,2,a\n10,3,b\n2,1,a\n30,4,b\n0.5,2,a\n")
        expectSuccess(try box.run("regions", "p.csv", "--x", "x", "--y", "y", "--label", "c", "--log-x", "--steps", "50", "--size", "200x150", "-o", "o.png"))
    }

    @Test func emptyCellsAreDroppedOnlyWhenAskedAndTheErrorSaysHow() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        try box.write("e.csv", "x,y\n1,2\n2,\n3,4\n")
        expectFailure(try box.run("scatter", "e.csv", "--x", "x", "--y", "y", "-o", "o.png"), status: 1,
                      ["e.csv:3:2", "empty cell in column \"y\"", "--drop-invalid"])
        expectSuccess(try box.run("scatter", "e.csv", "--x", "x", "--y", "y", "--drop-invalid", "--size", "200x150", "-o", "o.png"), ["2 points"])
    }

    @Test func classLabelsThatAreNotLabelsAreRefusedOrDropped() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        try box.write("nan.csv", "x,y,c\n1,2,1\n2,3,1.0\n3,1,0\n4,4,nan\n5,5,0.0\n")
        expectFailure(try box.run("scatter", "nan.csv", "--x", "x", "--y", "y", "--by", "c", "-o", "o.png"), status: 1,
                      ["nan.csv:5:3", "\"nan\"", "column \"c\"", "--drop-invalid"])
        try box.write("empty.csv", "x,y,c\n1,2,a\n2,3,\n3,1,b\n4,4,b\n")
        expectFailure(try box.run("regions", "empty.csv", "--x", "x", "--y", "y", "--label", "c", "-o", "o.png"), status: 1,
                      ["empty.csv:3:3", "empty cell in column \"c\"", "--drop-invalid"])
        #expect(!box.exists("o.png"))
        // Dropped with --drop-invalid; "1" and "1.0" are one class.
        expectSuccess(try box.run("scatter", "nan.csv", "--x", "x", "--y", "y", "--by", "c", "--drop-invalid", "--size", "200x150", "-o", "o.png"), ["4 points"])
        let table = try DataLoading.table(box.path("nan.csv"), options: try PlotOptions.parse(["-o", "o.png"]).checked(), columns: ["x", "y", "c"])
        let data = try DataLoading.numbers(table, columns: ["x", "y"], dropInvalid: true, labels: "c")
        #expect(data.rows == [0, 1, 2, 4])
        let classes = try DataLoading.classes(table, column: "c", rows: data.rows, option: "--by")
        #expect(classes.names == ["0", "1"] && classes.indexes == [1, 1, 0, 0])
        expectSuccess(try box.run("regions", "empty.csv", "--x", "x", "--y", "y", "--label", "c", "--drop-invalid", "--steps", "20", "--size", "200x150", "-o", "r.png"), ["2 classes, 3 points"])
    }

    @Test func limitsThatLeaveNoDataInViewAreAnErrorNamingTheOption() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        try box.write("d.csv", "x,y,c\n1,2,a\n2,3,b\n3,1,a\n4,4,b\n")
        expectFailure(try box.run("scatter", "d.csv", "--x", "x", "--y", "y", "--xlim", "100,200", "-o", "o.png"), status: 1,
                      ["--xlim 100,200", "no data is inside", "x runs from 1 to 4"])
        expectFailure(try box.run("line", "d.csv", "--x", "x", "--y", "y", "--ylim", "-9,0", "-o", "o.png"), status: 1,
                      ["--ylim -9,0", "y runs from 1 to 4"])
        expectFailure(try box.run("regions", "d.csv", "--x", "x", "--y", "y", "--label", "c", "--xlim=-5,0", "-o", "o.png"), status: 1,
                      ["--xlim -5,0"])
        #expect(!box.exists("o.png"))
        // A range between two points of a line still shows the line crossing it.
        expectSuccess(try box.run("line", "d.csv", "--x", "x", "--y", "y", "--xlim", "1.2,1.8", "--size", "200x150", "-o", "o.png"))
    }

    @Test func polynomialEquationsKeepEveryTermAndReadWell() throws {
        // A small leading coefficient on a wide x range is a real term (it adds 1 at x = 1000).
        let xs = (0...20).map { Double($0) * 50 }
        let cubic = try #require(PolynomialFit(xs: xs, ys: xs.map { 1e-9 * $0 * $0 * $0 + 1000 }, degree: 3))
        #expect(cubic.equation == "y = 10⁻⁹ x³ + 1000", "\(cubic.equation)")
        let small = try #require(PolynomialFit(xs: (0..<20).map { Double($0) * 0.5 },
                                               ys: (0..<20).map { let x = Double($0) * 0.5; return 2.5e-5 * x * x * x + 2 * x * x - 3 * x + 1 },
                                               degree: 3))
        #expect(small.equation == "y = 2.5×10⁻⁵ x³ + 2x² − 3x + 1", "\(small.equation)")
        #expect(PolynomialFit.coefficientText(150_000) == "1.5×10⁵")
        #expect(PolynomialFit.coefficientText(0.5) == "0.5")
    }

    /// Expects exit 0 and each of `words` in the summary on stdout.
    func expectSuccess(_ result: CLIResult, _ words: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == 0, "\(result.stderr)", sourceLocation: sourceLocation)
        for word in words { #expect(result.stdout.contains(word), "\(result.stdout)", sourceLocation: sourceLocation) }
    }
}
