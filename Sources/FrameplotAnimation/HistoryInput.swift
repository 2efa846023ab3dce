import FrameplotModel

/// A recorded history for `frameplot render` to draw: a file read once (CSV or JSON lines,
/// written by `--log` or by any training loop), or a run already in memory.
///
/// Scenes take their columns from it by name, in any order; other columns are ignored.
///
/// ```swift
/// let history = try HistoryInput(file: "numpy-run.csv")
/// let run = try history.run(parameters: ["a", "b"], scene: "gd-locus")
/// ```
public struct HistoryInput: Sendable {
    /// The file name (or a label for a run in memory), for messages.
    public let source: String
    private let storage: Storage

    private enum Storage: Sendable {
        case table(CSVTable)
        case run(RecordedRun)
    }

    /// Reads the file with the project's CSV reader (JSON lines when it looks like them).
    ///
    /// - Throws: `CSVError` for a missing, empty or unreadable file.
    public init(file path: String) throws {
        source = path
        storage = .table(try CSVTable.readLog(at: path))
    }

    /// A run in memory (e.g. from your own loop's ``AnimationRecorder``).
    public init(run: RecordedRun, source: String = "the recorded run") {
        self.source = source
        storage = .run(run)
    }

    /// The column names: `step`, `loss`, then parameters and metrics (any order in a file).
    public var columnNames: [String] {
        switch storage {
        case .table(let table): return table.columnNames
        case .run(let run): return ["step", "loss"] + run.parameterNames + run.metricNames
        }
    }

    /// Whether a column of this name is present.
    public func hasColumn(_ name: String) -> Bool { columnNames.contains(name) }

    /// The states with exactly `parameters` (in that order) and those of `metrics` that are present.
    ///
    /// - Throws: ``AnimationError/unusableHistory(_:)`` naming what `scene` needs and what the
    ///   history has; `CSVError` or `TrainingError` for cells that are not finite numbers or
    ///   steps that are not whole and increasing (with the line).
    public func run(parameters: [String], metrics: [String] = [], scene: String) throws -> RecordedRun {
        let needed = ["step", "loss"] + parameters
        switch storage {
        case .table(let table):
            let missing = Self.missing(needed, in: table)
            if !missing.isEmpty { throw missingColumns(missing, needed: needed, scene: scene) }
            let history = try TrainingHistory.read(from: table, parameters: parameters, metrics: metrics)
            return RecordedRun(history)
        case .run(let run):
            let positions = parameters.map { run.parameterNames.firstIndex(of: $0) }
            let missing = zip(parameters, positions).filter { $0.1 == nil }.map(\.0)
            if !missing.isEmpty { throw missingColumns(missing, needed: needed, scene: scene) }
            guard !run.steps.isEmpty else { throw AnimationError.unusableHistory("\(source) has no rows") }
            let kept = metrics.filter { run.metricNames.contains($0) }
            return try run.mappingStates(parameterNames: parameters, metricNames: kept) { state in
                var values: [Double] = []
                for position in positions {
                    guard let position, position < state.parameters.count, state.parameters[position].isFinite else {
                        throw AnimationError.unusableHistory("\(source): the state of step \(state.step) has missing or non-finite parameters")
                    }
                    values.append(state.parameters[position])
                }
                state.parameters = values
                state.metrics = state.metrics.filter { kept.contains($0.key) }
            }
        }
    }

    /// `step` and the columns `names`, whose cells may be empty (values that end early, as an
    /// optimizer's after it diverged): for scenes whose history is not `step,loss,…`.
    ///
    /// ```swift
    /// let log = try history.log(columns: ["adam_x", "adam_y", "adam_loss"], scene: "optimizers")
    /// ```
    /// - Throws: ``AnimationError/unusableHistory(_:)`` naming what is missing; `CSVError` or
    ///   `TrainingError` for cells that are not finite numbers or steps that are not whole
    ///   and increasing (with the line).
    public func log(columns names: [String], scene: String) throws -> HistoryLog {
        switch storage {
        case .table(let table):
            let needed = ["step"] + names
            let missing = Self.missing(needed, in: table)
            if !missing.isEmpty { throw missingColumns(missing, needed: needed, scene: scene) }
            return try HistoryLog.read(from: table, columns: names)
        case .run(let run):
            let all = ["loss"] + run.parameterNames + run.metricNames
            let missing = names.filter { !all.contains($0) }
            if !missing.isEmpty { throw missingColumns(missing, needed: ["step"] + names, scene: scene) }
            guard !run.steps.isEmpty else { throw AnimationError.unusableHistory("\(source) has no rows") }
            let columns = names.map { name -> [Double?] in
                if name == "loss" { return run.steps.map { $0.loss } }
                if let p = run.parameterNames.firstIndex(of: name) { return run.steps.map { $0.parameters[p] } }
                return run.steps.map { $0.metrics[name] }
            }
            return HistoryLog(columnNames: names, steps: run.steps.map(\.step), columns: columns)
        }
    }

    /// The names of `needed` the table has no column for (exact, or ignoring case and spaces).
    private static func missing(_ needed: [String], in table: CSVTable) -> [String] {
        let index = Set(table.columnNames)
        let folded = Set(table.columnNames.map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
        return needed.filter { !index.contains($0) && !folded.contains($0.lowercased()) }
    }

    private func missingColumns(_ missing: [String], needed: [String], scene: String) -> AnimationError {
        .unusableHistory("\(SceneText.clipped(source)): scene \(scene) needs the columns \(SceneText.list(needed, limit: 10)); "
            + "missing \(SceneText.list(missing, limit: 6)); the file has \(SceneText.list(columnNames, limit: 10)) "
            + "(see 'frameplot scenes \(scene)')")
    }
}
