import Foundation
import Testing
import FrameplotAnimation
import FrameplotCanvas
import FrameplotModel
@testable import FrameplotScenes

/// Renders one frame of `scene` (static layer and moving parts) onto a recording canvas.
func recordFrame(_ scene: any AnimationScene, _ index: Int, includeStatic: Bool = false) throws -> RecordingCanvas {
    let canvas = RecordingCanvas(width: scene.size.width, height: scene.size.height)
    if includeStatic { try scene.renderStatic(on: canvas) }
    try scene.renderFrame(index, on: canvas)
    return canvas
}

/// Built-in scenes with default options, made once per test run (training the network
/// takes a few seconds in a debug build).
enum SceneCache {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var scenes: [String: PreparedScene] = [:]

    static func scene(_ name: String) throws -> PreparedScene {
        lock.lock(); defer { lock.unlock() }
        if let scene = scenes[name] { return scene }
        let scene = try SceneCatalog.standard.makeScene(name)
        scenes[name] = scene
        return scene
    }
}

@Suite("Built-in scenes")
struct SceneTests {
    let catalog = SceneCatalog.standard

    @Test("the catalog lists every built-in scene")
    func catalogNames() {
        for name in ["backprop", "gd-locus", "gd1d", "linreg", "logistic", "mlp", "optimizers"] {
            #expect(catalog.entry(name) != nil, "\(name) missing")
        }
    }

    @Test("frame count, size and rate of each scene", arguments: [
        ("gd-locus", 101, 800.0, 400.0, 20.0),
        ("gd1d", 13, 600.0, 600.0, 2.0),
        ("linreg", 201, 800.0, 400.0, 20.0),
        ("logistic", 200, 800.0, 600.0, 20.0),
        ("mlp", 201, 900.0, 450.0, 20.0),
        ("optimizers", 151, 1120.0, 520.0, 20.0),
    ])
    func frameCountAndSize(name: String, frames: Int, width: Double, height: Double, fps: Double) throws {
        let scene = try SceneCache.scene(name)
        #expect(scene.frameCount == frames)
        #expect(scene.size == Size(width: width, height: height))
        #expect(scene.framesPerSecond == fps)
    }

    @Test("gd-locus: the first and last frames carry the textbook's texts")
    func gdLocusTexts() throws {
        let scene = try SceneCache.scene("gd-locus")
        let steps = try #require(scene.recordedRun).steps
        #expect(steps.count == 101)
        #expect(steps[0].step == 0 && steps[0].loss == 29.75)
        #expect(steps[100].step == 20_000)
        let first = try recordFrame(scene, 0).texts.map(\.text)
        #expect(first.contains("Epoch #0: MSE=29.75000"))
        #expect(first.contains("(a, b) = (0.00000, 0.00000)"))
        let last = try recordFrame(scene, 100).texts.map(\.text)
        let epoch = try #require(last.first { $0.hasPrefix("Epoch #20000: MSE=") })
        #expect(epoch == String(format: "Epoch #20000: MSE=%.5f", steps[100].loss))
        // Gradient descent ends near the exact minimiser (0.4310345, 3.3103448).
        let p = steps[100].parameters
        #expect(abs(p[0] - 12.5 / 29) < 0.02 && abs(p[1] - (5.25 - 4.5 * 12.5 / 29)) < 0.1)
        // The textbook's minimum MSE is 0.8405...; the last frame is within a few thousandths.
        #expect(steps[100].loss > 0.8405 && steps[100].loss < 0.85)
    }

    @Test("gd-locus: SGD is seeded — same seed, same run; other seed, other run")
    func gdLocusSGDSeeded() throws {
        func options(_ seed: UInt64?, sgd: Bool) -> GDLocusScene.Options {
            var options = GDLocusScene.Options()
            options.seed = seed; options.sgd = sgd
            return options
        }
        let a = try GDLocusScene.train(options: options(3, sgd: true))
        let b = try GDLocusScene.train(options: options(3, sgd: true))
        let c = try GDLocusScene.train(options: options(4, sgd: true))
        let gd = try GDLocusScene.train(options: options(nil, sgd: false))
        #expect(a == b)
        #expect(a.steps.last?.parameters != c.steps.last?.parameters)
        #expect(a.steps.last?.parameters != gd.steps.last?.parameters)
    }

