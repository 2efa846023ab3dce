import FrameplotModel

extension RecordedRun {
    /// Checks that the run can drive a scene whose parameters are `expected` (in this order):
    /// at least one state, the same parameter names, and finite parameters everywhere.
    ///
    /// ```swift
    /// try run.requireParameters(["a", "b"], scene: "gd-locus")
    /// ```
    public func requireParameters(_ expected: [String], scene: String) throws {
        guard !steps.isEmpty else { throw AnimationError.unusableHistory("the history has no rows") }
        guard parameterNames == expected else {
            throw AnimationError.unusableHistory(
                "scene \(scene) needs the parameter columns \(expected.joined(separator: ",")), the history has \(parameterNames.joined(separator: ","))")
        }
        for step in steps where step.parameters.contains(where: { !$0.isFinite }) {
            throw AnimationError.unusableHistory("row of step \(step.step) has missing or non-finite parameters")
        }
    }
}
