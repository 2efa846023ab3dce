import Testing
@testable import FrameplotAnimation

@Suite("Frame hash")
struct FrameHashTests {
    @Test("FNV-1a 64 matches the published test vectors")
    func vectors() {
        #expect(FrameHash.fnv1a([UInt8]()) == "cbf29ce484222325")
        #expect(FrameHash.fnv1a(Array("a".utf8)) == "af63dc4c8601ec8c")
        #expect(FrameHash.fnv1a(Array("foobar".utf8)) == "85944171f73967e8")
    }

    @Test("raw-buffer and collection hashes agree")
    func bufferAgrees() {
        let bytes: [UInt8] = Array(0...255)
        #expect(bytes.withUnsafeBytes { FrameHash.fnv1a($0) } == FrameHash.fnv1a(bytes))
    }
}

@Suite("Frame manifest")
struct FrameManifestTests {
    @Test("the hand-written JSON reads back equal, with awkward option strings")
    func roundTrip() throws {
        let folder = TemporaryFolder(); defer { folder.cleanup() }
        let manifest = FrameManifest(scene: "gd-locus", identity: "0123456789abcdef0123456789abcdef", version: "9.9.9", options: ["data": "a \"b\"\\c\n日本", "lr": "0.03"],
                                     pixelWidth: 800, pixelHeight: 400, scale: 1.5, framesPerSecond: 29.97, frameCount: 3,
                                     frames: [.init(index: 0, file: "frame_00000.png", bytes: 10, hash: "00ff"),
                                              .init(index: 2, file: "frame_00002.png", bytes: 12, hash: "abcd")])
        try manifest.write(to: folder.path)
        #expect(FrameManifest.read(from: folder.path) == manifest)
        var empty = manifest
        empty.frames = []; empty.options = [:]
        try empty.write(to: folder.path)
        #expect(FrameManifest.read(from: folder.path) == empty)
    }

    @Test("only entries named frame_NNNNN.png of their own index, below the frame count, are trusted")
    func entriesAreValidatedAsNames() {
        let frames: [FrameManifest.Frame] = [
            .init(index: 0, file: "frame_00000.png", bytes: 10, hash: "a"),
            .init(index: 5, file: "../other/frame_00005.png", bytes: 10, hash: "b"),
            .init(index: 1, file: "frame_00002.png", bytes: 10, hash: "c"),
            .init(index: 3, file: "frame_0003.png", bytes: 10, hash: "d"),
            .init(index: 4, file: "/tmp/frame_00004.png", bytes: 10, hash: "e"),
            .init(index: 9, file: "frame_00009.png", bytes: 10, hash: "f"),
            .init(index: 0, file: "frame_00000.png", bytes: 11, hash: "g"),
            .init(index: 6, file: "frame_00006.png", bytes: 0, hash: "h"),
        ]
        let manifest = FrameManifest(scene: "s", identity: "", version: "", options: [:], pixelWidth: 1, pixelHeight: 1,
                                     scale: 1, framesPerSecond: 1, frameCount: 8, frames: frames)
        let valid = manifest.validFrames()
        #expect(valid.keys.sorted() == [0])
        #expect(valid[0]?.hash == "a")
        #expect(FrameManifest.frameIndex(fromFileName: "frame_00042.png") == 42)
        #expect(FrameManifest.frameIndex(fromFileName: "frame_123456.png") == 123_456)
        for bad in ["frame_042.png", "frame_0004a.png", "frame_-0001.png", "x/frame_00001.png", "frame_00001.png.tmp", "frame_.png"] {
            #expect(FrameManifest.frameIndex(fromFileName: bad) == nil, "\(bad)")
        }
    }
}
