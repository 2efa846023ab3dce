/// How a gradient becomes a parameter update: the update rules of torch.optim, with its defaults.
///
/// Every rule is the pseudocode of torch.optim's documentation with weight decay 0 and
/// `maximize` false, at step t = 1, 2, … with gradient gₜ and learning rate γ:
///
/// - ``gradientDescent``: θ ← θ − γ g (torch.optim.SGD).
/// - ``momentum(_:)`` μ: b₁ = g₁, bₜ = μ bₜ₋₁ + gₜ; θ ← θ − γ bₜ (SGD, momentum μ, dampening 0).
///   Written as v ← μ v + g from v = 0, which gives the same b₁ = g₁ and the same numbers.
/// - ``nesterov(_:)`` μ: bₜ as for momentum; θ ← θ − γ (gₜ + μ bₜ) (SGD, `nesterov=True`).
/// - ``adagrad(learningRateDecay:initialAccumulator:epsilon:)``: γ̃ = γ / (1 + (t − 1) η);
///   s ← s + g²; θ ← θ − γ̃ g / (√s + ε) (ε outside the root; s starts at the initial accumulator).
/// - ``rmsprop(alpha:epsilon:)``: v ← α v + (1 − α) g²; θ ← θ − γ g / (√v + ε)
///   (not centred, no momentum, v starts at 0).
/// - ``adam(beta1:beta2:epsilon:)``: m ← β₁ m + (1 − β₁) g; v ← β₂ v + (1 − β₂) g²;
///   m̂ = m / (1 − β₁ᵗ); v̂ = v / (1 − β₂ᵗ); θ ← θ − γ m̂ / (√v̂ + ε).
///
/// ```swift
/// let o = Optimizer.adam()                       // β₁ 0.9, β₂ 0.999, ε 1e-8
/// let all = Optimizer.torchDefaults.map(\.name)  // ["gd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"]
/// ```
public enum Optimizer: Sendable, Hashable {
    /// θ ← θ − γ g.
    case gradientDescent
    /// Heavy-ball momentum μ as torch.optim.SGD(momentum: μ, dampening: 0).
    case momentum(Double)
    /// Nesterov momentum μ as torch.optim.SGD(momentum: μ, nesterov: true).
    case nesterov(Double)
    /// torch.optim.Adagrad.
    case adagrad(learningRateDecay: Double, initialAccumulator: Double, epsilon: Double)
    /// torch.optim.RMSprop, not centred and without momentum.
    case rmsprop(alpha: Double, epsilon: Double)
    /// torch.optim.Adam (Kingma & Ba) with bias-corrected moments.
    case adam(beta1: Double, beta2: Double, epsilon: Double)

    /// Adam with torch's defaults β₁ = 0.9, β₂ = 0.999, ε = 1e-8.
    ///
    /// ```swift
    /// let o = Optimizer.adam()
    /// ```
    public static func adam() -> Optimizer { .adam(beta1: 0.9, beta2: 0.999, epsilon: 1e-8) }

    /// Adagrad with torch's defaults: no learning-rate decay, accumulator from 0, ε = 1e-10.
    ///
    /// ```swift
    /// let o = Optimizer.adagrad()
    /// ```
    public static func adagrad() -> Optimizer { .adagrad(learningRateDecay: 0, initialAccumulator: 0, epsilon: 1e-10) }

    /// RMSprop with torch's defaults α = 0.99, ε = 1e-8.
    ///
    /// ```swift
    /// let o = Optimizer.rmsprop()
    /// ```
    public static func rmsprop() -> Optimizer { .rmsprop(alpha: 0.99, epsilon: 1e-8) }

    /// The six optimizers of the race with torch's defaults (momentum and Nesterov at 0.9),
    /// in the order gd, momentum, nesterov, adagrad, rmsprop, adam.
    public static let torchDefaults: [Optimizer] = [.gradientDescent, .momentum(0.9), .nesterov(0.9), .adagrad(), .rmsprop(), .adam()]

    /// The optimizer's short name: "gd", "momentum", "nesterov", "adagrad", "rmsprop" or "adam".
    ///
    /// ```swift
    /// Optimizer.nesterov(0.9).name   // "nesterov"
    /// ```
    public var name: String {
        switch self {
        case .gradientDescent: return "gd"
        case .momentum: return "momentum"
        case .nesterov: return "nesterov"
        case .adagrad: return "adagrad"
        case .rmsprop: return "rmsprop"
        case .adam: return "adam"
        }
    }

    /// How the optimizer is named in a legend: "GD", "Momentum", "Nesterov", "AdaGrad", "RMSprop", "Adam".
    public var displayName: String {
        switch self {
        case .gradientDescent: return "GD"
        case .momentum: return "Momentum"
        case .nesterov: return "Nesterov"
        case .adagrad: return "AdaGrad"
        case .rmsprop: return "RMSprop"
        case .adam: return "Adam"
        }
    }

    /// The optimizer with torch's defaults for a short name (case-insensitive; "sgd" is gd), or nil.
    ///
    /// ```swift
    /// Optimizer(name: "rmsprop")   // .rmsprop(alpha: 0.99, epsilon: 1e-8)
    /// ```
    public init?(name: String) {
        let key = name.lowercased()
        guard let found = Optimizer.torchDefaults.first(where: { $0.name == key }) ?? (key == "sgd" ? .gradientDescent : nil) else {
            return nil
        }
        self = found
    }
}
