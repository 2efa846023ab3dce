import Foundation
import Testing
import FrameplotAnimation
import FrameplotCanvas
import FrameplotPlot
@testable import FrameplotScenes

/// Separable data makes logistic regression's weights grow without bound; its boundary must
/// stay a straight line, background included.
@Suite("Logistic background with huge weights")
struct LogisticBackgroundTests {
    @Test("weights in the ten thousands: the background along the decision line is the same colour everywhere (no staircase)")
    func straightBackground() throws {
        let fixtures = try UserDataFixtures()
        defer { fixtures.remove() }
        let scene = try SceneCatalog.standard.makeScene("logistic", arguments: [
            "--data", fixtures.path("separable.csv"), "--x", "temperature", "--y", "pressure", "--label", "label",
            "--lr", "100000", "--steps", "2000", "--every", "100"], settings: SceneSettings(size: try FrameSize(width: 1600, height: 1200)))
        let run = try #require(scene.recordedRun)
        let w: [Double] = Array(try #require(run.steps.last).parameters)
        #expect(abs(w[1]) > 1_000, "weights \(w)")
        let animation = try #require(scene.scene as? FigureAnimation)
        let transform = animation.layout.panels[0].transform
        let image = try ImageCanvas(width: scene.size.width, height: scene.size.height)
        let last = run.steps.count - 1
        try scene.renderStatic(on: image)
        try scene.renderFrame(last, on: image)
        // The line w0 + w1·x + w2·y = 0 in pixels, from where it enters the plot to where it leaves.
        let limits = (x: transform.x.limits, y: transform.y.limits)
        let ends = try #require(StraightLineMark.clip(a: w[1], b: w[2], c: w[0], x: limits.x.lower...limits.x.upper,
                                                      y: limits.y.lower...limits.y.upper))
        let a = transform.point(x: ends.0.x, y: ends.0.y), b = transform.point(x: ends.1.x, y: ends.1.y)
        let length = hypot(b.x - a.x, b.y - a.y)
        let normal = Point(x: -(b.y - a.y) / length, y: (b.x - a.x) / length)
        for offset in [-3.0, 3.0] {
            var channels: [[Int]] = [[], [], []]
            for i in 0...24 {
                let t = 0.2 + 0.6 * Double(i) / 24
                let p = Point(x: a.x + t * (b.x - a.x) + offset * normal.x, y: a.y + t * (b.y - a.y) + offset * normal.y)
                let value = Self.sample(image, p)
                for c in 0..<3 { channels[c].append(Int(value[c].rounded())) }
            }
            let spread = channels.map { ($0.max() ?? 0) - ($0.min() ?? 0) }.max() ?? 0
            #expect(spread <= 8, "offset \(offset): colours vary by \(spread) along the line")
        }
    }

    /// The image's colour at a point between pixel centres, bilinearly: free of the rounding
    /// of positions, so only the picture's own variation along a line shows.
    static func sample(_ image: ImageCanvas, _ p: Point) -> [Double] {
        let x = p.x - 0.5, y = p.y - 0.5
        let x0 = Int(x.rounded(.down)), y0 = Int(y.rounded(.down))
        let fx = x - Double(x0), fy = y - Double(y0)
        var out = [0.0, 0.0, 0.0]
        for (dx, dy, weight) in [(0, 0, (1 - fx) * (1 - fy)), (1, 0, fx * (1 - fy)), (0, 1, (1 - fx) * fy), (1, 1, fx * fy)] {
            let pixel = image.pixel(x: x0 + dx, y: y0 + dy)
            out[0] += weight * Double(pixel.r); out[1] += weight * Double(pixel.g); out[2] += weight * Double(pixel.b)
        }
        return out
    }
}
