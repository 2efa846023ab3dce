import Foundation
import Testing
@testable import FrameplotAnimation
import FrameplotCanvas

/// A flat frame 0 (the trial picks `sub`), then frames of noisy columns that brighten row by
/// row (where `up` wins by far): the per-image trial would pick another filter for frame 0
/// than for the others.
private struct RampScene: AnimationScene {
    var name: String { "ramps" }
    var size: Size { Size(width: 96, height: 64) }
    var framesPerSecond: Double { 10 }
    var frameCount: Int { 4 }
    var fingerprint: [String: String] { [:] }

    func renderStatic(on canvas: Canvas) throws { canvas.clear(Color(hex: 0x808080)) }

    func renderFrame(_ index: Int, on canvas: Canvas) throws {
        guard index > 0 else { return }
        var ramps = RasterImage(width: 96, height: 64)
        for y in 0..<64 {
            for x in 0..<96 {
                let column = (x &* 2_654_435_761 &+ index &* 97) >> 7
                let v = UInt8(truncatingIfNeeded: column &+ y * 3)
                ramps[x, y] = RGBA8(r: v, g: v &+ 40, b: 255 &- v, a: 255)
            }
        }
        canvas.draw(ramps, in: Rect(x: 0, y: 0, width: 96, height: 64), interpolation: .nearest)
    }
}

@Suite("Frame PNG filter")
struct FrameFilterTests {
    @Test("every frame of a render uses the filter chosen on frame 0, in any worker, range or resume")
    func oneFilterPerRender() throws {
        let folder = TemporaryFolder(), part = TemporaryFolder()
        defer { folder.cleanup(); part.cleanup() }
        let renderer = FrameRenderer(scene: RampScene(), workerCount: 2, progress: .quiet)
        try renderer.renderPNGSequence(to: folder.path)
        try renderer.renderPNGSequence(to: part.path, frames: 2...3)

        let layer = try renderer.makeStaticLayer()
        let identity = renderer.renderIdentity(staticLayer: layer)
        let canvas = try renderer.makeCanvas()
        var timing = FrameTiming()
        try renderer.draw(0, on: canvas, over: layer, timing: &timing)
        let chosen = try canvas.resolvingPerImageFilter(of: renderer.pngOptions)
        #expect(chosen.filter == .sub)
        for index in 1..<4 {
            try renderer.draw(index, on: canvas, over: layer, timing: &timing)
            // The frame alone would pick another filter...
            #expect(try canvas.resolvingPerImageFilter(of: renderer.pngOptions).filter != chosen.filter)
            // ...but is written with frame 0's, the same in a partial render.
            let expected = try canvas.pngData(options: chosen, text: FrameFolder.textChunks(identity: identity, index: index))
            let name = FrameManifest.frameFileName(index)
            #expect(folder.bytes(name) == expected, "\(name)")
            if index >= 2 { #expect(part.bytes(name) == expected, "\(name) of the partial render") }
        }
    }

    @Test("resolving keeps explicit filters and level, and picks none, sub or up for perImage")
    func resolvingPerImage() throws {
        let canvas = try ImageCanvas(width: 32, height: 16)
        canvas.clear(.white)
        let explicit = PNGOptions(compressionLevel: 4, filter: .paeth)
        #expect(try canvas.resolvingPerImageFilter(of: explicit) == explicit)
        let resolved = try canvas.resolvingPerImageFilter(of: .fast)
        #expect([PNGOptions.Filter.none, .sub, .up].contains(resolved.filter))
        #expect(resolved.compressionLevel == 1 && resolved.recordsResolution == PNGOptions.fast.recordsResolution)
    }
}
