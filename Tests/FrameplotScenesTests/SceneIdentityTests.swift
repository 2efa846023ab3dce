import Foundation
import Testing
import FrameplotAnimation
import FrameplotCanvas
@testable import FrameplotScenes

/// Resume never keeps a frame that would now be drawn differently: every option of every scene
/// changes the render identity, and a re-render into the same folder redraws every frame; the
/// same options (or only another frame rate) keep them all.
@Suite("Scene identities and re-rendering")
struct SceneIdentityTests {
    struct Variants: CustomStringConvertible, Sendable {
        var scene: String
        /// Few frames at a small size, so every variant renders quickly.
        var base: [String]
        /// Each changes one option (or a data file / column choice).
        var changes: [[String]]
        var description: String { scene }
    }

    static func cases(_ data: UserDataFixtures) -> [Variants] {
        let line = ["--data", data.path("pandas.csv"), "--x", "hours", "--y", "score"]
        let classes = ["--data", data.path("separable.csv"), "--x", "temperature", "--y", "pressure", "--label", "label"]
        let three = ["--data", data.path("three_class.csv"), "--x", "petal_length", "--y", "petal_width", "--label", "species"]
        return [
            Variants(scene: "gd-locus", base: ["--steps", "400", "--every", "200"], changes: [
                ["--steps", "600"], ["--every", "100"], ["--lr", "0.05"], ["--sgd"], ["--sgd", "--seed", "3"],
                line, line + ["--xlabel", "Stunden"], line + ["--ylabel", "Punkte"],
                ["--data", data.path("pandas.csv"), "--x", "score", "--y", "hours"],
                ["--view", "3d"], ["--view", "both"], ["--view", "3d", "--azimuth", "-100"], ["--view", "3d", "--elevation", "20"],
                ["--view", "3d", "--rotate"], ["--z-scale", "linear"],
            ]),
            Variants(scene: "linreg", base: ["--steps", "4", "--every", "2"], changes: [
                ["--steps", "6"], ["--every", "1"], ["--lr", "0.02"], line, line + ["--xlabel", "h"],
            ]),
            Variants(scene: "logistic", base: ["--steps", "4", "--every", "2"], changes: [
                ["--steps", "6"], ["--every", "1"], ["--lr", "0.1"], ["--seed", "2"], classes, classes + ["--ylabel", "p"],
            ]),
            Variants(scene: "mlp", base: ["--steps", "20", "--every", "10"], changes: [
                ["--steps", "30"], ["--every", "5"], ["--lr", "0.1"], ["--hidden", "4"], ["--seed", "2"], three,
            ]),
            Variants(scene: "gd1d", base: ["--steps", "2"], changes: [
                ["--steps", "3"], ["--every", "2"], ["--lr", "0.3"], ["--start", "8"], ["--function", "(x - 5)^2"],
                ["--function", "(x - 5)^2", "--start", "7"],
            ]),
            Variants(scene: "backprop", base: [], changes: [["--example", "shopping"], ["--lr", "0.3"]]),
            Variants(scene: "optimizers", base: ["--steps", "20", "--every", "10"], changes: [
                ["--steps", "30"], ["--every", "5"], ["--function", "rosenbrock"], ["--function", "x^2 + 2*y^2"],
                ["--optimizers", "gd,adam"], ["--optimizers", "adam,gd"], ["--start", "1,1"], ["--lr", "0.01"], ["--lr", "adam=0.05"],
                ["--domain", "-1..4,-2..2"], ["--view", "3d"], ["--view", "both"], ["--view", "3d", "--azimuth", "-60"],
                ["--view", "3d", "--elevation", "60"], ["--view", "3d", "--rotate"], ["--z-scale", "linear"],
            ]),
        ]
    }

    static let small = SceneSettings(size: try? FrameSize(width: 240, height: 160))

    /// `base` (pairs of option and value) with the options that `change` sets replaced.
    static func merged(_ base: [String], _ change: [String]) -> [String] {
        var kept: [String] = []
        for k in stride(from: 0, to: base.count - 1, by: 2) where !change.contains(base[k]) {
            kept += [base[k], base[k + 1]]
        }
        return kept + change
    }

