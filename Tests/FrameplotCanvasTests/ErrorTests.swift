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

    @Test func missingFolderIsReportedAndNothingIsWritten() throws {
        let folder = try TemporaryFolder()
        let canvas = try ImageCanvas(width: 10, height: 10)
        let path = folder.path + "/missing/plot.png"
        #expect(throws: CanvasError.missingFolder(path: path, folder: folder.path + "/missing")) {
            try canvas.writePNG(to: path)
        }
        #expect(try folder.contents().isEmpty)
        let error = CanvasError.missingFolder(path: path, folder: folder.path + "/missing")
        #expect(error.description.contains("does not exist"))
    }

    @Test func fileInPlaceOfFolderIsReported() throws {
        let folder = try TemporaryFolder()
        let file = folder.path + "/plain"
        try AtomicFile.write([1, 2, 3], to: file)
        let path = file + "/plot.svg"
        let page = try VectorCanvas(format: .svg, width: 10, height: 10)
        #expect(throws: CanvasError.notAFolder(path: path, folder: file)) { try page.write(to: path) }
        #expect(try folder.contents() == ["plain"])
    }

    @Test func unwritableFolderIsReportedAndNothingIsLeft() throws {
        let folder = try TemporaryFolder()
        let locked = folder.path + "/locked"
        try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: false)
        chmod(locked, 0o555)
        defer { chmod(locked, 0o755) }
        let canvas = try ImageCanvas(width: 10, height: 10)
        if access(locked, W_OK) == 0 {
            // Running as root: permissions do not stop us; /proc is a folder nobody can create files in.
            let path = "/proc/frameplot-test.png"
            do {
                try canvas.writePNG(to: path)
                Issue.record("writing into /proc succeeded")
            } catch let error as CanvasError {
                guard case .unwritableFolder(path, "/proc", _) = error else { Issue.record("wrong error \(error)"); return }
                #expect(error.description.contains("not writable"))
            }
            #expect(!FileManager.default.fileExists(atPath: path))
        } else {
            let path = locked + "/plot.png"
            do {
                try canvas.writePNG(to: path)
                Issue.record("writing into a read-only folder succeeded")
            } catch let error as CanvasError {
                guard case .unwritableFolder(path, locked, _) = error else { Issue.record("wrong error \(error)"); return }
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: locked).isEmpty)
        }
    }

    @Test func failedRenameLeavesNoTemporaryFileAndKeepsTheOldFolder() throws {
        let folder = try TemporaryFolder()
        // The destination is an existing non-empty folder, so the final rename fails.
        try FileManager.default.createDirectory(atPath: folder.path + "/taken", withIntermediateDirectories: false)
        try AtomicFile.write([1], to: folder.path + "/taken/inner")
        #expect(throws: CanvasError.self) { try AtomicFile.write([1, 2, 3], to: folder.path + "/taken") }
        #expect(try folder.contents() == ["taken"])
    }

    @Test func atomicWriteReplacesAnExistingFile() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/data.bin"
        try AtomicFile.write([1, 2, 3], to: path)
        try AtomicFile.write([4, 5], to: path, sync: true)
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == [4, 5])
        #expect(try folder.contents() == ["data.bin"])
    }

    @Test func writtenFilesGetTheUsualPermissions() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/p.bin"
        try AtomicFile.write([1], to: path)
        var info = stat()
        #expect(stat(path, &info) == 0)
        #expect(AtomicFile.processUmask <= 0o777)
        #expect(info.st_mode & 0o777 == 0o666 & ~AtomicFile.processUmask)
    }

    @Test func relativePathsUseTheCurrentFolder() {
        #expect(AtomicFile.split("plot.png") == (".", "plot.png"))
        #expect(AtomicFile.split("/plot.png") == ("/", "plot.png"))
        #expect(AtomicFile.split("a/b/plot.png") == ("a/b", "plot.png"))
    }

    @Test func emptyOrFolderLikePathsAreRejected() {
        #expect(throws: CanvasError.self) { try AtomicFile.write([1], to: "") }
        #expect(throws: CanvasError.self) { try AtomicFile.write([1], to: "/tmp/") }
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
