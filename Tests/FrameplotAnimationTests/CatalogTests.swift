import Foundation
import Testing
@testable import FrameplotAnimation
import FrameplotCanvas
import FrameplotModel

/// A minimal catalog scene: a sliding box with typed options, one file as a new scene would be.
enum BoxScene: SceneDefinition {
    struct Options: SceneOptionSet {
        var steps = 4
        var rate = 0.5
        var fast = false
        var label: String?
        var data = DataSelection()

        static let options: [SceneOption<Options>] = [
            .steps(\.steps),
            .learningRate(\.rate, help: "A rate."),
            .flag("fast", \.fast, help: "Faster."),
            .value("label", \.label, valueName: "TEXT", help: "A caption.", use: .drawing),
        ] + SceneOption.data(\.data, label: .none)

        func validate(rendering: Bool) throws { try data.check(label: .none) }
        var inputFiles: [String] { data.inputFiles }
    }

    static let name = "box"
    static let summary = "a sliding box"
    static let historyColumns = HistoryColumn.stepAndLoss(loss: "a loss") + [HistoryColumn("p", "a parameter")]

    static func prepare(_ request: SceneRequest<Options>) throws -> PreparedScene {
        let size = request.settings.size(default: Size(width: 64, height: 48))
        var run: RecordedRun? = nil
        if let history = request.history { run = try history.run(parameters: ["p"], scene: name) }
        let scene = SlidingBoxScene(frameCount: run?.steps.count ?? request.options.steps, size: size)
        return try request.prepared(scene, recordedRun: run)
    }
}

@Suite("Scene catalog")
struct CatalogTests {
    var catalog: SceneCatalog {
        var c = SceneCatalog()
        c.register(BoxScene.self)
        return c
    }

    func message(_ body: () throws -> Void) -> String {
        do { try body(); return "" } catch { return "\(error)" }
    }

    @Test("makes a registered scene from command-line style options")
    func makesScene() throws {
        #expect(try catalog.makeScene("box", arguments: ["--steps", "7"]).frameCount == 7)
        #expect(try catalog.makeScene("box", arguments: ["--steps=9"]).frameCount == 9)
        #expect(catalog.names == ["box"])
        let options = try BoxScene.Options.parse(["--fast", "--lr", "0.25", "--label", "hi"], scene: "box")
        #expect(options.fast && options.rate == 0.25 && options.label == "hi" && options.steps == 4)
        let entry = try #require(catalog.entry("box"))
        #expect(entry.options.map(\.usage).prefix(4) == ["--steps N", "--lr RATE", "--fast", "--label TEXT"])
        #expect(entry.options.first?.defaultText == "4")
        #expect(entry.rendersHistory)
    }

    @Test("an unknown name lists the known scenes")
    func unknownName() {
        #expect(throws: AnimationError.unknownScene("bx", known: ["box"])) { try catalog.makeScene("bx") }
        #expect(AnimationError.unknownScene("bx", known: ["box"]).description == "unknown scene \"bx\"; known scenes: box")
    }

    @Test("an option the scene does not take is refused with the list of those it takes")
    func unusedOptions() {
        let text = message { _ = try catalog.makeScene("box", arguments: ["--sgd"]) }
        #expect(text.contains("box does not take --sgd") && text.contains("--steps N, --lr RATE, --fast"), "\(text)")
        #expect(message { _ = try catalog.makeScene("box", arguments: ["extra"]) }.contains("unexpected argument \"extra\""))
        #expect(message { _ = try catalog.makeScene("box", arguments: ["--steps"]) }.contains("--steps needs a value"))
        #expect(message { _ = try catalog.makeScene("box", arguments: ["--fast=1"]) }.contains("takes no value"))
        #expect(message { _ = try catalog.makeScene("box", arguments: ["--steps", "2", "--steps", "3"]) }.contains("given twice"))
        #expect(message { _ = try catalog.makeScene("box", arguments: ["--x", "h"]) }.contains("--x needs --data FILE"))
        #expect(message { _ = try catalog.makeScene("box", arguments: ["--data", "d.csv", "--x", "h"]) }.contains("also give --y COL"))
    }

