import Foundation
import Testing
@testable import FrameplotAnimation
import FrameplotCanvas
@testable import FrameplotScenes

@Suite("Scene rendering")
struct SceneRenderTests {
    func folder(_ label: String) -> String {
        let path = (NSTemporaryDirectory() as NSString).appendingPathComponent("frameplot-scenes-\(label)-\(UInt32.random(in: 0...UInt32.max))")
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Tiled overlays, linear fields, device-resolution regions and the encoder's per-thread
    /// state must not make a frame depend on which worker drew it, or on what it drew before.
    @Test("frames: parallel equals serial", arguments: [
        ("gd-locus", ["--steps", "1000", "--every", "200"]),
        ("logistic", ["--steps", "30", "--every", "5"]),
        ("mlp", ["--steps", "30", "--every", "5"]),
    ])
    func parallelEqualsSerial(name: String, arguments: [String]) throws {
        let scene = try SceneCatalog.standard.makeScene(name, arguments: arguments,
                                                        settings: SceneSettings(size: try FrameSize(width: 400, height: 200)))
        let serial = folder("serial"), parallel = folder("parallel")
        defer { try? FileManager.default.removeItem(atPath: serial); try? FileManager.default.removeItem(atPath: parallel) }
        try FrameRenderer(scene: scene, workerCount: 1, progress: .quiet).renderPNGSequence(to: serial)
        try FrameRenderer(scene: scene, workerCount: 2, progress: .quiet).renderPNGSequence(to: parallel)
        for index in 0..<scene.frameCount {
            let file = FrameManifest.frameFileName(index)
            let a = FileManager.default.contents(atPath: (serial as NSString).appendingPathComponent(file))
            let b = FileManager.default.contents(atPath: (parallel as NSString).appendingPathComponent(file))
            #expect(a != nil && a == b, "\(name): \(file) differs")
        }
    }

    @Test("every scene draws a non-blank first and last frame of its size", arguments: ["gd-locus", "gd1d", "linreg", "logistic", "mlp"])
    func framesDraw(name: String) throws {
        let scene = try SceneCache.scene(name)
        let renderer = FrameRenderer(scene: scene, progress: .quiet)
        // One static layer for both frames (it is the slow part of gd-locus in debug builds).
        let layer = try renderer.makeStaticLayer()
        let first = try renderer.makeCanvas(), last = try renderer.makeCanvas()
        var timing = FrameTiming()
        try renderer.draw(0, on: first, over: layer, timing: &timing)
        try renderer.draw(scene.frameCount - 1, on: last, over: layer, timing: &timing)
        #expect(first.pixelWidth == Int(scene.size.width) && first.pixelHeight == Int(scene.size.height))
        // The moving parts move: first and last frames differ.
        #expect(try first.pngData(options: .fast) != (try last.pngData(options: .fast)))
    }

    @Test("gd-locus pixels: the start + is white and the minimiser's × is red, above the path")
    func gdLocusMarkers() throws {
        let scene = try #require(try SceneCache.scene("gd-locus").scene as? FigureAnimation)
        // Static points stack above the per-frame path, so they are drawn with each frame.
        let layer = try FrameRenderer(scene: scene, progress: .quiet).renderFrame(0)
        let t = scene.layout.panels[0].transform
        let start = t.point(x: 0, y: 0)
        let startPixel = layer.pixel(x: Int(start.x), y: Int(start.y))
        #expect(startPixel.r > 200 && startPixel.g > 200 && startPixel.b > 200, "\(startPixel)")
        let minimum = t.point(x: 12.5 / 29, y: 5.25 - 4.5 * 12.5 / 29)
        let minPixel = layer.pixel(x: Int(minimum.x), y: Int(minimum.y))
        #expect(minPixel.r > 180 && minPixel.g < 90 && minPixel.b < 90, "\(minPixel)")
    }
}
