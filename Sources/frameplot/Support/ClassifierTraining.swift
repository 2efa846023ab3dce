import Foundation
import FrameplotModel

/// Trains the `regions` command's classifier with the model core, on standardised features.
enum ClassifierTraining {
    static func train(_ problem: ClassificationProblem, model: ModelSpec, steps: Int, learningRate: Double,
                      seed: UInt64) throws -> TrainedClassifier {
        let raw = Matrix(rows: problem.xs.count, cols: 2, values: zip(problem.xs, problem.ys).flatMap { [$0, $1] })
        let standardizer = Standardizer(fitting: raw)
        let dataset = try Dataset(
            features: standardizer.transform(raw), targets: problem.labels.map(Double.init),
            classNames: problem.classNames)
        switch model {
        case .logistic:
            let objective = try LogisticRegressionObjective(dataset: dataset)
            return try run(objective, from: objective.initialParameters(), dataset: dataset, standardizer: standardizer,
                           steps: steps, learningRate: learningRate, seed: seed)
        case .softmax:
            let objective = try SoftmaxRegressionObjective(dataset: dataset)
            return try run(objective, from: objective.initialParameters(), dataset: dataset, standardizer: standardizer,
                           steps: steps, learningRate: learningRate, seed: seed)
        case .mlp(let hidden):
            let objective = try TwoLayerNetworkObjective(dataset: dataset, hiddenUnits: hidden)
            return try run(objective, from: objective.initialParameters(seed: seed), dataset: dataset,
                           standardizer: standardizer, steps: steps, learningRate: learningRate, seed: seed)
        }
    }

    private static func run<Objective: ClassifierObjective & Sendable>(
        _ objective: Objective, from initial: [Double], dataset: Dataset, standardizer: Standardizer,
        steps: Int, learningRate: Double, seed: UInt64
    ) throws -> TrainedClassifier {
        let configuration = TrainingConfiguration(
            steps: steps, recordEvery: steps, learningRate: .constant(learningRate), seed: seed, recordsMetrics: false)
        let initialLoss = objective.loss(at: initial)
        let result: TrainingResult
        do {
            result = try Trainer(configuration: configuration).train(objective, from: initial)
        } catch TrainingError.diverged(let step) {
            throw diverged("at step \(step) (the loss became NaN or infinite)", learningRate: learningRate)
        }
        guard result.loss.isFinite, result.parameters.allSatisfy(\.isFinite) else {
            throw diverged("(the loss became NaN or infinite)", learningRate: learningRate)
        }
        if result.loss > initialLoss * 1.5 {
            throw diverged("(the loss grew from \(format(initialLoss)) to \(format(result.loss)))", learningRate: learningRate)
        }
        let parameters = result.parameters
        return TrainedClassifier(
            finalLoss: result.loss,
            accuracy: objective.accuracy(parameters: parameters, on: dataset),
            probabilities: { x, y in
                objective.probabilities(parameters: parameters, point: standardizer.transform(point: [x, y]))
            })
    }

    private static func diverged(_ detail: String, learningRate: Double) -> CLIError {
        .failure("training diverged \(detail); try a smaller learning rate than --lr \(PlotOptions.format(learningRate))")
    }

    private static func format(_ value: Double) -> String { String(format: "%.4g", value) }
}
