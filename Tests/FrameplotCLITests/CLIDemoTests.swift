import Foundation
import Testing

/// `frameplot demo`, limited to the quick parts.
@Suite("frameplot demo")
struct CLIDemoTests {
    @Test func galleryPartWritesPNGPDFAndSVG() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        let result = try box.run("demo", "--out", "out", "--only", "gallery", "--quiet")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("demo: wrote"))
        #expect(OutputFormat.pngSize(box.bytes("out/commands/height-weight.png"))?.width == 640)
        #expect(OutputFormat.isPDF(box.bytes("out/commands/learning-curve.pdf")))
        #expect(OutputFormat.isSVG(box.bytes("out/commands/decision-regions.svg")))
        let gallery = (try? FileManager.default.contentsOfDirectory(atPath: box.path("out/gallery"))) ?? []
        #expect(gallery.filter { $0.hasSuffix(".png") }.count >= 3)
    }

    @Test func unknownPartIsAUsageError() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        expectFailure(try box.run("demo", "--out", "out", "--only", "nonsense"), status: 2, ["--only nonsense", "gallery"])
        #expect(!box.exists("out"))
    }
}
