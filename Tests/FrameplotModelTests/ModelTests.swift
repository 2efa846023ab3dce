import Foundation
import Testing
@testable import FrameplotModel

@Suite("Models: gradients, fits and accuracies")
struct ModelTests {
    static let moons = (try? Dataset.twoMoons(count: 60, noise: 0.1, seed: 5)) ?? Dataset.fourPoints

    @Test func everyModelPassesTheGradientCheck() throws {
        var rng = SeededGenerator(seed: 11)
        func randomParameters(_ n: Int) -> [Double] { (0..<n).map { _ in 0.5 * rng.nextNormal() } }

        let linear = ReferenceRuns.fourPointsObjective()
        #expect(GradientCheck.run(linear, at: [0.3, 1.2]).maxRelativeError < 1e-6)
        let slides = ReferenceRuns.heightWeightObjective()
        #expect(GradientCheck.run(slides, at: [2, -1]).maxRelativeError < 1e-6)
        let poly = try LinearRegressionObjective.polynomial(dataset: .fourPoints, degree: 3, ridge: 0.1)
        #expect(GradientCheck.run(poly, at: randomParameters(4)).maxRelativeError < 1e-6)

        let (iris, _) = Dataset.iris.standardized()
        let softmax = try SoftmaxRegressionObjective(dataset: iris)
        #expect(GradientCheck.run(softmax, at: randomParameters(softmax.parameterCount)).maxRelativeError < 1e-6)
        let logistic = try LogisticRegressionObjective(dataset: Self.moons)
        #expect(GradientCheck.run(logistic, at: randomParameters(3)).maxRelativeError < 1e-6)
        // The perceptron criterion is piecewise linear: check away from its kinks (no score exactly 0).
        let perceptron = try PerceptronObjective(dataset: Self.moons)
        #expect(GradientCheck.run(perceptron, at: [0.1, 0.7, -1.3]).maxRelativeError < 1e-6)

        let three = try Dataset.threeClassGaussian(count: 40, seed: 2)
        for activation in HiddenActivation.allCases {
            let net = try TwoLayerNetworkObjective(dataset: three, hiddenUnits: 4, activation: activation)
            let check = GradientCheck.run(net, at: net.initialParameters(seed: 9))
            #expect(check.maxRelativeError < 1e-6, "\(activation): worst \(net.parameterNames[check.worstParameter])")
        }
    }

