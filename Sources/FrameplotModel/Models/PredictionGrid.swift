/// A regular grid of points over a 2-D rectangle, for decision regions.
///
/// Points are cell centres: column i is at x = xMin + (i + ½)·(xMax − xMin)/columns and
/// row j at y = yMin + (j + ½)·(yMax − yMin)/rows, so **row 0 is the lowest y** (flip the
/// rows when writing an image whose first row is the top).
///
/// ```swift
/// let grid = PredictionGrid(x: -3...3, y: -3...3, columns: 800, rows: 800)
/// grid.x(column: 0)   // -2.99625
/// ```
public struct PredictionGrid: Sendable, Hashable {
    /// Horizontal extent.
    public var xRange: ClosedRange<Double>
    /// Vertical extent.
    public var yRange: ClosedRange<Double>
    /// Number of cells across.
    public var columns: Int
    /// Number of cells up.
    public var rows: Int

    /// Creates a grid.
    ///
    /// ```swift
    /// let g = PredictionGrid(x: 0...10, y: 0...10, columns: 100, rows: 100)
    /// ```
    public init(x: ClosedRange<Double>, y: ClosedRange<Double>, columns: Int, rows: Int) {
        self.xRange = x
        self.yRange = y
        self.columns = columns
        self.rows = rows
    }

    /// Width of one cell.
    public var cellWidth: Double { (xRange.upperBound - xRange.lowerBound) / Double(max(1, columns)) }
    /// Height of one cell.
    public var cellHeight: Double { (yRange.upperBound - yRange.lowerBound) / Double(max(1, rows)) }

    /// The x of a column's cell centre.
    public func x(column: Int) -> Double { xRange.lowerBound + (Double(column) + 0.5) * cellWidth }
    /// The y of a row's cell centre (row 0 is the lowest).
    public func y(row: Int) -> Double { yRange.lowerBound + (Double(row) + 0.5) * cellHeight }

    func validate() throws {
        guard columns >= 1, rows >= 1 else {
            throw TrainingError.invalidArgument("the prediction grid needs at least 1×1 cells, got \(columns)×\(rows)")
        }
        guard xRange.lowerBound.isFinite, xRange.upperBound.isFinite, yRange.lowerBound.isFinite, yRange.upperBound.isFinite else {
            throw TrainingError.invalidArgument("the prediction grid ranges must be finite")
        }
    }
}

/// Class predictions over a `PredictionGrid`, cell by cell (row-major, row 0 = lowest y).
///
/// ```swift
/// let p = try network.predictGrid(parameters: theta, grid: grid)
/// let k = p.classIndex[row * grid.columns + column]
/// ```
public struct GridPrediction: Sendable, Hashable {
    /// The grid predicted on.
    public var grid: PredictionGrid
    /// Number of classes.
    public var classCount: Int
    /// Most probable class per cell.
    public var classIndex: [Int]
    /// Probability of that class per cell.
    public var maxProbability: [Double]
    /// All class probabilities per cell (`cell * classCount + k`) when asked for.
    public var probabilities: [Double]?
}

/// Class scores over a `PredictionGrid` (a model's outputs before the softmax), cell by cell
/// (row-major, row 0 = lowest y): the ranking of the classes without their probabilities.
///
/// ```swift
/// let s = try network.predictGridScores(parameters: theta, grid: grid)
/// let score = s.scores[(row * grid.columns + column) * s.classCount + k]
/// ```
public struct GridScores: Sendable, Hashable {
    /// The grid predicted on.
    public var grid: PredictionGrid
    /// Number of classes.
    public var classCount: Int
    /// Highest-scoring class per cell.
    public var classIndex: [Int]
    /// Every class's score per cell (`cell * classCount + k`); larger is more likely.
    public var scores: [Double]
}
