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
    nonisolated(unsafe) private static var scenes: [String: any AnimationScene] = [:]

    static func scene(_ name: String) throws -> any AnimationScene {
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
        for name in ["backprop", "gd-locus", "gd1d", "linreg", "logistic", "mlp"] {
            #expect(catalog.entry(name) != nil, "\(name) missing")
        }
    }

    @Test("frame count, size and rate of each scene", arguments: [
        ("gd-locus", 101, 800.0, 400.0, 20.0),
        ("gd1d", 13, 600.0, 600.0, 2.0),
        ("linreg", 201, 800.0, 400.0, 20.0),
        ("logistic", 200, 800.0, 600.0, 20.0),
        ("mlp", 201, 900.0, 450.0, 20.0),
    ])
    func frameCountAndSize(name: String, frames: Int, width: Double, height: Double, fps: Double) throws {
        let scene = try SceneCache.scene(name)
        #expect(scene.frameCount == frames)
        #expect(scene.size == Size(width: width, height: height))
        #expect(scene.framesPerSecond == fps)
    }

    @Test("gd-locus: the first and last frames carry the textbook's texts")
    func gdLocusTexts() throws {
        let scene = try #require(try SceneCache.scene("gd-locus") as? FigureAnimation)
        let steps = scene.run.steps
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
        let a = try GDLocusScene.train(options: SceneOptions(seed: 3, sgd: true))
        let b = try GDLocusScene.train(options: SceneOptions(seed: 3, sgd: true))
        let c = try GDLocusScene.train(options: SceneOptions(seed: 4, sgd: true))
        let gd = try GDLocusScene.train(options: SceneOptions())
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

    @Test("linreg: the slides' numbers, Japanese labels without missing glyphs")
    func linreg() throws {
        let scene = try LinregScene.make(options: SceneOptions())
        let steps = scene.run.steps
        #expect(abs(steps[0].loss - 50.416) < 1e-6)
        #expect(abs(steps[1].parameters[0] - 1.98) < 1e-6 && abs(steps[1].parameters[1] - (-0.6728)) < 1e-6)
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
        let scene = try GD1DScene.make(options: SceneOptions())
        let xs = scene.run.steps.map { $0.parameters[0] }
        #expect(xs.prefix(4) == [9, 7, 6, 5.5])
        let texts = try recordFrame(scene, 0).texts.map(\.text)
        #expect(texts.contains { $0.hasPrefix("step 0:") && $0.contains("9.0000") })
    }

    @Test("logistic and mlp learn: loss falls and accuracy ends high")
    func classifiersLearn() throws {
        for name in ["logistic", "mlp"] {
            let scene = try SceneCache.scene(name)
            let run = try #require((scene as? FigureAnimation)?.run)
            let first = try #require(run.steps.first), last = try #require(run.steps.last)
            #expect(last.loss < first.loss * 0.5, "\(name) loss \(first.loss) -> \(last.loss)")
            #expect((last.metrics["accuracy"] ?? 0) > 0.85, "\(name) accuracy \(last.metrics)")
        }
    }

    @Test("a scene re-renders from its recorded history: same frames, no training")
    func rendersFromHistory() throws {
        for name in ["gd-locus", "linreg", "gd1d", "logistic"] {
            let trained = try #require(try SceneCache.scene(name) as? FigureAnimation)
            // Through CSV, as `frameplot render` does.
            let csv = trained.run.makeHistory().csvText()
            let history = try TrainingHistory.parseCSV(csv, parameterCount: trained.run.parameterNames.count)
            var options = SceneOptions()
            options.history = RecordedRun(history)
            let replayed = try catalog.makeScene(name, options: options)
            #expect(replayed.frameCount == trained.frameCount)
            let last = trained.frameCount - 1
            #expect(try recordFrame(replayed, last).texts.map(\.text) == (try recordFrame(trained, last).texts.map(\.text)))
        }
    }

    @Test("a history with the wrong columns gets a clear error")
    func wrongHistory() throws {
        var options = SceneOptions()
        options.history = RecordedRun(parameterNames: ["w0", "w1"], steps: [TrainingStep(step: 0, epoch: 0, parameters: [1, 2], loss: 1)])
        #expect(throws: AnimationError.self) { try catalog.makeScene("gd-locus", options: options) }
    }

    @Test("options: size and fps are honoured, unknown themes refused")
    func options() throws {
        let scene = try catalog.makeScene("gd-locus", options: SceneOptions(size: Size(width: 640, height: 320), framesPerSecond: 10))
        #expect(scene.size == Size(width: 640, height: 320) && scene.framesPerSecond == 10)
        #expect(throws: AnimationError.self) { try catalog.makeScene("gd-locus", options: SceneOptions(theme: "neon")) }
        _ = try catalog.makeScene("gd1d", options: SceneOptions(theme: "dark"))
    }
}
