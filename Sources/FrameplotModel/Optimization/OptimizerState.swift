import Foundation

/// An optimizer's running state (step count, momentum buffer, moment estimates) and its
/// update: the one implementation of every ``Optimizer`` rule, used by ``Trainer`` and by
/// ``OptimizerRace``.
///
/// ```swift
/// var state = OptimizerState(.adam(), parameterCount: 2)
/// var theta = [1.0, 2.0]
/// state.update(&theta, gradient: [0.5, -1], learningRate: 0.01)
/// ```
public struct OptimizerState: Sendable, Hashable {
    /// The update rule.
    public let optimizer: Optimizer
    /// Updates done so far (torch's t after the update).
    public private(set) var step = 0
    /// Momentum buffer b, Adam's first moment m, or nothing.
    private var first: [Double]
    /// Adagrad's sum of squares s, RMSprop's and Adam's second moment v, or nothing.
    private var second: [Double]
    /// β₁ᵗ and β₂ᵗ for Adam's bias correction, kept as running products.
    private var beta1Power = 1.0, beta2Power = 1.0

    /// A fresh state (t = 0, buffers at zero; Adagrad's sum at its initial accumulator).
    ///
    /// ```swift
    /// let state = OptimizerState(.momentum(0.9), parameterCount: 3)
    /// ```
    public init(_ optimizer: Optimizer, parameterCount: Int) {
        self.optimizer = optimizer
        let n = Swift.max(0, parameterCount)
        first = [Double](repeating: 0, count: n)
        if case let .adagrad(_, initial, _) = optimizer {
            second = [Double](repeating: initial, count: n)
        } else {
            second = [Double](repeating: 0, count: n)
        }
    }

    /// Applies update t + 1 to `parameters` with `gradient` (gₜ, evaluated at the current
    /// parameters) and learning rate γ; returns the largest |change| of a parameter.
    ///
    /// ```swift
    /// let moved = state.update(&theta, gradient: g, learningRate: 0.1)
    /// ```
    @discardableResult
    public mutating func update(_ parameters: inout [Double], gradient: [Double], learningRate eta: Double) -> Double {
        let p = Swift.min(parameters.count, gradient.count, first.count)
        step += 1
        var largest = 0.0
        parameters.withUnsafeMutableBufferPointer { th in
            gradient.withUnsafeBufferPointer { g in
                first.withUnsafeMutableBufferPointer { b in
                    second.withUnsafeMutableBufferPointer { s in
                        switch optimizer {
                        case .gradientDescent:
                            for i in 0..<p { largest = Swift.max(largest, OptimizerState.move(&th[i], by: eta * g[i])) }
                        case let .momentum(mu):
                            for i in 0..<p {
                                b[i] = mu * b[i] + g[i]
                                largest = Swift.max(largest, OptimizerState.move(&th[i], by: eta * b[i]))
                            }
                        case let .nesterov(mu):
                            for i in 0..<p {
                                b[i] = mu * b[i] + g[i]
                                largest = Swift.max(largest, OptimizerState.move(&th[i], by: eta * (g[i] + mu * b[i])))
                            }
                        case let .adagrad(decay, _, eps):
                            let rate = eta / (1 + Double(step - 1) * decay)
                            for i in 0..<p {
                                s[i] += g[i] * g[i]
                                largest = Swift.max(largest, OptimizerState.move(&th[i], by: rate * g[i] / (s[i].squareRoot() + eps)))
                            }
                        case let .rmsprop(alpha, eps):
                            for i in 0..<p {
                                s[i] = alpha * s[i] + (1 - alpha) * g[i] * g[i]
                                largest = Swift.max(largest, OptimizerState.move(&th[i], by: eta * g[i] / (s[i].squareRoot() + eps)))
                            }
                        case let .adam(b1, b2, eps):
                            beta1Power *= b1
                            beta2Power *= b2
                            for i in 0..<p {
                                b[i] = b1 * b[i] + (1 - b1) * g[i]
                                s[i] = b2 * s[i] + (1 - b2) * g[i] * g[i]
                                let mHat = b[i] / (1 - beta1Power)
                                let vHat = s[i] / (1 - beta2Power)
                                largest = Swift.max(largest, OptimizerState.move(&th[i], by: eta * mHat / (vHat.squareRoot() + eps)))
                            }
                        }
                    }
                }
            }
        }
        return largest
    }

    /// θ ← θ − change; returns |change| (NaN stays NaN so the caller sees it).
    @inline(__always)
    private static func move(_ theta: inout Double, by change: Double) -> Double {
        theta -= change
        return change.isNaN ? .nan : Swift.abs(change)
    }
}
