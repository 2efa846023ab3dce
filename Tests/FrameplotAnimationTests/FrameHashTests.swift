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
        let manifest = FrameManifest(scene: "gd-locus", options: ["data": "a \"b\"\\c\n日本", "lr": "0.03"],
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
}
