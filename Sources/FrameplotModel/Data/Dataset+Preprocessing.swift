extension Dataset {
    /// The data with every feature column centred on its mean; also returns the transform.
    ///
    /// ```swift
    /// let (centred, transform) = Dataset.heightWeight.centered()
    /// ```
    public func centered() -> (Dataset, Standardizer) {
        let s = Standardizer(fitting: features, centerOnly: true)
        var out = self
        out.features = s.transform(features)
        return (out, s)
    }

    /// The data with every feature column scaled to mean 0 and standard deviation 1; also returns the transform.
    ///
    /// ```swift
    /// let (z, transform) = Dataset.iris.standardized()
    /// ```
    public func standardized() -> (Dataset, Standardizer) {
        let s = Standardizer(fitting: features)
        var out = self
        out.features = s.transform(features)
        return (out, s)
    }

    /// The data with only the given feature columns (by index), in that order.
    ///
    /// ```swift
    /// let petals = try Dataset.iris.selectingFeatures([2, 3])
    /// ```
    public func selectingFeatures(_ columns: [Int]) throws -> Dataset {
        for c in columns where !(0..<featureCount).contains(c) {
            throw TrainingError.invalidArgument("feature column \(c) does not exist (the data has \(featureCount))")
        }
        var values: [Double] = []
        values.reserveCapacity(count * columns.count)
        for r in 0..<count { for c in columns { values.append(features[r, c]) } }
        var out = self
        out.features = Matrix(rows: count, cols: columns.count, values: values)
        out.featureNames = columns.map { featureNames[$0] }
        return out
    }

    /// A seeded random split into training and test sets; `testFraction` of the samples
    /// (rounded, at least 1 and leaving at least 1 for training) go to the test set.
    ///
    /// ```swift
    /// let (train, test) = try Dataset.iris.split(testFraction: 0.2, seed: 42)
    /// ```
    public func split(testFraction: Double, seed: UInt64) throws -> (train: Dataset, test: Dataset) {
        guard count >= 2 else { throw TrainingError.tooFewSamples(required: 2, actual: count) }
        guard testFraction > 0, testFraction < 1 else {
            throw TrainingError.invalidArgument("the test fraction must be between 0 and 1, got \(testFraction)")
        }
        var order = Array(0..<count)
        var rng = SeededGenerator(seed: seed)
        order.shuffle(using: &rng)
        let testCount = min(count - 1, max(1, Int((Double(count) * testFraction).rounded())))
        return (try subset(Array(order[testCount...])), try subset(Array(order[..<testCount])))
    }
}

extension Matrix {
    /// The matrix with a column of ones added first (or last), for a bias parameter.
    ///
    /// ```swift
    /// let x1 = x.addingBiasColumn()    // [1, x...] per row
    /// ```
    public func addingBiasColumn(first: Bool = true) -> Matrix {
        var values: [Double] = []
        values.reserveCapacity(rows * (cols + 1))
        for r in 0..<rows {
            if first { values.append(1) }
            values.append(contentsOf: self.values[(r * cols)..<(r * cols + cols)])
            if !first { values.append(1) }
        }
        return Matrix(rows: rows, cols: cols + 1, values: values)
    }
}
