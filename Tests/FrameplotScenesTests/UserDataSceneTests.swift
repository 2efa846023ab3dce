import Foundation
import Testing
import FrameplotAnimation
import FrameplotCanvas
import FrameplotModel
import FrameplotPlot
@testable import FrameplotScenes

/// Every data scene trained on a user's own CSV: it shows that data, the loss falls, and the
/// history is in the units of the user's columns.
@Suite("Scenes on the user's data")
struct UserDataSceneTests {
    struct Case: CustomStringConvertible, Sendable {
        var scene: String
        var file: String
        var arguments: [String]
        /// Texts the static layer must show (axis titles, ticks in the user's units).
        var titles: [String]
        var description: String { "\(scene) \(file) \(arguments.joined(separator: " "))" }
    }

    static let cases: [Case] = [
        Case(scene: "gd-locus", file: "pandas.csv", arguments: ["--x", "hours", "--y", "score"], titles: ["hours", "score"]),
        Case(scene: "gd-locus", file: "semicolon.csv", arguments: ["--x", "Jahr", "--y", "Preis (€)", "--sgd", "--seed", "2"],
             titles: ["Jahr", "Preis (€)", "2000"]),
        Case(scene: "linreg", file: "heights_ja.csv", arguments: ["--x", "身長", "--y", "体重"], titles: ["身長", "体重", "損失関数値"]),
        Case(scene: "linreg", file: "semicolon.csv", arguments: ["--x", "1", "--y", "2", "--ylabel", "Preis (k€)"],
             titles: ["Jahr", "Preis (k€)", "2010"]),
        Case(scene: "logistic", file: "separable.csv", arguments: ["--x", "temperature", "--y", "pressure", "--label", "label"],
             titles: ["temperature", "pressure", "label", "0", "1"]),
        Case(scene: "mlp", file: "three_class.csv", arguments: ["--x", "petal_length", "--y", "petal_width", "--label", "species",
                                                               "--steps", "300"],
             titles: ["petal_length", "petal_width", "setosa", "versicolor", "virginica"]),
    ]

