extension Dataset {
    /// The 5 height (cm) / weight (kg) points of the gradient-descent talk (seed 002).
    ///
    /// ```swift
    /// let d = Dataset.heightWeight   // features: height; targets: weight
    /// ```
    public static let heightWeight: Dataset = {
        let heights: [Double] = [166, 176, 171, 173, 169]
        let weights: [Double] = [58.7, 75.7, 62.1, 70.4, 60.1]
        return Dataset(unchecked: Matrix(rows: 5, cols: 1, values: heights), targets: weights,
                       featureNames: ["height"], targetName: "weight")
    }()

    /// The 4 points D = {(1,3), (3,6), (6,5), (8,7)} of the mlnote front-page video (seed 000).
    ///
    /// ```swift
    /// let d = Dataset.fourPoints
    /// ```
    public static let fourPoints: Dataset = Dataset(
        unchecked: Matrix(rows: 4, cols: 1, values: [1, 3, 6, 8]), targets: [3, 6, 5, 7],
        featureNames: ["x"], targetName: "y")

    /// Builds a data set known to be valid (bundled and generated data).
    init(unchecked features: Matrix, targets: [Double], featureNames: [String], targetName: String, classNames: [String] = []) {
        self.features = features
        self.targets = targets
        self.featureNames = featureNames
        self.targetName = targetName
        self.classNames = classNames
    }
}
