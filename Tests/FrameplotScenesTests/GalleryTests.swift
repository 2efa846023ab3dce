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
