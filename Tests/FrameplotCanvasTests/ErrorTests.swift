import Foundation
import Testing
@testable import FrameplotCanvas

@Suite struct ErrorTests {
    @Test(arguments: [
        (0.0, 0.0, 1.0), (-10, 20, 1), (20, -10, 1), (.nan, 10, 1), (10, .infinity, 1),
        (100_000, 100_000, 1), (40_000, 10, 1), (20_000, 20_000, 1), (10, 10, 0), (10, 10, .nan), (0.2, 0.2, 1),
    ])
    func invalidImageSizesThrowTypedErrors(width: Double, height: Double, scale: Double) {
        do {
            _ = try ImageCanvas(width: width, height: height, scale: scale)
            Issue.record("expected an error for \(width)x\(height) at \(scale)")
        } catch let error as CanvasError {
            guard case .invalidSize = error else { Issue.record("wrong error \(error)"); return }
            #expect(error.description.hasPrefix("invalid canvas size"))
        } catch {
            Issue.record("untyped error \(error)")
        }
    }

    @Test func invalidVectorSizesThrowTypedErrors() {
        for (w, h) in [(0.0, 10.0), (-1, 5), (.nan, 5), (1e9, 10)] {
            for format in VectorCanvas.Format.allCases {
                #expect(throws: CanvasError.self) { try VectorCanvas(format: format, width: w, height: h) }
            }
        }
    }

    @Test func largestAllowedSizeIsAccepted() throws {
        let canvas = try ImageCanvas(width: 4000, height: 3000, scale: 1)
        #expect(canvas.pixelWidth == 4000)
    }

    // Canvases are written by the shared atomic writer (FrameplotFiles, tested there in depth);
    // these check that canvas writes report its typed errors and leave nothing behind.

    @Test func missingFolderIsReportedAndNothingIsWritten() throws {
        let folder = try TemporaryFolder()
        let canvas = try ImageCanvas(width: 10, height: 10)
        let path = folder.path + "/missing/plot.png"
        #expect(throws: FileWriteError(path: path, reason: .missingFolder(folder.path + "/missing"))) {
            try canvas.writePNG(to: path)
        }
        #expect(try folder.contents().isEmpty)
        let error = FileWriteError(path: path, reason: .missingFolder(folder.path + "/missing"))
        #expect(error.description.contains("does not exist"))
    }

    @Test func fileInPlaceOfFolderIsReported() throws {
        let folder = try TemporaryFolder()
        let file = folder.path + "/plain"
        try AtomicFile.write([1, 2, 3], to: file)
        let path = file + "/plot.svg"
        let page = try VectorCanvas(format: .svg, width: 10, height: 10)
        #expect(throws: FileWriteError(path: path, reason: .notAFolder(file))) { try page.write(to: path) }
        #expect(try folder.contents() == ["plain"])
    }

    @Test func aFolderInPlaceOfTheFileIsRefusedAndKept() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/taken.png", withIntermediateDirectories: false)
        let canvas = try ImageCanvas(width: 10, height: 10)
        #expect(throws: FileWriteError(path: folder.path + "/taken.png", reason: .notARegularFile(kind: "a folder"))) {
            try canvas.writePNG(to: folder.path + "/taken.png")
        }
        #expect(try folder.contents() == ["taken.png"])
    }
}

@Suite struct ConcurrencyTests {
    /// Frames drawn on several threads at once, each with its own canvas, equal the serial result.
    @Test func parallelCanvasesRenderIdenticalFrames() throws {
        @Sendable func render() throws -> [UInt8] {
            let canvas = try ImageCanvas(width: 320, height: 210)
            CanvasSample.draw(on: canvas)
            return try canvas.pngData(options: .fast)
        }
        let expected = try render()
        let results = ResultBox(count: 8)
        DispatchQueue.concurrentPerform(iterations: 8) { i in results.set(i, try? render()) }
        #expect(results.values.allSatisfy { $0 == expected })
    }
}

private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [[UInt8]?]
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ v: [UInt8]?) { lock.lock(); storage[i] = v; lock.unlock() }
    var values: [[UInt8]?] { lock.lock(); defer { lock.unlock() }; return storage }
}
