import Foundation
import Testing
import FrameplotPlot
@testable import frameplot

/// The readers' cases of issues 10 and 14, run as a user would.
@Suite("frameplot readers")
struct CLIReaderTests {
    @Test func emptyJSONObjectsAreAnErrorNotACrash() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        try box.write("e.jsonl", "{}\n")
        expectFailure(try box.run("curve", "e.jsonl", "-o", "x.png"), status: 1, ["e.jsonl", "no columns"])
        #expect(!box.exists("x.png"))
        // An empty object among records is a row without values: skipped by every series.
        try box.write("f.jsonl", "{}\n{\"step\": 1, \"loss\": 1}\n{\"step\": 2, \"loss\": 0.5}\n")
        let result = try box.run("curve", "f.jsonl", "-o", "x.png", "--size", "200x150")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("loss (2 points, last 0.5)"))
    }

    @Test func hexNULAndHugeValuesAreRefusedWithLineAndColumn() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        try box.write("hex.csv", "x,y\n1,2\n0x10,3\n")
        try box.write("nul.csv", bytes: Array("x,y\n1,2\n1".utf8) + [0] + Array("9,3\n".utf8))
        try box.write("big.csv", "x,y\n1,2\n2,-1e308\n3,4\n")
        try box.write("bigx.csv", "x,y\n1e308,2\n2,3\n")
        expectFailure(try box.run("scatter", "hex.csv", "--x", "x", "--y", "y", "-o", "o.png"), status: 1,
                      ["hex.csv:3:1: \"0x10\" is not a number in column \"x\""])
        expectFailure(try box.run("scatter", "nul.csv", "--x", "x", "--y", "y", "-o", "o.png"), status: 1,
                      ["nul.csv:3:1: \"1\\09\" is not a number"])
        expectFailure(try box.run("line", "big.csv", "--x", "x", "--y", "y", "-o", "o.png"), status: 1,
                      ["big.csv:3:2", "-1e308", "too large to plot", "--drop-invalid"])
        expectFailure(try box.run("regions", "bigx.csv", "--x", "x", "--y", "y", "--label", "y", "-o", "o.png"), status: 1,
                      ["bigx.csv:2:1", "too large"])
        #expect(!box.exists("o.png"))
        let dropped = try box.run("scatter", "big.csv", "--x", "x", "--y", "y", "--drop-invalid", "--size", "200x150", "-o", "o.png")
        #expect(dropped.status == 0, "\(dropped.stderr)")
        #expect(dropped.stdout.contains("2 points"))
    }

    @Test func messagesAreEscapedAndShort() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        try box.write("esc.csv", "x,y\n1,\u{1B}[31mred\u{7}\n")
        let escaped = try box.run("scatter", "esc.csv", "--x", "x", "--y", "y", "-o", "o.png")
        expectFailure(escaped, status: 1, ["esc.csv:2:2", "\\x1B[31mred\\x07"])
        #expect(!escaped.stderr.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        let huge = String(repeating: "9", count: 1 << 20)
        try box.write("wide.csv", "x,y\n1,\(huge)x\n")
        let wide = try box.run("scatter", "wide.csv", "--x", "x", "--y", "y", "-o", "o.png")
        expectFailure(wide, status: 1, ["wide.csv:2:2", "is not a number"])
        #expect(wide.stderr.count < 320)
        try box.write("names.csv", (0..<3).map { "\(huge)\($0)" }.joined(separator: ",") + "\n1,2,3\n")
        let names = try box.run("scatter", "names.csv", "--x", "nope", "--y", "y", "-o", "o.png")
        expectFailure(names, status: 1, ["no column \"nope\""])
        #expect(names.stderr.count < 320)
        let argument = try box.run("scatter", "names.csv", "--x", String(repeating: "z", count: 100_000), "--y", "y", "-o", "o.png")
        #expect(argument.status == 1 && argument.errorLines.count == 1 && argument.stderr.count < 320)
    }

    @Test func japaneseExcelAndUTF16Files() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        let header: [UInt8] = [144, 103, 146, 183, 44, 145, 204, 143, 100, 44, 135, 64, 10] // 身長,体重,①
        try box.write("excel.csv", bytes: header + Array("170,60,a\n165,55,b\n180,72,a\n".utf8))
        let read = try box.run("scatter", "excel.csv", "--x", "身長", "--y", "体重", "--by", "①", "--size", "240x180", "-o", "j.png")
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.stdout.contains("3 points") && read.stdout.contains("read as Shift_JIS (cp932)"))
        expectFailure(try box.run("scatter", "excel.csv", "--x", "1", "--y", "2", "--encoding", "shift_jis", "-o", "k.png"),
                      status: 1, ["excel.csv:1:7", "not valid Shift_JIS", "0x87 0x40"])
        expectFailure(try box.run("scatter", "excel.csv", "--x", "1", "--y", "2", "--encoding", "latin1", "-o", "k.png"),
                      status: 2, ["--encoding latin1", "cp932"])
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in "step\tloss\r\n1\t0.5\r\n2\t0.25\r\n".utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        try box.write("unicode.txt", bytes: utf16)
        let wide = try box.run("curve", "unicode.txt", "--size", "240x180", "-o", "u.png")
        #expect(wide.status == 0, "\(wide.stderr)")
        #expect(wide.stdout.contains("loss (2 points, last 0.25)"))
        #expect(!box.exists("k.png"))
    }

    @Test func moreClassesThanAPlotCanShowIsAnErrorWithAdvice() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        var text = "x,y,species\n"
        for row in 0..<600 { text += "\(row % 30),\(row / 30),s\(row % 60)\n" }
        try box.write("many.csv", text)
        expectFailure(try box.run("scatter", "many.csv", "--x", "x", "--y", "y", "--by", "species", "-o", "o.png"),
                      status: 1, ["column \"species\" has 60 classes", "at most 50", "another --by column"])
        expectFailure(try box.run("regions", "many.csv", "--x", "x", "--y", "y", "--label", "species", "--model", "softmax", "-o", "o.png"),
                      status: 1, ["has 60 classes", "another --label column"])
        #expect(!box.exists("o.png"))
    }

    @Test func lightningLogPerEpoch() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        try box.write("metrics.csv", LogFixtures.lightning)
        let result = try box.run("curve", "metrics.csv", "--x", "epoch", "--size", "320x240", "-o", "epoch.png")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("train_loss_step (mean per epoch) (3 points, last 0.6)"), "\(result.stdout)")
        #expect(result.stdout.contains("val_loss (3 points, last 0.7)"), "\(result.stdout)")
        let per = try box.run("curve", "metrics.csv", "--per", "epoch", "--agg", "last", "--y", "train_loss_step", "--size", "320x240", "-o", "last.png")
        #expect(per.status == 0, "\(per.stderr)")
        #expect(per.stdout.contains("train_loss_step (last per epoch) (3 points, last 0.5)"), "\(per.stdout)")
        expectFailure(try box.run("curve", "metrics.csv", "--x", "epoch", "--agg", "median", "-o", "o.png"), status: 2, ["--agg median"])
        expectFailure(try box.run("curve", "metrics.csv", "--x", "step", "--y", "val_loss", "--agg", "max", "-o", "o.png"),
                      status: 2, ["--agg max", "nothing to combine", "--per"])
        expectFailure(try box.run("curve", "metrics.csv", "--x", "step", "--per", "epoch", "-o", "o.png"), status: 2, ["--per sets the x axis"])
        #expect(!box.exists("o.png"))
    }

    @Test func kerasAndJSONLinesLogs() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        try box.write("keras.csv", "epoch,accuracy,loss,val_accuracy,val_loss\n0,0.6,1.2,0.55,1.3\n1,0.7,0.9,0.62,1.0\n2,0.8,0.7,0.66,0.9\n")
        let keras = try box.run("curve", "keras.csv", "--size", "320x240", "-o", "k.png")
        #expect(keras.status == 0, "\(keras.stderr)")
        #expect(keras.stdout.contains("loss (3 points, last 0.7), val_loss (3 points, last 0.9)"), "\(keras.stdout)")
        try box.write("trainer.jsonl", """
        {"loss": 2.0, "learning_rate": 5e-05, "epoch": 0.5, "step": 10}
        {"loss": 1.5, "learning_rate": 4e-05, "epoch": 1.0, "step": 20}
        {"eval_loss": 1.7, "eval_runtime": 3.2, "epoch": 1.0, "step": 20}
        {"loss": 1.0, "learning_rate": 3e-05, "epoch": 1.5, "step": 30}

        """)
        let json = try box.run("curve", "trainer.jsonl", "--smooth", "--size", "320x240", "-o", "j.png")
        #expect(json.status == 0, "\(json.stderr)")
        #expect(json.stdout.contains("loss (3 points, last 1), eval_loss (1 point, last 1.7)"), "\(json.stdout)")
    }

    @Test func smoothingOptions() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        var text = "step,loss\n"
        for step in 0..<100 { text += "\(step),\(1.0 / Double(step + 1) + Double(step % 3) * 0.01)\n" }
        try box.write("log.csv", text)
        let bare = try box.run("curve", "log.csv", "--smooth", "--size", "240x180", "-o", "a.png")
        #expect(bare.status == 0, "\(bare.stderr)")
        let window = try box.run("line", "log.csv", "--x", "step", "--y", "loss", "--smooth-window", "8", "--size", "240x180", "-o", "b.png")
        #expect(window.status == 0, "\(window.stderr)")
        expectFailure(try box.run("curve", "log.csv", "--smooth", "0.9", "--smooth-window", "5", "-o", "c.png"), status: 2, ["choose one"])
        expectFailure(try box.run("curve", "log.csv", "--smooth-window", "0", "-o", "c.png"), status: 2, ["--smooth-window 0"])
        expectFailure(try box.run("curve", "log.csv", "--smooth", "-0.5", "-o", "c.png"), status: 2, ["--smooth -0.5"])
        #expect(!box.exists("c.png"))
    }

    @Test func shortSeriesAreNeverFlattenedBySmoothing() {
        // Issue 14: a 4-point eval_loss ending at 0.22 must not be drawn ending at 0.4 or 0.58.
        let eval = Series(name: "eval_loss", xName: "step", xs: [100, 200, 300, 400], ys: [1.0, 0.6, 0.35, 0.22])
        #expect(FigureRendering.smoothed(eval, .trailing(window: 10)) == nil)
        #expect(FigureRendering.smoothed(eval, .exponential(weight: 0.6)) == nil)
        #expect(FigureRendering.smoothingNote([eval], .exponential(weight: 0.6))
            == "--smooth 0.6 reaches over at most a quarter of a series: eval_loss (4 points) is not smoothed")
        // 12 points: the span 1/(1 − w) is cut to 3 points, w = 2/3, and the legend says so.
        let twelve = Series(name: "val_loss", xName: "step", xs: (0..<12).map(Double.init), ys: (0..<12).map { 1 / Double($0 + 1) })
        let capped = FigureRendering.smoothed(twelve, .exponential(weight: 0.9))
        #expect(capped?.how == "smoothed 0.667")
        #expect(abs((capped?.values.last ?? 0) - Smoothing.exponentialMovingAverage(twelve.ys, weight: 2.0 / 3).last!) < 1e-15)
        #expect(FigureRendering.smoothingNote([twelve], .exponential(weight: 0.9))?.contains("val_loss (12 points) uses 0.667") == true)
        let long = Series(name: "loss", xName: "step", xs: (0..<40).map(Double.init), ys: (0..<40).map { 1 / Double($0 + 1) })
        let smoothed = FigureRendering.smoothed(long, .trailing(window: 10))
        #expect(smoothed?.how == "mean of last 10")
        let last = smoothed?.values.last ?? 0
        #expect(abs(last - (30..<40).map { 1 / Double($0 + 1) }.reduce(0, +) / 10) < 1e-12)
        #expect(FigureRendering.smoothed(long, .exponential(weight: 0.6))?.how == "smoothed 0.6")
        #expect(FigureRendering.smoothingNote([long], .exponential(weight: 0.6)) == nil)
        #expect(FigureRendering.smoothed(long, .exponential(weight: 0.95))?.how == "smoothed 0.9")
    }

    @Test func cappedSmoothingIsNamedOnceOnStderr() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        try box.write("eval.csv", "step,eval_loss\n100,1.0\n200,0.6\n300,0.35\n400,0.22\n")
        let result = try box.run("curve", "eval.csv", "--smooth", "--size", "240x180", "-o", "e.png")
        #expect(result.status == 0, "\(result.stderr)")
        let notes = result.stderr.split(separator: "\n").filter { $0.hasPrefix("frameplot: note: ") }
        #expect(notes == ["frameplot: note: --smooth 0.6 reaches over at most a quarter of a series: eval_loss (4 points) is not smoothed"], "\(result.stderr)")
        // A long log is smoothed with exactly the weight asked, and no note.
        var text = "step,loss\n"
        for step in 0..<400 { text += "\(step),\(1.0 / Double(step + 1))\n" }
        try box.write("long.csv", text)
        let long = try box.run("curve", "long.csv", "--smooth", "0.9", "--size", "240x180", "-o", "l.png")
        #expect(long.status == 0 && !long.stderr.contains("note"), "\(long.stderr)")
    }

    @Test func numericClassesAreSortedInTheLegend() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        try box.write("c.csv", "x,y,label\n1,2,2\n2,3,0\n3,1,1\n4,4,0\n")
        let table = try DataLoading.table(box.path("c.csv"), options: CheckedPlotOptions(
            output: OutputTarget(path: "o.png", format: .png), size: PlotSize(width: 100, height: 100), scale: 1,
            theme: .default, title: nil, xlabel: nil, ylabel: nil, xlim: nil, ylim: nil,
            logX: false, logY: false, quiet: true, dropInvalid: false), columns: ["x", "y", "label"])
        let classes = try DataLoading.classes(table, column: "label", rows: [0, 1, 2, 3], option: "--by")
        #expect(classes.names == ["0", "1", "2"] && classes.indexes == [2, 0, 1, 0])
        let result = try box.run("scatter", "c.csv", "--x", "x", "--y", "y", "--by", "label", "--size", "200x150", "-o", "s.png")
        #expect(result.status == 0, "\(result.stderr)")
    }
}

/// Training logs as the loggers write them.
enum LogFixtures {
    /// PyTorch Lightning's CSVLogger: training rows every few steps, an epoch-end training
    /// row, and a validation row, each with the other metrics' cells empty.
    static let lightning = """
    epoch,step,train_loss_epoch,train_loss_step,val_acc,val_loss
    0,9,,1.2,,
    0,19,,1.0,,
    0,19,1.1,,,
    0,19,,,0.5,1.1
    1,29,,0.9,,
    1,39,,0.7,,
    1,39,0.8,,,
    1,39,,,0.6,0.9
    2,49,,0.7,,
    2,59,,0.5,,
    2,59,0.6,,,
    2,59,,,0.7,0.7

    """
}
