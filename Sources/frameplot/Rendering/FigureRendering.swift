import Foundation

/// Draws the plotting commands' figures with FrameplotPlot and writes them atomically.
enum FigureRendering {
    enum LineKind { case line, curve }

    static func scatter(_ request: ScatterRequest, options: CheckedPlotOptions) throws {
        throw CLIError.failure("the plot layer is not available yet")
    }

    static func lines(_ request: LineRequest, options: CheckedPlotOptions, kind: LineKind) throws {
        throw CLIError.failure("the plot layer is not available yet")
    }

    static func regions(_ request: RegionsRequest, options: CheckedPlotOptions) throws {
        throw CLIError.failure("the plot layer is not available yet")
    }
}

/// The scatter plot to draw.
struct ScatterRequest {
    var xs: [Double]
    var ys: [Double]
    var xName: String
    var yName: String
    var classes: ClassLabels?
    var fit: PolynomialFit?
}

enum ClassifierTraining {
    static func train(_ problem: ClassificationProblem, model: ModelSpec, steps: Int, learningRate: Double, seed: UInt64) throws -> TrainedClassifier {
        throw CLIError.failure("the model core's classifiers are not available yet")
    }
}
