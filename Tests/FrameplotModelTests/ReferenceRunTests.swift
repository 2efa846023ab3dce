import Foundation
import Testing
@testable import FrameplotModel

@Suite("Reference runs of the source documents")
struct ReferenceRunTests {
    /// Every line printed by the slides of seed 002: (iter, L, w0, w1).
    static let printedLog: [(Int, Double, Double, Double)] = [
        (0, 50.416000, 1.980000, -0.672800),
        (1, 40.291163, 1.960200, -0.383555),
        (2, 32.371142, 1.940598, -0.127863),
        (3, 26.174246, 1.921192, 0.098169),
        (4, 21.324050, 1.901980, 0.297982),
        (5, 17.526391, 1.882960, 0.474616),
        (195, 2.309214, 0.278951, 1.820690),
        (196, 2.308424, 0.276162, 1.820690),
        (197, 2.307650, 0.273400, 1.820690),
        (198, 2.306891, 0.270666, 1.820690),
        (199, 2.306147, 0.267959, 1.820690),
    ]

    @Test func heightWeightReproducesEveryPrintedLine() throws {
        let history = try ReferenceRuns.heightWeightHistory()
        #expect(history.steps.count == 201)
        #expect(history.parameterNames == ["w0", "w1"])
        for (k, loss, w0, w1) in Self.printedLog {
            // The slides print "%f" (6 decimals): compare the printed text.
            #expect(String(format: "%f", history.steps[k].loss) == String(format: "%f", loss), "L at iter \(k)")
            #expect(String(format: "%f", history.steps[k + 1].parameters[0]) == String(format: "%f", w0), "w0 at iter \(k)")
            #expect(String(format: "%f", history.steps[k + 1].parameters[1]) == String(format: "%f", w1), "w1 at iter \(k)")
        }
        #expect(history.steps[0].parameters == [2, -1])
        #expect(history.steps.map(\.step) == Array(0...200))
    }

    @Test func fourPointsGradientDescentMatchesIndependentComputation() throws {
        let history = try ReferenceRuns.fourPointsHistory()
        #expect(history.steps.count == 101)
        #expect(history.steps.map(\.step) == Array(stride(from: 0, through: 20_000, by: 200)))
        #expect(history.parameterNames == ["a", "b"])
        #expect(history.steps[0].loss == 29.75)
        #expect(history.steps[0].parameters == [0, 0])

        // Independent computation straight from the formulas:
        // L(a,b) = 1/4 Σ (a xᵢ + b − yᵢ)², ∂L/∂a = 1/2 Σ rᵢ xᵢ, ∂L/∂b = 1/2 Σ rᵢ, η_t = 0.03/√(t+1).
        let xs: [Double] = [1, 3, 6, 8], ys: [Double] = [3, 6, 5, 7]
        var a = 0.0, b = 0.0
        var expected: [(Double, Double, Double)] = []
        func mse(_ a: Double, _ b: Double) -> Double {
            zip(xs, ys).map { (a * $0 + b - $1) * (a * $0 + b - $1) }.reduce(0, +) / 4
        }
        for t in 0...20_000 {
            if t % 200 == 0 { expected.append((a, b, mse(a, b))) }
            if t == 20_000 { break }
            var ga = 0.0, gb = 0.0
            for i in 0..<4 {
                let r = a * xs[i] + b - ys[i]
                ga += 2 * r * xs[i] / 4
                gb += 2 * r / 4
            }
            let eta = 0.03 / Double(t + 1).squareRoot()
            a -= eta * ga
            b -= eta * gb
        }
        for (row, (ea, eb, el)) in zip(history.steps, expected) {
            #expect(abs(row.parameters[0] - ea) < 1e-12)
            #expect(abs(row.parameters[1] - eb) < 1e-12)
            #expect(abs(row.loss - el) < 1e-12)
        }
        // Closed form from the normal equations: Sxx = 29 (centred), Sxy = 12.5, x̄ = 4.5, ȳ = 5.25.
        let aStar = 12.5 / 29, bStar = 5.25 - 4.5 * aStar
        #expect(abs(ReferenceRuns.fourPointsMinimizer[0] - aStar) < 1e-15)
        #expect(abs(ReferenceRuns.fourPointsMinimizer[1] - bStar) < 1e-15)
        // Gradient descent approaches it and the loss decreases monotonically.
        let last = try #require(history.steps.last)
        let first = history.steps[0]
        let startDistance = hypot(first.parameters[0] - aStar, first.parameters[1] - bStar)
        let endDistance = hypot(last.parameters[0] - aStar, last.parameters[1] - bStar)
        #expect(endDistance < 0.25 * startDistance)
        #expect(zip(history.losses, history.losses.dropFirst()).allSatisfy { $1 <= $0 })
        #expect(last.loss > mse(aStar, bStar))
    }

    @Test func fourPointsStochasticIsSeededAndDeterministic() throws {
        let one = try ReferenceRuns.fourPointsHistory(stochasticSeed: 7)
        let again = try ReferenceRuns.fourPointsHistory(stochasticSeed: 7)
        let other = try ReferenceRuns.fourPointsHistory(stochasticSeed: 8)
        #expect(one.steps.count == 101)
        #expect(one.steps == again.steps)
        #expect(one.steps != other.steps)
        #expect(one.steps[100].epoch == 5000)  // 4 one-sample steps per epoch
        let last = try #require(one.steps.last)
        #expect(abs(last.parameters[0] - ReferenceRuns.fourPointsMinimizer[0]) < 0.5)
        #expect(last.loss < 29.75 / 10)
    }
}
