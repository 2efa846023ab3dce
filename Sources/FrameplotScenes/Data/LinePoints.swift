import FrameplotAnimation
import FrameplotModel
import FrameplotPlot

/// The points of a line-fit scene (`gd-locus`, `linreg`): the built-in set or the user's two
/// columns, with the axis titles to show and the closed-form least-squares line.
///
/// ```swift
/// let points = try LinePoints.load(DataSelection(file: "h.csv", x: "height", y: "weight"), builtIn: .fourPoints)
/// points.leastSquares   // (slope, intercept)
/// ```
struct LinePoints: Sendable {
    let xs: [Double]
    let ys: [Double]
    /// Axis titles (plot-layer markup).
    let xTitle: String
    let yTitle: String
    /// Whether these are the scene's built-in points.
    let isBuiltIn: Bool

    /// The built-in points with their titles.
    init(builtIn dataset: Dataset, xTitle: String, yTitle: String) {
        xs = dataset.column(0); ys = dataset.targets
        self.xTitle = xTitle; self.yTitle = yTitle; isBuiltIn = true
    }

    private init(xs: [Double], ys: [Double], xTitle: String, yTitle: String) {
        self.xs = xs; self.ys = ys; self.xTitle = xTitle; self.yTitle = yTitle; isBuiltIn = false
    }

    /// The user's columns when `selection` names a file, else `builtIn`.
    ///
    /// - Throws: `CSVError` for the file and its cells (with line and column); `TrainingError`
    ///   when a line cannot be fitted (fewer than 2 rows, one x value for all rows).
    static func load(_ selection: DataSelection, builtIn: @autoclosure () -> LinePoints) throws -> LinePoints {
        guard let file = selection.file, let x = selection.x, let y = selection.y else { return builtIn() }
        let table = try CSVTable(contentsOf: file)
        let numbers = try table.numbers(columns: [x, y])
        let xs = numbers.columns[0], ys = numbers.columns[1]
        guard xs.count >= 2 else {
            throw TrainingError.invalidArgument("\(file): a line needs at least 2 rows with numbers in \"\(numbers.names[0])\" and \"\(numbers.names[1])\", the file has \(xs.count)")
        }
        guard let low = xs.min(), let high = xs.max(), high > low else {
            throw TrainingError.invalidArgument("\(file): every row has the same \"\(numbers.names[0])\" (\(SceneText.number(xs[0]))), so no line can be fitted; choose another --x column")
        }
        return LinePoints(xs: xs, ys: ys,
                          xTitle: selection.xTitle ?? MathText.escaped(numbers.names[0]),
                          yTitle: selection.yTitle ?? MathText.escaped(numbers.names[1]))
    }

    /// Mean and population standard deviation of x and y.
    var moments: (xMean: Double, xScale: Double, yMean: Double, yScale: Double) {
        let n = Double(xs.count)
        let xMean = xs.reduce(0, +) / n, yMean = ys.reduce(0, +) / n
        let xVar = xs.reduce(0) { $0 + ($1 - xMean) * ($1 - xMean) } / n
        let yVar = ys.reduce(0) { $0 + ($1 - yMean) * ($1 - yMean) } / n
        let ySD = yVar.squareRoot()
        return (xMean, xVar.squareRoot(), yMean, ySD > 0 ? ySD : 1)
    }

    /// The least-squares line y = slope·x + intercept, in closed form on centred data.
    var leastSquares: (slope: Double, intercept: Double) {
        let m = moments
        var sxy = 0.0, sxx = 0.0
        for i in xs.indices {
            let dx = xs[i] - m.xMean
            sxy += dx * (ys[i] - m.yMean); sxx += dx * dx
        }
        let slope = sxx > 0 ? sxy / sxx : 0
        return (slope, m.yMean - slope * m.xMean)
    }

    /// Mean squared error of y = slope·x + intercept.
    func meanSquaredError(slope: Double, intercept: Double) -> Double {
        var sum = 0.0
        for i in xs.indices { let r = slope * xs[i] + intercept - ys[i]; sum += r * r }
        return sum / Double(xs.count)
    }

    /// The mean squared error of y = a·x + b as a function of (a, b) in O(1) per call, from the
    /// centred moments: with c = a·x̄ + b − ȳ, MSE = a²·Vxx − 2a·Vxy + Vyy + c². Every term is
    /// centred, so it stays accurate for large x and y (years, prices).
    var meanSquaredErrorSurface: @Sendable (Double, Double) -> Double {
        let n = Double(xs.count)
        let xMean = xs.reduce(0, +) / n, yMean = ys.reduce(0, +) / n
        var vxx = 0.0, vxy = 0.0, vyy = 0.0
        for i in xs.indices {
            let dx = xs[i] - xMean, dy = ys[i] - yMean
            vxx += dx * dx; vxy += dx * dy; vyy += dy * dy
        }
        let (xx, xy, yy) = (vxx / n, vxy / n, vyy / n)
        return { a, b in
            let c = a * xMean + b - yMean
            return Swift.max(0, a * a * xx - 2 * a * xy + yy) + c * c
        }
    }

    /// The points as a one-feature data set (feature x, target y).
    func dataset() throws -> Dataset {
        try Dataset(features: Matrix(rows: xs.count, cols: 1, values: xs), targets: ys)
    }
}
