import Dispatch
import Foundation
import Testing
@testable import FrameplotCanvas

/// The one-shot PNG encoder: every filter and level decodes (with libpng) to exactly the
/// canvas pixels, chunks are in order, output is deterministic on any thread.
@Suite struct PNGEncoderTests {
    /// A drawing with flat areas, a gradient raster, text and half-transparent strokes.
    func drawing(width: Double = 160, height: Double = 96, scale: Double = 1, opaque: Bool = true) throws -> ImageCanvas {
        let canvas = try ImageCanvas(width: width, height: height, scale: scale)
        if opaque { canvas.clear(.white) }
        var ramp = RasterImage(width: 32, height: 8)
        for y in 0..<8 { for x in 0..<32 { ramp[x, y] = RGBA8(r: UInt8(x * 8), g: UInt8(y * 30), b: 200, a: opaque ? 255 : UInt8(40 + x * 6)) } }
        canvas.draw(ramp, in: Rect(x: 4, y: 4, width: width / 2, height: height / 2), interpolation: .bilinear)
        canvas.fill(.circle(center: Point(x: width * 0.7, y: height * 0.6), radius: height / 4),
                    color: Color(red: 0.9, green: 0.3, blue: 0.1, alpha: opaque ? 1 : 0.6))
        canvas.stroke(.segment(Point(x: 0, y: height), Point(x: width, y: 0)), style: StrokeStyle(color: .black, width: 1.5))
        canvas.drawText("損失 0.25", at: Point(x: width / 2, y: height - 4), style: TextStyle(size: 11), anchor: .bottomCenter)
        return canvas
    }

    static let filters = PNGOptions.Filter.allCases

    @Test("each filter, opaque and transparent, decodes to exactly the canvas pixels", arguments: filters, [true, false])
    func filtersRoundTrip(filter: PNGOptions.Filter, opaque: Bool) throws {
        let canvas = try drawing(opaque: opaque)
        let encoded = try canvas.encodePNG(options: PNGOptions(compressionLevel: 2, filter: filter))
        #expect(encoded.bytes[25] == (opaque ? 2 : 6))        // IHDR colour type: RGB or RGBA
        #expect(!encoded.streamed)
        if filter == .perImage {
            #expect([PNGOptions.Filter.none, .sub, .up].contains(encoded.filter))
        } else {
            #expect(encoded.filter == filter)
        }
        let decoded = try PNGReader.decode(encoded.bytes)
        #expect(decoded.maximumDifference(from: canvas.snapshot()) == 0)
    }

    @Test("every level from 0 (stored) to 9 decodes exactly; higher levels are not larger than level 0")
    func levelsRoundTrip() throws {
        let canvas = try drawing()
        let stored = try canvas.pngData(options: PNGOptions(compressionLevel: 0, filter: .none))
        for level in 0...9 {
            let bytes = try canvas.pngData(options: PNGOptions(compressionLevel: level, filter: .perImage))
            #expect(try PNGReader.decode(bytes).maximumDifference(from: canvas.snapshot()) == 0)
            #expect(bytes.count <= stored.count)
        }
    }

    @Test("the row-by-row libpng path gives the same pixels and the same chunks")
    func streamingPathMatches() throws {
        let text = [PNGTextChunk(keyword: "frameplot:index", value: "3")]
        for opaque in [true, false] {
            let canvas = try drawing(scale: 2, opaque: opaque)
            for options in [PNGOptions.fast, .small, PNGOptions(compressionLevel: 0, filter: .paeth)] {
                let oneShot = try canvas.encodePNG(options: options, text: text)
                let streamed = try canvas.encodePNG(options: options, text: text, oneShotLimit: 0)
                #expect(!oneShot.streamed && streamed.streamed)
                #expect(try PNGReader.decode(streamed.bytes) == PNGReader.decode(oneShot.bytes))
                #expect(try PNGReader.decode(oneShot.bytes).maximumDifference(from: canvas.snapshot()) == 0)
                #expect(PNGTextChunk.read(from: streamed.bytes) == text && PNGTextChunk.read(from: oneShot.bytes) == text)
                // libpng splits the image data into several IDAT chunks; everything else is equal.
                let headers = { (png: [UInt8]) in self.chunks(png).filter { $0.type != "IDAT" }.map { $0.type + "\($0.data)" } }
                #expect(headers(streamed.bytes) == headers(oneShot.bytes))
            }
        }
    }

    @Test("chunks come in order: IHDR, pHYs (the device scale as resolution), tEXt, IDAT, IEND")
    func chunkOrderAndResolution() throws {
        let canvas = try drawing(width: 20, height: 10, scale: 2)
        let text = [PNGTextChunk(keyword: "a", value: "1"), PNGTextChunk(keyword: "b", value: "")]
        let bytes = try canvas.pngData(options: .fast, text: text)
        #expect(chunkTypes(bytes) == ["IHDR", "pHYs", "tEXt", "tEXt", "IDAT", "IEND"])
        let phys = try #require(chunkData(bytes, type: "pHYs"))
        let perMetre = UInt32((144 / 0.0254).rounded())
        #expect(phys == bigEndian(perMetre) + bigEndian(perMetre) + [1])
        #expect(PNGTextChunk.read(from: bytes) == text)
        let plain = try canvas.pngData(options: PNGOptions(compressionLevel: 2, filter: .perImage, recordsResolution: false))
        #expect(chunkTypes(plain) == ["IHDR", "IDAT", "IEND"])
    }

