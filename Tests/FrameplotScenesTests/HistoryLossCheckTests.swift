import Foundation
import Testing
import FrameplotAnimation
import FrameplotModel
@testable import FrameplotScenes

/// `render HISTORY --data FILE` draws a history only over the data it was trained on.
@Suite("History loss check on the user's data")
struct HistoryLossCheckTests {
    /// A line fit written as a float32 numpy loop writes it: every number in Float, printed with
    /// 6 significant digits ("%.6g"), columns in the loop's own order.
    static func float32History(xs: [Double], ys: [Double]) -> String {
        let x = xs.map(Float.init), y = ys.map(Float.init)
        let n = Float(x.count)
        let mean = x.reduce(0, +) / n
        let sd = (x.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / n).squareRoot()
        var alpha: Float = 0, beta: Float = 0
        var text = "step,b,a,loss\n"
        for step in 0...300 {
            let a = alpha / sd, b = beta - a * mean
            if step % 10 == 0 {
                let loss = zip(x, y).map { ($0 * a + b - $1) * ($0 * a + b - $1) }.reduce(0, +) / n
                text += String(format: "%d,%.6g,%.6g,%.6g\n", step, b, a, loss)
            }
            var ga: Float = 0, gb: Float = 0
            for (xi, yi) in zip(x, y) {
                let u = (xi - mean) / sd, r = alpha * u + beta - yi
                ga += 2 * r * u / n; gb += 2 * r / n
            }
            alpha -= 0.05 * ga; beta -= 0.05 * gb
        }
        return text
    }

    static func heights(shift: Double) -> (csv: String, xs: [Double], ys: [Double]) {
        var csv = ",身長,体重\n", xs: [Double] = [], ys: [Double] = []
        for i in 0..<40 {
            let h = (170 + 12 * UserDataFixtures.wiggle(i, 1.3) * 100).rounded() / 100
            let w = (0.9 * h - 95 + 4 * UserDataFixtures.wiggle(i, 2.9) + shift) * 1000
            xs.append(h); ys.append(w.rounded() / 1000)
            csv += "\(i),\(String(format: "%.2f", h)),\(String(format: "%.3f", w.rounded() / 1000))\n"
        }
        return (csv, xs, ys)
    }

    @Test("a float32 numpy log printed with 6 digits renders over its data and is refused over other data")
    func userDataCheck() throws {
        let fixtures = try UserDataFixtures()
        defer { fixtures.remove() }
        let data = Self.heights(shift: 0)
        try fixtures.write("mine.csv", data.csv)
        try fixtures.write("other.csv", Self.heights(shift: 0.5).csv)
        let history = try HistoryInput(file: fixtures.write("h.csv", Self.float32History(xs: data.xs, ys: data.ys)))
        let columns = ["--x", "身長", "--y", "体重"]
        for scene in ["gd-locus"] {
            let drawn = try SceneCatalog.standard.makeScene(scene, arguments: ["--data", fixtures.path("mine.csv")] + columns, history: history)
            #expect(drawn.recordedRun?.steps.count == 31)
            do {
                _ = try SceneCatalog.standard.makeScene(scene, arguments: ["--data", fixtures.path("other.csv")] + columns, history: history)
                Issue.record("a history was drawn over data it did not come from")
            } catch let error as AnimationError {
                guard case .unusableHistory(let message) = error else { Issue.record("\(error)"); continue }
                #expect(message.contains("was not recorded on other.csv (--x 身長 --y 体重)") && message.contains("other.csv") && message.contains("at step 0"),
                        "\(message)")
                #expect(!message.contains("\n"))
            }
        }
    }

    @Test("the allowance covers 6-digit rounding of loss and parameters, not a different loss")
    func allowance() {
        let xs = (0..<50).map { 150 + Double($0) }, ys = xs.map { 0.9 * $0 - 95 + sin($0) }
        let points = (xs, ys)
        func mse(_ p: [Double]) -> Double {
            zip(points.0, points.1).map { (p[0] * $0 + p[1] - $1) * (p[0] * $0 + p[1] - $1) }.reduce(0, +) / Double(xs.count)
        }
        let exact = [0.91234567, -96.7654321]
        let rounded = exact.map { Double(String(format: "%.6g", $0)) ?? 0 }
        let printed = Double(String(format: "%.6g", mse(exact))) ?? 0
        #expect(HistoryLossCheck.consistent(recorded: printed, expected: mse(rounded), parameters: rounded, loss: mse))
        #expect(!HistoryLossCheck.consistent(recorded: printed * 1.01, expected: mse(rounded), parameters: rounded, loss: mse))
        #expect(HistoryLossCheck.sampledRows(count: 101) == [0, 14, 28, 42, 57, 71, 85, 100])
    }
}
