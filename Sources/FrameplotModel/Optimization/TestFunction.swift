/// A function of (x, y) to race optimizers on: a formula with its known minima, a domain to
/// plot, a start point and learning rates that make a good race.
///
/// The built-ins (``beale``, ``rosenbrock``, ``himmelblau``, ``saddle``,
/// ``illConditioned``) are formulas too, so a typed formula and the built-in of the same
/// text give identical values, gradients and trajectories; gradients are reverse mode
/// through the computation graph (exact, not finite differences).
///
/// ```swift
/// let f = TestFunction.rosenbrock
/// f.value(x: 1, y: 1)                 // 0
/// f.gradient(x: 0, y: 0)              // [-2, 0]
/// let typed = try TestFunction(formula: "x^2 + 3*y^2")
/// ```
public struct TestFunction: Sendable, Hashable {
    /// The name used on the command line ("beale", …), or the typed formula's normalised text.
    public let name: String
    /// The name for titles ("Beale", …, or the formula).
    public let title: String
    /// The formula in x and y.
    public let expression: MathExpression
    /// The known global minimisers (x, y), for a × marker; empty when there is none (the saddle).
    public let minima: [[Double]]
    /// The function's value at the minima, when known.
    public let minimumValue: Double?
    /// The x range to plot (and beyond which an optimizer counts as having left the race).
    public let xDomain: ClosedRange<Double>
    /// The y range to plot.
    public let yDomain: ClosedRange<Double>
    /// The default start point (x, y).
    public let start: [Double]
    /// Whether the values span decades, so contours and heights read best on a log scale.
    public let prefersLogScale: Bool
    /// Per optimizer name ("gd", "momentum", …), the default learning rate.
    public let learningRates: [String: Double]

    /// A function with everything given.
    ///
    /// ```swift
    /// let f = TestFunction(name: "bowl", title: "Bowl", expression: e, minima: [[0, 0]], minimumValue: 0,
    ///                      xDomain: -2...2, yDomain: -2...2, start: [1.5, 1.5], prefersLogScale: false,
    ///                      learningRates: ["gd": 0.1])
    /// ```
    public init(name: String, title: String, expression: MathExpression, minima: [[Double]], minimumValue: Double?,
                xDomain: ClosedRange<Double>, yDomain: ClosedRange<Double>, start: [Double], prefersLogScale: Bool,
                learningRates: [String: Double]) {
        self.name = name
        self.title = title
        self.expression = expression
        self.minima = minima
        self.minimumValue = minimumValue
        self.xDomain = xDomain
        self.yDomain = yDomain
        self.start = start
        self.prefersLogScale = prefersLogScale
        self.learningRates = learningRates
    }

    /// f(x, y) (NaN or ±∞ outside the formula's domain).
    ///
    /// ```swift
    /// TestFunction.beale.value(x: 3, y: 0.5)   // 0
    /// ```
    public func value(x: Double, y: Double) -> Double {
        expression.value(at: [x, y])
    }

    /// (∂f/∂x, ∂f/∂y) by reverse mode.
    ///
    /// ```swift
    /// TestFunction.saddle.gradient(x: 1, y: 1)   // [2, -2]
    /// ```
    public func gradient(x: Double, y: Double) -> [Double] {
        expression.gradient(at: [x, y])
    }

    /// The default learning rate of `optimizer` on this function.
    ///
    /// ```swift
    /// TestFunction.beale.learningRate(for: .adam())
    /// ```
    public func learningRate(for optimizer: Optimizer) -> Double {
        learningRates[optimizer.name] ?? TestFunction.fallbackRate(optimizer)
    }

    /// Whether (x, y) lies in the plotted domain.
    public func contains(x: Double, y: Double) -> Bool {
        xDomain.contains(x) && yDomain.contains(y)
    }

    static func fallbackRate(_ optimizer: Optimizer) -> Double {
        switch optimizer {
        case .gradientDescent: return 0.01
        case .momentum, .nesterov: return 0.001
        case .adagrad: return 0.1
        case .rmsprop: return 0.01
        case .adam: return 0.05
        }
    }
}

extension TestFunction: TrainingObjective {
    /// "x" and "y".
    public var parameterNames: [String] { ["x", "y"] }
    /// One "sample": the function itself.
    public var sampleCount: Int { 1 }

    /// f at parameters (x, y).
    public func loss(at parameters: [Double]) -> Double {
        expression.value(at: parameters)
    }

    /// ∇f at parameters (x, y); `batch` is ignored (there are no samples to choose from).
    public func gradient(at parameters: [Double], batch: ArraySlice<Int>?, into gradient: inout [Double]) {
        let g = expression.gradient(at: parameters)
        for i in gradient.indices { gradient[i] = i < g.count ? g[i] : .nan }
    }
}