    @Test("trained on the user's CSV: the loss falls and the frame shows the columns", arguments: cases)
    func trainsOnUserData(_ testCase: Case) throws {
        let fixtures = try UserDataFixtures()
        defer { fixtures.remove() }
        let scene = try SceneCatalog.standard.makeScene(testCase.scene, arguments: ["--data", fixtures.path(testCase.file)] + testCase.arguments)
        let run = try #require(scene.recordedRun)
        let first = try #require(run.steps.first), last = try #require(run.steps.last)
        #expect(last.loss < first.loss * 0.5, "loss \(first.loss) -> \(last.loss)")
        // A whole frame: the static layer and the last state's moving parts (and the legend).
        let frame = RecordingCanvas(width: scene.size.width, height: scene.size.height)
        try scene.renderStatic(on: frame)
        try scene.renderFrame(scene.frameCount - 1, on: frame)
        let texts = frame.texts.map(\.text)
        for title in testCase.titles {
            #expect(texts.contains { $0 == title || $0.contains(title) }, "\(title) missing from \(texts)")
        }
        // Every text of a frame lies inside the frame.
        for text in frame.texts {
            #expect(Rect(x: 0, y: 0, width: scene.size.width, height: scene.size.height).contains(text.canvasBounds, tolerance: 1),
                    "\(text.text) outside the frame")
        }
    }

    @Test("the line scenes end at the least-squares line of the user's points, in their units")
    func lineFitsInUserUnits() throws {
        let fixtures = try UserDataFixtures()
        defer { fixtures.remove() }
        let selection = DataSelection(file: fixtures.path("pandas.csv"), x: "hours", y: "score")
        let points = try LinePoints.load(selection, builtIn: LinePoints(builtIn: .fourPoints, xTitle: "", yTitle: ""))
        #expect(points.xs.count == 40 && !points.isBuiltIn)
        let fit = points.leastSquares
        let design = Matrix(rows: points.xs.count, cols: 2, values: points.xs.flatMap { [$0, 1] })
        let exact = try LeastSquares.solve(design, points.ys)
        #expect(abs(fit.slope - exact[0]) < 1e-9 && abs(fit.intercept - exact[1]) < 1e-9)

        // The loss surface's closed form agrees with the sum over the points, also for years and
        // prices, where the uncentred form would lose its digits.
        let years = try LinePoints.load(DataSelection(file: fixtures.path("semicolon.csv"), x: "1", y: "2"),
                                        builtIn: LinePoints(builtIn: .fourPoints, xTitle: "", yTitle: ""))
        for sample in [points, years] {
            let surface = sample.meanSquaredErrorSurface
            let best = sample.leastSquares
            for (a, b) in [(0.0, 0.0), (best.slope, best.intercept), (best.slope * 1.01, best.intercept - 3)] {
                let direct = sample.meanSquaredError(slope: a, intercept: b)
                #expect(abs(surface(a, b) - direct) <= 1e-9 * direct, "\(a), \(b)")
            }
        }

        let arguments = ["--data", selection.file ?? "", "--x", "hours", "--y", "score"]
        let locus = try #require(try SceneCatalog.standard.makeScene("gd-locus", arguments: arguments).recordedRun)
        #expect(locus.parameterNames == ["a", "b"])
        let ab = try #require(locus.steps.last).parameters
        #expect(abs(ab[0] - fit.slope) < 1e-3 * abs(fit.slope) && abs(ab[1] - fit.intercept) < 1e-3 * abs(fit.intercept), "\(ab)")
        // Each state's loss is the mean squared error of its (a, b) on the user's points.
        for step in locus.steps {
            #expect(abs(step.loss - points.meanSquaredError(slope: step.parameters[0], intercept: step.parameters[1])) <= 1e-9 * step.loss)
        }
        #expect(locus.steps.first.map { Array($0.parameters) } == [0, 0], "the textbook's start, (a, b) = (0, 0)")

        let linreg = try #require(try SceneCatalog.standard.makeScene("linreg", arguments: arguments).recordedRun)
        #expect(linreg.parameterNames == ["w0", "w1"])
        let w = try #require(linreg.steps.last).parameters
        #expect(abs(w[1] - fit.slope) < 1e-3 * abs(fit.slope) && abs(w[0] - fit.intercept) < 1e-3 * abs(fit.intercept), "\(w)")
        for step in linreg.steps {
            let half = points.meanSquaredError(slope: step.parameters[1], intercept: step.parameters[0]) / 2
            #expect(abs(step.loss - half) <= 1e-9 * step.loss)
        }
    }

    @Test("logistic on a separable set of the user's reaches 100% accuracy; its weights act on the raw columns")
    func logisticSeparable() throws {
        let fixtures = try UserDataFixtures()
        defer { fixtures.remove() }
        let scene = try SceneCatalog.standard.makeScene("logistic", arguments: [
            "--data", fixtures.path("separable.csv"), "--x", "temperature", "--y", "pressure", "--label", "label"])
        let run = try #require(scene.recordedRun)
        #expect(run.parameterNames == ["w0", "w1", "w2"] && run.metricNames == ["accuracy"])
        #expect(run.steps.last?.metrics["accuracy"] == 1)
        // The recorded weights, on the raw columns, give the recorded loss and accuracy.
        let selection = DataSelection(file: fixtures.path("separable.csv"), x: "temperature", y: "pressure", label: "label")
        let points = try ClassPoints.load(selection, classes: 2...2, model: "logistic", builtIn: ClassPoints(builtIn: .fourPoints))
        let raw = try LogisticRegressionObjective(dataset: points.dataset)
        for step in run.steps {
            #expect(abs(raw.loss(at: Array(step.parameters)) - step.loss) <= 1e-9 * max(step.loss, 1e-3))
            #expect(raw.metrics(at: Array(step.parameters))["accuracy"] == step.metrics["accuracy"])
        }
    }

    @Test("mlp on the user's three text classes: converted first layer reproduces the recorded loss and accuracy")
    func mlpUserUnits() throws {
        let fixtures = try UserDataFixtures()
        defer { fixtures.remove() }
        let scene = try SceneCatalog.standard.makeScene("mlp", arguments: [
            "--data", fixtures.path("three_class.csv"), "--x", "petal_length", "--y", "petal_width", "--label", "species",
            "--steps", "200", "--every", "50", "--hidden", "4"])
        let run = try #require(scene.recordedRun)
        #expect(run.parameterNames.count == 4 * 3 + 3 * 5)
        #expect((run.steps.last?.metrics["accuracy"] ?? 0) > 0.95)
        let selection = DataSelection(file: fixtures.path("three_class.csv"), x: "petal_length", y: "petal_width", label: "species")
        let points = try ClassPoints.load(selection, classes: 2...8, model: "mlp", builtIn: ClassPoints(builtIn: .fourPoints))
        #expect(points.classNames == ["setosa", "versicolor", "virginica"].map { $0 }, "text classes in order of appearance")
        let raw = try TwoLayerNetworkObjective(dataset: points.dataset, hiddenUnits: 4)
        for step in run.steps {
            #expect(abs(raw.loss(at: Array(step.parameters)) - step.loss) <= 1e-8 * max(step.loss, 1e-3))
            #expect(raw.metrics(at: Array(step.parameters))["accuracy"] == step.metrics["accuracy"])
        }
    }

    @Test("labels: numbers by value, text by appearance; class counts each model cannot take are refused clearly")
    func labels() throws {
        #expect(ClassPoints.classIndexes(["2", "1", "1.0", "2"]).names == ["1", "2"])
        #expect(ClassPoints.classIndexes(["2", "1", "1.0", "2"]).indexes == [1, 0, 0, 1])
        #expect(ClassPoints.classIndexes(["b", "a", "b"]).names == ["b", "a"])
        let fixtures = try UserDataFixtures()
        defer { fixtures.remove() }
        func message(_ scene: String, _ file: String, _ extra: [String] = []) -> String {
            let label = scene == "gd-locus" || scene == "linreg" ? [] : ["--label", "3"]
            do {
                _ = try SceneCatalog.standard.makeScene(scene, arguments: ["--data", fixtures.path(file), "--x", "1", "--y", "2"]
                                                        + label + extra)
                return ""
            } catch { return "\(error)" }
        }
        let three = message("logistic", "three_class.csv")
        #expect(three.contains("needs exactly 2 classes") && three.contains("\"setosa\"") && three.contains("use the mlp scene"), "\(three)")
        var many = "x,y,c\n"
        for i in 0..<40 { many += "\(i),\(i % 7),k\(i % 20)\n" }
        try fixtures.write("many.csv", many)
        let twenty = message("mlp", "many.csv")
        #expect(twenty.contains("2 to 8 classes") && twenty.contains("has 20"), "\(twenty)")
        try fixtures.write("one.csv", "x,y,c\n1,2,a\n2,3,a\n")
        #expect(message("mlp", "one.csv").contains("has 1"))
        try fixtures.write("empty.csv", "x,y,c\n1,2,a\n2,3,\n3,1,b\n")
        #expect(message("mlp", "empty.csv").contains("empty.csv:3: empty cell in the label column \"c\""))
        try fixtures.write("flat.csv", "x,y\n2,1\n2,5\n")
        let flat = (try? SceneCatalog.standard.makeScene("linreg", arguments: ["--data", fixtures.path("flat.csv"), "--x", "x", "--y", "y"])) == nil
        #expect(flat, "one x value for every row cannot give a line")
        try fixtures.write("huge.csv", "x,y\n1,2\n1e200,3\n")
        let huge = message("gd-locus", "huge.csv")
        #expect(huge.contains("huge.csv:3") && huge.contains("too large"), "\(huge)")
    }

    @Test("a history written by an outside numpy loop, columns in its own order, renders over its own data")
    func numpyHistory() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/numpy-line").path
        let history = try HistoryInput(file: fixture + "/history.csv")
        #expect(history.columnNames == ["step", "loss", "b", "a"])
        let scene = try SceneCatalog.standard.makeScene("gd-locus", arguments: [
            "--data", fixture + "/study.csv", "--x", "hours", "--y", "score"], history: history)
        let run = try #require(scene.recordedRun)
        #expect(run.steps.count == 101 && run.steps.last?.step == 2000)
        let last = try recordFrame(scene, 100).texts.map(\.text)
        #expect(last.contains("(a, b) = (5.53392, 37.66620)") && last.contains("Epoch #2000: MSE=16.91620"), "\(last)")
        // Without --data it is not drawn over the textbook's four points.
        do {
            _ = try SceneCatalog.standard.makeScene("gd-locus", history: history)
            Issue.record("a numpy history of other data was drawn over the built-in points")
        } catch let error as AnimationError {
            #expect("\(error)".contains("was not recorded on gd-locus's built-in data") && "\(error)".contains("--data FILE"))
        }
    }

    @Test("a logistic history without an accuracy column gets it computed from its weights")
    func accuracyComputed() throws {
        let fixtures = try UserDataFixtures()
        defer { fixtures.remove() }
        var options = LogisticScene.Options()
        options.data = DataSelection(file: fixtures.path("separable.csv"), x: "temperature", y: "pressure", label: "label")
        let loss = try LogisticRegressionObjective(dataset: LogisticScene.points(options).dataset).loss(at: [-34, 0.2, 0.05])
        let path = try fixtures.write("h.csv", "step,loss,w2,w1,w0\n0,0.6931471805599453,0,0,0\n1,\(loss),0.05,0.2,-34\n")
        let scene = try SceneCatalog.standard.makeScene("logistic", arguments: [
            "--data", fixtures.path("separable.csv"), "--x", "temperature", "--y", "pressure", "--label", "label"],
            history: HistoryInput(file: path))
        let run = try #require(scene.recordedRun)
        #expect(run.metricNames == ["accuracy"])
        #expect(run.steps[0].metrics["accuracy"] == 0.5 && run.steps[1].parameters == [-34, 0.2, 0.05])
    }
}
