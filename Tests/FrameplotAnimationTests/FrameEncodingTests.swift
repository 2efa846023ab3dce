import Foundation
import Testing
@testable import FrameplotAnimation
@testable import FrameplotCanvas
import FrameplotScenes

/// Real animation frames through the one-shot PNG encoder: libpng decodes every one to
/// exactly the pixels drawn, whatever filter the encoder chose.
@Suite("Frame encoding")
struct FrameEncodingTests {
    @Test("gd-locus, logistic and mlp frames decode to exactly the drawn pixels", arguments: ["gd-locus", "logistic", "mlp"])
    func realFramesRoundTrip(name: String) throws {
        let scene = try SceneCatalog.standard.makeScene(name, arguments: ["--steps", "40", "--every", "20"])
        let renderer = FrameRenderer(scene: scene, progress: .quiet)
        let layer = try renderer.makeStaticLayer()
        let frame = try renderer.makeCanvas()
        var timing = FrameTiming()
        for index in [0, scene.frameCount - 1] {
            try renderer.draw(index, on: frame, over: layer, timing: &timing)
            let encoded = try frame.encodePNG(options: renderer.pngOptions)
            #expect(encoded.bytes[25] == 2)                       // opaque frames are RGB
            #expect(!encoded.streamed && encoded.filter != nil)
            #expect(try PNGReader.decode(encoded.bytes).maximumDifference(from: frame.snapshot()) == 0)
            // Not more than 10% above the row-by-row libpng encoding at level 1 without a
            // filter (zlib).
            let before = try frame.encodePNG(options: PNGOptions(compressionLevel: 1, filter: .none), throughLibpng: true)
            #expect(encoded.bytes.count * 10 < before.bytes.count * 11)
        }
    }
}
