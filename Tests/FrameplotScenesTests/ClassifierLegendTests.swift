import Foundation
import Testing
import FrameplotAnimation
import FrameplotPlot
@testable import FrameplotScenes

/// The class legend of the classifier scenes never sits on the user's points.
@Suite("Classifier legend placement")
struct ClassifierLegendTests {
    /// Two classes, with one of them crowding the upper-left corner where a fixed legend went.
    static var crowdedUpperLeft: String {
        var text = ",長さ,幅,種類\n"
        var row = 0
        for i in 0..<15 { for j in 0..<10 {
            text += "\(row),\(Double(i) * 0.2),\(7 + Double(j) * 0.3),0\n"; row += 1
        } }
        for i in 0..<60 {
            text += "\(row),\(6 + 4 * UserDataFixtures.wiggle(i, 1.3).magnitude),\(3 * UserDataFixtures.wiggle(i, 0.7).magnitude),1\n"
            row += 1
        }
        return text
    }

    /// A grid of points over the whole panel, split by a diagonal: no inside position is free.
    static var filled: String {
        var text = "x,y,class\n"
        for i in 0...24 { for j in 0...24 { text += "\(i),\(j),\(i + j < 24 ? "a" : "b")\n" } }
        return text
    }

    @Test("logistic and mlp on data filling the upper left, or everything: the legend covers no point",
          arguments: ["logistic", "mlp"], [false, true])
    func legendOffThePoints(_ scene: String, everywhere: Bool) throws {
        let fixtures = try UserDataFixtures()
        defer { fixtures.remove() }
        let file = try fixtures.write("crowded.csv", everywhere ? Self.filled.replacingOccurrences(of: "x,y,class", with: "長さ,幅,種類")
                                                                : Self.crowdedUpperLeft)
        let prepared = try SceneCatalog.standard.makeScene(scene, arguments: [
            "--data", file, "--x", "長さ", "--y", "幅", "--label", "種類", "--steps", "40", "--every", "10"])
        let animation = try #require(prepared.scene as? FigureAnimation)
        let panel = animation.layout.panels[0]
        let legend = try #require(panel.legend)
        #expect(legend.placement != .upperLeft)
        if everywhere { #expect(legend.placement == .outsideRight) }
        // One class-legend style everywhere: the label column as the title, its values as the rows.
        #expect(legend.title?.text == "種類")
        #expect(legend.rows.map(\.label.text) == (everywhere ? ["a", "b"] : ["0", "1"]))
        let points = animation.figure[0, 0].marks.flatMap { $0.occupiedPoints(in: panel.transform) }
        #expect(points.count >= 210)
        #expect(!points.contains { legend.box.contains($0) }, "legend at \(legend.placement) covers a point")
    }
}
