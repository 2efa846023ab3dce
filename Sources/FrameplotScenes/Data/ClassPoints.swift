import FrameplotAnimation
import FrameplotModel
import FrameplotPlot

/// The points of a classifier scene (`logistic`, `mlp`): two features and a class per point,
/// from the built-in set or the user's columns, with axis titles and class names.
///
/// Classes come from a label column of numbers (ordered by value, so 0/1 stay 0 and 1) or of
/// text (ordered by first appearance).
///
/// ```swift
/// let points = try ClassPoints.load(selection, classes: 2...2, builtIn: ClassPoints(builtIn: blobs))
/// ```
struct ClassPoints: Sendable {
    /// The features (two columns) and class indexes, as a data set.
    let dataset: Dataset
    let xTitle: String
    let yTitle: String
    /// Names for the legend, one per class: the class values as they are (plot-layer markup).
    let classNames: [String]
    /// The legend's title: the label column's name ("class" for the built-in sets), so the
    /// legend reads like every class legend of frameplot's: the column above, its values below.
    let legendTitle: String
    let isBuiltIn: Bool

    var classCount: Int { classNames.count }

    /// The built-in set, with `$x_1$`, `$x_2$` titles and classes 0, 1, … under "class".
    init(builtIn dataset: Dataset) {
        self.dataset = dataset
        xTitle = "$x_1$"; yTitle = "$x_2$"
        classNames = (0..<Swift.max(dataset.classCount, (dataset.labels.max() ?? 0) + 1)).map { "\($0)" }
        legendTitle = "class"
        isBuiltIn = true
    }

    private init(dataset: Dataset, xTitle: String, yTitle: String, classNames: [String], legendTitle: String) {
        self.dataset = dataset; self.xTitle = xTitle; self.yTitle = yTitle; self.classNames = classNames
        self.legendTitle = legendTitle
        isBuiltIn = false
    }

    /// The user's columns when `selection` names a file, else `builtIn`; `classes` is how many
    /// classes the scene's model can take, `model` names it in messages.
    ///
    /// - Throws: `CSVError` for the file and its cells; `TrainingError` for too few rows, an
    ///   empty label or a class count outside `classes`.
    static func load(_ selection: DataSelection, classes: ClosedRange<Int>, model: String,
                     builtIn: @autoclosure () throws -> ClassPoints) throws -> ClassPoints {
        guard let file = selection.file, let x = selection.x, let y = selection.y, let label = selection.label else {
            return try builtIn()
        }
        let table = try CSVTable(contentsOf: file)
        let numbers = try table.numbers(columns: [x, y])
        let texts = try table.texts(column: label, rows: numbers.rows)
        let labelName = table.columnNames[try table.column(named: label)]
        if let empty = texts.firstIndex(where: \.isEmpty) {
            throw TrainingError.invalidArgument("\(file):\(table.line(ofRow: numbers.rows[empty])): empty cell in the label column \"\(labelName)\"")
        }
        let (indexes, names) = classIndexes(texts)
        guard classes.contains(names.count) else {
            let shown = SceneText.list(names, limit: 5, quoted: true)
            let need = classes.lowerBound == classes.upperBound ? "exactly \(classes.lowerBound)" : "\(classes.lowerBound) to \(classes.upperBound)"
            var advice = ""
            if names.count > classes.upperBound && classes.upperBound == 2 { advice = "; use the mlp scene for more classes" }
            if names.count > classes.upperBound && classes.upperBound > 2 { advice = "; is \"\(labelName)\" really a class column?" }
            throw TrainingError.invalidArgument(
                "\(file): \(model) needs \(need) classes, the column \"\(labelName)\" has \(names.count) (\(shown))\(advice)")
        }
        guard numbers.count >= 2 else {
            throw TrainingError.invalidArgument("\(file): a classifier needs at least 2 rows, the file has \(numbers.count)")
        }
        var values: [Double] = []
        values.reserveCapacity(2 * numbers.count)
        for i in 0..<numbers.count { values.append(numbers.columns[0][i]); values.append(numbers.columns[1][i]) }
        let dataset = try Dataset(features: Matrix(rows: numbers.count, cols: 2, values: values),
                                  targets: indexes.map(Double.init), featureNames: numbers.names,
                                  targetName: labelName, classNames: names)
        return ClassPoints(dataset: dataset,
                           xTitle: selection.xTitle ?? MathText.escaped(numbers.names[0]),
                           yTitle: selection.yTitle ?? MathText.escaped(numbers.names[1]),
                           classNames: names.map(MathText.escaped), legendTitle: MathText.escaped(labelName))
    }

    /// Class indexes and names: numeric labels ordered by value (`1` and `1.0` are one class),
    /// text labels by first appearance. Linear in the number of rows.
    static func classIndexes(_ texts: [String]) -> (indexes: [Int], names: [String]) {
        let numbers = texts.map(SceneText.decimal)
        if numbers.allSatisfy({ $0 != nil }) {
            var firstText: [Double: String] = [:]
            for (text, value) in zip(texts, numbers) { if let value, firstText[value] == nil { firstText[value] = text } }
            let order = firstText.keys.sorted()
            let position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
            return (numbers.map { position[$0 ?? 0] ?? 0 }, order.map { firstText[$0] ?? "" })
        }
        var names: [String] = []
        var position: [String: Int] = [:]
        let indexes = texts.map { text -> Int in
            if let k = position[text] { return k }
            position[text] = names.count
            names.append(text)
            return names.count - 1
        }
        return (indexes, names)
    }
}
