import Foundation
import Frameplot

/// Prints the model benchmark figures: training steps per second for linear-regression
/// gradient descent, logistic one-sample SGD and a two-layer network (1,000 points each),
/// and the time of an 800x800 grid prediction by a 16-hidden-unit network.
/// benchmarks/model_numpy.py does the same work in numpy for comparison.
func runModelBenchmarks() {
    do {
        try ModelBenchmark().run()
    } catch {
        print("model: benchmark failed: \(error)")
    }
}

private struct ModelBenchmark {
    let points = 1000

    /// CPU time of the process for `body` (the machine is shared, so wall time would mostly
    /// measure other people's work; benchmarks/model_numpy.py uses time.process_time alike).
    func seconds(_ body: () throws -> Void) rethrows -> Double {
        func now() -> Double {
            var t = timespec()
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
            return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
        }
        let start = now()
        try body()
        return now() - start
    }

    /// Best of `repeats` timings (less noise on a shared machine).
    func best(_ repeats: Int, _ body: () throws -> Void) rethrows -> Double {
        var result = Double.infinity
        for _ in 0..<repeats { result = min(result, try seconds(body)) }
        return result
    }

    func report(_ name: String, steps: Int, time: Double) {
        print(String(format: "model: %-34@ %10.0f steps/s  (%d steps in %.3f s)", name as NSString, Double(steps) / time, steps, time))
    }

    func run() throws {
        // Linear regression y = a x + b, full-batch gradient descent.
        var rng = SeededGenerator(seed: 1)
        let xs = (0..<points).map { _ in rng.nextUniform(in: 0, 10) }
        let ys = xs.map { 0.5 * $0 + 3 + rng.nextNormal() }
        let line = LinearRegressionObjective.line(dataset: try Dataset(features: xs.map { [$0] }, targets: ys))
        let gdSteps = 20_000
        let gd = Trainer(configuration: .init(steps: gdSteps, recordEvery: gdSteps, learningRate: .constant(0.01)))
        let gdTime = try best(3) { _ = try gd.train(line, from: [0, 0]) }
        report("linear regression GD (1000 pts)", steps: gdSteps, time: gdTime)

        // Logistic regression, one-sample SGD.
        let blobs = try Dataset.blobs(count: points, classes: 2, seed: 2)
        let logistic = try LogisticRegressionObjective(dataset: blobs)
        let sgdSteps = 200_000
        let sgd = Trainer(configuration: .init(steps: sgdSteps, recordEvery: sgdSteps, learningRate: .constant(0.05),
                                               batching: .stochastic, seed: 3))
        let sgdTime = try best(3) { _ = try sgd.train(logistic, from: logistic.initialParameters()) }
        report("logistic SGD (1000 pts)", steps: sgdSteps, time: sgdTime)

        // Two-layer network, 16 sigmoid hidden units, 3 classes, full-batch.
        let three = try Dataset.threeClassGaussian(count: points, seed: 4)
        let net = try TwoLayerNetworkObjective(dataset: three, hiddenUnits: 16, activation: .sigmoid)
        let netSteps = 500
        let netTrainer = Trainer(configuration: .init(steps: netSteps, recordEvery: netSteps, learningRate: .constant(0.5)))
        var theta: [Double] = []
        let netTime = try best(3) { theta = try netTrainer.train(net, from: net.initialParameters(seed: 5)).parameters }
        report("two-layer net 16 hidden (1000 pts)", steps: netSteps, time: netTime)

        // 800x800 grid prediction (class index + max probability per cell).
        let grid = PredictionGrid(x: -3...3, y: -3...3, columns: 800, rows: 800)
        var checksum = 0
        let gridTime = try best(5) {
            let p = try net.predictGrid(parameters: theta, grid: grid)
            checksum = p.classIndex.reduce(0, +)
        }
        print(String(format: "model: grid prediction 800x800, 16 hidden  %8.2f ms  (class sum %d)", gridTime * 1000, checksum))
        let tanhNet = try TwoLayerNetworkObjective(dataset: three, hiddenUnits: 16, activation: .tanh)
        let reluNet = try TwoLayerNetworkObjective(dataset: three, hiddenUnits: 16, activation: .relu)
        let tanhTime = try best(5) { _ = try tanhNet.predictGrid(parameters: theta, grid: grid) }
        let reluTime = try best(5) { _ = try reluNet.predictGrid(parameters: theta, grid: grid) }
        let probTime = try best(5) { _ = try net.predictGrid(parameters: theta, grid: grid, includeProbabilities: true) }
        print(String(format: "model: grid 800x800 tanh %.2f ms, relu %.2f ms, sigmoid with all probabilities %.2f ms",
                     tanhTime * 1000, reluTime * 1000, probTime * 1000))
    }
}
