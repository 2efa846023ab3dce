import Foundation
import Testing
import FrameplotAnimation
import FrameplotCanvas
import FrameplotModel
import FrameplotPlot
@testable import FrameplotScenes

@Suite("optimizers: the optimizer race scene")
struct OptimizersSceneTests {
    let catalog = SceneCatalog.standard
    static let small = SceneSettings(size: try? FrameSize(width: 480, height: 240))

    func scene(_ arguments: [String], settings: SceneSettings = small, history: HistoryInput? = nil) throws -> PreparedScene {
        try catalog.makeScene("optimizers", arguments: arguments, settings: settings, history: history)
    }

    func message(_ arguments: [String], history: HistoryInput? = nil) -> String {
        do {
            _ = try scene(arguments, history: history)
            return "no error"
        } catch {
            return String(describing: error)
        }
    }

    @Test("every option is checked, and an error names it", arguments: [
        (["--optimizers", "gd,sgd2"], ["--optimizers gd,sgd2", "unknown optimizer \"sgd2\"", "gd, momentum, nesterov, adagrad, rmsprop, adam"]),
        (["--optimizers", "gd,GD"], ["gd is listed twice"]),
        (["--optimizers", "gd,,adam"], ["--optimizers", "an empty name"]),
        (["--lr", "adam:0.1"], ["--lr adam:0.1", "NAME=RATE"]),
        (["--lr", "adam=0.1,gd"], ["--lr adam=0.1,gd", "is not NAME=RATE"]),
        (["--lr", "adam=fast"], ["--lr adam=fast", "\"fast\" is not a decimal number"]),
        (["--lr", "adam=-1"], ["--lr adam=-1", "positive"]),
        (["--lr", "0"], ["--lr 0", "positive"]),
        (["--lr", "lion=0.1"], ["--lr lion=0.1", "unknown optimizer \"lion\""]),
        (["--lr", "adam=0.1,adam=0.2"], ["adam has two rates"]),
        (["--optimizers", "gd", "--lr", "adam=0.1"], ["--lr adam=", "adam is not in the race", "--optimizers gd"]),
        (["--start", "9,9"], ["--start", "(9, 9) lies outside", "x -1..4.5"]),
        (["--start", "1"], ["--start 1", "two decimal numbers"]),
        (["--start", "1,y"], ["--start 1,y", "two decimal numbers"]),
        (["--domain", "1..0,0..1"], ["--domain 1..0,0..1", "X0 < X1"]),
        (["--domain", "0..1,0..1"], ["--domain", "(1, 1.5) lies outside", "give --start"]),
        (["--function", "x^2 + * y"], ["--function \"x^2 + * y\"", "at character 7"]),
        (["--function", "log(x) + y", "--start", "-1,1"], ["--start -1,1", "not defined"]),
        (["--function", "log(x) + y"], ["--function", "not defined at the start (-1.5, 1.5)", "give --start X,Y"]),
        (["--domain", "-1.7e308..1.7e308,-1..1", "--start", "0,0"], ["--domain -1.7e308..1.7e308,-1..1", "finite widths"]),
        (["--azimuth", "30"], ["--azimuth", "--view 3d"]),
        (["--rotate", "--elevation", "10"], ["--elevation, --rotate", "--view 3d"]),
        (["--view", "4d"], ["--view 4d", "2d, 3d, both"]),
        (["--view", "3d", "--elevation", "100"], ["--elevation 100", "-90 to 90"]),
        (["--function", "saddle", "--z-scale", "log"], ["--z-scale log", "negative", "--z-scale linear"]),
        (["--steps", "0"], ["--steps 0"]),
        (["--every", "-1"], ["--every -1"]),
        (["--sgd"], ["optimizers does not take --sgd", "--optimizers LIST"]),
    ])
    func optionErrors(arguments: [String], words: [String]) {
        let text = message(arguments)
        for word in words { #expect(text.contains(word), "\(arguments): \(text)") }
    }

    @Test func theLogIsStepThenEachOptimizersXYAndLossWithRowZeroTheStartAndBlanksAfterADivergence() throws {
        // On the saddle momentum and Nesterov leave the plot early; GD stays.
        let prepared = try scene(["--function", "saddle", "--steps", "100", "--every", "10"])
        let log = try #require(prepared.historyLog)
        let names = ["gd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"]
        #expect(log.columnNames == names.flatMap { ["\($0)_x", "\($0)_y", "\($0)_loss"] })
        let text = log.csvText()
        #expect(text.hasPrefix("step,gd_x,gd_y,gd_loss,momentum_x,"))
        #expect(text.split(separator: "\n")[1] == "0" + String(repeating: ",-1.8,0.01,3.2399", count: 6))
        // The same numbers as the model's race, row for row; a diverged optimizer's later cells empty.
        let race = try OptimizerRace(function: .saddle, steps: 100).run()
        let momentum = try #require(race.tracks[1].divergence?.step)
        #expect(log.steps.contains(momentum - 1) && log.steps.contains(momentum), "the divergence is recorded exactly")
        #expect(Set(stride(from: 0, through: 100, by: 10)).isSubset(of: Set(log.steps)))
        for (row, step) in log.steps.enumerated() {
            let expected = race.logRow(step).dropFirst()
            #expect(log.columns.map { $0[row] } == Array(expected), "step \(step)")
        }
        let row = try #require(log.steps.firstIndex(of: momentum))
        #expect(log.columns[3][row] == nil && log.columns[3][row - 1] != nil)
        #expect(text.contains("\n\(momentum),") && text.contains(",,,"))
        // The legend says so, and the others go on.
        let animation = try #require(prepared.scene as? FigureAnimation)
        let last = try recordFrame(prepared, animation.frameCount - 1).texts.map(\.text)
        #expect(last.contains("Momentum  diverged at step \(momentum)"), "\(last)")
        let gd = try #require(race.tracks[0].losses.last)
        #expect(last.contains("GD  \(String(format: "%.2e", gd))"), "\(last)")
    }

    @Test func aTypedBealeGivesTheBuiltInBealesTrajectories() throws {
        let beale = TestFunction.beale
        let rates = Optimizer.torchDefaults.map { "\($0.name)=\(beale.learningRate(for: $0))" }.joined(separator: ",")
        let typed = try scene(["--function", "(1.5 - x + x*y)^2 + (2.25 - x + x*y**2)^2 + (2.625 - x + x*y³)^2",
                               "--domain", "-1..4.5,-2..2.5", "--start", "1,1.5", "--lr", rates, "--steps", "200", "--every", "1"])
        let builtIn = try scene(["--steps", "200", "--every", "1"])
        let a = try #require(typed.recordedRun), b = try #require(builtIn.recordedRun)
        #expect(a.steps.count == 201)
        #expect(a.parameterNames == b.parameterNames)
        for (s, t) in zip(a.steps, b.steps) {
            #expect(s.parameters.elementsEqual(t.parameters) { $0.bitPattern == $1.bitPattern }, "step \(s.step)")
        }
        #expect(typed.identity != builtIn.identity)
    }

    @Test func aHistoryIsDrawnByColumnNameAndItsFunctionRecognised() throws {
        let folder = try UserDataFixtures()
        defer { folder.remove() }
        let trained = try scene(["--function", "saddle", "--steps", "60", "--every", "10"])
        let log = try #require(trained.historyLog)
        // Columns in another order, an extra column, as JSON lines and as CSV.
        let order = Array(log.columnNames.indices.reversed())
        let shuffled = HistoryLog(columnNames: order.map { log.columnNames[$0] } + ["note"], steps: log.steps,
                                  columns: order.map { log.columns[$0] } + [log.steps.map { _ in 1 }])
        try shuffled.writeCSV(to: folder.path("race.csv"))
        try log.writeJSONLines(to: folder.path("race.jsonl"))
        for file in ["race.csv", "race.jsonl"] {
            let drawn = try scene([], history: HistoryInput(file: folder.path(file)))
            let run = try #require(drawn.recordedRun), original = try #require(trained.recordedRun)
            #expect(Set(run.parameterNames) == Set(original.parameterNames), "\(file)")
            for name in original.parameterNames {
                let a = try #require(run.column(name)), b = try #require(original.column(name))
                #expect(a.elementsEqual(b) { $0.bitPattern == $1.bitPattern }, "\(file) \(name)")
            }
            #expect(drawn.frameCount == trained.frameCount)
        }
        // Drawn with the options it was animated with, it is the same picture.
        let again = try scene(["--function", "saddle"], history: HistoryInput(file: folder.path("race.jsonl")))
        let same = try scene(["--function", "saddle"], history: HistoryInput(run: try #require(trained.recordedRun)))
        #expect(again.identity == same.identity)

        // A typed function is not recognised: it must be given, and must be the right one.
        let typed = try scene(["--function", "x^2 + 2*y^2", "--steps", "20", "--every", "10"])
        try #require(typed.historyLog).writeCSV(to: folder.path("typed.csv"))
        let history = try HistoryInput(file: folder.path("typed.csv"))
        #expect(message([], history: history).contains("not the values of any built-in function"))
        #expect(message(["--function", "x^2 + 3*y^2"], history: history).contains("was not recorded on x^2 + 3*y^2"))
        #expect(message(["--function", "x^2 + 2*y^2"], history: history) == "no error")
        #expect(message(["--steps", "3"], history: history).contains("shapes the training"))
    }

    @Test("histories that cannot be a race are refused with the line", arguments: [
        ("step,gd_x,gd_y,gd_loss\n0,1,1.5,41.25\n1,0.9,,1\n", ["line 3", "gd_x, gd_y and gd_loss must be all given or all empty"]),
        ("step,gd_x,gd_y,gd_loss\n0,1,1.5,41.25\n1,,,\n2,1,1.5,41.25\n", ["line 4", "gd has values again after the empty cells of line 3"]),
        ("step,adam_x,adam_y\n0,1,1.5\n", ["adam_x, adam_y but not adam_loss"]),
        ("step,loss,a,b\n0,1,2,3\n", ["needs the column step and", "<name>_x", "the file has step, loss, a, b"]),
        ("step,gd_x,gd_y,gd_loss\n0,1,1.5,41.25\n0,1,1.5,41.25\n", ["increasing step order"]),
        ("step,gd_x,gd_y,gd_loss\n0,1,1.5,nan\n", ["nan"]),
    ])
    func badHistories(text: String, words: [String]) throws {
        let folder = try UserDataFixtures()
        defer { folder.remove() }
        _ = try folder.write("h.csv", text)
        let result = message([], history: try HistoryInput(file: folder.path("h.csv")))
        for word in words { #expect(result.contains(word), "\(result)") }
    }

    @Test func viewsAndTheirPanels() throws {
        func panels(_ arguments: [String]) throws -> [Axes] {
            try #require(try scene(arguments + ["--steps", "10"]).scene as? FigureAnimation).figure.panels
        }
        #expect(try panels([]).map { $0.view3D != nil } == [false, false])
        #expect(try panels(["--view", "3d"]).map { $0.view3D != nil } == [true, false])
        #expect(try panels(["--view", "both"]).map { $0.view3D != nil } == [false, true, false])
        let rosenbrock = try panels(["--view", "3d", "--function", "rosenbrock"])[0].view3D
        #expect(rosenbrock?.z.scale == .log10 && rosenbrock?.turn == nil)
        #expect(try panels(["--view", "3d", "--function", "rosenbrock", "--z-scale", "linear"])[0].view3D?.z.scale == .linear)
        #expect(try panels(["--view", "3d", "--function", "saddle"])[0].view3D?.z.scale == .linear)
        let turning = try panels(["--view", "3d", "--rotate", "--azimuth", "10", "--elevation", "20"])[0].view3D
        #expect(turning?.turn == 10...100 && turning?.camera == Camera3D(azimuth: 10, elevation: 20))
    }

    @Test("the loss legend sits above every loss curve, inside its panel", arguments: ["2d", "3d", "both"])
    func lossLegendNeverCoversTheCurves(view: String) throws {
        let race = try OptimizerRace(function: .beale, optimizers: Optimizer.torchDefaults, steps: 30).run()
        let highest = race.tracks.flatMap(\.losses).filter(\.isFinite).max() ?? 0
        for theme in ThemeName.allCases {
            for size in [(800, 600), (801, 457), (1280, 720)] {
                let settings = SceneSettings(size: try FrameSize(width: size.0, height: size.1), theme: theme)
                let prepared = try scene(["--steps", "30", "--view", view], settings: settings)
                let layout = try #require(prepared.scene as? FigureAnimation).layout
                let loss = try #require(layout.panels.last)
                let legend = try #require(loss.legend)
                let context = "\(view) \(theme) \(size)"
                #expect(legend.placement == .upperRight, "\(context)")
                #expect(legend.rows.count == 6, "\(context): one row per optimizer, \(legend.rows.map(\.label.text))")
                #expect(loss.plotRect.contains(legend.box), "\(context)")
                let top = loss.transform.point(x: 0, y: highest).y
                #expect(top > legend.box.maxY, "\(context): the highest loss at y \(top), the legend down to \(legend.box.maxY)")
            }
        }
    }

    @Test func valuesBelowTheMapsDecadesGetItsLowestColourNotAHole() throws {
        // exp(100x) spans 260 decades; the map shows six, and everything lower is the darkest colour.
        let prepared = try scene(["--function", "exp(x*100)", "--start", "1,1", "--steps", "5"])
        let animation = try #require(prepared.scene as? FigureAnimation)
        let canvas = try FrameRenderer(scene: prepared, progress: .quiet).renderFrame(0)
        let p = animation.layout.panels[0].transform.point(x: -2, y: -2)
        let pixel = canvas.pixel(x: Int(p.x), y: Int(p.y))
        let darkest = (r: 68, g: 1, b: 84)    // viridis at 0
        let distance = abs(Int(pixel.r) - darkest.r) + abs(Int(pixel.g) - darkest.g) + abs(Int(pixel.b) - darkest.b)
        #expect(distance < 30, "\(pixel)")
    }

    @Test func aFramesPathsArePrefixesOfColumnsMadeOnce() throws {
        // GD at rate 1 leaves Beale's domain: its column stops at its first missing point.
        let prepared = try scene(["--steps", "30", "--every", "3", "--lr", "gd=1"])
        let run = try #require(prepared.recordedRun)
        let tween = try Tween(frames: 2, easing: .cubic)
        let timeline = FrameTimeline(recordedCount: run.steps.count, tween: tween)
        let drawn = run.tweened(by: 2, easing: .cubic)
        let columns = RacePathColumns(run: drawn, recorded: run, timeline: timeline, trackCount: 6)
        for frame in [0, 1, 7, timeline.frameCount - 1] {
            for k in 0..<6 {
                let walked = drawn.steps[...frame].prefix { RaceTracks.point($0, k) != nil }.compactMap { RaceTracks.point($0, k) }
                let path = columns.path(k, throughFrame: frame)
                #expect(path.xs == walked.map(\.x) && path.ys == walked.map(\.y) && path.losses == walked.map(\.loss), "frame \(frame), track \(k)")
                #expect(path.steps.count == walked.count && path.steps.first == 0)
            }
        }
        #expect(columns.path(0, throughFrame: timeline.frameCount - 1).xs.count < timeline.frameCount, "gd diverged")
    }

    @Test func framesAreDrawnWhereTheRaceIs() throws {
        // The last frame: each head in its optimizer's colour where its track ends, on the map.
        let prepared = try scene(["--steps", "40", "--every", "20", "--optimizers", "gd,adam"], settings: SceneSettings())
        let animation = try #require(prepared.scene as? FigureAnimation)
        let canvas = try FrameRenderer(scene: prepared, progress: .quiet).renderFrame(animation.frameCount - 1)
        let race = try OptimizerRace(function: .beale, optimizers: [.gradientDescent, .adam()], steps: 40).run()
        for (k, track) in race.tracks.enumerated() {
            let p = animation.layout.panels[0].transform.point(x: track.xs[40], y: track.ys[40])
            let pixel = canvas.pixel(x: Int(p.x), y: Int(p.y))
            let expected = rgba8(Theme.default.palette.color(k == 0 ? 0 : 5))
            let distance: Int = abs(Int(pixel.r) - Int(expected.r)) + abs(Int(pixel.g) - Int(expected.g)) + abs(Int(pixel.b) - Int(expected.b))
            #expect(distance < 30, "\(track.name) head: \(pixel) vs \(expected)")
        }
    }

    @Test func tweeningGivesTheFramesBetweenRecordedStatesInEveryFigureScene() throws {
        var settings = Self.small
        settings.tween = try Tween(frames: 3, easing: .cubic)
        let race = try scene(["--steps", "20", "--every", "1"], settings: settings)
        #expect(race.recordedRun?.steps.count == 21 && race.frameCount == 81)
        #expect(race.historyLog?.rowCount == 21, "the log keeps the recorded states")
        let gd1d = try catalog.makeScene("gd1d", arguments: ["--steps", "20"], settings: settings)
        #expect(gd1d.frameCount == 81 && gd1d.recordedRun?.steps.count == 21)
        let plain = try catalog.makeScene("gd1d", arguments: ["--steps", "20"], settings: Self.small)
        #expect(plain.identity != gd1d.identity)
        // A caption shows a recorded step: in-between frame 2 of gap 0 is nearer state 1.
        let texts = try recordFrame(gd1d, 2).texts.map(\.text)
        #expect(texts.contains { $0.hasPrefix("step 1:") }, "\(texts)")
        #expect(throws: AnimationError.self) { try catalog.makeScene("backprop", settings: settings) }
    }

    @Test func gdLocusDrawsItsLossSurfaceIn3D() throws {
        let prepared = try catalog.makeScene("gd-locus", arguments: ["--steps", "400", "--every", "200", "--view", "3d"])
        let animation = try #require(prepared.scene as? FigureAnimation)
        #expect(animation.figure.panels.count == 2 && animation.figure.panels[0].view3D != nil)
        let canvas = try FrameRenderer(scene: prepared, progress: .quiet).renderFrame(2)
        let projection = try #require(animation.layout.panels[0].threeD?.projection)
        // The plateau at a = 6 is high: yellow-green viridis, not the panel's white or grey.
        let points: [(Double, Double)] = [(1, 3), (3, 6), (6, 5), (8, 7)]
        let mse = points.map { (6.5 * $0.0 + 1 - $0.1) * (6.5 * $0.0 + 1 - $0.1) }.reduce(0, +) / 4
        let high = try #require(projection.point(x: 6.5, y: 1, z: mse))
        let pixel = canvas.pixel(x: Int(high.x), y: Int(high.y))
        #expect(Int(pixel.g) > Int(pixel.b) + 40, "surface colour at the plateau: \(pixel)")
        let both = try catalog.makeScene("gd-locus", arguments: ["--steps", "400", "--every", "200", "--view", "both", "--rotate"])
        #expect(try #require(both.scene as? FigureAnimation).figure.panels.map { $0.view3D?.turn != nil } == [false, true, false])
        #expect(both.size == Size(width: 1200, height: 400))
        #expect(message(["--view", "3d"]) == "no error")
    }
}

/// The 8-bit pixel of an opaque colour.
func rgba8(_ color: Color) -> RGBA8 {
    func byte(_ v: Double) -> UInt8 { UInt8((Swift.min(1, Swift.max(0, v)) * 255).rounded()) }
    return RGBA8(r: byte(color.red), g: byte(color.green), b: byte(color.blue), a: byte(color.alpha))
}
