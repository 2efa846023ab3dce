/// Writes a string as a JSON string literal, for the hand-written JSON of history and manifest files.
///
/// Hand-written (not `JSONEncoder`) so files are small, key order is fixed and long renders
/// do not allocate an encoder's intermediate tree.
///
/// ```swift
/// JSONStringLiteral.quoted("a \"b\"")   // "\"a \\\"b\\\"\""
/// ```
public enum JSONStringLiteral {
    /// `value` in double quotes with `"`, `\` and control characters escaped.
    public static func quoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
