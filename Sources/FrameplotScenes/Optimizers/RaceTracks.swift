import Foundation
import FrameplotAnimation
import FrameplotModel

/// The optimizer race as the `optimizers` scene records and draws it: a ``RecordedRun`` whose
/// parameters are, per optimizer, `<name>_x`, `<name>_y`, `<name>_loss` (the columns of its
/// history), NaN where an optimizer has no state because it diverged earlier; the state's
/// loss is the best loss of the race at that row.
///
/// ```swift
/// let tracks = RaceTracks(try OptimizerRace(function: .beale, steps: 300).run(), every: 2)
/// tracks.names                 // ["gd", "momentum", …]
/// tracks.divergenceSteps       // [nil, …]: nobody diverged
/// try tracks.historyLog.writeCSV(to: "race.csv")
/// ```
struct RaceTracks: Sendable {
    /// The recorded states.
    let run: RecordedRun
    /// The optimizers' column prefixes, in column order.
    let names: [String]
    /// Per optimizer, the first recorded step it has no state at (it diverged), or nil.
    let divergenceSteps: [Int?]

    /// Every `every`-th row of the race, the last one, and for an optimizer that diverged
    /// its last state and the first row without one, so the path ends where it ended and the
    /// step of the divergence is exact.
    init(_ race: OptimizerRaceRun, every: Int) {
        var rows = Set(stride(from: 0, through: race.steps, by: Swift.max(1, every)))
        rows.insert(race.steps)
        for track in race.tracks {
            if let step = track.divergence?.step { rows.formUnion([step - 1, step].filter { $0 >= 0 && $0 <= race.steps }) }
        }
        let names = race.tracks.map(\.name)
        let states = rows.sorted().map { row in
            RaceTracks.state(step: row, values: race.logRow(row).dropFirst().map { $0 ?? .nan })
        }
        self.init(run: RecordedRun(parameterNames: RaceTracks.columns(names), steps: states), names: names)
    }

    /// The tracks of a history log with the columns of `names` (see ``columns(_:)``).
    ///
    /// - Throws: ``AnimationError/unusableHistory(_:)`` for a row that has some of an
    ///   optimizer's three values but not all, or values after its empty ones (a track ends
    ///   once, when the optimizer diverges).
    init(log: HistoryLog, names: [String], source: String) throws {
        for (k, name) in names.enumerated() {
            var ended: Int?
            for row in 0..<log.rowCount {
                let cells = (0..<3).map { log.columns[3 * k + $0][row] }
                let present = cells.filter { $0 != nil }.count
                if present == 1 || present == 2 {
                    throw AnimationError.unusableHistory("\(SceneText.clipped(source)) line \(log.line(ofRow: row)): \(name)_x, \(name)_y and \(name)_loss "
                        + "must be all given or all empty (an optimizer that diverged has none)")
                }
                if present == 0, ended == nil { ended = row }
                if present == 3, let ended {
                    throw AnimationError.unusableHistory("\(SceneText.clipped(source)) line \(log.line(ofRow: row)): \(name) has values again after "
                        + "the empty cells of line \(log.line(ofRow: ended)); a track ends once, when its optimizer diverges")
                }
            }
        }
        let states = (0..<log.rowCount).map { row in
            RaceTracks.state(step: log.steps[row], values: log.columns.map { $0[row] ?? .nan })
        }
        self.init(run: RecordedRun(parameterNames: RaceTracks.columns(names), steps: states), names: names)
    }

    private init(run: RecordedRun, names: [String]) {
        self.run = run
        self.names = names
        divergenceSteps = names.indices.map { k in run.steps.first { $0.parameters[3 * k].isNaN }?.step }
    }

    /// A row of the race: its values, and the best loss of the optimizers that have one.
    private static func state(step: Int, values: [Double]) -> TrainingStep {
        let losses = stride(from: 2, to: values.count, by: 3).map { values[$0] }.filter(\.isFinite)
        return TrainingStep(step: step, epoch: step, parameters: values, loss: losses.min() ?? .nan)
    }

    /// `<name>_x`, `<name>_y`, `<name>_loss` for each name: the history's columns after `step`.
    static func columns(_ names: [String]) -> [String] {
        names.flatMap { ["\($0)_x", "\($0)_y", "\($0)_loss"] }
    }

    /// The column prefixes of a history's optimizer tracks: every `<name>` whose `_x`, `_y`
    /// and `_loss` columns are all there, in the order of the `_x` columns.
    ///
    /// - Throws: ``AnimationError/unusableHistory(_:)`` when a known optimizer has some of its
    ///   three columns but not all, or when there is no track.
    static func names(inColumns columns: [String], source: String) throws -> [String] {
        let present = Set(columns)
        var names: [String] = []
        for column in columns where column.hasSuffix("_x") {
            let name = String(column.dropLast(2))
            if !name.isEmpty, present.contains("\(name)_y"), present.contains("\(name)_loss"), !names.contains(name) { names.append(name) }
        }
        for optimizer in Optimizer.torchDefaults where !names.contains(optimizer.name) {
            let partial = ["_x", "_y", "_loss"].map { optimizer.name + $0 }
            let has = partial.filter(present.contains)
            if !has.isEmpty {
                throw AnimationError.unusableHistory("\(SceneText.clipped(source)): has \(has.joined(separator: ", ")) but not "
                    + "\(partial.filter { !present.contains($0) }.joined(separator: ", ")); each optimizer needs <name>_x, <name>_y and <name>_loss")
            }
        }
        guard !names.isEmpty else {
            throw AnimationError.unusableHistory("\(SceneText.clipped(source)): scene optimizers needs the column step and, for each optimizer, "
                + "<name>_x, <name>_y and <name>_loss (e.g. adam_x, adam_y, adam_loss); the file has \(SceneText.list(columns, limit: 10)) "
                + "(see 'frameplot scenes optimizers')")
        }
        return names
    }

    /// What `--log` writes: `step`, then each optimizer's x, y and loss, empty after it diverged.
    var historyLog: HistoryLog {
        HistoryLog(columnNames: run.parameterNames, steps: run.steps.map(\.step),
                   columns: run.parameterNames.indices.map { c in run.steps.map { $0.parameters[c] } })
    }

    /// The state of optimizer `k` in `state`: x, y and loss, or nil when it has none.
    static func point(_ state: RecordedStep, _ k: Int) -> (x: Double, y: Double, loss: Double)? {
        let x = state.parameters[3 * k], y = state.parameters[3 * k + 1], loss = state.parameters[3 * k + 2]
        return x.isNaN || y.isNaN ? nil : (x, y, loss)
    }

    /// The first loss that is not `function`'s value at its point (within the history check's
    /// tolerance), or nil when the race was run on `function` as far as the losses tell.
    func firstMismatch(with function: TestFunction) -> (step: Int, name: String, loss: Double, expected: Double)? {
        for state in run.steps {
            for (k, name) in names.enumerated() {
                guard let p = RaceTracks.point(state, k) else { continue }
                let expected = function.value(x: p.x, y: p.y)
                if !HistoryLossCheck.agrees(expected: expected, recorded: p.loss) { return (state.step, name, p.loss, expected) }
            }
        }
        return nil
    }
}
