/// A state pushed to an ``AnimationRecorder`` that does not fit the run, worded for the
/// programmer who wrote the loop.
///
/// ```swift
/// do { try recorder.record(step: 3, loss: 0.5, parameters: [1, 2, 3]) }
/// catch let error as RecordingError { print(error) }   // "step 3 has 3 parameters, the run has 2 (w, b)"
/// ```
public enum RecordingError: Error, Equatable, CustomStringConvertible {
    /// The state has a different number of parameters than the run's names.
    case parameterCount(step: Int, expected: [String], actual: Int)
    /// Steps must increase: `step` came after `previous`.
    case stepOrder(step: Int, previous: Int)

    public var description: String {
        switch self {
        case let .parameterCount(step, expected, actual):
            return "step \(step) has \(actual) parameters, the run has \(expected.count) (\(expected.joined(separator: ", ")))"
        case let .stepOrder(step, previous):
            return "step \(step) recorded after step \(previous): steps must increase"
        }
    }
}
