import Foundation
import Testing
@testable import FrameplotModel

@Suite("Optimizers with torch.optim's rules")
struct OptimizerTests {
    /// f(x, y) = x²/2 + 2y², ∇f = (x, 4y), from (1, 1): small enough to follow by hand.
    static func bowl() throws -> TestFunction {
        try TestFunction(formula: "x^2/2 + 2*y^2", xDomain: -3...3, yDomain: -3...3, start: [1, 1])
    }

    private func twoSteps(_ optimizer: Optimizer, _ rate: Double) throws -> [[Double]] {
        let config = TrainingConfiguration(steps: 2, recordEvery: 1, learningRate: .constant(rate), optimizer: optimizer)
        let history = try Trainer(configuration: config).record(try Self.bowl(), from: [1, 1])
        return history.steps.map { Array($0.parameters) }
    }

    private func expectClose(_ a: [Double], _ b: [Double], _ what: String, tolerance: Double = 1e-12) {
        #expect(a.count == b.count, "\(what)")
        for (x, y) in zip(a, b) { #expect(abs(x - y) <= tolerance, "\(what): \(a) vs \(b)") }
    }

    @Test func firstStepsMatchHandComputation() throws {
        // g₁ = ∇f(1, 1) = (1, 4).
        // GD, γ = 0.1: θ₁ = (1 − 0.1, 1 − 0.4) = (0.9, 0.6); g₂ = (0.9, 2.4); θ₂ = (0.81, 0.36).
        var states = try twoSteps(.gradientDescent, 0.1)
        expectClose(states[1], [0.9, 0.6], "gd 1"); expectClose(states[2], [0.81, 0.36], "gd 2")
        // Momentum 0.9: b₁ = g₁ = (1, 4); θ₁ = (0.9, 0.6); b₂ = 0.9 b₁ + g₂ = (1.8, 6); θ₂ = (0.72, 0).
        states = try twoSteps(.momentum(0.9), 0.1)
        expectClose(states[1], [0.9, 0.6], "momentum 1"); expectClose(states[2], [0.72, 0], "momentum 2")
        // Nesterov 0.9: b₁ = (1, 4); step g₁ + 0.9 b₁ = (1.9, 7.6); θ₁ = (0.81, 0.24);
        // g₂ = (0.81, 0.96); b₂ = 0.9 b₁ + g₂ = (1.71, 4.56); step g₂ + 0.9 b₂ = (2.349, 5.064);
        // θ₂ = (0.5751, −0.2664).
        states = try twoSteps(.nesterov(0.9), 0.1)
        expectClose(states[1], [0.81, 0.24], "nesterov 1"); expectClose(states[2], [0.5751, -0.2664], "nesterov 2")
        // AdaGrad, γ = 0.1, ε = 1e-10: s₁ = (1, 16); θ₁ = 1 − 0.1·(1/(1 + ε), 4/(4 + ε)) ≈ (0.9, 0.9);
        // g₂ = (0.9, 3.6); s₂ = (1.81, 28.96); θ₂ = 0.9 − 0.1·(0.9/√1.81, 3.6/√28.96).
        states = try twoSteps(.adagrad(), 0.1)
        expectClose(states[1], [0.9, 0.9], "adagrad 1", tolerance: 1e-10)
        expectClose(states[2], [0.9 - 0.09 / 1.81.squareRoot(), 0.9 - 0.36 / 28.96.squareRoot()], "adagrad 2", tolerance: 1e-10)
        // RMSprop, γ = 0.01, α = 0.99: v₁ = 0.01 g₁² = (0.01, 0.16); θ₁ = 1 − 0.01·(1/0.1, 4/0.4) = (0.9, 0.9);
        // g₂ = (0.9, 3.6); v₂ = 0.99 v₁ + 0.01 g₂² = (0.018, 0.288); θ₂ = 0.9 − 0.01·(0.9/√0.018, 3.6/√0.288)
        // (written out with ε and the exact θ₁ so that the comparison is to the last bits).
        states = try twoSteps(.rmsprop(), 0.01)
        let eps = 1e-8
        let rms1 = [1 - 0.01 * 1 / (0.1 + eps), 1 - 0.01 * 4 / (0.4 + eps)]
        expectClose(states[1], rms1, "rmsprop 1", tolerance: 1e-15)
        let rmsG2 = [rms1[0], 4 * rms1[1]]                      // ≈ (0.9, 3.6)
        let rmsV2 = [0.99 * 0.01 + 0.01 * rmsG2[0] * rmsG2[0], 0.99 * 0.16 + 0.01 * rmsG2[1] * rmsG2[1]]   // ≈ (0.018, 0.288)
        expectClose(states[2], [rms1[0] - 0.01 * rmsG2[0] / (rmsV2[0].squareRoot() + eps),
                                rms1[1] - 0.01 * rmsG2[1] / (rmsV2[1].squareRoot() + eps)], "rmsprop 2", tolerance: 1e-15)
        // Adam, γ = 0.1: m₁ = 0.1 g₁, v₁ = 0.001 g₁², m̂₁ = g₁, v̂₁ = g₁², θ₁ = 1 − 0.1·sign = (0.9, 0.9);
        // g₂ = (0.9, 3.6); m₂ = (0.18, 0.72); v₂ = (0.001809, 0.028944);
        // θ₂ = 0.9 − 0.1·(m₂/0.19)/(√(v₂/0.001999) + ε).
        states = try twoSteps(.adam(), 0.1)
        expectClose(states[1], [0.9, 0.9], "adam 1", tolerance: 1e-8)
        let expectedAdam = zip([0.18, 0.72], [0.001809, 0.028944]).map { m, v in 0.9 - 0.1 * (m / 0.19) / ((v / 0.001999).squareRoot() + 1e-8) }
        expectClose(states[2], expectedAdam, "adam 2", tolerance: 1e-8)
    }

    @Test func momentumIsTorchsBufferThatStartsAtTheFirstGradient() throws {
        // torch: b₁ = g₁, bₜ = μ bₜ₋₁ + (1 − τ) gₜ with τ = 0. Frameplot writes v ← μ v + g from
        // v = 0; both give the same numbers, bit for bit, over a long run.
        let f = TestFunction.rosenbrock
        var theta = f.start, buffer: [Double] = []
        var expected = [theta]
        for t in 1...300 {
            let g = f.gradient(x: theta[0], y: theta[1])
            buffer = t == 1 ? g : zip(buffer, g).map { 0.9 * $0 + (1 - 0) * $1 }
            theta = zip(theta, buffer).map { $0 - 0.001 * $1 }
            expected.append(theta)
        }
        let run = try OptimizerRace(function: f, optimizers: [.momentum(0.9)], learningRates: ["momentum": 0.001], steps: 300).run()
        #expect(zip(run.tracks[0].xs, run.tracks[0].ys).map { [$0, $1] } == expected)
    }

    /// Rows of Tests/fixtures/optimizer_race_trajectories.csv, written by the numpy script beside it.
    private func fixture() throws -> [String: [[Double]]] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("fixtures/optimizer_race_trajectories.csv")
        let text = try String(contentsOf: url, encoding: .utf8)
        var rows: [String: [[Double]]] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",").map(String.init)
            let numbers = fields[2...].compactMap(Double.init)
            rows["\(fields[0])/\(fields[1])", default: []].append(numbers)
        }
        return rows
    }

    @Test func trajectoriesMatchAnIndependentImplementationOver200Steps() throws {
        let expected = try fixture()
        var worst = 0.0
        for function in [TestFunction.rosenbrock, .beale] {
            let run = try OptimizerRace(function: function, steps: 200).run()
            #expect(run.tracks.count == 6)
            for track in run.tracks {
                let rows = try #require(expected["\(function.name)/\(track.name)"])
                #expect(rows.count == 201)
                #expect(track.count == 201, "\(function.name) \(track.name) stopped at \(track.count)")
                #expect(rows[0][0] == track.learningRate, "the fixture's rate is the built-in default")
                for (k, row) in rows.enumerated() where k < track.count {
                    #expect(Int(row[1]) == k)
                    for (value, reference) in [(track.xs[k], row[2]), (track.ys[k], row[3]), (track.losses[k], row[4])] {
                        let relative = abs(value - reference) / max(abs(reference), 1e-300)
                        worst = max(worst, abs(value - reference) <= 1e-12 ? 0 : relative)
                        #expect(relative < 1e-6 || abs(value - reference) <= 1e-12,
                                "\(function.name) \(track.name) row \(k): \(value) vs \(reference)")
                    }
                }
            }
        }
        #expect(worst < 1e-6)
    }

    @Test func typedBealeRunsTheBuiltInBealesTrajectories() throws {
        let typed = try TestFunction(formula: "(1.5 − x + x·y)² + (2.25 - x + x*y**2)^2 + (2.625 - x + x*y^3)^2",
                                     xDomain: TestFunction.beale.xDomain, yDomain: TestFunction.beale.yDomain,
                                     start: TestFunction.beale.start)
        #expect(typed.expression == TestFunction.beale.expression)
        let rates = Dictionary(uniqueKeysWithValues: Optimizer.torchDefaults.map { ($0.name, TestFunction.beale.learningRate(for: $0)) })
        let a = try OptimizerRace(function: .beale, steps: 300).run()
        let b = try OptimizerRace(function: typed, learningRates: rates, steps: 300).run()
        #expect(a == b)
    }

    @Test func builtInGradientsMatchClosedForms() {
        var rng = SeededGenerator(seed: 5)
        func close(_ a: [Double], _ b: [Double], _ what: String) {
            for (x, y) in zip(a, b) { #expect(abs(x - y) <= 1e-11 * max(1, abs(y)), "\(what): \(a) vs \(b)") }
        }
        for _ in 0..<50 {
            let x = rng.nextUniform(in: -3, 3), y = rng.nextUniform(in: -3, 3)
            let a = 1.5 - x + x * y, b = 2.25 - x + x * y * y, c = 2.625 - x + x * y * y * y
            close(TestFunction.beale.gradient(x: x, y: y),
                  [2 * a * (y - 1) + 2 * b * (y * y - 1) + 2 * c * (y * y * y - 1), 2 * a * x + 4 * b * x * y + 6 * c * x * y * y], "beale")
            close(TestFunction.rosenbrock.gradient(x: x, y: y), [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)], "rosenbrock")
            let h1 = x * x + y - 11, h2 = x + y * y - 7
            close(TestFunction.himmelblau.gradient(x: x, y: y), [4 * h1 * x + 2 * h2, 2 * h1 + 4 * h2 * y], "himmelblau")
            close(TestFunction.saddle.gradient(x: x, y: y), [2 * x, -2 * y], "saddle")
            close(TestFunction.illConditioned.gradient(x: x, y: y), [x, 20 * y], "quadratic")
        }
    }

    @Test func builtInsHaveTheirKnownMinima() {
        for f in TestFunction.builtIns {
            #expect(TestFunction.named(f.name) == f)
            #expect(f.contains(x: f.start[0], y: f.start[1]))
            for m in f.minima {
                #expect(abs(f.value(x: m[0], y: m[1])) < 1e-20, "\(f.name) at \(m)")
                #expect(f.gradient(x: m[0], y: m[1]).allSatisfy { abs($0) < 1e-9 }, "\(f.name) ∇ at \(m)")
                #expect(f.contains(x: m[0], y: m[1]))
            }
        }
        #expect(TestFunction.named("ROSENBROCK")?.minima == [[1, 1]])
        #expect(TestFunction.named("nope") == nil)
        #expect(TestFunction.saddle.minima.isEmpty)
    }

    @Test func defaultRatesMakeAGoodRace() throws {
        func reached(_ f: TestFunction, steps: Int, within radius: Double) throws -> (moved: [Bool], reached: Int) {
            let run = try OptimizerRace(function: f, steps: steps).run()
            let diagonal = hypot(f.xDomain.upperBound - f.xDomain.lowerBound, f.yDomain.upperBound - f.yDomain.lowerBound)
            let moved = run.tracks.map { t in hypot(t.xs[min(50, t.count - 1)] - t.xs[0], t.ys[min(50, t.count - 1)] - t.ys[0]) > 0.02 * diagonal }
            let count = run.tracks.filter { t in
                t.divergence == nil && f.minima.contains { hypot(t.xs.last! - $0[0], t.ys.last! - $0[1]) < radius }
            }.count
            return (moved, count)
        }
        for (f, steps, least) in [(TestFunction.beale, 300, 6), (.himmelblau, 300, 6), (.illConditioned, 300, 6), (.rosenbrock, 500, 3)] {
            let r = try reached(f, steps: steps, within: 0.25)
            #expect(r.moved.allSatisfy { $0 }, "\(f.name): every optimizer moves visibly in 50 steps")
            #expect(r.reached >= least, "\(f.name): \(r.reached) of 6 reach the minimum")
        }
        // The saddle: GD lingers by the saddle point longest; the others escape first.
        let saddle = try OptimizerRace(function: .saddle, steps: 400).run()
        let escape = saddle.tracks.map { $0.divergence?.step ?? Int.max }
        #expect(escape.allSatisfy { $0 < Int.max }, "everyone leaves the saddle within 400 steps")
        #expect(escape[0] == escape.max(), "GD escapes last: \(escape)")
    }

    @Test func aDivergingOptimizerStopsAtTheEdgeWhileTheOthersGoOn() throws {
        let race = try OptimizerRace(function: .rosenbrock, optimizers: [.gradientDescent, .adam()],
                                     learningRates: ["gd": 0.01], steps: 100)
        let run = race.run()
        let gd = run.tracks[0], adam = run.tracks[1]
        let divergence = try #require(gd.divergence)
        #expect(divergence.reason == .leftDomain)
        #expect(gd.count == divergence.step)
        #expect(adam.divergence == nil && adam.count == 101)
        let exit = try #require(divergence.exit)
        let onEdge = [exit[0] - -2, 2 - exit[0], exit[1] - -1, 3 - exit[1]].contains { abs($0) < 1e-12 }
        #expect(onEdge && TestFunction.rosenbrock.contains(x: exit[0], y: exit[1]), "\(exit)")
        #expect(run.logRow(divergence.step)[1] == nil && run.logRow(divergence.step)[4] != nil)

        // A loss that becomes NaN inside the domain ends the track as non-finite.
        let logarithm = try TestFunction(formula: "log(x) + y^2", xDomain: -2...3, yDomain: -2...2, start: [0.5, 1])
        let nan = try OptimizerRace(function: logarithm, optimizers: [.gradientDescent], learningRates: ["gd": 1], steps: 10).run()
        #expect(nan.tracks[0].divergence?.reason == .nonFinite)
        #expect(nan.tracks[0].divergence?.exit == nil)
    }

    @Test func logHasAStepColumnAndThreeColumnsPerOptimizer() throws {
        let run = try OptimizerRace(function: .beale, optimizers: [.gradientDescent, .adam()], steps: 3).run()
        #expect(run.logHeader == ["step", "gd_x", "gd_y", "gd_loss", "adam_x", "adam_y", "adam_loss"])
        #expect(run.logRow(0) == [0, 1, 1.5, 41.25, 1, 1.5, 41.25])
        let lines = run.logCSV().split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines[1] == "0,1.0,1.5,41.25,1.0,1.5,41.25")
        #expect(lines[4].hasPrefix("3,"))
    }

    @Test func raceRejectsWhatItCannotRun() {
        #expect(throws: TrainingError.self) { try OptimizerRace(function: .beale, start: [9, 0], steps: 10) }
        #expect(throws: TrainingError.self) { try OptimizerRace(function: .beale, start: [.nan, 0], steps: 10) }
        #expect(throws: TrainingError.self) { try OptimizerRace(function: .beale, learningRates: ["adam": -1], steps: 10) }
        #expect(throws: TrainingError.self) { try OptimizerRace(function: .beale, optimizers: [.adam(), .adam()], steps: 10) }
        #expect(throws: TrainingError.self) { try OptimizerRace(function: .beale, optimizers: [], steps: 10) }
        #expect(throws: TrainingError.self) { try OptimizerRace(function: .beale, steps: -1) }
        #expect(throws: TrainingError.self) {
            try OptimizerRace(function: try TestFunction(formula: "log(x)"), start: [-1, 0], steps: 10)
        }
    }

    @Test func everyOptimizerTrainsEveryObjectiveThroughTheTrainer() throws {
        // The trainer and the race share one update implementation.
        for optimizer in Optimizer.torchDefaults {
            let rate = TestFunction.himmelblau.learningRate(for: optimizer)
            let config = TrainingConfiguration(steps: 50, recordEvery: 1, learningRate: .constant(rate), optimizer: optimizer)
            let history = try Trainer(configuration: config).record(TestFunction.himmelblau, from: TestFunction.himmelblau.start)
            let race = try OptimizerRace(function: .himmelblau, optimizers: [optimizer], steps: 50).run()
            #expect(history.steps.map { $0.parameters[0] } == race.tracks[0].xs, "\(optimizer.name)")
            #expect(history.steps.map(\.loss) == race.tracks[0].losses, "\(optimizer.name)")
            // … and the linear model of seed 000 too.
            let linear = TrainingConfiguration(steps: 3000, recordEvery: 3000, learningRate: .constant(optimizer == .gradientDescent ? 0.03 : 0.01),
                                               optimizer: optimizer)
            let result = try Trainer(configuration: linear).train(ReferenceRuns.fourPointsObjective(), from: [0, 0])
            #expect(result.loss < ReferenceRuns.fourPointsObjective().loss(at: [0, 0]) / 5, "\(optimizer.name)")
        }
        #expect(Optimizer(name: "RMSprop") == .rmsprop())
        #expect(Optimizer(name: "sgd") == .gradientDescent)
        #expect(Optimizer(name: "lbfgs") == nil)
        #expect(Optimizer.torchDefaults.map(\.name) == ["gd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"])
    }
}
