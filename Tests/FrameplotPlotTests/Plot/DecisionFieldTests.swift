import Testing
@testable import FrameplotPlot

/// Decision boundaries stay what they were while costing O(cells) per class.
@Suite struct DecisionFieldTests {
    @Test func fieldIsTheScoreMinusTheBestOtherScore() {
        var state: UInt64 = 7
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        let classes = 6
        // Scores with ties on purpose (rounded to tenths).
        let scores = (0..<400).map { _ in (0..<classes).map { _ in (next() * 10).rounded() / 10 } }
        let labels = scores.map { DecisionRegionsMark.argmax($0) }
        let sampled = DecisionRegionsMark.Sampled(xs: Array(repeating: 0, count: 20), ys: Array(repeating: 0, count: 20),
                                                  labels: labels, scores: scores.flatMap { $0 }, scoreCount: classes)
        let ranking = DecisionRegionsMark.ranking(sampled)
        for k in 0..<classes {
            let field = DecisionRegionsMark.field(sampled, klass: k, ranking: ranking)
            let definition = scores.map { p in p[k] - (p.indices.filter { $0 != k }.map { p[$0] }.max() ?? -.infinity) }
            #expect(field == definition, "class \(k)")
        }
    }
}