    @Test func closedFormMatchesTheFormulas() throws {
        let w = try ReferenceRuns.fourPointsObjective().closedFormSolution()
        #expect(abs(w[0] - 12.5 / 29) < 1e-12)
        #expect(abs(w[1] - (5.25 - 4.5 * 12.5 / 29)) < 1e-12)
        // Centred height/weight: w0 = 0 (both centred), w1 = Sxy / Sxx.
        let x: [Double] = [166, 176, 171, 173, 169], y = [58.7, 75.7, 62.1, 70.4, 60.1]
        let mx = x.reduce(0, +) / 5, my = y.reduce(0, +) / 5
        let sxy = zip(x, y).map { ($0 - mx) * ($1 - my) }.reduce(0, +)
        let sxx = x.map { ($0 - mx) * ($0 - mx) }.reduce(0, +)
        let hw = try ReferenceRuns.heightWeightObjective().closedFormSolution()
        #expect(abs(hw[0]) < 1e-12)
        #expect(abs(hw[1] - sxy / sxx) < 1e-12)
        // A cubic through 4 points interpolates them exactly.
        let cubic = try LinearRegressionObjective.polynomial(dataset: .fourPoints, degree: 3).closedFormSolution()
        #expect(LinearRegressionObjective.polynomialDesign([1, 3, 6, 8], degree: 3).multiplied(by: Matrix(rows: 4, cols: 1, values: cubic))
            .map { zip($0.values, [3.0, 6, 5, 7]).allSatisfy { abs($0 - $1) < 1e-9 } } == true)
        // Ridge: the gradient vanishes at the closed-form solution.
        let ridge = try LinearRegressionObjective.polynomial(dataset: .fourPoints, degree: 2, ridge: 0.5)
        let wr = try ridge.closedFormSolution()
        #expect(ridge.gradient(at: wr).allSatisfy { abs($0) < 1e-9 })
    }

    @Test func logisticRegressionSeparatesSetosa() throws {
        // Setosa versus the other species is linearly separable (petal length alone splits them),
        // so a correct logistic regression reaches 100% training accuracy.
        var data = Dataset.iris
        data.targets = data.targets.map { $0 == 0 ? 1 : 0 }
        data.classNames = ["other", "setosa"]
        let (z, _) = data.standardized()
        let model = try LogisticRegressionObjective(dataset: z)
        let result = try Trainer(configuration: .init(steps: 300, recordEvery: 300, learningRate: .constant(1)))
            .train(model, from: model.initialParameters())
        #expect(model.accuracy(parameters: result.parameters, on: z) == 1)
        #expect(model.metrics(at: result.parameters)["accuracy"] == 1)
    }

    @Test func softmaxRegressionOnIris() throws {
        // Multinomial logistic regression on the 4 standardised iris features: setosa is separable and
        // versicolor/virginica overlap in a few flowers, so a correct model fits 96–98% of the
        // 150 training flowers (scikit-learn's multinomial LogisticRegression reports 97.3%).
        let (iris, _) = Dataset.iris.standardized()
        let model = try SoftmaxRegressionObjective(dataset: iris)
        let config = TrainingConfiguration(steps: 2000, recordEvery: 2000, learningRate: .constant(0.5))
        let result = try Trainer(configuration: config).train(model, from: model.initialParameters())
        let accuracy = model.accuracy(parameters: result.parameters, on: iris)
        #expect(accuracy >= 0.96)
        #expect(accuracy < 1)  // the classes overlap: 100% would mean a bug in the data
    }

    @Test func twoLayerNetworkReachesBayesAccuracyOnTheThreeClassSet() throws {
        let data = try Dataset.threeClassGaussian(count: 200, seed: 1)
        let net = try TwoLayerNetworkObjective(dataset: data, hiddenUnits: 8, activation: .sigmoid)
        let config = TrainingConfiguration(steps: 1000, recordEvery: 1000, learningRate: .constant(0.05), optimizer: .adam())
        let result = try Trainer(configuration: config).train(net, from: net.initialParameters(seed: 1))
        let accuracy = net.accuracy(parameters: result.parameters, on: data)
        // The classes overlap, so no classifier is perfect. Reference: the Bayes classifier built
        // from the true generating densities (priors, means, deviations) on the same points.
        let means: [(Double, Double)] = [(-0.5, -0.5), (0.5, 1.0), (1, -0.5)]
        let sigmas: [(Double, Double)] = [(0.7, 0.7), (0.8, 0.3), (0.3, 0.8)]
        let priors = [0.4, 0.4, 0.2]
        var bayesCorrect = 0
        for r in 0..<data.count {
            let x = data.features[r, 0], y = data.features[r, 1]
            let scores = (0..<3).map { k -> Double in
                let ux = (x - means[k].0) / sigmas[k].0, uy = (y - means[k].1) / sigmas[k].1
                return log(priors[k]) - log(sigmas[k].0 * sigmas[k].1) - 0.5 * (ux * ux + uy * uy)
            }
            if scores.firstIndex(of: scores.max() ?? 0) == data.labels[r] { bayesCorrect += 1 }
        }
        let bayes = Double(bayesCorrect) / Double(data.count)
        // A correct network fits its training set at least about as well as the Bayes rule
        // (it may do slightly better by fitting noise) and is clearly better than chance (0.4).
        #expect(accuracy >= bayes - 0.03, "network \(accuracy), Bayes \(bayes)")
        #expect(accuracy > 0.8)
    }

    @Test func perceptronSeparatesSeparableData() throws {
        let data = try Dataset.blobs(count: 80, classes: 2, spread: 3, standardDeviation: 0.5, seed: 3)
        let model = try PerceptronObjective(dataset: data)
        let config = TrainingConfiguration(steps: 2000, recordEvery: 2000, learningRate: .constant(1), batching: .stochastic, seed: 1)
        let result = try Trainer(configuration: config).train(model, from: model.initialParameters())
        #expect(model.accuracy(parameters: result.parameters, on: data) == 1)
        #expect(model.loss(at: result.parameters) == 0)
    }

    @Test func gridPredictionMatchesPointwisePrediction() throws {
        let data = try Dataset.threeClassGaussian(count: 60, seed: 4)
        let (z, transform) = data.standardized()
        for activation in HiddenActivation.allCases {
            let net = try TwoLayerNetworkObjective(dataset: z, hiddenUnits: 16, activation: activation)
            var theta = net.initialParameters(seed: 5)
            theta = theta.map { $0 * 40 }  // large weights: saturated units exercise the exact-exp fallback
            let grid = PredictionGrid(x: -3...3, y: -2...2.5, columns: 37, rows: 23)
            let fast = try net.predictGrid(parameters: theta, grid: grid, transform: transform, includeProbabilities: true)
            let slow = try GenericClassifier(net).predictGrid(parameters: theta, grid: grid, transform: transform, includeProbabilities: true)
            #expect(fast.classIndex == slow.classIndex)
            for i in slow.maxProbability.indices {
                #expect(abs(fast.maxProbability[i] - slow.maxProbability[i]) < 1e-9)
            }
            let p = try #require(fast.probabilities), q = try #require(slow.probabilities)
            #expect(zip(p, q).allSatisfy { abs($0 - $1) < 1e-9 })
            // The scores rank the classes alike, and their softmax is the probabilities.
            let scores = try net.predictGridScores(parameters: theta, grid: grid, transform: transform)
            #expect(scores.classIndex == fast.classIndex && scores.scores.count == p.count && scores.classCount == 3)
            let softmaxMatches = stride(from: 0, to: p.count, by: 3).allSatisfy { start in
                let s = scores.scores[start..<(start + 3)], top = s.max() ?? 0
                let e = s.map { exp($0 - top) }, sum = e.reduce(0, +)
                return zip(e, p[start..<(start + 3)]).allSatisfy { abs($0 / sum - $1) < 1e-9 }
            }
            #expect(softmaxMatches)
            // Row 0 is the lowest y.
            let cell = net.probabilities(parameters: theta, point: transform.transform(point: [grid.x(column: 2), grid.y(row: 0)]))
            #expect(abs((p[2 * 3] ) - cell[0]) < 1e-9)
        }
        let logistic = try LogisticRegressionObjective(dataset: Self.moons)
        let g = try logistic.predictGrid(parameters: [0, 1, 0], grid: PredictionGrid(x: -1...1, y: -1...1, columns: 2, rows: 1))
        #expect(g.classIndex == [0, 1])
        #expect(throws: TrainingError.self) {
            try SoftmaxRegressionObjective(dataset: .iris).predictGrid(parameters: [], grid: PredictionGrid(x: 0...1, y: 0...1, columns: 2, rows: 2))
        }
    }
}

