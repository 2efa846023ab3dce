import Foundation
import Testing
import FrameplotAnimation
import FrameplotCanvas
import FrameplotPlot
@testable import FrameplotScenes

@Suite("Contrast: every mark at 3:1 in every theme")
struct ContrastTests {
    static let themes = ["default", "slides", "dark"]

    @Test("gallery figures", arguments: themes)
    func gallery(theme: String) throws {
        let t = try #require(Theme.named(theme))
        for entry in try Gallery.figures(theme: t) {
            let audit = try ContrastAudit(figure: entry.figure)
            #expect(audit.failures.isEmpty, "\(entry.name) \(theme): \(audit.failures)")
        }
    }

    @Test("a frame of every scene", arguments: themes)
    func scenes(theme: String) throws {
        for name in SceneCatalog.standard.names {
            // gd-locus trains 20,000 steps by default: fewer give the same look, faster.
            let arguments = name == "gd-locus" ? ["--steps", "4000"] : []
            let scene = try SceneCatalog.standard.makeScene(name, arguments: arguments,
                                                            settings: SceneSettings(theme: try ThemeName(parsing: theme)))
            for index in Set([scene.frameCount / 2, scene.frameCount - 1]).sorted() {
                let audit = try ContrastAudit(width: scene.size.width, height: scene.size.height)
                try scene.renderStatic(on: audit)
                try scene.renderFrame(index, on: audit)
                #expect(audit.failures.isEmpty, "\(name) frame \(index) \(theme): \(audit.failures)")
            }
        }
    }

    @Test("the 3-D views of the loss-surface scenes", arguments: themes)
    func surfaceViews(theme: String) throws {
        let cases: [(String, [String])] = [
            ("optimizers", ["--view", "both", "--steps", "100"]),
            ("optimizers", ["--view", "3d", "--function", "saddle", "--steps", "100"]),
            ("gd-locus", ["--view", "3d", "--steps", "4000"]),
        ]
        for (name, arguments) in cases {
            let scene = try SceneCatalog.standard.makeScene(name, arguments: arguments,
                                                            settings: SceneSettings(theme: try ThemeName(parsing: theme)))
            let audit = try ContrastAudit(width: scene.size.width, height: scene.size.height)
            try scene.renderStatic(on: audit)
            try scene.renderFrame(scene.frameCount - 1, on: audit)
            #expect(audit.failures.isEmpty, "\(name) \(arguments) \(theme): \(audit.failures)")
        }
    }
}
