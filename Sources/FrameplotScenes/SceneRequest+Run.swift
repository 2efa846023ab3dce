import Foundation
import FrameplotAnimation
import FrameplotModel

extension SceneRequest {
    /// The run a scene draws: the history's columns when one is given (it must have been
    /// recorded on what the scene draws it over, see ``HistoryLossCheck``), else a fresh
    /// training run.
    ///
    /// - Parameter target: the data or function the scene draws, with its loss.
    func run(parameters: [String], metrics: [String] = [], scene: String, checkedOn target: HistoryLossCheck.Target,
             train: () throws -> RecordedRun) throws -> RecordedRun {
        guard let history else { return try train() }
        let run = try history.run(parameters: parameters, metrics: metrics, scene: scene)
        try HistoryLossCheck.require(run, source: history.source, on: target)
        return run
    }
}

extension HistoryLossCheck.Target {
    /// The scene's data: the built-in set, or the user's `--data` file and columns.
    ///
    /// - Parameter needs: the options that select the built-in data's alternative, for the message.
    static func data(_ selection: DataSelection, scene: String, needs: String,
                     loss: @escaping ([Double]) -> Double) -> HistoryLossCheck.Target {
        guard let file = selection.file else {
            return .init(name: "\(scene)'s built-in data", needs: needs, kind: .builtIn, loss: loss)
        }
        var columns = [("x", selection.x), ("y", selection.y), ("label", selection.label)]
            .compactMap { name, column in column.map { "--\(name) \($0)" } }.joined(separator: " ")
        if !columns.isEmpty { columns = " (\(columns))" }
        return .init(name: "\(SceneText.clipped(URL(fileURLWithPath: file).lastPathComponent))\(columns)", needs: "--data, --x, --y" + (selection.label == nil ? "" : ", --label"),
                     kind: .given, loss: loss)
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