    @Test("bad values are refused with the option's name")
    func badValues() {
        #expect(message { _ = try catalog.makeScene("box", arguments: ["--steps", "0"]) } == "--steps 0: must be from 1 to 10000000")
        #expect(message { _ = try catalog.makeScene("box", arguments: ["--steps", "2.5"]) } == "--steps 2.5: expected a whole number")
        #expect(message { _ = try catalog.makeScene("box", arguments: ["--lr", "-1"]) } == "--lr -1: must be a positive number")
        #expect(message { _ = try catalog.makeScene("box", arguments: ["--lr", "0x10"]) }.hasPrefix("--lr 0x10: expected a decimal number"))
        #expect(message { _ = try catalog.makeScene("box", arguments: ["--lr", "inf"]) }.hasPrefix("--lr inf: expected a decimal number"))
    }

    @Test("rendering takes only drawing options; a scene without a history refuses one")
    func renderingOptions() throws {
        let run = RecordedRun(parameterNames: ["p"], steps: [TrainingStep(step: 0, epoch: 0, parameters: [1], loss: 1)])
        let history = HistoryInput(run: run)
        #expect(try catalog.makeScene("box", arguments: ["--label", "x"], history: history).frameCount == 1)
        let text = message { _ = try catalog.makeScene("box", arguments: ["--steps", "3"], history: history) }
        #expect(text.contains("--steps shapes the training") && text.contains("--label TEXT"), "\(text)")
        var other = SceneCatalog()
        other.register(NoHistoryScene.self)
        #expect(throws: AnimationError.self) { try other.makeScene("still", history: history) }
    }

    @Test("identity: every option and setting that changes a pixel changes it, the frame rate does not")
    func identity() throws {
        func id(_ arguments: [String], _ settings: SceneSettings = SceneSettings()) throws -> RenderIdentity {
            try catalog.makeScene("box", arguments: arguments, settings: settings).identity
        }
        let base = try id([])
        #expect(try id([]) == base)
        #expect(try id(["--steps", "4"]) == base, "the default given explicitly is the same picture")
        for arguments in [["--steps", "5"], ["--lr", "0.4"], ["--fast"], ["--label", "a"]] {
            #expect(try id(arguments) != base, "\(arguments)")
        }
        #expect(try id([], SceneSettings(theme: .dark)) != base)
        #expect(try id([], SceneSettings(scale: try RenderScale(2))) != base)
        #expect(try id([], SceneSettings(size: try FrameSize(width: 80, height: 48))) != base)
        #expect(try id([], SceneSettings(framesPerSecond: try FrameRate(5))) == base)
        #expect(try catalog.makeScene("box", settings: SceneSettings(framesPerSecond: try FrameRate(5))).framesPerSecond == 10,
                "the box scene keeps its own rate; others honour the setting")
    }

    @Test("identity: the history's rows and the data file's bytes are part of it")
    func identityInputs() throws {
        let folder = TemporaryFolder()
        defer { folder.cleanup() }
        let steps = [TrainingStep(step: 0, epoch: 0, parameters: [1], loss: 1), TrainingStep(step: 1, epoch: 1, parameters: [2], loss: 0.5)]
        var moved = steps
        moved[1].parameters = [2.0000001]
        let a = try catalog.makeScene("box", history: HistoryInput(run: RecordedRun(parameterNames: ["p"], steps: steps)))
        let b = try catalog.makeScene("box", history: HistoryInput(run: RecordedRun(parameterNames: ["p"], steps: moved)))
        #expect(a.identity != b.identity)
        #expect(a.recordedRun?.steps.map { Array($0.parameters) } == steps.map(\.parameters))

        let file = folder.file("d.csv")
        try Data("x,y\n1,2\n".utf8).write(to: URL(fileURLWithPath: file))
        let arguments = ["--data", file, "--x", "x", "--y", "y"]
        let first = try catalog.makeScene("box", arguments: arguments).identity
        try Data("x,y\n1,3\n".utf8).write(to: URL(fileURLWithPath: file))
        #expect(try catalog.makeScene("box", arguments: arguments).identity != first)
    }
}

/// A scene without a history, for the refusal test.
enum NoHistoryScene: SceneDefinition {
    static let name = "still"
    static let summary = "no history"
    static let historyColumns: [HistoryColumn] = []
    static func prepare(_ request: SceneRequest<NoSceneOptions>) throws -> PreparedScene {
        try request.prepared(SlidingBoxScene(), recordedRun: nil)
    }
}