    @Test("the filter chosen per image is within 3% of the best of none, sub and up")
    func perImageChoiceIsNearTheBest() throws {
        // A vertical gradient (up wins), flat blocks (none wins), noise, and a drawing.
        let gradient = try ImageCanvas(width: 200, height: 120)
        var ramp = RasterImage(width: 1, height: 120)
        for y in 0..<120 { ramp[0, y] = RGBA8(r: UInt8(y * 2), g: 100, b: UInt8(255 - y * 2)) }
        gradient.draw(ramp, in: Rect(x: 0, y: 0, width: 200, height: 120), interpolation: .bilinear)
        let blocks = try ImageCanvas(width: 200, height: 120)
        for i in 0..<6 {
            blocks.fill(.rect(Rect(x: Double(i) * 33, y: 0, width: 33, height: 120)), color: Color(hex: UInt32(0x102030 * (i + 1))))
        }
        let noise = try ImageCanvas(width: 200, height: 120)
        var grain = RasterImage(width: 200, height: 120)
        var state: UInt32 = 7
        for y in 0..<120 { for x in 0..<200 {
            state = state &* 1_664_525 &+ 1_013_904_223
            grain[x, y] = RGBA8(r: UInt8(state >> 24), g: UInt8((state >> 16) & 0xff), b: 90)
        } }
        noise.draw(grain, in: Rect(x: 0, y: 0, width: 200, height: 120), interpolation: .nearest)
        for canvas in [gradient, blocks, noise, try drawing(width: 400, height: 300)] {
            let sizes = try [PNGOptions.Filter.none, .sub, .up].map {
                try canvas.pngData(options: PNGOptions(compressionLevel: PNGOptions.fast.compressionLevel, filter: $0)).count
            }
            let chosen = try canvas.pngData(options: .fast).count
            let used = try canvas.encodePNG(options: .fast).filter
            #expect(Double(chosen) <= Double(sizes.min() ?? 0) * 1.03, "sizes none/sub/up \(sizes), chosen \(chosen) \(String(describing: used))")
        }
    }

    @Test("padded rows, one-pixel images and a long thin image encode correctly")
    func oddShapes() throws {
        // 3x2 pixels in rows of 5 pixels: the padding must not leak into the file.
        let stride = 20
        var pixels = [UInt32](repeating: 0xdead_beef, count: 10)
        let colours: [UInt32] = [0xffff_0000, 0xff00_ff00, 0xff00_00ff, 0x8040_2010, 0x0000_0000, 0xffff_ffff]
        for (i, c) in colours.enumerated() { pixels[(i / 3) * 5 + i % 3] = c }
        let encoded = try pixels.withUnsafeBytes { raw in
            try PNGEncoder.encode(raw.baseAddress!, width: 3, height: 2, stride: stride, options: .fast, pixelsPerMeter: 0)
        }
        let image = try PNGReader.decode(encoded.bytes)
        #expect(image.width == 3 && image.height == 2)
        #expect(image[0, 0] == RGBA8(r: 255, g: 0, b: 0) && image[2, 0] == RGBA8(r: 0, g: 0, b: 255))
        #expect(image[0, 1] == RGBA8(r: 128, g: 64, b: 32, a: 128))     // 0x40/0x80 unpremultiplied
        #expect(image[1, 1] == RGBA8(r: 0, g: 0, b: 0, a: 0) && image[2, 1] == RGBA8(r: 255, g: 255, b: 255))
        for (w, h) in [(1.0, 1.0), (1, 300), (300, 1), (7, 3)] {
            let canvas = try ImageCanvas(width: w, height: h)
            canvas.fill(.rect(Rect(x: 0, y: 0, width: w / 2 + 0.5, height: h)), color: Color(hex: 0x336699))
            for options in [PNGOptions.fast, .small] {
                let decoded = try PNGReader.decode(canvas.pngData(options: options))
                #expect(decoded.maximumDifference(from: canvas.snapshot()) == 0)
            }
        }
    }

