import Foundation

/// Short number labels for diagrams: a few significant digits, no trailing zeros, a true
/// minus sign, scientific notation only for very small or very large magnitudes.
///
/// ```swift
/// DiagramNumberFormat.compact(5.4)        // "5.4"
/// DiagramNumberFormat.compact(1026)       // "1026"
/// DiagramNumberFormat.compact(0.7310586)  // "0.731"
/// DiagramNumberFormat.compact(-0.25)      // "−0.25"
/// DiagramNumberFormat.compact(0.000012)   // "1.2e−05"
/// DiagramNumberFormat.compact([1, 0.5])   // "[1, 0.5]"
/// ```
public enum DiagramNumberFormat {
    /// The true minus sign used for negative numbers.
    public static let minus = "\u{2212}"

    /// `value` with `significantDigits` significant digits (never dropping integer digits).
    public static func compact(_ value: Double, significantDigits: Int = 3) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? minus + "∞" : "∞" }
        let digits = Swift.max(1, significantDigits)
        let magnitude = abs(value)
        // Round first so that 0.99999 becomes "1" rather than a 5-decimal string.
        let exponent = magnitude == 0 ? 0 : Int(floor(log10(magnitude)))
        let decimals = Swift.max(0, digits - 1 - exponent)
        let scale = pow(10.0, Double(decimals))
        let rounded = (magnitude * scale).rounded() / scale
        if rounded == 0 { return "0" }
        let body: String
        if rounded < 1e-3 || rounded >= 1e6 {
            body = scientific(rounded, digits: digits)
        } else {
            body = trimZeros(String(format: "%.\(decimals)f", rounded))
        }
        return value < 0 ? minus + body : body
    }

    /// A short vector: `[a, b, c]`, each entry compact; longer vectors are elided in the middle.
    public static func compact(_ values: [Double], significantDigits: Int = 3, maxEntries: Int = 4) -> String {
        if values.count == 1 { return compact(values[0], significantDigits: significantDigits) }
        let limit = Swift.max(2, maxEntries)
        let parts: [String]
        if values.count <= limit {
            parts = values.map { compact($0, significantDigits: significantDigits) }
        } else {
            let head = values.prefix(limit - 1).map { compact($0, significantDigits: significantDigits) }
            let last = values.last.map { compact($0, significantDigits: significantDigits) } ?? ""
            parts = head + ["…", last]
        }
        return "[" + parts.joined(separator: ", ") + "]"
    }

    private static func scientific(_ magnitude: Double, digits: Int) -> String {
        let text = String(format: "%.\(digits - 1)e", magnitude)
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return text }
        let mantissa = trimZeros(String(text[..<e]))
        var exponent = String(text[text.index(after: e)...])
        if exponent.hasPrefix("-") { exponent = minus + exponent.dropFirst() }
        return mantissa + "e" + exponent
    }

    private static func trimZeros(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var t = Substring(text)
        while t.hasSuffix("0") { t = t.dropLast() }
        if t.hasSuffix(".") { t = t.dropLast() }
        return String(t)
    }
}
