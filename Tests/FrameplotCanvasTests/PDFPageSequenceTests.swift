import Foundation
import Testing
@testable import FrameplotCanvas

/// What a PDF written by cairo holds, read from its object dictionaries (which cairo writes
/// uncompressed; only content streams are deflated).
struct PDFObjects {
    let text: String
    init(_ bytes: [UInt8]) { text = String(decoding: bytes, as: UTF8.self) }

    func count(_ pattern: String) -> Int {
        (try? NSRegularExpression(pattern: pattern)).map {
            $0.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
        } ?? -1
    }
    /// Page objects (`/Type /Page`, not the `/Pages` tree).
    var pages: Int { count(#"/Type /Page\b(?!s)"#) }
    /// Form XObjects (a recorded layer painted on pages is one of these).
    var forms: Int { count(#"/Subtype /Form\b"#) }
    /// Raster images (none unless something fell back to pixels).
    var images: Int { count(#"/Subtype /Image\b"#) }
    var mediaBoxes: Set<String> {
        guard let regex = try? NSRegularExpression(pattern: #"/MediaBox \[ ([^\]]*) \]"#) else { return [] }
        let ns = text as NSString
        return Set(regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: 1)) })
    }
}

@Suite struct PDFPageSequenceTests {
    /// A static drawing heavy enough that repeating it on every page shows in the size.
    static func drawStatic(on canvas: Canvas) {
        canvas.clear(.white)
        for i in 0..<400 {
            let a = Point(x: Double(i * 7 % 320), y: Double(i * 13 % 240)), b = Point(x: Double(i * 11 % 320), y: Double(i * 3 % 240))
            canvas.stroke(.segment(a, b), style: StrokeStyle(color: Color(hex: 0x1f77b4), width: 0.5))
        }
        canvas.drawText("損失 loss", at: Point(x: 10, y: 10), style: TextStyle(size: 14))
    }

    func staticLayer() throws -> RecordedLayer {
        let layer = try RecordedLayer(width: 320, height: 240)
        Self.drawStatic(on: layer)
        return layer
    }

    func document(pages: Int, sharing: Bool) throws -> [UInt8] {
        let layer = try staticLayer()
        let document = try PDFPageSequence(width: 320, height: 240)
        for index in 0..<pages {
            try document.addPage { page in
                if sharing { page.paint(layer) } else { Self.drawStatic(on: page) }
                page.fill(.circle(center: Point(x: 20 + 10 * Double(index), y: 120), radius: 6), color: .red)
            }
        }
        #expect(document.pageCount == pages)
        return try document.data()
    }

    @Test func everyPageHasThePageSizeAndTheLayerIsStoredOnce() throws {
        let bytes = try document(pages: 12, sharing: true)
        let pdf = PDFObjects(bytes)
        #expect(pdf.pages == 12)
        #expect(pdf.mediaBoxes == ["0 0 320 240"])
        #expect(pdf.forms == 1, "the recorded layer should be one form XObject shared by every page")
        #expect(pdf.images == 0, "nothing should fall back to pixels")
        // Each further page costs its own marks only, not the static drawing again.
        let shared = try bytes.count - document(pages: 2, sharing: true).count
        let repeated = try document(pages: 12, sharing: false).count - document(pages: 2, sharing: false).count
        #expect(shared * 4 < repeated, "10 more pages: \(shared) bytes shared, \(repeated) bytes drawn on every page")
    }

    @Test func bytesAreReproducible() throws {
        let a = try document(pages: 3, sharing: true)
        #expect(a == (try document(pages: 3, sharing: true)))
        #expect(String(decoding: a, as: UTF8.self).contains("CreationDate (20000101000000"))
    }

    @Test func aFileBackedDocumentAppearsOnlyWhenFinished() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/anim.pdf"
        try AtomicFile.write(text: "old", to: path)
        let document = try PDFPageSequence(width: 100, height: 50, writingTo: path)
        try document.addPage { $0.fill(.rect(Rect(x: 0, y: 0, width: 10, height: 10)), color: .black) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        try document.finish()
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(PDFObjects(bytes).pages == 1)
        #expect(try folder.contents() == ["anim.pdf"])
        #expect(throws: CanvasError.documentFinished) { try document.addPage { _ in } }
    }

    @Test func aDiscardedDocumentLeavesTheFileAlone() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/anim.pdf"
        try AtomicFile.write(text: "old", to: path)
        do {
            let document = try PDFPageSequence(width: 100, height: 50, writingTo: path)
            try document.addPage { $0.clear(.white) }
            document.discard()
        }
        do {
            // Dropped without finishing: the same.
            let document = try PDFPageSequence(width: 100, height: 50, writingTo: path)
            try document.addPage { $0.clear(.white) }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(try folder.contents() == ["anim.pdf"])
    }

    @Test func aDocumentWithoutPagesIsAnError() throws {
        let document = try PDFPageSequence(width: 100, height: 50)
        #expect(throws: CanvasError.self) { try document.data() }
    }

    @Test func badPageSizesAreRefused() {
        #expect(throws: CanvasError.self) { try PDFPageSequence(width: 0, height: 50) }
        #expect(throws: CanvasError.self) { try PDFPageSequence(width: .nan, height: 50) }
        #expect(throws: FileWriteError.self) { try PDFPageSequence(width: 10, height: 10, writingTo: "/nonexistent-folder/x.pdf") }
    }

    @Test func aRecordedLayerPaintsLikeTheDrawingItself() throws {
        let layer = try staticLayer()
        let painted = try ImageCanvas(width: 320, height: 240, scale: 2)
        painted.paint(layer)
        let direct = try ImageCanvas(width: 320, height: 240, scale: 2)
        Self.drawStatic(on: direct)
        try layer.checkStatus()
        let difference = try #require(painted.snapshot().maximumDifference(from: direct.snapshot()))
        #expect(difference <= 2)
    }

    @Test func aPaintedLayerFollowsTheTransform() throws {
        let layer = try RecordedLayer(width: 10, height: 10)
        layer.fill(.rect(Rect(x: 0, y: 0, width: 10, height: 10)), color: .red)
        let canvas = try ImageCanvas(width: 40, height: 40)
        canvas.clear(.white)
        canvas.withSavedState {
            canvas.translate(dx: 20, dy: 20)
            canvas.paint(layer)
        }
        #expect(canvas.pixel(x: 25, y: 25) == RGBA8(r: 255, g: 0, b: 0, a: 255))
        #expect(canvas.pixel(x: 5, y: 5) == RGBA8(r: 255, g: 255, b: 255, a: 255))
        // Outside its size the layer is clipped.
        #expect(canvas.pixel(x: 35, y: 35) == RGBA8(r: 255, g: 255, b: 255, a: 255))
    }
}
