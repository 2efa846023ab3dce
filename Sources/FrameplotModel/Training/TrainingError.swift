/// Errors of data validation, fitting and training, worded for the person who supplied the data.
///
/// ```swift
/// do { _ = try Dataset(features: [], targets: []) }
/// catch let error as TrainingError { print(error) }   // "the data set is empty"
/// ```
public enum TrainingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The data set has no rows.
    case emptyData
    /// The fit needs at least `required` samples but got `actual`.
    case tooFewSamples(required: Int, actual: Int)
    /// A classifier needs at least two classes but the labels contain only `found`.
    case tooFewClasses(found: Int)
    /// Two things that must have the same length do not.
    case mismatchedLengths(what: String, expected: Int, actual: Int)
    /// A NaN or infinite value was found in the data (row and column are 0-based).
    case nonFinite(what: String, row: Int, column: Int)
    /// The loss or parameters became NaN or infinite at this step (learning rate too large?).
    case diverged(step: Int)
    /// The normal equations are singular (e.g. duplicate or constant columns).
    case singularSystem
    /// A label is outside 0..<classCount.
    case invalidLabel(row: Int, label: Int, classCount: Int)
    /// A setting is out of range (e.g. a negative learning rate).
    case invalidArgument(String)
    /// A history file could not be read or written.
    case historyFile(path: String, line: Int, message: String)

    public var description: String {
        switch self {
        case .emptyData:
            return "the data set is empty"
        case let .tooFewSamples(required, actual):
            return "this fit needs at least \(required) samples, got \(actual)"
        case let .tooFewClasses(found):
            return "classification needs at least 2 classes, the labels contain \(found)"
        case let .mismatchedLengths(what, expected, actual):
            return "\(what): expected \(expected), got \(actual)"
        case let .nonFinite(what, row, column):
            return "\(what) contains NaN or infinity at row \(row + 1), column \(column + 1)"
        case let .diverged(step):
            return "training diverged at step \(step) (the loss exploded or became NaN or infinite; try a smaller learning rate)"
        case .singularSystem:
            return "the least-squares system is singular (duplicate or constant feature columns?)"
        case let .invalidLabel(row, label, classCount):
            return "label \(label) at row \(row + 1) is outside 0..<\(classCount)"
        case let .invalidArgument(message):
            return message
        case let .historyFile(path, line, message):
            return line > 0 ? "\(path):\(line): \(message)" : "\(path): \(message)"
        }
    }
}
