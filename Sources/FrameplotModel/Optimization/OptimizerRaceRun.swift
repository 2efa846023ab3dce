/// The recorded race: one track per optimizer, row k the state before update k (row 0 the start).
///
/// ```swift
/// let run = try OptimizerRace(function: .beale, steps: 300).run()
/// for track in run.tracks { print(track.name, track.losses.last ?? .nan, track.divergence as Any) }
/// print(run.logCSV())
/// ```
public struct OptimizerRaceRun: Sendable, Hashable {
    /// Why a track ended before the last step.
    public struct Divergence: Sendable, Hashable {
        /// What happened.
        public enum Reason: String, Sendable, Hashable {
            /// The state or the loss became NaN or infinite.
            case nonFinite
            /// The state left the function's domain (the plotted area).
            case leftDomain
        }
        /// The first row the track does not have (its last state is row `step − 1`).
        public let step: Int
        /// What happened.
        public let reason: Reason
        /// For ``Reason/leftDomain``, where the last step crossed the domain's edge (x, y),
        /// for drawing the path up to the edge; nil for non-finite states.
        public let exit: [Double]?
    }

    /// One optimizer's states.
    public struct Track: Sendable, Hashable {
        /// The column prefix ("gd", "momentum", …).
        public let name: String
        /// The update rule.
        public let optimizer: Optimizer
        /// The learning rate used.
        public let learningRate: Double
        /// x of rows 0…`count − 1`.
        public let xs: [Double]
        /// y of rows 0…`count − 1`.
        public let ys: [Double]
        /// f(x, y) of rows 0…`count − 1`.
        public let losses: [Double]
        /// Why the track ended early, or nil if it ran every step.
        public let divergence: Divergence?

        /// Number of rows the track has (steps + 1 unless it diverged).
        public var count: Int { xs.count }

        /// (x, y, loss) at `row`, or nil where the track has no row (after a divergence).
        ///
        /// ```swift
        /// run.tracks[0].state(at: 10)?.loss
        /// ```
        public func state(at row: Int) -> (x: Double, y: Double, loss: Double)? {
            guard row >= 0, row < xs.count else { return nil }
            return (xs[row], ys[row], losses[row])
        }
    }

    /// Number of updates of the race (rows 0…steps).
    public let steps: Int
    /// The optimizers' tracks, in the race's order.
    public let tracks: [Track]

    /// "step", then "<name>_x", "<name>_y", "<name>_loss" for each optimizer.
    public var logHeader: [String] {
        ["step"] + tracks.flatMap { ["\($0.name)_x", "\($0.name)_y", "\($0.name)_loss"] }
    }

    /// Row `row` of the log: the step, then x, y and loss of each optimizer (nil where its
    /// track has ended).
    ///
    /// ```swift
    /// run.logRow(0)   // [0, 1, 1.5, 41.25, 1, 1.5, 41.25, …]
    /// ```
    public func logRow(_ row: Int) -> [Double?] {
        [Double(row)] + tracks.flatMap { track -> [Double?] in
            guard let s = track.state(at: row) else { return [nil, nil, nil] }
            return [s.x, s.y, s.loss]
        }
    }

    /// The whole log as CSV text: the header, then rows 0…steps; numbers in shortest
    /// round-trip form, an empty field where an optimizer's track has ended.
    ///
    /// ```swift
    /// try run.logCSV().write(toFile: "race.csv", atomically: true, encoding: .utf8)
    /// ```
    public func logCSV() -> String {
        var lines = [logHeader.joined(separator: ",")]
        lines.reserveCapacity(steps + 2)
        for row in 0...Swift.max(0, steps) {
            lines.append(logRow(row).enumerated().map { index, value in
                guard let value else { return "" }
                return index == 0 ? String(Int(value)) : "\(value)"
            }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
