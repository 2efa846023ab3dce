import Foundation
import Testing

/// The built-in training scenes through `animate`, `render` and `scenes`, as a user runs them.
@Suite("frameplot scenes")
struct CLISceneTests {
    func pngCount(_ box: CLISandbox, _ folder: String) -> Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: box.path(folder))) ?? []).filter { $0.hasSuffix(".png") }.count
    }

    @Test func gd1dFramesLogAndRender() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        let result = try box.run("animate", "gd1d", "--steps", "4", "--size", "160x160", "--log", "h.csv", "--quiet", "-o", "frames")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(pngCount(box, "frames") == 5)
        #expect(OutputFormat.pngSize(box.bytes("frames/frame_00000.png"))?.width == 160)
        let log = String(decoding: box.bytes("h.csv"), as: UTF8.self)
        #expect(log.hasPrefix("step,epoch,loss,x"))
        #expect(log.split(separator: "\n").count == 6)

        let again = try box.run("render", "h.csv", "--scene", "gd1d", "--size", "200x200", "--quiet", "-o", "again")
        #expect(again.status == 0, "\(again.stderr)")
        #expect(OutputFormat.pngSize(box.bytes("again/frame_00004.png"))?.width == 200)
    }

    @Test func divergingSceneSuggestsASmallerRate() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        let result = try box.run("animate", "gd1d", "--lr", "5", "-o", "frames")
        expectFailure(result, status: 1, ["diverged", "smaller learning rate"])
        #expect(!box.exists("frames"))
    }

    @Test func renderRejectsAHistoryOfAnotherScene() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        try box.write("h.csv", "step,loss,w0,w1\n0,1,0,0\n1,0.5,0.1,0.1\n")
        expectFailure(try box.run("render", "h.csv", "--scene", "gd1d", "-o", "frames"), status: 1,
                      ["h.csv", "needs the columns step, loss, x", "missing x", "the file has step, loss, w0, w1", "frameplot scenes gd1d"])
        #expect(!box.exists("frames"))
    }

    @Test func everyOptionASceneDoesNotUseIsAUsageError() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        try box.write("d.csv", "x,y,c\n1,2,a\n2,3,b\n3,5,a\n")
        let cases: [([String], [String])] = [
            (["animate", "linreg", "--sgd"], ["linreg does not take --sgd", "--steps N", "--data FILE"]),
            (["animate", "linreg", "--seed", "3"], ["linreg does not take --seed"]),
            (["animate", "gd1d", "--data", "d.csv"], ["gd1d does not take --data", "--lr RATE"]),
            (["animate", "backprop", "--steps", "10"], ["backprop does not take --steps", "--example NAME"]),
            (["animate", "backprop", "--every", "2"], ["backprop does not take --every"]),
            (["animate", "backprop", "--example", "shopping", "--lr", "0.1"], ["--lr", "shopping example has no parameter update"]),
            (["animate", "gd-locus", "--seed", "3"], ["--seed", "--sgd"]),
            (["animate", "gd-locus", "--example", "x"], ["gd-locus does not take --example"]),
            (["animate", "gd-locus", "--label", "c"], ["gd-locus does not take --label"]),
            (["animate", "logistic", "--data", "d.csv", "--x", "x", "--y", "y"], ["also give --label COL"]),
            (["animate", "linreg", "--x", "x"], ["--x needs --data FILE"]),
            (["animate", "mlp", "--hidden", "0"], ["--hidden 0", "from 1 to 64"]),
            (["animate", "gd-locus", "--steps", "ten"], ["--steps ten: expected a whole number"]),
            (["render", "h.csv", "--scene", "gd-locus", "--steps", "3"], ["--steps shapes the training", "--data FILE"]),
            (["render", "h.csv", "--scene", "backprop"], ["backprop", "records no training history"]),
            (["animate", "backprop", "--log", "h.csv"], ["--log", "records no training history"]),
            (["scenes", "nope"], ["unknown scene \"nope\""]),
            (["animate", "gd1d", "--function", "x^2 + * 3"], ["--function \"x^2 + * 3\": at character 7"]),
            (["animate", "gd1d", "--function", "2x"], ["write 2*x"]),
        ]
        for (arguments, words) in cases {
            expectFailure(try box.run(arguments + ["-o", "out"].filter { _ in arguments.first != "scenes" }), status: 2, words)
        }
        #expect(box.entries() == ["d.csv"], "nothing written")
    }

    @Test func badDataIsOneLineNamingTheCell() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        try box.write("nan.csv", "x,y\n1,2\n2,nan\n")
        try box.write("flat.csv", "x,y\n3,1\n3,2\n")
        let nan = try box.run("animate", "linreg", "--data", "nan.csv", "--x", "x", "--y", "y", "-o", "out")
        expectFailure(nan, status: 1, ["nan.csv:3:2", "not a finite number in column \"y\""])
        #expect(!nan.stderr.contains("--drop-invalid"), "scenes have no --drop-invalid to suggest")
        expectFailure(try box.run("animate", "gd-locus", "--data", "flat.csv", "--x", "x", "--y", "y", "-o", "out"), status: 1,
                      ["flat.csv", "same \"x\"", "no line can be fitted"])
        expectFailure(try box.run("animate", "linreg", "--data", "nan.csv", "--x", "height", "--y", "y", "-o", "out"), status: 1,
                      ["no column \"height\""])
        #expect(!box.exists("out"))
    }

    @Test func logisticOnASeparableSetOfTheUsersReachesFullAccuracyInItsLog() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        var text = "\u{FEFF}\"temp (°C)\";\"druk\";\"klasse\"\r\n"
        for i in 0..<60 {
            let hot = i % 2 == 1
            let t = (hot ? 35.0 : 20) + 3 * sin(Double(i)), p = (hot ? 520.0 : 300) + 40 * cos(Double(i) * 1.3)
            text += "\(String(format: "%.2f", t).replacingOccurrences(of: ".", with: ","));\(String(format: "%.1f", p).replacingOccurrences(of: ".", with: ","));\(hot ? "warm" : "koud")\r\n"
        }
        try box.write("punten.csv", text)
        let result = try box.run("animate", "logistic", "--data", "punten.csv", "--x", "temp (°C)", "--y", "2", "--label", "klasse",
                                 "--every", "20", "--size", "320x240", "--log", "run.csv", "--quiet", "-o", "frames")
        #expect(result.status == 0, "\(result.stderr)")
        let lines = String(decoding: box.bytes("run.csv"), as: UTF8.self).split(separator: "\n")
        #expect(lines.first == "step,epoch,loss,w0,w1,w2,accuracy")
        #expect(lines.last?.split(separator: ",").last == "1", "final accuracy: \(lines.last ?? "")")
        #expect(pngCount(box, "frames") == 200)

        // The log renders again over the same data, and not over the built-in blobs.
        let again = try box.run("render", "run.csv", "--scene", "logistic", "--data", "punten.csv", "--x", "1", "--y", "2",
                                "--label", "3", "--size", "320x240", "--quiet", "-o", "again")
        #expect(again.status == 0, "\(again.stderr)")
        expectFailure(try box.run("render", "run.csv", "--scene", "logistic", "-o", "wrong"), status: 2,
                      ["not recorded on logistic's built-in data", "--data FILE"])
        #expect(!box.exists("wrong"))
    }

    @Test func aNumpyLoopsHistoryRendersOverItsOwnData() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/numpy-line").path
        let result = try box.run("render", fixture + "/history.csv", "--scene", "gd-locus", "--data", fixture + "/study.csv",
                                 "--x", "hours", "--y", "score", "--frames", "100..100", "-o", "frames")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(box.exists("frames/frame_00100.png"))
        expectFailure(try box.run("render", fixture + "/history.csv", "--scene", "gd-locus", "-o", "frames2"), status: 2,
                      ["was not recorded on gd-locus's built-in data", "--data FILE --x COL --y COL"])
    }

    @Test func aWideHistoryFailsOrSucceedsWithAShortMessage() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        let extra = (0..<2_000).map { "column_\($0)" }
        let header = (["step", "loss"] + extra).joined(separator: ",")
        let rows = (0..<3).map { k in ([String(k), "1"] + extra.map { _ in "0.5" }).joined(separator: ",") }
        try box.write("wide.csv", ([header] + rows).joined(separator: "\n") + "\n")
        let result = try box.run("render", "wide.csv", "--scene", "gd-locus", "-o", "frames")
        expectFailure(result, status: 1, ["needs the columns step, loss, a, b", "missing a, b", "and 1992 more"])
        #expect(result.stderr.count < 400, "\(result.stderr.count) characters")

        // With the scene's columns among them, extras are ignored (and the steps may be floats).
        let named = (["step", "loss"] + extra + ["b", "a"]).joined(separator: ",")
        let gdRows = (0..<3).map { k in ([String(format: "%.1f", Double(k)), String(29.75)] + extra.map { _ in "9" } + ["0", "0"]).joined(separator: ",") }
        try box.write("wide-ok.csv", ([named] + gdRows).joined(separator: "\n") + "\n")
        let ok = try box.run("render", "wide-ok.csv", "--scene", "gd-locus", "--size", "200x100", "--quiet", "-o", "ok")
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(pngCount(box, "ok") == 3)
    }

    @Test func jsonLinesLogRendersAgain() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        let result = try box.run("animate", "linreg", "--steps", "6", "--size", "320x160", "--log", "run.jsonl", "--quiet", "-o", "frames")
        #expect(result.status == 0, "\(result.stderr)")
        let lines = String(decoding: box.bytes("run.jsonl"), as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 7 && lines[0].hasPrefix("{\"step\":0,\"epoch\":0,\"loss\":50.416"))
        let again = try box.run("render", "run.jsonl", "--scene", "linreg", "--size", "320x160", "--quiet", "-o", "frames")
        #expect(again.status == 0, "\(again.stderr)")
    }

    @Test func scenesListsEveryScenesOptionsAndColumns() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        let result = try box.run("scenes")
        #expect(result.status == 0 && result.stderr.isEmpty)
        for name in ["backprop", "gd-locus", "gd1d", "linreg", "logistic", "mlp", "optimizers"] {
            #expect(result.stdout.contains("\(name) — "), "\(name) missing")
        }
        for words in ["--view 2d|3d|both", "--rotate", "--z-scale auto|log|linear", "<name>_loss", "--tween K"] {
            #expect(result.stdout.contains(words), "\(words) missing")
        }
        for words in ["--data FILE", "--label COL", "--sgd", "--hidden M", "--example NAME", "slope of the line y = a·x + b",
                      "intercept of ŷ = w0 + w1·x", "w<j>_<i>", "accuracy", "history columns"] {
            #expect(result.stdout.contains(words), "\(words) missing")
        }
        let one = try box.run("scenes", "linreg")
        #expect(one.status == 0 && one.stdout.hasPrefix("linreg — ") && !one.stdout.contains("gd-locus — "))
        for command in ["animate", "render"] {
            let help = try box.run(command, "--help")
            #expect(help.status == 0 && help.stdout.contains("frameplot scenes"), "\(command) --help")
        }
    }

    @Test func optimizerRaceLogAndRenderAgain() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        // A negative start given as the next argument, as people type it.
        let result = try box.run("animate", "optimizers", "--function", "rosenbrock", "--start", "-1.5,2", "--steps", "20", "--every", "10",
                                 "--size", "480x240", "--log", "race.csv", "--quiet", "-o", "frames")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(pngCount(box, "frames") == 3)
        let log = String(decoding: box.bytes("race.csv"), as: UTF8.self).split(separator: "\n")
        #expect(log.count == 4 && log[0].hasPrefix("step,gd_x,gd_y,gd_loss,momentum_x") && log[1].hasPrefix("0,-1.5,2,"))
        let again = try box.run("render", "race.csv", "--scene", "optimizers", "--view", "both", "--size", "600x240", "--quiet", "-o", "again")
        #expect(again.status == 0, "\(again.stderr)")
        #expect(OutputFormat.pngSize(box.bytes("again/frame_00002.png"))?.width == 600)
        expectFailure(try box.run("render", "race.csv", "--scene", "optimizers", "--steps", "5", "-o", "x"), status: 2,
                      ["--steps shapes the training"])
        expectFailure(try box.run("animate", "optimizers", "--optimizers", "gd,lion", "-o", "x"), status: 2,
                      ["--optimizers gd,lion", "unknown optimizer \"lion\""])
        #expect(!box.exists("x"))
    }

    @Test func tweenAddsFramesBetweenRecordedStatesAndTheLogKeepsTheRecordedOnes() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        let result = try box.run("animate", "gd1d", "--steps", "4", "--tween", "2", "--easing", "cubic", "--size", "160x160",
                                 "--log", "h.csv", "--quiet", "-o", "frames")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(pngCount(box, "frames") == 13)
        #expect(String(decoding: box.bytes("h.csv"), as: UTF8.self).split(separator: "\n").count == 6)
        expectFailure(try box.run("animate", "gd1d", "--easing", "cubic", "-o", "x"), status: 2, ["--easing", "--tween K"])
        expectFailure(try box.run("animate", "gd1d", "--tween", "0", "-o", "x"), status: 2, ["--tween 0", "from 1 to 100"])
        expectFailure(try box.run("animate", "gd1d", "--tween", "2", "--easing", "bounce", "-o", "x"), status: 2, ["--easing bounce", "linear or cubic"])
        expectFailure(try box.run("animate", "backprop", "--tween", "2", "-o", "x"), status: 2, ["--tween", "backprop", "nothing to interpolate"])
        #expect(!box.exists("x"))
    }
}
