/// Several optimizers on one ``TestFunction`` from one start, side by side.
///
/// Each entrant runs its own ``OptimizerState`` on the function's exact gradient. An
/// entrant whose state becomes NaN or infinite, or leaves the function's domain (the plotted
/// area), stops there while the others go on; its track records when and where.
///
/// ```swift
/// let race = try OptimizerRace(function: .beale, steps: 300)   // all six, default rates
/// let run = race.run()
/// run.logHeader      // ["step", "gd_x", "gd_y", "gd_loss", "momentum_x", …]
/// run.tracks[5].losses.last
/// ```
public struct OptimizerRace: Sendable, Hashable {
    /// One optimizer in the race.
    public struct Entrant: Sendable, Hashable {
        /// The column prefix and legend key (the optimizer's short name unless given).
        public var name: String
        /// The update rule.
        public var optimizer: Optimizer
        /// The constant learning rate γ.
        public var learningRate: Double

        /// An entrant named after its optimizer unless `name` is given.
        ///
        /// ```swift
        /// let e = OptimizerRace.Entrant(.adam(), learningRate: 0.1)
        /// ```
        public init(_ optimizer: Optimizer, learningRate: Double, name: String? = nil) {
            self.name = name ?? optimizer.name
            self.optimizer = optimizer
            self.learningRate = learningRate
        }
    }

    /// The function raced on.
    public let function: TestFunction
    /// The optimizers, in column order.
    public let entrants: [Entrant]
    /// The common start (x, y).
    public let start: [Double]
    /// Number of updates per optimizer.
    public let steps: Int

    /// A race of `optimizers` (default: all six with torch's defaults) on `function`, each at
    /// its rate in `learningRates` (by short name) or the function's default rate, from
    /// `start` (default: the function's).
    ///
    /// Throws ``TrainingError/invalidArgument(_:)`` for a negative step count, a start that
    /// is not finite, outside the domain or where the function is undefined, a learning rate
    /// that is not a positive number, or two optimizers of the same name.
    ///
    /// ```swift
    /// let race = try OptimizerRace(function: .rosenbrock, optimizers: [.gradientDescent, .adam()],
    ///                              learningRates: ["adam": 0.05], steps: 500)
    /// ```
    public init(function: TestFunction, optimizers: [Optimizer] = Optimizer.torchDefaults,
                learningRates: [String: Double] = [:], start: [Double]? = nil, steps: Int) throws {
        let entrants = optimizers.map { Entrant($0, learningRate: learningRates[$0.name] ?? function.learningRate(for: $0)) }
        try self.init(function: function, entrants: entrants, start: start, steps: steps)
    }

    /// A race of explicit entrants.
    ///
    /// ```swift
    /// let race = try OptimizerRace(function: .saddle, entrants: [.init(.momentum(0.5), learningRate: 0.01, name: "m05")],
    ///                              steps: 200)
    /// ```
    public init(function: TestFunction, entrants: [Entrant], start: [Double]? = nil, steps: Int) throws {
        let origin = start ?? function.start
        guard steps >= 0 else { throw TrainingError.invalidArgument("the number of steps must not be negative") }
        guard !entrants.isEmpty else { throw TrainingError.invalidArgument("the race needs at least one optimizer") }
        guard origin.count == 2, origin.allSatisfy(\.isFinite) else {
            throw TrainingError.invalidArgument("the start must be two finite numbers x,y")
        }
        guard function.contains(x: origin[0], y: origin[1]) else {
            throw TrainingError.invalidArgument("the start (\(origin[0]), \(origin[1])) lies outside the plotted domain "
                + "x \(function.xDomain.lowerBound)…\(function.xDomain.upperBound), "
                + "y \(function.yDomain.lowerBound)…\(function.yDomain.upperBound)")
        }
        guard function.value(x: origin[0], y: origin[1]).isFinite else {
            throw TrainingError.invalidArgument("\(function.title) is not defined at the start (\(origin[0]), \(origin[1]))")
        }
        var seen = Set<String>()
        for e in entrants {
            guard e.learningRate.isFinite, e.learningRate > 0 else {
                throw TrainingError.invalidArgument("the learning rate of \(e.name) must be a positive number, not \(e.learningRate)")
            }
            guard seen.insert(e.name).inserted else {
                throw TrainingError.invalidArgument("\(e.name) is in the race twice")
            }
        }
        self.function = function
        self.entrants = entrants
        self.start = origin
        self.steps = steps
    }

    /// Runs every entrant for ``steps`` updates (or until it stops).
    ///
    /// ```swift
    /// let run = race.run()
    /// ```
    public func run() -> OptimizerRaceRun {
        OptimizerRaceRun(steps: steps, tracks: entrants.map(track))
    }

    private func track(_ entrant: Entrant) -> OptimizerRaceRun.Track {
        var theta = start
        var state = OptimizerState(entrant.optimizer, parameterCount: 2)
        var xs = [theta[0]], ys = [theta[1]], losses = [function.value(x: theta[0], y: theta[1])]
        xs.reserveCapacity(steps + 1); ys.reserveCapacity(steps + 1); losses.reserveCapacity(steps + 1)
        var divergence: OptimizerRaceRun.Divergence?
        for row in stride(from: 1, through: steps, by: 1) {
            let previous = theta
            state.update(&theta, gradient: function.expression.gradient(at: theta), learningRate: entrant.learningRate)
            guard theta.allSatisfy(\.isFinite) else {
                divergence = .init(step: row, reason: .nonFinite, exit: nil)
                break
            }
            guard function.contains(x: theta[0], y: theta[1]) else {
                divergence = .init(step: row, reason: .leftDomain, exit: exitPoint(from: previous, to: theta))
                break
            }
            let loss = function.value(x: theta[0], y: theta[1])
            guard loss.isFinite else {
                divergence = .init(step: row, reason: .nonFinite, exit: nil)
                break
            }
            xs.append(theta[0]); ys.append(theta[1]); losses.append(loss)
        }
        return OptimizerRaceRun.Track(name: entrant.name, optimizer: entrant.optimizer, learningRate: entrant.learningRate,
                                      xs: xs, ys: ys, losses: losses, divergence: divergence)
    }

    /// Where the straight step from `p` (inside) to `q` (outside) crosses the domain's edge.
    private func exitPoint(from p: [Double], to q: [Double]) -> [Double] {
        var t = 1.0
        for (axis, range) in [(0, function.xDomain), (1, function.yDomain)] {
            let d = q[axis] - p[axis]
            if q[axis] > range.upperBound, d > 0 { t = Swift.min(t, (range.upperBound - p[axis]) / d) }
            if q[axis] < range.lowerBound, d < 0 { t = Swift.min(t, (range.lowerBound - p[axis]) / d) }
        }
        let x = p[0] + t * (q[0] - p[0]), y = p[1] + t * (q[1] - p[1])
        return [Swift.min(Swift.max(x, function.xDomain.lowerBound), function.xDomain.upperBound),
                Swift.min(Swift.max(y, function.yDomain.lowerBound), function.yDomain.upperBound)]
    }
}
