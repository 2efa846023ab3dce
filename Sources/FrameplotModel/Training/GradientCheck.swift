/// Compares an objective's analytic (or backprop) gradient with central differences.
///
/// ```swift
/// let check = GradientCheck.run(net, at: theta)
/// check.maxRelativeError < 1e-6   // true for a correct gradient
/// ```
public struct GradientCheck: Sendable, Hashable {
    /// The objective's own gradient.
    public var analytic: [Double]
    /// (L(θ + h eᵢ) − L(θ − h eᵢ)) / 2h for each parameter.
    public var numeric: [Double]
    /// max over parameters of |analytic − numeric| / max(|analytic| + |numeric|, floor).
    public var maxRelativeError: Double
    /// The parameter where the largest relative error occurs.
    public var worstParameter: Int

    /// Runs the check at `parameters` with step h = `step`·max(1, |θᵢ|). The floor keeps
    /// near-zero gradients (where both are ~1e-12) from counting as large relative errors.
    ///
    /// ```swift
    /// let check = GradientCheck.run(ReferenceRuns.fourPointsObjective(), at: [0.3, 1.2])
    /// ```
    public static func run<Objective: TrainingObjective>(_ objective: Objective, at parameters: [Double],
                                                         step: Double = 1e-5, floor: Double = 1e-7) -> GradientCheck {
        let analytic = objective.gradient(at: parameters)
        var numeric = [Double](repeating: 0, count: parameters.count)
        var probe = parameters
        for i in parameters.indices {
            let h = step * max(1, abs(parameters[i]))
            probe[i] = parameters[i] + h
            let plus = objective.loss(at: probe)
            probe[i] = parameters[i] - h
            let minus = objective.loss(at: probe)
            probe[i] = parameters[i]
            numeric[i] = (plus - minus) / (2 * h)
        }
        var worst = 0.0, worstIndex = 0
        for i in parameters.indices {
            let e = abs(analytic[i] - numeric[i]) / max(abs(analytic[i]) + abs(numeric[i]), floor)
            if e > worst || e.isNaN { worst = e; worstIndex = i }
        }
        return GradientCheck(analytic: analytic, numeric: numeric, maxRelativeError: worst, worstParameter: worstIndex)
    }
}
