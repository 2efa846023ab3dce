import Foundation
import Testing
import FrameplotAnimation
import FrameplotCanvas
import FrameplotPlot
@testable import FrameplotScenes

/// Marks a scene animates stay visible on the user's data: the fitted line over a dense cloud,
/// the current-step dot at the panel's edge.
@Suite("Scene marks visible on the user's data")
struct SceneMarkVisibilityTests {
    /// 10,000 points around weight = 0.9·height − 95.
    static var dense: String {
        var text = "身長,体重\n"
        for i in 0..<10_000 {
            let h = 170 + 15 * UserDataFixtures.wiggle(i, 1.37)
            text += String(format: "%.2f,%.2f\n", h, 0.9 * h - 95 + 8 * UserDataFixtures.wiggle(i, 2.91))
        }
        return text
    }

    @Test("linreg and gd-locus draw the fitted line above a 10,000-point cloud", arguments: ["linreg", "gd-locus"])
    func fitAboveDenseCloud(_ scene: String) throws {
        let fixtures = try UserDataFixtures()
        defer { fixtures.remove() }
        let file = try fixtures.write("dense.csv", Self.dense)
        let prepared = try SceneCatalog.standard.makeScene(scene, arguments: ["--data", file, "--x", "身長", "--y", "体重",
                                                                              "--steps", "20", "--every", "10"])
        let animation = try #require(prepared.scene as? FigureAnimation)
        let dataPanel = scene == "gd-locus" ? 1 : 0
        // The frame's marks of the data panel start at the fits stratum: above the static points.
        #expect(animation.layout.panels[dataPanel].frameStrata?.lowerBound == .fits)
    }

    @Test("linreg's current-step dot is not cut by the loss panel's spine at the first and last step")
    func lossDotInside() throws {
        let prepared = try SceneCatalog.standard.makeScene("linreg")
        let animation = try #require(prepared.scene as? FigureAnimation)
        let panel = animation.layout.panels[1]
        let run = try #require(prepared.recordedRun)
        for state in [run.steps[0], run.steps[run.steps.count - 1]] {
            let p = panel.transform.point(x: Double(state.step), y: state.loss)
            #expect(p.x - 4 >= panel.plotRect.minX && p.x + 4 <= panel.plotRect.maxX, "step \(state.step) at \(p.x)")
        }
    }

    @Test("gd-locus on the user's data: both captions sit on opaque panels, so no path, contour or point crosses them")
    func captionsOnUserData() throws {
        let fixtures = try UserDataFixtures()
        defer { fixtures.remove() }
        let scene = try SceneCatalog.standard.makeScene("gd-locus", arguments: ["--data", fixtures.path("pandas.csv"), "--x", "hours",
                                                                                "--y", "score", "--steps", "400", "--every", "100"])
        let recorded = try recordFrame(scene, 2, includeStatic: true)
        let image = try ImageCanvas(width: scene.size.width, height: scene.size.height)
        try scene.renderStatic(on: image)
        try scene.renderFrame(2, on: image)
        for prefix in ["Epoch #200", "(a, b) = "] {
            let text = try #require(recorded.texts.last { $0.text.hasPrefix(prefix) })
            // Just left of the first glyph, inside the panel's padding: the panel's colour, the
            // default theme's white face, whatever is drawn under it.
            let probe = image.pixel(x: Int(text.canvasBounds.minX - 3), y: Int(text.canvasBounds.midY))
            let face = Theme.default.colors.axesFace
            let expected = [face.red, face.green, face.blue].map { Int(($0 * 255).rounded()) }
            #expect([Int(probe.r), Int(probe.g), Int(probe.b)] == expected, "\(prefix): \(probe)")
        }
    }
}
