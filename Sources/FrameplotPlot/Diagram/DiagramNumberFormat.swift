import Foundation

/// Short number labels for diagrams: three significant digits (never dropping integer
/// digits), no trailing zeros, a true minus sign, and powers of ten as Pango markup for
/// very small or very large magnitudes — the plot layer's ``TickFormatter/compact(_:significantDigits:)``.
///
/// ```swift
/// DiagramNumberFormat.compact(5.4)        // "5.4"
/// DiagramNumberFormat.compact(1026)       // "1026"
/// DiagramNumberFormat.compact(0.7310586)  // "0.731"
/// DiagramNumberFormat.compact(-0.25)      // "−0.25"
/// DiagramNumberFormat.compact(0.0000123)  // "1.23×10<sup>−5</sup>"
/// DiagramNumberFormat.compact([1, 0.5])   // "[1, 0.5]"
/// ```
public enum DiagramNumberFormat {
    /// `value` with `significantDigits` significant digits (Pango markup for powers of ten).
    public static func compact(_ value: Double, significantDigits: Int = 3) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? TickFormatter.minus + "∞" : "∞" }
        return TickFormatter.compact(value, significantDigits: Swift.max(1, significantDigits))
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
}
