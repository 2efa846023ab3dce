import Foundation
import Testing
@testable import FrameplotModel

@Suite("Data sets and preprocessing")
struct DatasetTests {
    @Test func irisIsBundledComplete() {
        let iris = Dataset.iris
        #expect(iris.count == 150)
        #expect(iris.featureNames == ["sepal_length", "sepal_width", "petal_length", "petal_width"])
        #expect(iris.classNames == ["setosa", "versicolor", "virginica"])
        #expect((0..<3).map { k in iris.labels.filter { $0 == k }.count } == [50, 50, 50])
        #expect(iris.features.row(0) == [5.1, 3.5, 1.4, 0.2])
        #expect(iris.features.values.allSatisfy { $0.isFinite && $0 > 0 })
        // Column sums of Fisher's data as shipped (petal length 563.7, petal width 179.9).
        #expect(abs(iris.column(2).reduce(0, +) - 563.7) < 1e-9)
        #expect(abs(iris.column(3).reduce(0, +) - 179.9) < 1e-9)
    }

    @Test func referenceData() {
        #expect(Dataset.heightWeight.column(0) == [166, 176, 171, 173, 169])
        #expect(Dataset.heightWeight.targets == [58.7, 75.7, 62.1, 70.4, 60.1])
        #expect(Dataset.fourPoints.column(0) == [1, 3, 6, 8])
        #expect(Dataset.fourPoints.targets == [3, 6, 5, 7])
    }

    @Test func syntheticSetsAreSeededAndShaped() throws {
        let makers: [(UInt64) throws -> Dataset] = [
            { try Dataset.blobs(count: 90, classes: 3, seed: $0) },
            { try Dataset.twoMoons(count: 90, seed: $0) },
            { try Dataset.circles(count: 90, seed: $0) },
            { try Dataset.xor(count: 90, seed: $0) },
            { try Dataset.threeClassGaussian(count: 90, seed: $0) },
        ]
        for make in makers {
            let a = try make(1), b = try make(1), c = try make(2)
            #expect(a == b)
            #expect(a.features != c.features)
            #expect(a.count == 90 && a.featureCount == 2)
            #expect(Set(a.labels).count == a.classCount)
        }
        let xor = try Dataset.xor(count: 200, seed: 3)
        for r in 0..<xor.count {
            #expect((xor.features[r, 0] * xor.features[r, 1] < 0 ? 1 : 0) == xor.labels[r])
        }
        // Class priors of the three-class set are 0.4 / 0.4 / 0.2.
        let big = try Dataset.threeClassGaussian(count: 5000, seed: 9)
        let share = (0..<3).map { k in Double(big.labels.filter { $0 == k }.count) / 5000 }
        #expect(abs(share[0] - 0.4) < 0.03 && abs(share[1] - 0.4) < 0.03 && abs(share[2] - 0.2) < 0.03)
        #expect(throws: TrainingError.self) { try Dataset.blobs(count: 0, seed: 1) }
        #expect(throws: TrainingError.self) { try Dataset.twoMoons(count: 10, noise: -1, seed: 1) }
    }

    @Test func preprocessing() throws {
        let (z, s) = Dataset.iris.standardized()
        for c in 0..<4 {
            let col = z.column(c)
            let mean = col.reduce(0, +) / 150
            let variance = col.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 150
            #expect(abs(mean) < 1e-12 && abs(variance - 1) < 1e-12)
        }
        let back = s.inverse(point: z.features.row(7))
        #expect(zip(back, Dataset.iris.features.row(7)).allSatisfy { abs($0 - $1) < 1e-12 })
        let (centred, _) = Dataset.heightWeight.centered()
        #expect(abs(centred.column(0).reduce(0, +)) < 1e-12)
        #expect(centred.column(0) == [-5, 5, 0, 2, -2])
        let biased = Matrix(rows: 2, cols: 1, values: [3, 4]).addingBiasColumn()
        #expect(biased.values == [1, 3, 1, 4])
        let (train, test) = try Dataset.iris.split(testFraction: 0.2, seed: 1)
        #expect(train.count == 120 && test.count == 30)
        let (train2, _) = try Dataset.iris.split(testFraction: 0.2, seed: 1)
        #expect(train == train2)
        #expect(Set(train.features.values.indices.map { train.features.values[$0] }).count > 10)
        let petals = try Dataset.iris.selectingFeatures([2, 3])
        #expect(petals.featureNames == ["petal_length", "petal_width"])
        // Constant column: scale stays 1, no division by zero.
        let constant = try Dataset(features: [[1, 5], [2, 5], [3, 5]], targets: [0, 1, 0])
        #expect(Standardizer(fitting: constant.features).scales[1] == 1)
    }
}

