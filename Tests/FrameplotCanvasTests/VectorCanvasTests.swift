import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import FrameplotCanvas

@Suite struct VectorCanvasTests {
    func sample(_ format: VectorCanvas.Format) throws -> [UInt8] {
        let page = try VectorCanvas(format: format, width: CanvasSample.size.width, height: CanvasSample.size.height)
        CanvasSample.draw(on: page)
        page.drawText("a < b & c > d", at: Point(x: 10, y: 400), style: TextStyle(size: 10))
        page.drawText(TextMarkup.escape("<i>&</i>") + " <b>x</b>", at: Point(x: 100, y: 400),
                      style: TextStyle(size: 10, markup: true))
        let layer = try ImageCanvas(width: 20, height: 20)
        layer.clear(Color(hex: 0x2ca02c))
        page.composite(layer, at: Point(x: 600, y: 380))
        return try page.data()
    }

    @Test func pdfStartsWithHeaderAndIsReproducible() throws {
        let a = try sample(.pdf)
        #expect(String(decoding: a.prefix(5), as: UTF8.self) == "%PDF-")
        #expect(String(decoding: a.suffix(7), as: UTF8.self).contains("%%EOF"))
        #expect(a == (try sample(.pdf)))
        #expect(String(decoding: a, as: UTF8.self).contains("CreationDate (20000101000000"))
    }

    @Test func svgIsWellFormedAndReproducible() throws {
        let a = try sample(.svg)
        let parser = XMLParser(data: Data(a))
        #expect(parser.parse(), "SVG is not well-formed: \(String(describing: parser.parserError))")
        #expect(a == (try sample(.svg)))
        let text = String(decoding: a, as: UTF8.self)
        #expect(text.contains("<svg") && text.contains("viewBox=\"0 0 640 420\""))
        // Sized in pixels like the PNG of the same layout (pt would show it 4/3 as large).
        #expect(text.contains("width=\"640px\" height=\"420px\""))
    }

    @Test func svgIdsAreRenumberedConsistently() {
        let input = ##"<g id="surface7"><use xlink:href="#image12"/><image id="image12"/><g clip-path="url(#clip3)"/><use xlink:href="#glyph0-1"/></g>"##
        let output = String(decoding: SVGIdentifiers.renumber(Array(input.utf8)), as: UTF8.self)
        #expect(output == ##"<g id="surface1"><use xlink:href="#image1"/><image id="image1"/><g clip-path="url(#clip1)"/><use xlink:href="#glyph0-1"/></g>"##)
    }

    @Test func writeProducesTheSameBytesAsData() throws {
        let folder = try TemporaryFolder()
        let page = try VectorCanvas(format: .svg, width: 100, height: 50)
        page.fill(.circle(center: Point(x: 50, y: 25), radius: 20), color: .red)
        try page.write(to: folder.path + "/c.svg")
        let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder.path + "/c.svg")))
        #expect(written == (try page.data()))
        #expect(try folder.contents() == ["c.svg"])
    }

    @Test func drawingAfterFinishingIsReported() throws {
        let page = try VectorCanvas(format: .pdf, width: 100, height: 50)
        page.fill(.rect(Rect(x: 0, y: 0, width: 10, height: 10)), color: .black)
        _ = try page.data()
        page.fill(.rect(Rect(x: 20, y: 0, width: 10, height: 10)), color: .black)
        #expect(throws: CanvasError.documentFinished) { try page.data() }
    }

    @Test func measuresLikeTheImageCanvas() throws {
        let page = try VectorCanvas(format: .pdf, width: 100, height: 50)
        let image = try ImageCanvas(width: 100, height: 50, scale: 2)
        let style = TextStyle(size: 12, markup: true)
        #expect(page.measureText("<i>w</i><sub>0</sub> 損失", style: style) == image.measureText("<i>w</i><sub>0</sub> 損失", style: style))
    }
}
