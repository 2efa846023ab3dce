import FrameplotAnimation
import FrameplotModel

/// Decides whether a recorded history was trained on a scene's built-in data (or function),
/// so that `render` without `--data` never draws someone's run over the wrong points.
///
/// A history records, at every row, the loss at that row's parameters. A run on the built-in
/// data has, at every row, the loss the built-in data gives at those parameters; a run on any
/// other data does not (except by coincidence at every single row, which means the data is the
/// same as far as the picture can tell). The check is independent of the options the run was
/// trained with, and of the program that wrote it.
///
/// ```swift
/// try BuiltInHistoryCheck.require(run, source: "h.csv", recordedOn: "gd-locus's built-in data", needs: "--data FILE --x COL --y COL") {
///     points.meanSquaredError(slope: $0[0], intercept: $0[1])
/// }
/// ```
enum BuiltInHistoryCheck {
    /// Relative tolerance: other summation orders (numpy) agree to about 1e-15.
    static let tolerance = 1e-6

    /// Throws a usage error unless every row's loss is the loss at its parameters on what the
    /// scene is about to draw (`recordedOn` names it: "gd-locus's built-in data", "f(x) = x^2").
    static func require(_ run: RecordedRun, source: String, recordedOn: String, needs: String,
                        loss: (_ parameters: [Double]) -> Double) throws {
        for step in run.steps {
            let expected = loss(Array(step.parameters))
            let recorded = step.loss
            if !agrees(expected: expected, recorded: recorded) {
                throw AnimationError.invalidOption(
                    "\(SceneText.clipped(source)) was not recorded on \(recordedOn): at step \(step.step) its loss is "
                    + "\(SceneText.number(recorded)) where that would give \(SceneText.number(expected)); give what it was trained on with \(needs)")
            }
        }
    }

    /// Whether a recorded loss is the loss expected there, within ``tolerance`` (relative).
    static func agrees(expected: Double, recorded: Double) -> Bool {
        expected == recorded
            || (expected.isFinite && recorded.isFinite
                && abs(expected - recorded) <= tolerance * Swift.max(abs(expected), abs(recorded), 1e-12))
    }
}