/// Wraps a classifier so that only the generic (per-point) grid prediction is used.
struct GenericClassifier<Base: ClassifierObjective>: ClassifierObjective {
    let base: Base
    init(_ base: Base) { self.base = base }
    var parameterNames: [String] { base.parameterNames }
    var sampleCount: Int { base.sampleCount }
    var featureCount: Int { base.featureCount }
    var classCount: Int { base.classCount }
    func loss(at parameters: [Double]) -> Double { base.loss(at: parameters) }
    func gradient(at parameters: [Double], batch: ArraySlice<Int>?, into gradient: inout [Double]) {
        base.gradient(at: parameters, batch: batch, into: &gradient)
    }
    func classProbabilities(parameters: UnsafeBufferPointer<Double>, point: UnsafeBufferPointer<Double>,
                            into probabilities: UnsafeMutableBufferPointer<Double>) {
        base.classProbabilities(parameters: parameters, point: point, into: probabilities)
    }
}

@Suite("Validation metrics")
struct ValidationTests {
    @Test func validationLossAndAccuracyAreRecorded() throws {
        let (train, test) = try Dataset.threeClassGaussian(count: 120, seed: 6).split(testFraction: 0.25, seed: 2)
        let model = try ValidatedClassifier(training: SoftmaxRegressionObjective(dataset: train),
                                            validation: SoftmaxRegressionObjective(dataset: test))
        let history = try Trainer(configuration: .init(steps: 50, recordEvery: 25, learningRate: .constant(0.5)))
            .record(model, from: model.training.initialParameters())
        #expect(history.metricNames == ["accuracy", "validation loss", "validation accuracy"])
        let last = try #require(history.steps.last)
        let direct = try SoftmaxRegressionObjective(dataset: test)
        #expect(last.metrics["validation loss"] == direct.loss(at: Array(last.parameters)))
        #expect(last.metrics["validation accuracy"] == direct.accuracy(parameters: Array(last.parameters), on: test))
        // Initial validation loss of an all-zero softmax model is log 3.
        #expect(abs((history.steps[0].metrics["validation loss"] ?? 0) - log(3)) < 1e-12)
        let csv = history.csvText()
        #expect(csv.hasPrefix("step,epoch,loss,w0_0,w0_1,w0_2,w1_0,w1_1,w1_2,w2_0,w2_1,w2_2,accuracy,validation loss,validation accuracy\n"))
    }
}
