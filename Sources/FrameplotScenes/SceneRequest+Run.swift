import FrameplotAnimation
import FrameplotModel

extension SceneRequest {
    /// The run a scene draws: the history's columns when one is given (a history drawn over the
    /// built-in data must have been recorded on it, see ``BuiltInHistoryCheck``), else a fresh
    /// training run.
    ///
    /// - Parameters:
    ///   - builtInLoss: the built-in data's loss at given parameters, or nil when the user gave
    ///     their own data (then the history is drawn over it as it is).
    ///   - recordedOn: what `builtInLoss` is the loss on, for the message (the scene's built-in data by default).
    ///   - needs: what to give instead, for the message when the history is not of it.
    func run(parameters: [String], metrics: [String] = [], scene: String, recordedOn: String? = nil, needs: String,
             builtInLoss: (([Double]) -> Double)?, train: () throws -> RecordedRun) throws -> RecordedRun {
        guard let history else { return try train() }
        let run = try history.run(parameters: parameters, metrics: metrics, scene: scene)
        if let builtInLoss {
            try BuiltInHistoryCheck.require(run, source: history.source, recordedOn: recordedOn ?? "\(scene)'s built-in data",
                                            needs: needs, loss: builtInLoss)
        }
        return run
    }
}

/// The option rule the classifier scenes share.
enum ClassifierOptionRules {
    /// `--seed` picks the built-in points; a history drawn over `--data` has no use for it.
    static func check(seed: UInt64?, data: DataSelection, rendering: Bool, builtIn: String) throws {
        try data.check(label: .required)
        if rendering, seed != nil, !data.isBuiltIn {
            throw AnimationError.invalidOption("--seed picks the built-in \(builtIn); a history drawn over --data does not use it")
        }
    }
}
