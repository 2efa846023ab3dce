/// How in-between frames move from one recorded state to the next: at a fraction `t` of the
/// way in time, the state is `ease(t)` of the way in value.
///
/// ```swift
/// TweenEasing.linear.ease(0.25)   // 0.25
/// TweenEasing.cubic.ease(0.25)    // 0.0625: slow out of the state, fast between, slow into the next
/// ```
public enum TweenEasing: String, CaseIterable, Codable, Sendable {
    /// Constant speed: the value moves as time does.
    case linear
    /// Cubic in-out: 4t³ for t < ½, then 1 − (−2t + 2)³/2 (easeInOutCubic).
    case cubic

    /// The fraction of the way in value at fraction `t` (0…1) of the way in time.
    public func ease(_ t: Double) -> Double {
        let t = Swift.min(1, Swift.max(0, t))
        switch self {
        case .linear:
            return t
        case .cubic:
            if t < 0.5 { return 4 * t * t * t }
            let u = -2 * t + 2
            return 1 - u * u * u / 2
        }
    }
}

extension RecordedRun {
    /// The run with `inserted` states between every two consecutive recorded ones:
    /// (n − 1)(inserted + 1) + 1 states in all, the recorded ones among them unchanged.
    ///
    /// In-between state s of gap k (s = 1…inserted) lies `easing.ease(s / (inserted + 1))`
    /// of the way from state k to state k + 1 in every parameter, the loss and every metric
    /// both states have (a metric only one of them has is taken from the nearer one); its
    /// step and epoch are those of the nearer recorded state, so captions show a step that
    /// was recorded. A NaN on either side stays NaN. Parameters are interpolated, never
    /// pixels: each in-between frame is drawn from its state like any other.
    ///
    /// ```swift
    /// let smooth = run.tweened(by: 3, easing: .cubic)   // 21 states → 81
    /// ```
    public func tweened(by inserted: Int, easing: TweenEasing = .linear) -> RecordedRun {
        let n = steps.count
        guard inserted > 0, n > 1 else { return self }
        var out: [TrainingStep] = []
        out.reserveCapacity((n - 1) * (inserted + 1) + 1)
        var previous = steps[0].trainingStep
        out.append(previous)
        for k in 1..<n {
            let next = steps[k].trainingStep
            for s in 1...inserted {
                out.append(Self.between(previous, next, easing.ease(Double(s) / Double(inserted + 1))))
            }
            out.append(next)
            previous = next
        }
        return RecordedRun(parameterNames: parameterNames, metricNames: metricNames, steps: out)
    }

    /// The state a fraction `t` of the way from `a` to `b` (step and epoch of the nearer one).
    static func between(_ a: TrainingStep, _ b: TrainingStep, _ t: Double) -> TrainingStep {
        func mix(_ u: Double, _ v: Double) -> Double { t == 0 ? u : (t == 1 ? v : u + (v - u) * t) }
        let nearer = t < 0.5 ? a : b
        var metrics: [String: Double] = [:]
        for name in Set(a.metrics.keys).union(b.metrics.keys) {
            if let u = a.metrics[name], let v = b.metrics[name] { metrics[name] = mix(u, v) } else { metrics[name] = nearer.metrics[name] }
        }
        let count = Swift.min(a.parameters.count, b.parameters.count)
        return TrainingStep(step: nearer.step, epoch: nearer.epoch, parameters: (0..<count).map { mix(a.parameters[$0], b.parameters[$0]) },
                            loss: mix(a.loss, b.loss), metrics: metrics)
    }
}
