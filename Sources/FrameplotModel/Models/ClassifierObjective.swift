/// A training objective that classifies points into `classCount` classes.
///
/// Every classifier predicts single points, whole feature matrices and 2-D grids
/// (decision regions) from a parameter vector, so recorded histories can be replayed.
///
/// ```swift
/// let model = try SoftmaxRegressionObjective(dataset: iris)
/// let acc = model.accuracy(parameters: theta, on: iris)
/// ```
public protocol ClassifierObjective: TrainingObjective {
    /// Number of input features.
    var featureCount: Int { get }
    /// Number of classes.
    var classCount: Int { get }
    /// Writes the class probabilities of one point (`featureCount` values) into `probabilities` (`classCount` values).
    func classProbabilities(parameters: UnsafeBufferPointer<Double>, point: UnsafeBufferPointer<Double>,
                            into probabilities: UnsafeMutableBufferPointer<Double>)
    /// Class predictions over a 2-D grid; `transform` maps grid coordinates into the model's
    /// input space (e.g. the standardiser used for training). Needs `featureCount == 2`.
    func predictGrid(parameters: [Double], grid: PredictionGrid, transform: Standardizer?,
                     includeProbabilities: Bool) throws -> GridPrediction
}

extension ClassifierObjective {
    /// The class probabilities of one point.
    ///
    /// ```swift
    /// let p = model.probabilities(parameters: theta, point: [5.1, 3.5, 1.4, 0.2])
    /// ```
    public func probabilities(parameters: [Double], point: [Double]) -> [Double] {
        var out = [Double](repeating: 0, count: classCount)
        parameters.withUnsafeBufferPointer { th in
            point.withUnsafeBufferPointer { x in
                out.withUnsafeMutableBufferPointer { classProbabilities(parameters: th, point: x, into: $0) }
            }
        }
        return out
    }

    /// The most probable class of every row of `features`.
    ///
    /// ```swift
    /// let labels = model.predict(parameters: theta, features: test.features)
    /// ```
    public func predict(parameters: [Double], features: Matrix) -> [Int] {
        var out = [Int](repeating: 0, count: features.rows)
        var probabilities = [Double](repeating: 0, count: classCount)
        let d = featureCount
        guard features.cols == d else { return out }
        parameters.withUnsafeBufferPointer { th in
            features.values.withUnsafeBufferPointer { x in
                probabilities.withUnsafeMutableBufferPointer { p in
                    for r in 0..<features.rows {
                        classProbabilities(parameters: th, point: UnsafeBufferPointer(rebasing: x[(r * d)..<(r * d + d)]), into: p)
                        var best = 0
                        for k in 1..<max(1, classCount) where p[k] > p[best] { best = k }
                        out[r] = best
                    }
                }
            }
        }
        return out
    }

    /// The fraction of samples of `dataset` classified correctly.
    ///
    /// ```swift
    /// let acc = model.accuracy(parameters: theta, on: test)
    /// ```
    public func accuracy(parameters: [Double], on dataset: Dataset) -> Double {
        let predicted = predict(parameters: parameters, features: dataset.features)
        let labels = dataset.labels
        let correct = zip(predicted, labels).filter { $0 == $1 }.count
        return Double(correct) / Double(max(1, labels.count))
    }

    /// Class predictions over a 2-D grid (generic path: one `classProbabilities` call per cell,
    /// no allocation per cell).
    ///
    /// ```swift
    /// let p = try model.predictGrid(parameters: theta, grid: grid, transform: nil, includeProbabilities: false)
    /// ```
    public func predictGrid(parameters: [Double], grid: PredictionGrid, transform: Standardizer? = nil,
                            includeProbabilities: Bool = false) throws -> GridPrediction {
        try grid.validate()
        guard featureCount == 2 else {
            throw TrainingError.invalidArgument("grid prediction needs a model with 2 input features, this one has \(featureCount)")
        }
        let k = classCount, cells = grid.columns * grid.rows
        var classIndex = [Int](repeating: 0, count: cells)
        var maxProbability = [Double](repeating: 0, count: cells)
        var all = [Double](repeating: 0, count: includeProbabilities ? cells * k : 0)
        var probabilities = [Double](repeating: 0, count: k)
        var point = [0.0, 0.0]
        parameters.withUnsafeBufferPointer { th in
            probabilities.withUnsafeMutableBufferPointer { p in
                point.withUnsafeMutableBufferPointer { x in
                    for row in 0..<grid.rows {
                        for column in 0..<grid.columns {
                            x[0] = grid.x(column: column)
                            x[1] = grid.y(row: row)
                            if let t = transform {
                                x[0] = (x[0] - t.means[0]) / t.scales[0]
                                x[1] = (x[1] - t.means[1]) / t.scales[1]
                            }
                            classProbabilities(parameters: th, point: UnsafeBufferPointer(x), into: p)
                            let cell = row * grid.columns + column
                            var best = 0
                            for c in 1..<max(1, k) where p[c] > p[best] { best = c }
                            classIndex[cell] = best
                            maxProbability[cell] = p[best]
                            if includeProbabilities { for c in 0..<k { all[cell * k + c] = p[c] } }
                        }
                    }
                }
            }
        }
        return GridPrediction(grid: grid, classCount: k, classIndex: classIndex, maxProbability: maxProbability,
                              probabilities: includeProbabilities ? all : nil)
    }
}

/// Validates classification data shared by the classifier objectives: returns (labels, classCount).
func classificationLabels(_ dataset: Dataset, minimumSamples: Int = 1) throws -> ([Int], Int) {
    guard dataset.count >= minimumSamples else { throw TrainingError.tooFewSamples(required: minimumSamples, actual: dataset.count) }
    let labels = dataset.labels
    for (i, v) in dataset.targets.enumerated() where v != v.rounded() || v < 0 {
        throw TrainingError.invalidLabel(row: i, label: Int(v.rounded()), classCount: max(2, dataset.classCount))
    }
    let k = try dataset.requireClassification()
    return (labels, k)
}

/// Validates two-class data (labels 0 and 1 only) for the binary classifiers: returns the labels.
func binaryClassificationLabels(_ dataset: Dataset) throws -> [Int] {
    let (labels, _) = try classificationLabels(dataset)
    for (i, l) in labels.enumerated() where l > 1 {
        throw TrainingError.invalidLabel(row: i, label: l, classCount: 2)
    }
    return labels
}
