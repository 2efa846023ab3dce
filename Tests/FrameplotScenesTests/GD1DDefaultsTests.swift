import Foundation
import Testing
import FrameplotAnimation
import FrameplotModel
import FrameplotPlot
@testable import FrameplotScenes

/// gd1d with typed functions and starts of the user's: defaults that work, a view that fits
/// the run, and errors that blame the right option.
@Suite("gd1d defaults, view and domain errors")
struct GD1DDefaultsTests {
    @Test("the help's example works with the defaults: into the local minimum near x = 1.13")
    func helpExample() throws {
        let scene = try SceneCatalog.standard.makeScene("gd1d", arguments: ["--function", "x^4 - 3*x^2 + x"])
        let run = try #require(scene.recordedRun)
        let last = try #require(run.steps.last).parameters[0]
        #expect(abs(last - 1.1309) < 0.05, "ended at \(last)")
        let finite = run.steps.allSatisfy { $0.loss.isFinite }
        #expect(finite)
    }

    @Test("a start outside the domain, or a step out of it, is not blamed on the learning rate")
    func domainErrors() {
        func message(_ arguments: [String]) -> String {
            do { _ = try SceneCatalog.standard.makeScene("gd1d", arguments: arguments); return "" } catch { return "\(error)" }
        }
        let outside = message(["--function", "log(x)", "--start", "-1"])
        #expect(outside.contains("--start -1") && outside.contains("not defined") && !outside.contains("learning rate"), "\(outside)")
        let leaves = message(["--function", "log(x)", "--start", "2", "--lr", "0.5"])
        #expect(leaves.contains("not defined") && leaves.contains("--start"), "\(leaves)")
        // Exploding on a function defined everywhere is still the rate's doing.
        #expect(message(["--lr", "5"]).contains("diverged"))
    }

    @Test("the built-in parabola's view widens to a start outside 0..10, and keeps 0..10 otherwise")
    func viewFitsTheRun() throws {
        for (start, expectWide) in [(30.0, true), (9.0, false)] {
            let scene = try SceneCatalog.standard.makeScene("gd1d", arguments: ["--start", SceneText.number(start)])
            let animation = try #require(scene.scene as? FigureAnimation)
            let limits = animation.layout.panels[0].transform.x.limits
            if expectWide {
                #expect(limits.lower < 5 && limits.upper > start, "\(limits)")
                let y = animation.layout.panels[0].transform.y.limits
                #expect(y.upper >= GD1DScene.f(start), "\(y)")
            } else {
                #expect(limits.lower == 0 && limits.upper == 10)
            }
        }
    }
}
