import Foundation
import FrameplotAnimation
import FrameplotModel

/// Decides whether a recorded history was trained on what a scene is about to draw it over:
/// the built-in data (or function), or the user's `--data`, so that `render` never draws
/// someone's run over points it did not come from.
///
/// A history records, at every row, the loss at that row's parameters. A run on the data being
/// drawn has, at every row, the loss those parameters give on it; a run on any other data does
/// not (except by coincidence at every row, which means the data is the same as far as the
/// picture can tell). The check is independent of the options the run was trained with, and of
/// the program that wrote it: a float32 numpy loop that prints 6 significant digits passes.
///
/// ```swift
/// let target = HistoryLossCheck.Target(name: "gd-locus's built-in data", needs: "--data FILE --x COL --y COL",
///                                      kind: .builtIn) { points.meanSquaredError(slope: $0[0], intercept: $0[1]) }
/// try HistoryLossCheck.require(run, source: "h.csv", on: target)
/// ```
enum HistoryLossCheck {
    /// What the losses are checked against.
    struct Target {
        /// What the scene draws, for the message: "gd-locus's built-in data", "f(x) = x^2", "my.csv (--x h --y w)".
        let name: String
        /// What to give instead, for the message.
        let needs: String
        let kind: Kind
        /// The loss at given parameters (in the history's order).
        let loss: ([Double]) -> Double
    }

    enum Kind {
        /// The scene's own data or function: every row is checked, and a mismatch is a usage
        /// error (the user has to say what the run was trained on).
        case builtIn
        /// What the user gave: a few rows are checked (the data may be large), and a mismatch
        /// is an error in the inputs (exit 1).
        case given
    }

    /// Relative agreement of a frameplot run with itself: other summation orders (numpy in
    /// float64) agree to about 1e-15.
    static let tolerance = 1e-6
    /// Relative agreement of a loss printed with 6 significant digits and summed in float32
    /// (numpy's pairwise sums keep that to a few float32 ulps, about 1e-7 each).
    static let printedLossTolerance = 2e-5
    /// Relative rounding of each parameter assumed on top: 6 significant digits round by at
    /// most 5e-6; the loss may move by what such a move of each parameter moves it.
    static let printedParameterRounding = 1e-5

    /// Throws unless the loss of each checked row is the loss at its parameters on `target`.
    ///
    /// - Throws: ``AnimationError/invalidOption(_:)`` for a built-in target,
    ///   ``AnimationError/unusableHistory(_:)`` for a given one; one line naming the file, the
    ///   step and both losses.
    static func require(_ run: RecordedRun, source: String, on target: Target) throws {
        let steps = run.steps
        let rows = target.kind == .builtIn ? Array(steps.indices) : sampledRows(count: steps.count)
        for row in rows {
            let step = steps[row]
            let parameters = Array(step.parameters)
            let expected = target.loss(parameters)
            guard !consistent(recorded: step.loss, expected: expected, parameters: parameters, loss: target.loss) else { continue }
            let message = "\(SceneText.clipped(source)) was not recorded on \(target.name): at step \(step.step) its loss is "
                + "\(SceneText.number(step.loss)) where that would give \(shown(expected, next: step.loss)); give what it was trained on with \(target.needs)"
            throw target.kind == .builtIn ? AnimationError.invalidOption(message) : AnimationError.unusableHistory(message)
        }
    }

    /// `value` with as many significant digits as it takes to tell it from `other` (at least 6).
    static func shown(_ value: Double, next other: Double) -> String {
        guard value.isFinite, other.isFinite else { return SceneText.number(value) }
        for digits in 6...17 {
            let text = String(format: "%.\(digits)g", value)
            if text != String(format: "%.\(digits)g", other) { return text }
        }
        return SceneText.number(value)
    }

    /// The rows checked on given data: the first, the last and six spread between them.
    static func sampledRows(count: Int) -> [Int] {
        guard count > 8 else { return Array(0..<count) }
        return (0...7).map { $0 * (count - 1) / 7 }
    }

    /// Whether a recorded loss is the loss at `parameters`, allowing for a log written in float32
    /// with 6 significant digits: the loss to ``printedLossTolerance``, plus what rounding each
    /// parameter by ``printedParameterRounding`` (relative) can move it.
    static func consistent(recorded: Double, expected: Double, parameters: [Double], loss: ([Double]) -> Double) -> Bool {
        if agrees(expected: expected, recorded: recorded) { return true }
        guard expected.isFinite, recorded.isFinite else { return false }
        var allowance = printedLossTolerance * Swift.max(abs(expected), abs(recorded))
        var moved = parameters
        for i in parameters.indices where parameters[i] != 0 {
            let delta = printedParameterRounding * abs(parameters[i])
            var largest = 0.0
            for sign in [1.0, -1.0] {
                moved[i] = parameters[i] + sign * delta
                let change = abs(loss(moved) - expected)
                if change.isFinite { largest = Swift.max(largest, change) }
            }
            moved[i] = parameters[i]
            allowance += largest
        }
        return abs(expected - recorded) <= allowance
    }

    /// Whether a recorded loss is the loss expected there, within ``tolerance`` (relative).
    static func agrees(expected: Double, recorded: Double) -> Bool {
        expected == recorded
            || (expected.isFinite && recorded.isFinite
                && abs(expected - recorded) <= tolerance * Swift.max(abs(expected), abs(recorded), 1e-12))
    }
}
