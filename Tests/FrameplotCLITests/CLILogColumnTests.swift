import Foundation
import Synchronization
import Testing
import FrameplotPlot
@testable import frameplot

/// Which columns `curve` draws when none are named, and duplicate column names.
@Suite("CLI: log columns")
struct CLILogColumnTests {
    /// Runs `frameplot arguments…` in this process and returns the one figure it drew.
    func figure(_ arguments: [String]) throws -> Figure {
        let seen = Mutex<[Figure]>([])
        try FigureRendering.$observer.withValue({ figure in seen.withLock { $0.append(figure) } }) {
            var command = try FrameplotCLI.parseAsRoot(arguments + ["--quiet"])
            try command.run()
        }
        return try #require(seen.withLock { $0 }.first)
    }

    func lines(_ figure: Figure) -> [LineMark] { figure.axes.marks.compactMap { $0 as? LineMark } }

    @Test func stepColumnsAreFoundInAnyCaseAndDataColumnsAreNeverX() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        // TensorBoard's CSV export: "Wall time,Step,Value" — x is Step, not the wall time.
        try box.write("tb.csv", "Wall time,Step,loss\n1700000000.5,10,1.0\n1700000010.5,20,0.5\n")
        let tb = try figure(["curve", box.path("tb.csv"), "-o", box.path("a.png")])
        #expect(tb.axes.x.label == "Step")
        #expect(lines(tb).first?.xs == [10, 20])
        try box.write("hf.csv", "lr,Global_Step,train_loss\n0.1,100,1.0\n0.01,200,0.5\n")
        #expect(lines(try figure(["curve", box.path("hf.csv"), "-o", box.path("a.png")])).first?.xs == [100, 200])
        try box.write("ep.csv", "Epoch,loss\n0,1.0\n1,0.5\n")
        #expect(try figure(["curve", box.path("ep.csv"), "-o", box.path("a.png")]).axes.x.label == "Epoch")
        // A first column that is data (a learning rate) is not x: the row number is.
        try box.write("lr.csv", "lr,loss\n0.1,1.0\n0.01,0.8\n0.001,0.6\n")
        let lr = try figure(["curve", box.path("lr.csv"), "-o", box.path("a.png")])
        #expect(lr.axes.x.label == "row")
        #expect(lines(lr).first?.xs == [1, 2, 3])
        // pandas' index column (empty header) is x, titled "index".
        try box.write("pd.csv", ",loss,val_loss\n0,1,2\n1,0.5,1\n")
        let pd = try figure(["curve", box.path("pd.csv"), "-o", box.path("a.png")])
        #expect(pd.axes.x.label == "index")
        #expect(lines(pd).map(\.xs) == [[0, 1], [0, 1]])
        let scatter = try figure(["scatter", box.path("pd.csv"), "--x", "1", "--y", "loss", "-o", box.path("s.png")])
        #expect(scatter.axes.x.label == "index" && scatter.axes.y.label == "loss")
    }

    @Test func wholeNumberAxesGetWholeNumberTicks() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        try box.write("log.csv", "epoch,loss\n1,1.0\n2,0.8\n3,0.6\n4,0.5\n5,0.4\n")
        let curve = try figure(["curve", box.path("log.csv"), "-o", box.path("a.png")])
        #expect(curve.axes.x.integerTicks && !curve.axes.y.integerTicks)
        try box.write("counts.csv", "x,count\n0.5,3\n1.5,7\n2.5,4\n")
        let scatter = try figure(["scatter", box.path("counts.csv"), "--x", "x", "--y", "count", "-o", box.path("b.png")])
        #expect(!scatter.axes.x.integerTicks && scatter.axes.y.integerTicks)
    }

    @Test func duplicateColumnNamesAreNeverSettledByPickingOne() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        try box.write("dup.csv", "step,loss,acc,loss\n1,1,0.5,2\n2,0.8,0.6,1.5\n3,0.6,0.7,1.2\n")
        expectFailure(try box.run("line", "dup.csv", "--x", "step", "--y", "loss", "-o", "o.png"), status: 1,
                      ["dup.csv", "2 columns are named \"loss\"", "columns 2 and 4", "e.g. 2"])
        expectFailure(try box.run("scatter", "dup.csv", "--x", "LOSS", "--y", "acc", "-o", "o.png"), status: 1,
                      ["columns 2 and 4"])
        #expect(!box.exists("o.png"))
        let byNumber = try box.run("line", "dup.csv", "--x", "step", "--y", "4", "-o", "o.png", "--size", "200x150")
        #expect(byNumber.status == 0, "\(byNumber.stderr)")
        // curve's default draws every loss column, both of one name, each named by its number.
        let curve = try box.run("curve", "dup.csv", "-o", "c.png", "--size", "200x150")
        #expect(curve.status == 0, "\(curve.stderr)")
        #expect(curve.stdout.contains("loss (column 2) (3 points, last 0.6), loss (column 4) (3 points, last 1.2)"), "\(curve.stdout)")
    }
}
