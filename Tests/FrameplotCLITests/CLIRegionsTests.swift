import Foundation
import Testing

/// `regions`: a trained classifier's decision regions, and its failures.
@Suite("frameplot regions")
struct CLIRegionsTests {
    static let blobs: String = {
        var text = "a,b,label\n"
        for index in 0..<30 {
            let c = index % 3
            let jitter = Double((index * 37) % 11) / 11 - 0.5
            text += "\(Double(c) * 2 + jitter),\(Double(c % 2) * 2 - jitter),\(["x", "y", "z"][c])\n"
        }
        return text
    }()

    @Test func softmaxAndMLPRegions() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        try box.write("blobs.csv", Self.blobs)
        for model in ["softmax", "mlp:6"] {
            let result = try box.run("regions", "blobs.csv", "--x", "a", "--y", "b", "--label", "label", "--model", model,
                                     "--steps", "300", "--size", "240x180", "-o", "r.png")
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("final loss"))
            #expect(result.stdout.contains("accuracy"))
            #expect(OutputFormat.pngSize(box.bytes("r.png"))?.width == 240)
        }
    }

    @Test func logisticOnTwoClasses() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        try box.write("two.csv", "a,b,label\n0,0,no\n0.5,0.2,no\n0.2,0.6,no\n2,2,yes\n2.4,1.8,yes\n1.9,2.5,yes\n")
        let result = try box.run("regions", "two.csv", "--x", "a", "--y", "b", "--label", "label", "--size", "200x160", "-o", "r.svg")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("accuracy 100.0%"))
        #expect(OutputFormat.isSVG(box.bytes("r.svg")))
    }

    @Test func divergingTrainingSaysSoAndSuggestsASmallerRate() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        // Overlapping classes (every fourth label moved): an overshooting rate cannot hide behind a separable set.
        var noisy = "a,b,label\n"
        for index in 0..<30 {
            let c = index % 3
            let jitter = Double((index * 37) % 11) / 11 - 0.5
            noisy += "\(Double(c) * 2 + jitter),\(Double(c % 2) * 2 - jitter),\(["x", "y", "z"][index % 4 == 0 ? (c + 1) % 3 : c])\n"
        }
        try box.write("blobs.csv", noisy)
        let result = try box.run("regions", "blobs.csv", "--x", "a", "--y", "b", "--label", "label", "--model", "softmax",
                                 "--lr", "1e6", "--steps", "50", "-o", "r.png")
        expectFailure(result, status: 1, ["diverged", "smaller learning rate", "--lr"])
        #expect(!box.exists("r.png"))
    }
}
