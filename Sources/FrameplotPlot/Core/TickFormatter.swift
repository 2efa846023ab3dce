import Foundation

/// Turns tick values into labels: the same number of decimals on every label of an
/// axis, the true minus sign (U+2212), and — for very large or small numbers or tiny
/// spans — a shared offset and/or power-of-ten multiplier shown once per axis.
///
/// The rules follow matplotlib's ScalarFormatter: an offset when the ticks share four
/// or more leading digits, a multiplier when the largest label would be ≥ 10⁶ or < 10⁻³ (matplotlib waits until 10⁻⁴, which gives long labels such as 0.0001075).
///
/// ```swift
/// TickFormatter.linear([0, 0.5, 1]).labels                 // ["0.0", "0.5", "1.0"]
/// TickFormatter.linear([-2, 0, 2]).labels                   // ["−2", "0", "2"]
/// TickFormatter.linear([1e6, 1e6 + 2, 1e6 + 4]).annotation  // "+10<sup>6</sup>"
/// TickFormatter.linear([0, 1e-7, 2e-7]).annotation          // "×10<sup>−7</sup>"
/// ```
public enum TickFormatter {
    /// Labels for the ticks of one linear axis.
    public struct Labels: Sendable, Hashable {
        /// One Pango-markup label per value, in the same order.
        public var labels: [String]
        /// Subtracted from every value before labelling.
        public var offset: Double
        /// Labels show (value − offset) / 10^multiplierExponent.
        public var multiplierExponent: Int
        /// Markup for the axis end ("×10<sup>−7</sup>", "+10<sup>6</sup>", both, or `nil`).
        public var annotation: String?
    }

    /// The true minus sign used in every label.
    public static let minus = "\u{2212}"

    /// Labels for `values` (the major ticks of one linear axis, increasing).
    public static func linear(_ values: [Double]) -> Labels {
        let finite = values.filter { $0.isFinite }
        guard let lmin = finite.min(), let lmax = finite.max() else {
            return Labels(labels: values.map { _ in "" }, offset: 0, multiplierExponent: 0, annotation: nil)
        }
        let offset = self.offset(lmin, lmax)
        let shifted = finite.map { $0 - offset }
        let largest = shifted.map { Swift.abs($0) }.max() ?? 0
        var power = 0
        if largest > 0 {
            let oom = Int(floor(Foundation.log10(largest) + 1e-12))
            if oom >= 6 || oom <= -4 { power = oom }
        }
        let scale = Foundation.pow(10, Double(power))
        let scaled = values.map { ($0 - offset) / scale }
        // Fewest decimals that still tell every tick apart and show each value exactly
        // (to a relative 1e-9), capped at 15.
        let step = zip(scaled.dropFirst(), scaled).map { Swift.abs($0 - $1) }.filter { $0 > 0 }.min()
        var decimals = 0
        while decimals < 15 {
            let factor = Foundation.pow(10, Double(decimals))
            let tolerance = 1e-6 * (step.map { $0 * factor } ?? 1)
            let exact = scaled.allSatisfy { v in
                !v.isFinite || Swift.abs(v * factor - (v * factor).rounded()) <= Swift.max(tolerance, 1e-9)
            }
            if exact { break }
            decimals += 1
        }
        var labels = scaled.map { fixed($0, decimals: decimals) }
        // Equal values aside, labels must be distinct: add decimals if rounding merged some.
        while Set(labels).count < Set(scaled).count && decimals < 15 {
            decimals += 1
            labels = scaled.map { fixed($0, decimals: decimals) }
        }
        var notes: [String] = []
        if power != 0 { notes.append("×" + powerOfTen(power)) }
        if offset != 0 {
            // Every digit of the offset: "+123456.7", never a rounded "+123457" that would
            // move each label by 0.3.
            let a = Swift.abs(offset)
            notes.append((offset < 0 ? minus : "+") + compact(a, significantDigits: significantDigits(a)))
        }
        return Labels(labels: labels, offset: offset, multiplierExponent: power,
                      annotation: notes.isEmpty ? nil : notes.joined(separator: " "))
    }

