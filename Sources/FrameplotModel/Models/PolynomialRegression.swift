import Foundation

extension LinearRegressionObjective {
    /// Polynomial regression y = w0 + w1·x + … + w_d·x^d on a one-feature data set, with an
    /// optional ridge penalty on w1…w_d (the bias w0 is not penalised).
    ///
    /// ```swift
    /// let o = try LinearRegressionObjective.polynomial(dataset: .fourPoints, degree: 2, ridge: 0.01)
    /// let w = try o.closedFormSolution()
    /// ```
    public static func polynomial(dataset: Dataset, degree: Int, ridge: Double = 0,
                                  lossScale: LossScale = .meanSquaredError) throws -> LinearRegressionObjective {
        guard degree >= 0 else { throw TrainingError.invalidArgument("the polynomial degree must be ≥ 0, got \(degree)") }
        guard dataset.featureCount >= 1 else { throw TrainingError.invalidArgument("polynomial regression needs one feature column") }
        let design = polynomialDesign(dataset.column(0), degree: degree)
        return try LinearRegressionObjective(design: design, targets: dataset.targets,
                                             parameterNames: (0...degree).map { "w\($0)" },
                                             lossScale: lossScale, ridge: ridge, unpenalized: [0])
    }

    /// The design matrix [1, x, x², …, x^degree], one row per value.
    ///
    /// ```swift
    /// let x = LinearRegressionObjective.polynomialDesign([1, 2], degree: 2)   // [[1,1,1],[1,2,4]]
    /// ```
    public static func polynomialDesign(_ x: [Double], degree: Int) -> Matrix {
        let d = max(0, degree)
        var values: [Double] = []
        values.reserveCapacity(x.count * (d + 1))
        for v in x {
            var power = 1.0
            for _ in 0...d {
                values.append(power)
                power *= v
            }
        }
        return Matrix(rows: x.count, cols: d + 1, values: values)
    }
}