    @Test("the same image gives the same bytes on any thread, whatever the thread encoded before")
    func deterministicAcrossThreadsAndSizes() throws {
        let small = try drawing(), large = try drawing(width: 640, height: 400, scale: 1.5)
        let clear = try drawing(width: 300, height: 200, opaque: false)
        let images = [small, large, clear].map { canvas in
            canvas.withUnsafeBGRABytes { bytes, stride in
                (pixels: [UInt8](bytes), width: canvas.pixelWidth, height: canvas.pixelHeight, stride: stride)
            }
        }
        @Sendable func encode(_ i: Int) -> [UInt8]? {
            images[i].pixels.withUnsafeBytes { raw in
                try? PNGEncoder.encode(raw.baseAddress!, width: images[i].width, height: images[i].height,
                                       stride: images[i].stride, options: .fast, pixelsPerMeter: 0).bytes
            }
        }
        let expected = (0..<3).map { encode($0) }
        // Each thread encodes the three in a different order, so its workspace is reused
        // across sizes and colour types.
        let results = Results(count: 6 * 3)
        DispatchQueue.concurrentPerform(iterations: 6) { worker in
            for k in 0..<3 {
                let i = (worker + k) % 3
                results.set(worker * 3 + k, value: (i, encode(i)))
            }
        }
        for (index, bytes) in results.values() {
            #expect(bytes != nil && bytes == expected[index])
        }
    }

    @Test("one translucent pixel anywhere, even outside the rows sampled for the filter, gives RGBA",
          arguments: [(0, 0), (199, 119), (7, 60), (198, 3), (100, 119)])
    func lateTranslucentPixelSwitchesToRGBA(x: Int, y: Int) throws {
        // Width 201: rows end in a tail of pixels past the last 16-byte step.
        let canvas = try drawing(width: 201, height: 120)
        var (pixels, stride) = canvas.withUnsafeBGRABytes { bytes, stride in ([UInt8](bytes), stride) }
        pixels[y * stride + x * 4 + 3] = 0x80     // alpha 128 over premultiplied bytes ≤ 128
        for c in 0..<3 { pixels[y * stride + x * 4 + c] = 0x40 }
        for options in [PNGOptions.fast, PNGOptions(compressionLevel: 1, filter: .sub), PNGOptions(compressionLevel: 2, filter: .up),
                        PNGOptions(compressionLevel: 1, filter: .none)] {
            let (encoded, reference) = try pixels.withUnsafeBytes { raw in
                let base = try #require(raw.baseAddress)
                return (try PNGEncoder.encode(base, width: 201, height: 120, stride: stride, options: options, pixelsPerMeter: 0),
                        try PNGEncoder.encode(base, width: 201, height: 120, stride: stride, options: options, pixelsPerMeter: 0,
                                              oneShotLimit: 0))
            }
            #expect(encoded.bytes[25] == 6 && !encoded.streamed)
            let decoded = try PNGReader.decode(encoded.bytes)
            #expect(decoded == (try PNGReader.decode(reference.bytes)))
            #expect(decoded[x, y] == RGBA8(r: 128, g: 128, b: 128, a: 128))
        }
    }

    @Test("opaque frames filtered from ARGB give the bytes of the row-by-row filter", arguments: [PNGOptions.Filter.none, .sub, .up])
    func opaqueFastFilterMatchesReference(filter: PNGOptions.Filter) throws {
        for (w, h) in [(201.0, 70.0), (5, 4), (1, 3), (6, 2), (7, 9)] {
            let canvas = try drawing(width: w, height: h)
            let fast = try canvas.encodePNG(options: PNGOptions(compressionLevel: 6, filter: filter))
            // The libpng path filters the same rows its own way; zlib differs, the pixels must not.
            let reference = try canvas.encodePNG(options: PNGOptions(compressionLevel: 6, filter: filter), oneShotLimit: 0)
            #expect(fast.bytes[25] == 2 && fast.filter == filter)
            #expect(try PNGReader.decode(fast.bytes) == PNGReader.decode(reference.bytes))
            #expect(try PNGReader.decode(fast.bytes).maximumDifference(from: canvas.snapshot()) == 0)
        }
    }

    // MARK: Helpers

    func chunkTypes(_ png: [UInt8]) -> [String] { chunks(png).map(\.type) }

    func chunkData(_ png: [UInt8], type: String) -> [UInt8]? { chunks(png).first { $0.type == type }?.data }

    func chunks(_ png: [UInt8]) -> [(type: String, data: [UInt8])] {
        var out: [(type: String, data: [UInt8])] = []
        var offset = 8
        while offset + 12 <= png.count {
            let length = Int(png[offset]) << 24 | Int(png[offset + 1]) << 16 | Int(png[offset + 2]) << 8 | Int(png[offset + 3])
            let type = String(decoding: png[(offset + 4)..<(offset + 8)], as: UTF8.self)
            guard offset + 12 + length <= png.count else { break }
            out.append((type, Array(png[(offset + 8)..<(offset + 8 + length)])))
            offset += 12 + length
        }
        return out
    }

    func bigEndian(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8((v >> 16) & 0xff), UInt8((v >> 8) & 0xff), UInt8(v & 0xff)] }
}

/// Results written by concurrent workers.
///
/// `@unchecked Sendable`: `storage` is only touched with `lock` held.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [(Int, [UInt8]?)]
    init(count: Int) { storage = Array(repeating: (0, nil), count: count) }
    func set(_ slot: Int, value: (Int, [UInt8]?)) { lock.lock(); storage[slot] = value; lock.unlock() }
    func values() -> [(Int, [UInt8]?)] { lock.lock(); defer { lock.unlock() }; return storage }
}