    /// A number with exactly `decimals` decimals and a true minus sign ("−0.50");
    /// zero never gets a sign, NaN and infinities are spelt out.
    ///
    /// ```swift
    /// TickFormatter.fixed(-0.5, decimals: 2)  // "−0.50"
    /// ```
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : minus + "∞") }
        let d = Swift.max(0, Swift.min(decimals, 20))
        var s = String(format: "%.\(d)f", value)
        if s.hasPrefix("-") {
            s.removeFirst()
            // "-0.00" rounds to zero: no sign.
            if s.contains(where: { $0 >= "1" && $0 <= "9" }) { s = minus + s }
        }
        return s
    }

    /// `10^k` as markup: "10<sup>−3</sup>".
    ///
    /// ```swift
    /// TickFormatter.powerOfTen(-3)  // "10<sup>−3</sup>"
    /// ```
    public static func powerOfTen(_ exponent: Int) -> String {
        let e = exponent < 0 ? minus + String(-exponent) : String(exponent)
        return "10<sup>\(e)</sup>"
    }

    /// A short label for any number: plain with up to `significantDigits` digits in
    /// 10⁻⁴ ≤ |v| < 10⁶, else "m×10<sup>k</sup>" markup (exact powers of ten as "10<sup>k</sup>").
    ///
    /// ```swift
    /// TickFormatter.compact(1_000_000)  // "10<sup>6</sup>"
    /// TickFormatter.compact(2.5e-7)     // "2.5×10<sup>−7</sup>"
    /// TickFormatter.compact(123.4)      // "123.4"
    /// ```
    public static func compact(_ value: Double, significantDigits: Int = 6) -> String {
        guard value.isFinite else { return fixed(value, decimals: 0) }
        if value == 0 { return "0" }
        let a = Swift.abs(value)
        let sign = value < 0 ? minus : ""
        let digits = Swift.max(1, Swift.min(significantDigits, 17))
        if a >= 1e-4 && a < 1e6 {
            let oom = Int(floor(Foundation.log10(a)))
            let decimals = Swift.max(0, digits - 1 - oom)
            return sign + trimmed(fixed(a, decimals: decimals))
        }
        var exponent = Int(floor(Foundation.log10(a)))
        var mantissa = a / Foundation.pow(10, Double(exponent))
        let rounded = trimmed(fixed(mantissa, decimals: digits - 1))
        if rounded == "10" { exponent += 1; mantissa = 1 }
        let m = rounded == "10" ? "1" : rounded
        return sign + (m == "1" ? "" : m + "×") + powerOfTen(exponent)
    }

    /// The fewest significant digits (at most 15) that write `value` to within rounding
    /// (a relative 1e-13), so 1234567 × 0.1 is "123456.7", not "123456.70000000001".
    ///
    /// ```swift
    /// TickFormatter.significantDigits(123456.7)  // 7
    /// ```
    static func significantDigits(_ value: Double) -> Int {
        let a = Swift.abs(value)
        guard a.isFinite, a > 0 else { return 1 }
        for digits in 1..<15 {
            if let rounded = Double(String(format: "%.\(digits - 1)e", a)), Swift.abs(rounded - a) <= a * 1e-13 {
                return digits
            }
        }
        return 15
    }

    /// Drops trailing zeros (and a trailing point) after the decimal point.
    static func trimmed(_ s: String) -> String {
        guard s.contains(".") else { return s }
        var t = s
        while t.hasSuffix("0") { t.removeLast() }
        if t.hasSuffix(".") { t.removeLast() }
        return t
    }

    /// matplotlib's offset rule: when the tick values share at least four leading
    /// digits, subtract their common rounded part.
    static func offset(_ lmin: Double, _ lmax: Double) -> Double {
        if lmin == lmax || (lmin <= 0 && lmax >= 0) { return 0 }
        let absMin = Swift.min(Swift.abs(lmin), Swift.abs(lmax))
        let absMax = Swift.max(Swift.abs(lmin), Swift.abs(lmax))
        let sign: Double = lmin < 0 ? -1 : 1
        func q(_ v: Double, _ oom: Int) -> Double { (v / Foundation.pow(10, Double(oom))).rounded(.down) }
        let oomMax = Int(Foundation.log10(absMax).rounded(.up))
        var oom = oomMax
        // The highest power of ten at which the two ends differ.
        while oom > -330 && q(absMin, oom) == q(absMax, oom) { oom -= 1 }
        oom += 1
        if (absMax - absMin) / Foundation.pow(10, Double(oom)) <= 1e-2 {
            // Straddling a multiple of a large power of ten.
            oom = oomMax
            while oom > -330 && absMax - absMin < Foundation.pow(10, Double(oom)) { oom -= 1 }
            oom += 1
        }
        let prefix = q(absMax, oom)
        return prefix >= 1000 ? sign * prefix * Foundation.pow(10, Double(oom)) : 0
    }
}