    func render(_ scene: PreparedScene, into folder: String) throws -> RenderSummary {
        try FrameRenderer(scene: scene, workerCount: 1, progress: .quiet).renderPNGSequence(to: folder)
    }

    @Test("changes each option of each scene and re-renders into the same folder",
          arguments: ["gd-locus", "linreg", "logistic", "mlp", "gd1d", "backprop", "optimizers"])
    func everyOptionRedraws(scene name: String) throws {
        let data = try UserDataFixtures()
        defer { data.remove() }
        let folder = data.path("frames")
        let variants = try #require(Self.cases(data).first { $0.scene == name })
        let catalog = SceneCatalog.standard
        let base = try catalog.makeScene(name, arguments: variants.base, settings: Self.small)
        #expect(try render(base, into: folder).framesRendered == base.frameCount)
        // The same options again, or only another frame rate: every frame is kept.
        let again = try catalog.makeScene(name, arguments: variants.base, settings: Self.small)
        #expect(again.identity == base.identity)
        #expect(try render(again, into: folder).framesSkipped == base.frameCount)
        var faster = Self.small
        faster.framesPerSecond = try FrameRate(7)
        let fast = try catalog.makeScene(name, arguments: variants.base, settings: faster)
        #expect(fast.identity == base.identity)

        var seen: Set<RenderIdentity> = [base.identity]
        var settingsChanges: [SceneSettings] = []
        for theme in [ThemeName.dark, .slides] { var s = Self.small; s.theme = theme; settingsChanges.append(s) }
        var scaled = Self.small
        scaled.scale = try RenderScale(2)
        settingsChanges.append(scaled)
        settingsChanges.append(SceneSettings(size: try FrameSize(width: 256, height: 160)))
        if name != "backprop" {   // not a parameter animation: it refuses --tween
            for tween in [try Tween(frames: 1), try Tween(frames: 2), try Tween(frames: 2, easing: .cubic)] {
                var tweened = Self.small
                tweened.tween = tween
                settingsChanges.append(tweened)
            }
        }
        let requests = variants.changes.map { (Self.merged(variants.base, $0), Self.small) } + settingsChanges.map { (variants.base, $0) }
        for (arguments, settings) in requests {
            let changed = try catalog.makeScene(name, arguments: arguments, settings: settings)
            #expect(seen.insert(changed.identity).inserted, "\(name) \(arguments) \(settings): identity not new")
            let renderer = FrameRenderer(scene: changed, scale: settings.scale.value, workerCount: 1, progress: .quiet)
            let summary = try renderer.renderPNGSequence(to: folder)
            #expect(summary.framesSkipped == 0, "\(name) \(arguments): \(summary.framesSkipped) frames of another picture kept")
        }
    }

    @Test("a changed data file or history changes the identity even when the options are the same")
    func inputsChangeTheIdentity() throws {
        let data = try UserDataFixtures()
        defer { data.remove() }
        let arguments = ["--data", data.path("pandas.csv"), "--x", "hours", "--y", "score", "--steps", "400", "--every", "200"]
        let before = try SceneCatalog.standard.makeScene("gd-locus", arguments: arguments)
        try data.write("pandas.csv", UserDataFixtures.pandas.replacingOccurrences(of: "\r\n0,", with: "\r\n0,1"))
        let after = try SceneCatalog.standard.makeScene("gd-locus", arguments: arguments)
        #expect(before.identity != after.identity)

        // The history of the run on the data as it is now (render refuses one of other data).
        let run = try #require(after.recordedRun)
        let path = data.path("h.csv")
        try run.makeHistory().writeCSV(to: path)
        let drawn = try SceneCatalog.standard.makeScene("gd-locus", arguments: Array(arguments.dropLast(4)), history: HistoryInput(file: path))
        let edited = run.mappingStates { if $0.step == 200 { $0.parameters[0] += 1e-9 } }
        try edited.makeHistory().writeCSV(to: path)
        let redrawn = try SceneCatalog.standard.makeScene("gd-locus", arguments: Array(arguments.dropLast(4)), history: HistoryInput(file: path))
        #expect(drawn.identity != redrawn.identity, "render's identity includes the history's rows")
    }
}
