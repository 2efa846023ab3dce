import Foundation
import Testing
@testable import FrameplotAnimation
import FrameplotCanvas
import FrameplotFiles

@Suite("Frame renderer")
struct FrameRendererTests {
    @Test("writes every frame with the scene's size, and a manifest")
    func writesFramesAndManifest() throws {
        let folder = TemporaryFolder(); defer { folder.cleanup() }
        let scene = SlidingBoxScene(frameCount: 5)
        let summary = try FrameRenderer(scene: scene, progress: .quiet).renderPNGSequence(to: folder.path)
        #expect(summary.framesRendered == 5)
        #expect(folder.contents() == ["frame_00000.png", "frame_00001.png", "frame_00002.png",
                                      "frame_00003.png", "frame_00004.png", "manifest.json"])
        let frame4 = try #require(folder.bytes("frame_00004.png"))
        let size = try #require(pngSize(frame4))
        #expect(size.width == 64 && size.height == 48)
        let manifest = try #require(FrameManifest.read(from: folder.path))
        #expect(manifest.scene == "sliding-box")
        #expect(manifest.frameCount == 5 && manifest.frames.map(\.index) == [0, 1, 2, 3, 4])
        let frame2 = try #require(folder.bytes("frame_00002.png"))
        #expect(manifest.frames[2].hash == FrameHash.fnv1a(frame2))
    }

    @Test("scale 2 doubles the pixel size")
    func scaleDoublesPixels() throws {
        let folder = TemporaryFolder(); defer { folder.cleanup() }
        try FrameRenderer(scene: SlidingBoxScene(frameCount: 1), scale: 2, progress: .quiet)
            .renderPNGSequence(to: folder.path)
        let frame0 = try #require(folder.bytes("frame_00000.png"))
        let size = try #require(pngSize(frame0))
        #expect(size.width == 128 && size.height == 96)
    }

    @Test("parallel output is byte-identical to a serial render, and renders repeat exactly")
    func parallelEqualsSerial() throws {
        let serial = TemporaryFolder(), parallel = TemporaryFolder(), again = TemporaryFolder()
        defer { serial.cleanup(); parallel.cleanup(); again.cleanup() }
        let scene = SlidingBoxScene(frameCount: 9)
        try FrameRenderer(scene: scene, workerCount: 1, progress: .quiet).renderPNGSequence(to: serial.path)
        try FrameRenderer(scene: scene, workerCount: 4, progress: .quiet).renderPNGSequence(to: parallel.path)
        try FrameRenderer(scene: scene, workerCount: 3, progress: .quiet).renderPNGSequence(to: again.path)
        for name in serial.contents() {
            #expect(serial.bytes(name) == parallel.bytes(name), "\(name) differs")
            #expect(serial.bytes(name) == again.bytes(name), "\(name) differs")
        }
        // Frames really move: the first and last differ.
        #expect(serial.bytes("frame_00000.png") != serial.bytes("frame_00008.png"))
    }

    @Test("resume redraws only a deleted or truncated frame, with identical bytes")
    func resumeRedrawsOnlyDamagedFrames() throws {
        let folder = TemporaryFolder(); defer { folder.cleanup() }
        let renderer = FrameRenderer(scene: SlidingBoxScene(frameCount: 6), progress: .quiet)
        try renderer.renderPNGSequence(to: folder.path)
        let original3 = try #require(folder.bytes("frame_00003.png"))
        let original5 = try #require(folder.bytes("frame_00005.png"))
        let untouchedDate = try FileManager.default.attributesOfItem(atPath: folder.file("frame_00001.png"))[.modificationDate] as? Date

        try FileManager.default.removeItem(atPath: folder.file("frame_00003.png"))
        try Data(original5.prefix(original5.count / 2)).write(to: URL(fileURLWithPath: folder.file("frame_00005.png")))
        let summary = try renderer.renderPNGSequence(to: folder.path)
        #expect(summary.framesRendered == 2)
        #expect(summary.framesSkipped == 4)
        #expect(folder.bytes("frame_00003.png") == original3)
        #expect(folder.bytes("frame_00005.png") == original5)
        let laterDate = try FileManager.default.attributesOfItem(atPath: folder.file("frame_00001.png"))[.modificationDate] as? Date
        #expect(untouchedDate == laterDate)

        // Same folder, other options: nothing can be trusted, everything is redrawn.
        let other = try FrameRenderer(scene: SlidingBoxScene(frameCount: 7), progress: .quiet)
            .renderPNGSequence(to: folder.path)
        #expect(other.framesRendered == 7)
    }

    @Test("a frame range renders alone, and a later full render only fills the rest")
    func frameRange() throws {
        let folder = TemporaryFolder(); defer { folder.cleanup() }
        let renderer = FrameRenderer(scene: SlidingBoxScene(frameCount: 8), progress: .quiet)
        let part = try renderer.renderPNGSequence(to: folder.path, frames: try FrameRange.parse("2..4", frameCount: 8))
        #expect(part.framesRendered == 3)
        #expect(folder.contents() == ["frame_00002.png", "frame_00003.png", "frame_00004.png", "manifest.json"])
        let rest = try renderer.renderPNGSequence(to: folder.path)
        #expect(rest.framesRendered == 5 && rest.framesSkipped == 3)
    }

    @Test("frame ranges parse and reject bad input")
    func frameRangeParsing() throws {
        #expect(try FrameRange.parse("10..19", frameCount: 101) == 10...19)
        #expect(try FrameRange.parse("10...19", frameCount: 101) == 10...19)
        #expect(try FrameRange.parse("95..", frameCount: 101) == 95...100)
        #expect(try FrameRange.parse("..3", frameCount: 101) == 0...3)
        #expect(try FrameRange.parse("7", frameCount: 101) == 7...7)
        for bad in ["", "a..b", "5..2", "0..101", "-1..3"] {
            #expect(throws: AnimationError.self) { try FrameRange.parse(bad, frameCount: 101) }
        }
    }

    @Test("a cancelled render leaves only complete frames, all in the manifest, and resumes")
    func cancelledRenderLeavesNoPartialFrame() throws {
        let folder = TemporaryFolder(); defer { folder.cleanup() }
        let counter = Counter()
        let scene = SlidingBoxScene(frameCount: 20)
        let cancelling = FrameRenderer(scene: scene, workerCount: 2, progress: .quiet,
                                       isCancelled: { counter.next() > 6 })
        #expect(throws: AnimationError.self) { try cancelling.renderPNGSequence(to: folder.path) }
        let names = folder.contents()
        #expect(names.allSatisfy { $0.hasPrefix("frame_") && $0.hasSuffix(".png") || $0 == "manifest.json" },
                "temporary files left: \(names)")
        let manifest = try #require(FrameManifest.read(from: folder.path))
        let frames = names.filter { $0.hasPrefix("frame_") }
        #expect(frames.count >= 1 && frames.count < 20)
        #expect(Set(manifest.frames.map(\.file)) == Set(frames))
        for entry in manifest.frames {
            let bytes = try #require(folder.bytes(entry.file))
            #expect(FrameHash.fnv1a(bytes) == entry.hash)
        }
        let resumed = try FrameRenderer(scene: scene, progress: .quiet).renderPNGSequence(to: folder.path)
        #expect(resumed.framesSkipped == frames.count)
        #expect(resumed.framesRendered == 20 - frames.count)
    }

    @Test("an output path that is a file gives a clear error")
    func outputIsAFile() throws {
        let folder = TemporaryFolder(); defer { folder.cleanup() }
        let path = folder.file("taken")
        _ = FileManager.default.createFile(atPath: path, contents: Data([1]))
        #expect(throws: FileWriteError(path: path, reason: .notAFolder(path), isFolder: true)) {
            try FrameRenderer(scene: SlidingBoxScene(), progress: .quiet).renderPNGSequence(to: path)
        }
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value }
}
