import Foundation

/// A "nice" tick step: a mantissa of 1, 2, 2.5 or 5 times a power of ten.
///
/// Multiples are computed as integer × mantissa ÷ 10^−exponent for negative exponents,
/// so 3 × 0.1 gives exactly the double nearest 0.3 (not 0.30000000000000004).
///
/// ```swift
/// let s = NiceStep(mantissa: 2.5, exponent: -1)  // 0.25
/// s.multiple(3)                                  // 0.75
/// ```
public struct NiceStep: Sendable, Hashable {
    /// 1, 2, 2.5 or 5.
    public let mantissa: Double
    /// The power of ten.
    public let exponent: Int

    /// The mantissas a locator may choose, in increasing order.
    public static let mantissas: [Double] = [1, 2, 2.5, 5]

    public init(mantissa: Double, exponent: Int) {
        self.mantissa = mantissa
        self.exponent = exponent
    }

    /// The step in data units.
    public var value: Double { multiple(1) }

    /// `k` steps from zero, rounded as exactly as doubles allow.
    public func multiple(_ k: Int) -> Double {
        let km = Double(k) * mantissa
        return exponent < 0 ? km / pow(10, Double(-exponent)) : km * pow(10, Double(exponent))
    }

    /// The smallest nice step that is at least `raw` (within a rounding tolerance).
    ///
    /// ```swift
    /// NiceStep.atLeast(0.3)  // 0.5
    /// ```
    public static func atLeast(_ raw: Double) -> NiceStep {
        guard raw.isFinite, raw > 0 else { return NiceStep(mantissa: 1, exponent: 0) }
        var e = Int(floor(log10(raw)))
        let tolerance = 1 + 1e-9
        while true {
            for m in mantissas where NiceStep(mantissa: m, exponent: e).value * tolerance >= raw {
                return NiceStep(mantissa: m, exponent: e)
            }
            e += 1
        }
    }

    /// Whether every multiple of the step is a whole number (1, 2, 5, 10, 20, 25, …).
    public var isWhole: Bool {
        exponent > 0 || (exponent == 0 && mantissa != 2.5)
    }

    /// This step if it is whole, else the smallest whole step above it (0.5 → 1, 2.5 → 5).
    ///
    /// ```swift
    /// NiceStep(mantissa: 5, exponent: -1).wholeOrLarger.value  // 1
    /// ```
    public var wholeOrLarger: NiceStep {
        if isWhole { return self }
        return exponent < 0 ? NiceStep(mantissa: 1, exponent: 0) : NiceStep(mantissa: 5, exponent: 0)
    }

    /// The next smaller nice step (5 → 2.5 → 2 → 1 → 0.5 …).
    public var smaller: NiceStep {
        guard let i = NiceStep.mantissas.firstIndex(of: mantissa), i > 0 else {
            return NiceStep(mantissa: 5, exponent: exponent - 1)
        }
        return NiceStep(mantissa: NiceStep.mantissas[i - 1], exponent: exponent)
    }
}
