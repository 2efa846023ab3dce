import Foundation
import Testing

/// `--rasterize` on the plotting commands.
@Suite("frameplot --rasterize")
struct CLIRasterizeTests {
    /// A CSV of `count` points on a noisy line.
    func cloud(_ sandbox: CLISandbox, count: Int) throws {
        var text = "x,y\n"
        var state: UInt64 = 3
        for i in 0..<count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            text += "\(i),\(Double(i) * 0.01 + Double(state >> 40) / 1e6)\n"
        }
        try sandbox.write("cloud.csv", text)
    }

    @Test func denseScatterBecomesAnImageUnlessNever() throws {
        let sandbox = try CLISandbox()
        defer { sandbox.remove() }
        try cloud(sandbox, count: 12_000)
        let auto = try sandbox.run("scatter", "cloud.csv", "--x", "x", "--y", "y", "-o", "auto.svg", "--quiet")
        #expect(auto.status == 0, "\(auto.stderr)")
        let never = try sandbox.run("scatter", "cloud.csv", "--x", "x", "--y", "y", "-o", "never.svg", "--rasterize", "never", "--quiet")
        #expect(never.status == 0, "\(never.stderr)")
        let autoText = String(decoding: sandbox.bytes("auto.svg"), as: UTF8.self)
        let neverText = String(decoding: sandbox.bytes("never.svg"), as: UTF8.self)
        #expect(autoText.contains("<image") && !neverText.contains("<image"))
        #expect(sandbox.bytes("auto.svg").count * 3 < sandbox.bytes("never.svg").count)
        let always = try sandbox.run("line", "cloud.csv", "--x", "x", "--y", "y", "-o", "always.pdf", "--rasterize", "always", "--quiet")
        #expect(always.status == 0, "\(always.stderr)")
        #expect(String(decoding: sandbox.bytes("always.pdf"), as: UTF8.self).contains("/Subtype /Image"))
    }

    @Test func badValuesAndPNGOutputAreUsageErrors() throws {
        let sandbox = try CLISandbox()
        defer { sandbox.remove() }
        try cloud(sandbox, count: 10)
        let bad = try sandbox.run("scatter", "cloud.csv", "--x", "x", "--y", "y", "-o", "a.pdf", "--rasterize", "sometimes")
        #expect(bad.status == 2 && bad.errorLines.count == 1 && bad.stderr.contains("--rasterize"))
        let png = try sandbox.run("scatter", "cloud.csv", "--x", "x", "--y", "y", "-o", "a.png", "--rasterize", "always")
        #expect(png.status == 2 && png.errorLines.count == 1 && png.stderr.contains("PDF and SVG"))
        #expect(!sandbox.exists("a.pdf") && !sandbox.exists("a.png"))
    }
}
