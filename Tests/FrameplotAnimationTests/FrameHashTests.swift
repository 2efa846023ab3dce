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
