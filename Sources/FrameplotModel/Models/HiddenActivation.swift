import Foundation

/// The activation function h of a network's hidden layer.
///
/// ```swift
/// let h = HiddenActivation.tanh
/// h.value(0.5)
/// ```
public enum HiddenActivation: String, Sendable, Hashable, CaseIterable {
    /// 1 / (1 + e^(−b)).
    case sigmoid
    /// tanh(b).
    case tanh
    /// max(0, b).
    case relu

    /// h(b).
    ///
    /// ```swift
    /// HiddenActivation.relu.value(-1)   // 0
    /// ```
    @inline(__always)
    public func value(_ b: Double) -> Double {
        switch self {
        case .sigmoid: return 1 / (1 + exp(-b))
        case .tanh: return Foundation.tanh(b)
        case .relu: return max(0, b)
        }
    }

    /// h'(b) expressed through z = h(b) (and b for ReLU).
    @inline(__always)
    func derivative(input b: Double, output z: Double) -> Double {
        switch self {
        case .sigmoid: return z * (1 - z)
        case .tanh: return 1 - z * z
        case .relu: return b > 0 ? 1 : 0
        }
    }
}
