import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import FrameplotCanvas
import FrameplotPlot
@testable import FrameplotScenes

@Suite struct GalleryTests {
    @Test func leastSquaresMatchesTheSeedNumbers() {
        let fit = Gallery.leastSquaresLine(xs: [1, 3, 6, 8], ys: [3, 6, 5, 7])
        #expect(abs(fit.slope - 0.4310345) < 1e-6)
        #expect(abs(fit.intercept - 3.3103448) < 1e-6)
    }

    @Test func nearestCentroidSeparatesTheBlobs() {
        let (points, labels) = Gallery.threeClassData()
        let model = NearestCentroidClassifier(points: points, labels: labels, classCount: 3)
        let correct = zip(points, labels).filter { model.predict($0.0.0, $0.0.1) == $0.1 }.count
        #expect(Double(correct) / Double(points.count) > 0.9)
        let p = model.probabilities(0, 0)
        #expect(abs(p.reduce(0, +) - 1) < 1e-12)
    }

    /// For every reference figure and sizes from 320x240 to 1920x1080: no text box leaves
    /// the figure or overlaps another (boxes measured with real Pango metrics).
    @Test(arguments: [(320, 240, 72.0), (640, 480, 72.0), (800, 600, 72.0), (1280, 720, 115.2), (1920, 1080, 172.8)])
    func referenceFigureTextsStayInsideAndApart(size: (Int, Int, Double)) throws {
        let measurer = RecordingCanvas(width: 8, height: 8)
        for entry in try Gallery.figures(pixelWidth: size.0, pixelHeight: size.1, dpi: size.2) {
            let layout = entry.figure.layout(measuringWith: measurer)
            let frame = Rect(origin: .zero, size: entry.figure.size)
            let texts = layout.texts
            #expect(!texts.isEmpty)
            for t in texts { #expect(frame.contains(t.bounds, tolerance: 0.01), "\(entry.name) \(size): '\(t.text)' leaves the figure") }
            for i in texts.indices {
                for j in texts.indices where j > i {
                    let a = texts[i].bounds.insetBy(dx: 0.5, dy: 0.5), b = texts[j].bounds.insetBy(dx: 0.5, dy: 0.5)
                    #expect(!a.intersects(b), "\(entry.name) \(size): '\(texts[i].text)' overlaps '\(texts[j].text)'")
                }
            }
        }
    }

    @Test func softmaxRegressionTrainsOnTheThreeClassData() throws {
        let (points, labels) = Gallery.threeClassData()
        let p = try #require(Gallery.trainedSoftmax(points: points, labels: labels))
        let correct = zip(points, labels).filter { pt, k in
            let q = p(pt.0, pt.1)
            return q.indices.max { q[$0] < q[$1] } == k
        }.count
        #expect(Double(correct) / Double(points.count) > 0.9)
    }

    @Test func rendersEveryFigureInEveryFormat() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("frameplot-gallery-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let written = try Gallery.render(into: dir, formats: FigureFormat.allCases, pixelWidth: 320, pixelHeight: 240)
        #expect(written.count == 15)
        for path in written {
            let data = try #require(FileManager.default.contents(atPath: path))
            #expect(data.count > 1000, "\(path) is suspiciously small")
            let head = String(decoding: data.prefix(8), as: UTF8.self)
            if path.hasSuffix(".pdf") { #expect(head.hasPrefix("%PDF-")) }
            if path.hasSuffix(".png") { #expect(Array(data.prefix(4)) == [0x89, 0x50, 0x4E, 0x47]) }
            if path.hasSuffix(".svg") {
                let text = String(decoding: data, as: UTF8.self)
                #expect(text.contains("<svg") && text.contains("</svg>"))
                // Well-formed XML: Foundation's parser reads it to the end.
                #expect(XMLParser(data: data).parse(), "\(path) is not well-formed XML")
            }
        }
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["FRAMEPLOT_GALLERY"] != nil))
    func writeGalleryToOutput() throws {
        let dir = ProcessInfo.processInfo.environment["FRAMEPLOT_GALLERY"] ?? "Output/gallery"
        try Gallery.render(into: dir, formats: FigureFormat.allCases)
        try FileManager.default.createDirectory(atPath: "\(dir)/sizes", withIntermediateDirectories: true)
        for (w, h, dpi) in [(320, 240, 72.0), (640, 480, 72.0), (1920, 1080, 172.8)] {
            for e in try Gallery.figures(pixelWidth: w, pixelHeight: h, dpi: dpi) {
                try e.figure.save(to: "\(dir)/sizes/\(e.name)-\(w)x\(h).png")
            }
        }
    }
}