    @Test("gd-locus: the static layer has the axis labels a, b, x, y as italic maths, and moving parts only move")
    func gdLocusLayers() throws {
        let scene = try SceneCache.scene("gd-locus")
        let statics = RecordingCanvas(width: 800, height: 400)
        try scene.renderStatic(on: statics)
        let labels = statics.texts.map(\.text)
        for name in ["a", "b", "x", "y"] {
            #expect(labels.contains("<i>\(name)</i>"), "axis label \(name) missing in \(labels)")
        }
        #expect(!labels.contains { $0.hasPrefix("Epoch") })
        // Every text of a frame lies inside the frame.
        let frame = try recordFrame(scene, 50, includeStatic: true)
        for text in frame.texts {
            #expect(Rect(x: 0, y: 0, width: 800, height: 400).contains(text.bounds, tolerance: 0.5), "\(text.text) outside")
        }
    }

    @Test("linreg: the slides' numbers, a history in the columns' units, Japanese labels without missing glyphs")
    func linreg() throws {
        let scene = try SceneCache.scene("linreg")
        let steps = try #require(scene.recordedRun).steps
        #expect(abs(steps[0].loss - 50.416) < 1e-6)
        // The slides print the centred intercept: "iter = 0 L = 50.416000 w0 = 1.980000 w1 = -0.672800".
        let centred = LinregScene.centredParameters(Array(steps[1].parameters))
        #expect(abs(centred[0] - 1.98) < 1e-9 && abs(centred[1] - (-0.6728)) < 1e-9)
        // The history itself says it as a person writes it: weight = w0 + w1 · height.
        let heights = Dataset.heightWeight.column(0), weights = Dataset.heightWeight.targets
        let w = steps[1].parameters
        let halfMSE = zip(heights, weights).map { (w[0] + w[1] * $0 - $1) * (w[0] + w[1] * $0 - $1) }.reduce(0, +) / 10
        #expect(abs(halfMSE - steps[1].loss) < 1e-9 * steps[1].loss)
        let statics = RecordingCanvas(width: 800, height: 400)
        try scene.renderStatic(on: statics)
        let labels = statics.texts
        for name in ["身長 (cm)", "体重 (kg)", "損失関数値", "繰り返し回数"] {
            let text = try #require(labels.first { $0.text == name }, "\(name) missing")
            #expect(text.metrics.unknownGlyphs == 0)
        }
    }

    @Test("gd1d: x halves its distance to 5 every step with η = 0.5")
    func gd1d() throws {
        let scene = try SceneCache.scene("gd1d")
        let xs = try #require(scene.recordedRun).steps.map { $0.parameters[0] }
        #expect(xs.prefix(4) == [9, 7, 6, 5.5])
        let texts = try recordFrame(scene, 0).texts.map(\.text)
        #expect(texts.contains { $0.hasPrefix("step 0:") && $0.contains("9.0000") })
    }

