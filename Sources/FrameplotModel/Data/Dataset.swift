/// A table of samples: numeric features (one row per sample) and one target per sample.
///
/// For classification the targets are class indices 0, 1, ... stored as doubles and
/// `classNames` names them; for regression `classNames` is empty.
/// Construction validates the data (typed errors for empty, ragged, mismatched or NaN/inf data).
///
/// ```swift
/// let d = try Dataset(features: [[1], [3], [6], [8]], targets: [3, 6, 5, 7],
///                     featureNames: ["x"], targetName: "y")
/// ```
public struct Dataset: Sendable, Hashable {
    /// Names of the feature columns.
    public var featureNames: [String]
    /// The features, `count` rows by `featureNames.count` columns.
    public var features: Matrix
    /// One target per sample (a class index for classification).
    public var targets: [Double]
    /// Name of the target column.
    public var targetName: String
    /// Class names, indexed by label; empty for regression data.
    public var classNames: [String]

    /// Number of samples.
    public var count: Int { features.rows }
    /// Number of feature columns.
    public var featureCount: Int { features.cols }
    /// The targets as class indices (for classification data).
    public var labels: [Int] { targets.map { Int($0) } }
    /// Number of classes (0 for regression data).
    public var classCount: Int { classNames.count }

    /// Creates and validates a data set from a feature matrix.
    ///
    /// ```swift
    /// let d = try Dataset(features: Matrix(rows: 2, cols: 1, values: [1, 2]), targets: [3, 4])
    /// ```
    public init(features: Matrix, targets: [Double], featureNames: [String]? = nil,
                targetName: String = "y", classNames: [String] = []) throws {
        guard features.rows > 0 else { throw TrainingError.emptyData }
        guard targets.count == features.rows else {
            throw TrainingError.mismatchedLengths(what: "number of targets", expected: features.rows, actual: targets.count)
        }
        let names = featureNames ?? (0..<features.cols).map { "x\($0 + 1)" }
        guard names.count == features.cols else {
            throw TrainingError.mismatchedLengths(what: "number of feature names", expected: features.cols, actual: names.count)
        }
        for (i, v) in features.values.enumerated() where !v.isFinite {
            throw TrainingError.nonFinite(what: "the features", row: i / max(1, features.cols), column: i % max(1, features.cols))
        }
        for (i, v) in targets.enumerated() where !v.isFinite {
            throw TrainingError.nonFinite(what: "the targets", row: i, column: 0)
        }
        if !classNames.isEmpty {
            for (i, v) in targets.enumerated() where v != v.rounded() || v < 0 || Int(v) >= classNames.count {
                throw TrainingError.invalidLabel(row: i, label: Int(v.rounded()), classCount: classNames.count)
            }
        }
        self.features = features
        self.targets = targets
        self.featureNames = names
        self.targetName = targetName
        self.classNames = classNames
    }

    /// Creates and validates a data set from rows of features.
    ///
    /// ```swift
    /// let d = try Dataset(features: [[166], [176]], targets: [58.7, 75.7])
    /// ```
    public init(features rows: [[Double]], targets: [Double], featureNames: [String]? = nil,
                targetName: String = "y", classNames: [String] = []) throws {
        guard let first = rows.first else { throw TrainingError.emptyData }
        for (i, row) in rows.enumerated() where row.count != first.count {
            throw TrainingError.mismatchedLengths(what: "number of features in row \(i + 1)", expected: first.count, actual: row.count)
        }
        try self.init(features: Matrix(rows: rows.count, cols: first.count, values: rows.flatMap { $0 }),
                      targets: targets, featureNames: featureNames, targetName: targetName, classNames: classNames)
    }

    /// One feature column by index.
    ///
    /// ```swift
    /// let heights = Dataset.heightWeight.column(0)
    /// ```
    public func column(_ index: Int) -> [Double] { features.column(index) }

    /// The samples at `indices`, in that order.
    ///
    /// ```swift
    /// let firstTwo = try data.subset([0, 1])
    /// ```
    public func subset(_ indices: [Int]) throws -> Dataset {
        try Dataset(features: features.selectingRows(indices), targets: indices.map { targets[$0] },
                    featureNames: featureNames, targetName: targetName, classNames: classNames)
    }

    /// Checks that the data can train a classifier: labels present and at least two distinct classes.
    func requireClassification(minimumClasses: Int = 2) throws -> Int {
        let k = max(classCount, (labels.max() ?? -1) + 1)
        let distinct = Set(labels).count
        guard distinct >= minimumClasses else { throw TrainingError.tooFewClasses(found: distinct) }
        return k
    }
}
