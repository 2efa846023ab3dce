import Foundation
import Testing
@testable import FrameplotCanvas

@Suite struct PNGOutputTests {
    func sampleCanvas(scale: Double = 1) throws -> ImageCanvas {
        let canvas = try ImageCanvas(width: CanvasSample.size.width, height: CanvasSample.size.height, scale: scale)
        CanvasSample.draw(on: canvas)
        return canvas
    }

    @Test(arguments: [PNGOptions.fast, .small, PNGOptions(compressionLevel: 9, filter: .paeth)])
    func pngDecodesWithExpectedSizeAndPixels(options: PNGOptions) throws {
        let canvas = try sampleCanvas()
        let bytes = try canvas.pngData(options: options)
        #expect(Array(bytes.prefix(8)) == [137, 80, 78, 71, 13, 10, 26, 10])
        let image = try PNGReader.decode(bytes)
        #expect(image.width == 640 && image.height == 420)
        for (x, y) in [(5, 5), (320, 30), (500, 150), (200, 200)] {
            #expect(image[x, y] == canvas.pixel(x: x, y: y))
        }
        #expect(image.maximumDifference(from: canvas.snapshot()) == 0)
    }

    @Test func opaqueImagesAreWrittenAsRGBAndTransparentAsRGBA() throws {
        let opaque = try ImageCanvas(width: 8, height: 8)
        opaque.clear(.white)
        #expect(try opaque.pngData()[25] == 2)          // IHDR colour type: RGB
        let clear = try ImageCanvas(width: 8, height: 8)
        clear.fill(.rect(Rect(x: 0, y: 0, width: 4, height: 8)), color: Color(red: 1, green: 0, blue: 0, alpha: 0.5))
        let bytes = try clear.pngData()
        #expect(bytes[25] == 6)                         // RGBA
        let image = try PNGReader.decode(bytes)
        #expect(image[1, 1].r == 255 && abs(Int(image[1, 1].a) - 128) <= 1)
        #expect(image[6, 1] == RGBA8(r: 0, g: 0, b: 0, a: 0))
        #expect(image.maximumDifference(from: clear.snapshot()) == 0)
        #expect(image.maximumDifference(from: RasterImage(width: 2, height: 2)) == nil)
    }

    @Test func sameDrawingGivesIdenticalBytes() throws {
        let a = try sampleCanvas(scale: 2).pngData(options: .fast)
        let b = try sampleCanvas(scale: 2).pngData(options: .fast)
        #expect(a == b)
    }

    @Test func fastIsLargerThanSmall() throws {
        let canvas = try sampleCanvas()
        #expect(try canvas.pngData(options: .fast).count > canvas.pngData(options: .small).count)
    }

    @Test func writePNGWritesADecodableFile() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/figure.png"
        let canvas = try sampleCanvas(scale: 2)
        try canvas.writePNG(to: path)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let image = try PNGReader.decode(bytes)
        #expect(image.width == 1280 && image.height == 840)
        #expect(try folder.contents() == ["figure.png"])
    }

    @Test func garbageIsRejectedWithATypedError() {
        #expect(throws: CanvasError.self) { try PNGReader.decode([1, 2, 3]) }
    }
}

/// A fresh folder under the temporary directory, removed when the value is released.
final class TemporaryFolder {
    let path: String
    init() throws {
        path = NSTemporaryDirectory() + "frameplot-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
    func contents() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: path).sorted() }
}

@Suite struct SampleFigureTests {
    /// Renders the sample figure; set FRAMEPLOT_SAMPLE_OUT=/some/file.png to keep it for a look.
    @Test func sampleFigureRendersWithJapaneseAndMaths() throws {
        let canvas = try ImageCanvas(width: CanvasSample.size.width, height: CanvasSample.size.height, scale: 2)
        CanvasSample.draw(on: canvas)
        try canvas.checkStatus()
        if let path = ProcessInfo.processInfo.environment["FRAMEPLOT_SAMPLE_OUT"] {
            try canvas.writePNG(to: path)
            for format in VectorCanvas.Format.allCases {
                let page = try VectorCanvas(format: format, width: CanvasSample.size.width, height: CanvasSample.size.height)
                CanvasSample.draw(on: page)
                try page.write(to: (path as NSString).deletingPathExtension + "." + format.rawValue)
            }
        }
        let title = canvas.measureText("損失関数値の推移", style: TextStyle(size: 17, weight: .bold))
        #expect(title.unknownGlyphs == 0)
        // The title leaves ink around the top centre.
        var dark = 0
        for y in 20..<70 { for x in 500..<780 where canvas.pixel(x: x, y: y).r < 100 { dark += 1 } }
        #expect(dark > 500)
    }
}

@Suite struct PNGTextChunkTests {
    @Test func textChunksRoundTripAndKeepPixels() throws {
        let canvas = try ImageCanvas(width: 12, height: 8)
        canvas.clear(.white)
        let chunks = [PNGTextChunk(keyword: "frameplot:identity", value: "0123abcd"),
                      PNGTextChunk(keyword: "frameplot:index", value: "42")]
        let tagged = try canvas.pngData(options: .fast, text: chunks)
        #expect(PNGTextChunk.read(from: tagged) == chunks)
        let plain = try canvas.pngData(options: .fast)
        #expect(PNGTextChunk.read(from: plain).isEmpty)
        #expect(try PNGReader.decode(tagged) == PNGReader.decode(plain))
    }

    @Test func damagedOrForeignBytesTellNothing() throws {
        let canvas = try ImageCanvas(width: 4, height: 4)
        var bytes = try canvas.pngData(options: .fast, text: [PNGTextChunk(keyword: "k", value: "v")])
        // Flip a byte of the tEXt value: its CRC no longer matches.
        let at = try #require(bytes.firstIndex(of: UInt8(ascii: "v")))
        bytes[at] ^= 0xff
        #expect(PNGTextChunk.read(from: bytes).isEmpty)
        #expect(PNGTextChunk.read(from: Array("not a png at all".utf8)).isEmpty)
        #expect(PNGTextChunk.read(from: [UInt8]()).isEmpty)
    }

    @Test func unwritableChunksAreRefused() throws {
        let canvas = try ImageCanvas(width: 4, height: 4)
        for bad in [PNGTextChunk(keyword: "", value: "x"), PNGTextChunk(keyword: String(repeating: "k", count: 80), value: "x"),
                    PNGTextChunk(keyword: "日本", value: "x"), PNGTextChunk(keyword: "k", value: "\u{0}")] {
            #expect(throws: CanvasError.self) { try canvas.pngData(text: [bad]) }
        }
    }
}
