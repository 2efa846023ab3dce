import Foundation
import Testing

/// `animate … -o anim.pdf` (Beamer) and `-o frames --format svg`, run as a user would.
@Suite("frameplot animate: PDF pages and SVG frames")
struct CLIVectorOutputTests {
    /// Page objects of a PDF that cairo wrote (its dictionaries are plain text).
    func pageCount(_ bytes: [UInt8]) -> Int {
        let text = String(decoding: bytes, as: UTF8.self)
        return (try? NSRegularExpression(pattern: #"/Type /Page\b(?!s)"#))?.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text)) ?? 0
    }

    @Test func gdLocusAsAPDFHas101PagesAndPrintsTheBeamerLine() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        let result = try box.run("animate", "gd-locus", "-o", "a.pdf")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(pageCount(box.bytes("a.pdf")) == 101)
        #expect(String(decoding: box.bytes("a.pdf"), as: UTF8.self).contains("/MediaBox [ 0 0 800 400 ]"))
        #expect(result.stdout.contains(#"\animategraphics[controls,loop]{20}{a}{0}{100}"#), "\(result.stdout)")
        #expect(box.entries() == ["a.pdf"])

        // The page size follows --size, the frame rate --fps; --quiet prints nothing.
        let sized = try box.run("animate", "gd-locus", "--size", "640x480", "--fps", "10", "-o", "b.pdf")
        #expect(sized.status == 0, "\(sized.stderr)")
        #expect(String(decoding: box.bytes("b.pdf"), as: UTF8.self).contains("/MediaBox [ 0 0 640 480 ]"))
        #expect(sized.stdout.contains(#"{10}{b}{0}{100}"#))
        let quiet = try box.run("animate", "gd-locus", "--quiet", "-o", "c.pdf")
        #expect(quiet.status == 0 && quiet.stdout.isEmpty && quiet.stderr.isEmpty)
        // Same bytes every time.
        #expect(box.bytes("c.pdf") == box.bytes("a.pdf"))
    }

    @Test func svgFramesGoIntoAFolder() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        let result = try box.run("animate", "gd-locus", "--quiet", "-o", "frames", "--format", "svg")
        #expect(result.status == 0, "\(result.stderr)")
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: box.path("frames"))) ?? []).sorted()
        #expect(files.count == 102 && files.first == "frame_00000.svg" && files.last == "manifest.json")
        #expect(String(decoding: box.bytes("frames/frame_00100.svg"), as: UTF8.self).contains("<svg"))
        // PNG frames into the same folder replace the SVG frames: the folder holds one render.
        let png = try box.run("animate", "gd-locus", "--quiet", "-o", "frames")
        #expect(png.status == 0, "\(png.stderr)")
        let after = ((try? FileManager.default.contentsOfDirectory(atPath: box.path("frames"))) ?? [])
        #expect(after.count == 102 && !after.contains { $0.hasSuffix(".svg") })
    }

    @Test func optionsVectorOutputCannotUseAreUsageErrors() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        let cases: [([String], String)] = [
            (["-o", "a.pdf", "--scale", "2"], "--scale 2"),
            (["-o", "f", "--format", "svg", "--scale", "2"], "--scale 2"),
            (["-o", "a.mp4", "--format", "svg"], "--format svg"),
            (["-o", "a.pdf", "--format", "png"], "--format png"),
            (["-o", "f", "--format", "jpg"], "--format jpg"),
            (["-o", "f", "--format", "svg", "--frames", "0..3"], "--frames"),
            (["-o", "a.pdf", "--frames", "0..3"], "--frames"),
        ]
        for (arguments, named) in cases {
            let result = try box.run(["animate", "gd-locus"] + arguments)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.errorLines.count == 1 && result.stderr.contains(named), "\(arguments): \(result.stderr)")
        }
        #expect(box.entries().isEmpty)
    }
}
