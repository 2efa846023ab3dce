import Testing
@testable import FrameplotAnimation
import FrameplotCanvas
import FrameplotModel

@Suite("Scene catalog")
struct CatalogTests {
    var catalog: SceneCatalog {
        var c = SceneCatalog()
        c.register("box", summary: "a sliding box") { options in
            SlidingBoxScene(frameCount: options.steps ?? 4, size: options.size ?? Size(width: 64, height: 48))
        }
        return c
    }

    @Test("makes a registered scene with options")
    func makesScene() throws {
        let scene = try catalog.makeScene("box", options: SceneOptions(steps: 7))
        #expect(scene.frameCount == 7 && scene.name == "sliding-box")
        #expect(catalog.names == ["box"])
    }

    @Test("an unknown name lists the known scenes")
    func unknownName() {
        #expect(throws: AnimationError.unknownScene("bx", known: ["box"])) { try catalog.makeScene("bx") }
        #expect(AnimationError.unknownScene("bx", known: ["box"]).description == "unknown scene \"bx\"; known scenes: box")
    }

    @Test("bad options are refused with the option's name")
    func badOptions() {
        #expect(throws: AnimationError.self) { try catalog.makeScene("box", options: SceneOptions(steps: 0)) }
        #expect(throws: AnimationError.self) { try catalog.makeScene("box", options: SceneOptions(learningRate: -1)) }
        #expect(throws: AnimationError.self) { try catalog.makeScene("box", options: SceneOptions(size: Size(width: 0, height: 600))) }
        do {
            _ = try catalog.makeScene("box", options: SceneOptions(framesPerSecond: 0))
        } catch {
            #expect("\(error)".hasPrefix("--fps"))
        }
    }

    @Test("a scene that cannot draw a history refuses one")
    func historyRefused() {
        let run = RecordedRun(parameterNames: ["a"], steps: [])
        #expect(throws: AnimationError.self) { try catalog.makeScene("box", options: SceneOptions(history: run)) }
    }
}
