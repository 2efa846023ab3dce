import ArgumentParser
import Foundation
import FrameplotModel

/// `frameplot regions`: train a classifier on two columns and draw its decision regions.
struct RegionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regions",
        abstract: "Train a classifier on two feature columns and draw its decision regions with the points.",
        discussion: """
        Models: logistic (two classes), softmax (two or more classes, linear boundaries), mlp[:HIDDEN] (a two-layer network with HIDDEN sigmoid units, 8 by default). Features are standardised before training. Prints the final loss and accuracy.

        Example:
          frameplot regions blobs.csv --x x1 --y x2 --label class --model mlp:16 \\
              --steps 2000 --lr 0.5 --seed 1 -o regions.png
        """
    )

    @Argument(help: ArgumentHelp("The CSV file.", valueName: "file.csv"))
    var file: String

    @Option(help: ArgumentHelp("The first feature (x axis).", valueName: "column"))
    var x: String

    @Option(help: ArgumentHelp("The second feature (y axis).", valueName: "column"))
    var y: String

    @Option(help: ArgumentHelp("The class labels (any text or numbers).", valueName: "column"))
    var label: String

    @Option(help: ArgumentHelp("logistic, softmax or mlp[:HIDDEN].", valueName: "model"))
    var model: String = "logistic"

    @Option(help: ArgumentHelp("Training steps (full-batch gradient descent).", valueName: "N"))
    var steps: Int = 1000

    @Option(help: ArgumentHelp("Learning rate.", valueName: "rate"))
    var lr: Double = 0.5

    @Option(help: ArgumentHelp("Seed for the initial weights.", valueName: "S"))
    var seed: UInt64 = 0

    @OptionGroup var plot: PlotOptions

    func run() throws {
        let options = try plot.checked()
        let spec = try ModelSpec.parse(model)
        try TrainingOptionCheck.steps(steps)
        try TrainingOptionCheck.learningRate(lr)
        let table = try DataLoading.table(file, options: options, columns: [x, y, label])
        let data = try DataLoading.numbers(table, columns: [x, y], dropInvalid: options.dropInvalid, labels: label)
        // A value a logarithmic axis cannot show is refused, never left out of the picture.
        if options.logX { try DataLoading.requirePositive(data.columns[0], column: data.names[0], table: table, rows: data.rows, axis: "x") }
        if options.logY { try DataLoading.requirePositive(data.columns[1], column: data.names[1], table: table, rows: data.rows, axis: "y") }
        try DataLoading.requireInView([(data.columns[0], data.columns[1])], options: options)
        let labels = try DataLoading.classes(table, column: label, rows: data.rows, option: "--label")
        let labelName = DisplayText.escaped(table.columnNames[try table.column(named: label)], limit: 40)
        guard labels.names.count >= 2 else {
            let only = DisplayText.escaped(labels.names.first ?? "", limit: 40)
            throw CLIError.failure("\(file): column \"\(labelName)\" has only one class (\"\(only)\"); a classifier needs at least 2")
        }
        if spec == .logistic && labels.names.count > 2 {
            throw CLIError.failure("\(file): column \"\(labelName)\" has \(labels.names.count) classes; logistic regression separates 2 (use --model softmax or mlp)")
        }
        let problem = ClassificationProblem(
            xs: data.columns[0], ys: data.columns[1], labels: labels.indexes, classNames: labels.names)
        let trained = try ClassifierTraining.train(problem, model: spec, steps: steps, learningRate: lr, seed: seed)
        try FigureRendering.regions(
            RegionsRequest(problem: problem, trained: trained, xName: SeriesLoading.seriesName(try table.column(named: x), in: table),
                           yName: SeriesLoading.seriesName(try table.column(named: y), in: table), modelName: spec.name,
                           labelName: SeriesLoading.seriesName(try table.column(named: label), in: table)),
            options: options)
        if !options.quiet {
            print("\(spec.name): final loss \(String(format: "%.5f", trained.finalLoss)), accuracy \(String(format: "%.1f", trained.accuracy * 100))% on \(Report.count(problem.xs.count, "point")) after \(Report.count(steps, "step"))")
        }
        Report.wrote(options.output.path, options: options,
                     detail: "\(Report.count(labels.names.count, "class")), \(Report.count(problem.xs.count, "point"))" + DataLoading.encodingNote(table))
    }
}

/// Two features and integer class labels.
struct ClassificationProblem {
    var xs: [Double]
    var ys: [Double]
    var labels: [Int]
    var classNames: [String]
    var classCount: Int { classNames.count }
}

/// A trained classifier: probabilities of each class at a point.
struct TrainedClassifier {
    var finalLoss: Double
    var accuracy: Double
    /// Class probabilities at (x, y), one per class.
    var probabilities: @Sendable (Double, Double) -> [Double]
}

/// The regions plot to draw.
struct RegionsRequest {
    var problem: ClassificationProblem
    var trained: TrainedClassifier
    var xName: String
    var yName: String
    var modelName: String
    /// The `--label` column's name: the title of the class legend.
    var labelName: String?
}
