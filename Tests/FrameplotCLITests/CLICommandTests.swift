import Foundation
import Testing

/// Each command's happy path, run as a user would: the file appears with the right format and size.
@Suite("frameplot commands")
struct CLICommandTests {
    static let heights = """
    height,weight,sex
    166,58.7,f
    176,75.7,m
    171,62.1,f
    173,70.4,m
    169,60.1,f
    180,80.2,m

    """

    @Test func scatterWithClassesAndFitWritesPNG() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        try box.write("h.csv", Self.heights)
        let result = try box.run("scatter", "h.csv", "--x", "height", "--y", "weight", "--by", "sex", "--fit", "line",
                                 "--title", "身長と体重 $x_1$", "--size", "400x300", "-o", "scatter.png")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("wrote scatter.png"))
        #expect(result.stdout.contains("y = "))
        let size = try #require(OutputFormat.pngSize(box.bytes("scatter.png")))
        #expect(size.width == 400 && size.height == 300)
        #expect(box.entries() == ["h.csv", "scatter.png"])
    }

    @Test func scatterPDFSVGAndScale() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        try box.write("h.csv", Self.heights)
        for (name, check) in [("s.pdf", OutputFormat.isPDF), ("s.svg", OutputFormat.isSVG)] {
            let result = try box.run("scatter", "h.csv", "--x", "1", "--y", "2", "--fit", "poly:2", "--size", "320x240", "-o", name, "--quiet")
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.isEmpty)
            #expect(check(box.bytes(name)), "\(name) format")
        }
        let scaled = try box.run("scatter", "h.csv", "--x", "height", "--y", "weight", "--size", "200x150", "--scale", "2", "-o", "s2.png")
        #expect(scaled.status == 0, "\(scaled.stderr)")
        let size = try #require(OutputFormat.pngSize(box.bytes("s2.png")))
        #expect(size.width == 400 && size.height == 300)
    }

    @Test func commonDialectsAreHandled() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        // BOM, semicolons, quoted header and fields, decimal commas, CRLF.
        try box.write("excel.csv", "\u{FEFF}\"Höhe (cm)\";\"Gewicht; kg\";Name\r\n166;58,7;\"Anna \"\"A\"\"\"\r\n176;75,7;\"Ben\r\nB\"\r\n171;62,1;Cem\r\n")
        let result = try box.run("scatter", "excel.csv", "--x", "Höhe (cm)", "--y", "Gewicht; kg", "--size", "300x200", "-o", "e.png")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("3 points"))
        #expect(OutputFormat.pngSize(box.bytes("e.png")) != nil)
    }

    @Test func dropInvalidDropsNaNRows() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        try box.write("n.csv", "x,y\n1,2\n2,nan\n3,inf\n4,5\n")
        let result = try box.run("scatter", "n.csv", "--x", "x", "--y", "y", "--drop-invalid", "--size", "200x200", "-o", "n.png")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("2 points"))
    }

    @Test func lineWithSeveralColumns() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        try box.write("p.csv", "year,apples,oranges\n2020,100,80\n2021,110,\n2022,105,90\n")
        let result = try box.run("line", "p.csv", "--x", "year", "--y", "apples,oranges", "--size", "300x200", "-o", "p.svg")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(OutputFormat.isSVG(box.bytes("p.svg")))
        #expect(result.stdout.contains("2 lines"))
    }

    @Test func curveFromCSVLogWithGapsAndSmoothing() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        var text = "epoch,loss,val_loss\n"
        for step in 0..<40 { text += "\(step),\(1.0 / Double(step + 1)),\(step % 5 == 0 ? String(1.2 / Double(step + 1)) : "")\n" }
        try box.write("log.csv", text)
        let result = try box.run("curve", "log.csv", "--log-y", "--smooth-window", "5", "--size", "320x240", "-o", "curve.png")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("val_loss (8 points"))
        #expect(OutputFormat.pngSize(box.bytes("curve.png"))?.width == 320)
    }

    @Test func curveFromJSONLines() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        try box.write("log.jsonl", "{\"step\": 0, \"loss\": 0.9}\n{\"step\": 1, \"loss\": 0.5, \"val_loss\": 0.7}\n{\"step\": 2, \"loss\": 0.4}\n")
        let result = try box.run("curve", "log.jsonl", "--x", "step", "--y", "loss,val_loss", "--size", "320x240", "-o", "c.pdf")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(OutputFormat.isPDF(box.bytes("c.pdf")))
    }

    @Test func largeFileStreamsThroughScatter() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        var text = "x,y\n"
        text.reserveCapacity(2_000_000)
        for index in 0..<100_000 { text += "\(index % 1000),\((index * 7919) % 1000)\n" }
        try box.write("big.csv", text)
        let result = try box.run("scatter", "big.csv", "--x", "x", "--y", "y", "--size", "300x200", "-o", "big.png")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("100000 points"))
    }
}
