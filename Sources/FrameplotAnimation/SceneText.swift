import Foundation

/// Text for option values, captions and one-line messages: short, printable, numbers as
/// people write them.
///
/// ```swift
/// SceneText.number(3)              // "3"
/// SceneText.number(0.25)           // "0.25"
/// SceneText.decimal("1e-3")        // 0.001
/// SceneText.decimal("0x10")        // nil: strictly decimal
/// SceneText.list(["a", "b", "c"], limit: 2)   // "a, b and 1 more"
/// ```
public enum SceneText {
    /// `text` on one line: control characters shown as `\u{…}`, cut to `limit` characters with "…".
    public static func clipped(_ text: String, limit: Int = 60) -> String {
        var out = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count >= limit { return out + "…" }
            if scalar.value < 0x20 || scalar.value == 0x7f {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return out
    }

    /// A number as a person writes it: whole numbers without a point, others in Swift's
    /// shortest round-trip form.
    public static func number(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return value.description
    }

    /// A strictly decimal number: optional sign, digits with an optional point, optional
    /// exponent; finite. No hex, no `nan`/`inf`, no spaces inside.
    public static func decimal(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var sawDigit = false, sawPoint = false, sawExponent = false, exponentDigit = true
        var previous: Character? = nil
        for c in trimmed {
            defer { previous = c }
            switch c {
            case "0"..."9":
                if sawExponent { exponentDigit = true } else { sawDigit = true }
            case "+", "-":
                guard previous == nil || previous == "e" || previous == "E" else { return nil }
            case ".":
                guard !sawPoint, !sawExponent else { return nil }
                sawPoint = true
            case "e", "E":
                guard sawDigit, !sawExponent else { return nil }
                sawExponent = true
                exponentDigit = false
            default:
                return nil
            }
        }
        guard sawDigit, exponentDigit, let value = Double(trimmed), value.isFinite else { return nil }
        return value
    }

    /// Items joined by commas, at most `limit` of them, then "and N more".
    public static func list(_ items: [String], limit: Int = 12, quoted: Bool = false) -> String {
        let shown = items.prefix(limit).map { quoted ? "\"\(clipped($0, limit: 40))\"" : clipped($0, limit: 40) }
        let text = shown.joined(separator: ", ")
        return items.count > limit ? "\(text) and \(items.count - limit) more" : text
    }
}