@Suite("Edge cases give typed errors")
struct EdgeCaseTests {
    @Test func badDataIsRejected() {
        #expect(throws: TrainingError.emptyData) { try Dataset(features: [[Double]](), targets: []) }
        #expect(throws: TrainingError.mismatchedLengths(what: "number of targets", expected: 2, actual: 3)) {
            try Dataset(features: [[1], [2]], targets: [1, 2, 3])
        }
        #expect(throws: TrainingError.mismatchedLengths(what: "number of features in row 2", expected: 2, actual: 1)) {
            try Dataset(features: [[1, 2], [3]], targets: [1, 2])
        }
        #expect(throws: TrainingError.nonFinite(what: "the features", row: 1, column: 0)) {
            try Dataset(features: [[1], [.nan]], targets: [1, 2])
        }
        #expect(throws: TrainingError.nonFinite(what: "the targets", row: 0, column: 0)) {
            try Dataset(features: [[1], [2]], targets: [.infinity, 2])
        }
        #expect(throws: TrainingError.invalidLabel(row: 1, label: 3, classCount: 2)) {
            try Dataset(features: [[1], [2]], targets: [0, 3], classNames: ["a", "b"])
        }
    }

    @Test func fitsNeedEnoughSamplesAndClasses() throws {
        let one = try Dataset(features: [[1]], targets: [2])
        #expect(throws: TrainingError.tooFewSamples(required: 2, actual: 1)) {
            try LinearRegressionObjective.line(dataset: one).closedFormSolution()
        }
        let oneClass = try Dataset(features: [[1], [2], [3]], targets: [1, 1, 1], classNames: ["a", "b"])
        #expect(throws: TrainingError.tooFewClasses(found: 1)) { try LogisticRegressionObjective(dataset: oneClass) }
        #expect(throws: TrainingError.tooFewClasses(found: 1)) { try SoftmaxRegressionObjective(dataset: oneClass) }
        #expect(throws: TrainingError.tooFewClasses(found: 1)) { try TwoLayerNetworkObjective(dataset: oneClass, hiddenUnits: 2) }
        #expect(throws: TrainingError.tooFewClasses(found: 1)) { try PerceptronObjective(dataset: oneClass) }
        #expect(throws: TrainingError.invalidLabel(row: 0, label: 2, classCount: 2)) {
            try LogisticRegressionObjective(dataset: Dataset(features: [[1], [2]], targets: [2, 0]))
        }
        let duplicate = try Dataset(features: [[2], [2], [2]], targets: [1, 2, 3])
        #expect(throws: TrainingError.singularSystem) { try LinearRegressionObjective.line(dataset: duplicate).closedFormSolution() }
        #expect(throws: TrainingError.self) { try Dataset.iris.split(testFraction: 1.5, seed: 1) }
        #expect(throws: TrainingError.tooFewSamples(required: 2, actual: 1)) { try one.split(testFraction: 0.5, seed: 1) }
        #expect(throws: TrainingError.self) { try TwoLayerNetworkObjective(dataset: .iris, hiddenUnits: 0) }
    }

    @Test func divergenceIsReportedWithItsStep() throws {
        let net = try TwoLayerNetworkObjective(dataset: Dataset.threeClassGaussian(count: 30, seed: 1), hiddenUnits: 3, activation: .relu)
        let config = TrainingConfiguration(steps: 500, recordEvery: 50, learningRate: .constant(1e200))
        #expect(throws: TrainingError.self) { try Trainer(configuration: config).train(net, from: net.initialParameters(seed: 1)) }
        let slides = ReferenceRuns.heightWeightObjective()
        do {
            _ = try Trainer(configuration: .init(steps: 10_000, recordEvery: 1, learningRate: .constant(3))).train(slides, from: [2, -1])
            Issue.record("expected divergence")
        } catch let TrainingError.diverged(step) {
            #expect(step > 1)
        }
    }
}

@Suite("Data sets from CSV tables")
struct DatasetCSVTests {
    func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("frameplot-model-\(UUID().uuidString).csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func irisFileMatchesTheBundledData() throws {
        let path = try write(irisCSVText)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let table = try CSVTable(contentsOf: path)
        let fromFile = try Dataset(table: table, features: ["sepal_length", "sepal_width", "petal_length", "petal_width"], label: "species")
        #expect(fromFile == Dataset.iris)
    }

    @Test func regressionColumnsByIndexAndErrorsNameTheLine() throws {
        let path = try write("x,y\n1,3\n3,6\n6,5\n8,7\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let d = try Dataset(table: CSVTable(contentsOf: path), features: ["1"], target: "2")
        #expect(d.column(0) == Dataset.fourPoints.column(0))
        #expect(d.targets == Dataset.fourPoints.targets)
        let bad = try write("x,y\n1,3\n3,oops\n")
        defer { try? FileManager.default.removeItem(atPath: bad) }
        do {
            _ = try Dataset(table: CSVTable(contentsOf: bad), features: ["x"], target: "y")
            Issue.record("expected an error")
        } catch let error as CSVError {
            #expect("\(error)".contains("3"))
        }
        #expect(throws: TrainingError.self) { try Dataset(table: CSVTable(contentsOf: path), features: ["x"]) }
    }
}