    @Test("gd1d --function: a typed formula, its gradient by reverse mode, errors that point at the character")
    func gd1dFunction() throws {
        let scene = try catalog.makeScene("gd1d", arguments: ["--function", "x**2", "--start", "3", "--lr", "0.25", "--steps", "3"])
        let run = try #require(scene.recordedRun)
        #expect(run.steps.map { $0.parameters[0] } == [3, 1.5, 0.75, 0.375])
        #expect(run.steps.map(\.loss) == [9, 2.25, 0.5625, 0.140625])
        let texts = try recordFrame(scene, 0, includeStatic: true).texts.map(\.text)
        #expect(texts.contains("f(x) = x^2") && texts.contains { $0.hasPrefix("step 0:") && $0.contains("f′(x) = 6.0000") })
        // The same formula typed differently is the same picture.
        let same = try catalog.makeScene("gd1d", arguments: ["--function", "x ^ 2", "--start", "3", "--lr", "0.25", "--steps", "3"])
        #expect(same.identity == scene.identity)
        do {
            _ = try catalog.makeScene("gd1d", arguments: ["--function", "x^2 + * 3"])
            Issue.record("a broken formula was accepted")
        } catch {
            #expect("\(error)" == "--function \"x^2 + * 3\": at character 7: expected a number, variable, function or \"(\" but found \"*\"")
        }
        // A history of a typed function is drawn only with that function.
        let history = HistoryInput(run: run, source: "f.csv")
        _ = try catalog.makeScene("gd1d", arguments: ["--function", "x^2"], history: history)
        #expect(throws: AnimationError.self) { try catalog.makeScene("gd1d", history: history) }
        #expect(throws: AnimationError.self) { try catalog.makeScene("gd1d", arguments: ["--function", "x^3"], history: history) }
    }

    @Test("logistic and mlp learn: loss falls and accuracy ends high")
    func classifiersLearn() throws {
        for name in ["logistic", "mlp"] {
            let scene = try SceneCache.scene(name)
            let run = try #require(scene.recordedRun)
            let first = try #require(run.steps.first), last = try #require(run.steps.last)
            #expect(last.loss < first.loss * 0.5, "\(name) loss \(first.loss) -> \(last.loss)")
            #expect((last.metrics["accuracy"] ?? 0) > 0.85, "\(name) accuracy \(last.metrics)")
        }
    }

    @Test("a scene re-renders from its recorded history (CSV and JSON lines): same frames, no training")
    func rendersFromHistory() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("frameplot-scene-history-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["gd-locus", "linreg", "gd1d", "logistic", "mlp"] {
            let trained = try SceneCache.scene(name)
            let run = try #require(trained.recordedRun)
            for ext in ["csv", "jsonl"] {
                let path = "\(folder)/\(name).\(ext)"
                if ext == "csv" { try run.makeHistory().writeCSV(to: path) } else { try run.makeHistory().writeJSONLines(to: path) }
                // No --data: the history was recorded on the built-in data, which the scene recognises.
                let replayed = try catalog.makeScene(name, history: HistoryInput(file: path))
                #expect(replayed.frameCount == trained.frameCount)
                #expect(replayed.recordedRun?.steps.map(\.parameters) == run.steps.map(\.parameters), "\(name) \(ext)")
                #expect(replayed.identity == trained.identity, "\(name) \(ext): the same picture has the same identity")
                let last = trained.frameCount - 1
                #expect(try recordFrame(replayed, last).texts.map(\.text) == (try recordFrame(trained, last).texts.map(\.text)))
            }
        }
    }

    @Test("a history with the wrong columns gets a clear error")
    func wrongHistory() throws {
        let run = RecordedRun(parameterNames: ["w0", "w1"], steps: [TrainingStep(step: 0, epoch: 0, parameters: [1, 2], loss: 1)])
        do {
            _ = try catalog.makeScene("gd-locus", history: HistoryInput(run: run, source: "h.csv"))
            Issue.record("a history without a, b was drawn")
        } catch let error as AnimationError {
            #expect("\(error)".contains("needs the columns step, loss, a, b; missing a, b; the file has step, loss, w0, w1"), "\(error)")
        }
    }

    @Test("settings: size and fps are honoured, the theme recolours")
    func settings() throws {
        let settings = SceneSettings(size: try FrameSize(width: 640, height: 320), framesPerSecond: try FrameRate(10))
        let scene = try catalog.makeScene("gd-locus", arguments: ["--steps", "400"], settings: settings)
        #expect(scene.size == Size(width: 640, height: 320) && scene.framesPerSecond == 10)
        let dark = try catalog.makeScene("gd1d", settings: SceneSettings(theme: .dark))
        #expect(dark.identity != (try catalog.makeScene("gd1d")).identity)
    }
}
