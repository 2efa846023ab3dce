extension TestFunction {
    /// The built-in functions, in the order they are listed: Beale, Rosenbrock, Himmelblau,
    /// the saddle and the ill-conditioned quadratic.
    public static let builtIns: [TestFunction] = [beale, rosenbrock, himmelblau, saddle, illConditioned]

    /// The built-in with this name ("beale", "rosenbrock", "himmelblau", "saddle",
    /// "quadratic"; case-insensitive), or nil.
    ///
    /// ```swift
    /// TestFunction.named("Rosenbrock")?.minima   // [[1, 1]]
    /// ```
    public static func named(_ name: String) -> TestFunction? {
        builtIns.first { $0.name == name.lowercased() }
    }

    /// Beale's function (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²: minimum 0
    /// at (3, 0.5), in a flat basin between steep walls. From (1, 1.5) all six optimizers
    /// reach the basin within 300 steps at their default rates.
    public static let beale = builtIn(
        name: "beale", title: "Beale",
        formula: "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2",
        minima: [[3, 0.5]], xDomain: -1...4.5, yDomain: -2...2.5, start: [1, 1.5], log: true,
        rates: ["gd": 0.01, "momentum": 0.002, "nesterov": 0.002, "adagrad": 1, "rmsprop": 0.05, "adam": 0.1])

    /// Rosenbrock's function (1 − x)² + 100(y − x²)² (a = 1, b = 100): minimum 0 at (1, 1) at
    /// the end of a long curved valley. From (−1.2, 1) momentum, Nesterov and Adam reach
    /// (1, 1) within 350 steps; GD, AdaGrad and RMSprop are still crawling along the valley
    /// after 500, which is the lesson of this function.
    public static let rosenbrock = builtIn(
        name: "rosenbrock", title: "Rosenbrock",
        formula: "(1 - x)^2 + 100*(y - x^2)^2",
        minima: [[1, 1]], xDomain: -2...2, yDomain: -1...3, start: [-1.2, 1], log: true,
        rates: ["gd": 0.002, "momentum": 0.001, "nesterov": 0.001, "adagrad": 0.5, "rmsprop": 0.01, "adam": 0.2])

    /// Himmelblau's function (x² + y − 11)² + (x + y² − 7)²: four minima of value 0. Started
    /// next to its local maximum at (−0.27, −0.92), the optimizers split between two of them.
    public static let himmelblau = builtIn(
        name: "himmelblau", title: "Himmelblau",
        formula: "(x^2 + y - 11)^2 + (x + y^2 - 7)^2",
        minima: [[3, 2], [-2.805118086952745, 3.131312518250573],
                 [-3.779310253377747, -3.283185991286170], [3.584428340330492, -1.848126526964404]],
        xDomain: -5...5, yDomain: -5...5, start: [-0.3, -0.9], log: true,
        rates: ["gd": 0.005, "momentum": 0.001, "nesterov": 0.001, "adagrad": 0.5, "rmsprop": 0.05, "adam": 0.1])

    /// The saddle x² − y²: no minimum; (0, 0) is a saddle point. From (−1.8, 0.01), just off
    /// the ridge, GD lingers near the saddle while momentum and the adaptive methods escape
    /// and leave the plot (which ends their race).
    public static let saddle = builtIn(
        name: "saddle", title: "Saddle",
        formula: "x^2 - y^2",
        minima: [], xDomain: -2...2, yDomain: -2...2, start: [-1.8, 0.01], log: false,
        rates: ["gd": 0.01, "momentum": 0.01, "nesterov": 0.01, "adagrad": 0.05, "rmsprop": 0.005, "adam": 0.01])

    /// The ill-conditioned quadratic ½(x² + 20y²): minimum 0 at (0, 0), curvature 1 along x
    /// and 20 along y (condition number 20). GD at 0.08, close to its stability limit
    /// 2/20 = 0.1, zig-zags across the narrow valley while it crawls along it; the adaptive
    /// methods rescale each coordinate and go almost straight.
    public static let illConditioned = builtIn(
        name: "quadratic", title: "Ill-conditioned quadratic",
        formula: "0.5*(x^2 + 20*y^2)",
        minima: [[0, 0]], xDomain: -6...6, yDomain: -3...3, start: [-5, 2], log: true,
        rates: ["gd": 0.08, "momentum": 0.01, "nesterov": 0.01, "adagrad": 1, "rmsprop": 0.05, "adam": 0.1])

    /// A typed function of x and y, e.g. from `--function "x^2 + 3*y^2"`, on a given domain
    /// (default −3…3 on both axes) and start (default: a quarter of the way in from the
    /// top-left corner). Its name and title are the normalised formula; it has no known
    /// minima. Learning rates come from the start: gradient descent's first step moves
    /// 3 % of the domain's diagonal; the others are scaled to move a similar distance.
    ///
    /// ```swift
    /// let f = try TestFunction(formula: "x^2 + 3*y^2")
    /// let g = try TestFunction(formula: "sin(x) + y^2", xDomain: -4...4, yDomain: -2...2, start: [3, 1])
    /// ```
    public init(formula: String, xDomain: ClosedRange<Double> = -3...3, yDomain: ClosedRange<Double> = -3...3,
                start: [Double]? = nil) throws(MathExpressionError) {
        let expression = try MathExpression.parse(formula, variables: ["x", "y"])
        let origin = start ?? [xDomain.lowerBound + 0.25 * (xDomain.upperBound - xDomain.lowerBound),
                               yDomain.upperBound - 0.25 * (yDomain.upperBound - yDomain.lowerBound)]
        let width = xDomain.upperBound - xDomain.lowerBound, height = yDomain.upperBound - yDomain.lowerBound
        let diagonal = (width * width + height * height).squareRoot()
        let g = expression.gradient(at: origin)
        let norm = (g.reduce(0) { $0 + $1 * $1 }).squareRoot()
        let gd = norm.isFinite && norm > 0 ? 0.03 * diagonal / norm : 0.01
        let side = Swift.min(width, height)
        self.init(name: expression.description, title: expression.description, expression: expression, minima: [],
                  minimumValue: nil, xDomain: xDomain, yDomain: yDomain, start: origin, prefersLogScale: false,
                  learningRates: ["gd": gd, "momentum": gd / 10, "nesterov": gd / 10,
                                  "adagrad": 0.05 * side, "rmsprop": 0.002 * side, "adam": 0.01 * side])
    }

    private static func builtIn(name: String, title: String, formula: String, minima: [[Double]],
                                xDomain: ClosedRange<Double>, yDomain: ClosedRange<Double>, start: [Double],
                                log: Bool, rates: [String: Double]) -> TestFunction {
        // The formulas above are fixed text (every built-in is parsed by the tests).
        guard let expression = try? MathExpression.parse(formula, variables: ["x", "y"]) else {
            preconditionFailure("the built-in formula of \(name) does not parse")
        }
        return TestFunction(name: name, title: title, expression: expression, minima: minima,
                            minimumValue: minima.isEmpty ? nil : 0, xDomain: xDomain, yDomain: yDomain, start: start,
                            prefersLogScale: log, learningRates: rates)
    }
}
