/// Text from users' files made safe to print in a one-line message.
///
/// Control bytes (NUL, escape sequences, line breaks, C1 controls) and invisible Unicode
/// format characters (bidirectional overrides, zero-width joiners, the BOM) are written as
/// escapes, so a message never moves the cursor, switches the terminal's colours or hides
/// part of itself; long text is cut with "…", so a 1 MB cell never becomes a 1 MB message.
///
/// ```swift
/// DisplayText.escaped("1\u{0}9")                        // "1\\09"
/// DisplayText.escaped(String(repeating: "x", count: 500), limit: 10)  // "xxxxxxxxx…"
/// ```
public enum DisplayText {
    /// The longest message `oneLine` lets through, in Unicode scalars.
    public static let messageLimit = 300

    /// `text` with control and format characters escaped, cut to at most `limit` scalars
    /// (the cut is marked with "…"; an escape is never split).
    public static func escaped(_ text: String, limit: Int = 60) -> String {
        var out = String.UnicodeScalarView()
        var cut: String.UnicodeScalarView? = nil
        var used = 0
        let limit = Swift.max(1, limit)
        for scalar in text.unicodeScalars {
            let piece = escape(scalar)
            let length = piece?.unicodeScalars.count ?? 1
            // Remember where the text would be cut, leaving room for the ellipsis.
            if cut == nil && used + length > limit - 1 { cut = out }
            used += length
            if used > limit, var cut {
                cut.append("…")
                return String(cut)
            }
            if let piece { out.append(contentsOf: piece.unicodeScalars) } else { out.append(scalar) }
        }
        return String(out)
    }

    /// `text` (a path) escaped like ``escaped(_:limit:)`` but, when too long, cut in the
    /// middle, so that both where it starts and the file name at its end stay readable.
    ///
    /// ```swift
    /// DisplayText.middle("/data/" + String(repeating: "a", count: 300) + "/plot.png", limit: 20)
    /// // "/data/aaa…a/plot.png"
    /// ```
    public static func middle(_ text: String, limit: Int = 120) -> String {
        let pieces = text.unicodeScalars.map { scalar in escape(scalar) ?? String(scalar) }
        let total = pieces.reduce(0) { $0 + $1.unicodeScalars.count }
        let limit = Swift.max(3, limit)
        guard total > limit else { return pieces.joined() }
        // Room for the ellipsis; the end (the file name) gets the larger half.
        let room = limit - 1
        var head: [String] = [], tail: [String] = []
        var headUsed = 0, tailUsed = 0
        for piece in pieces {
            let length = piece.unicodeScalars.count
            if headUsed + length > room / 2 { break }
            head.append(piece); headUsed += length
        }
        for piece in pieces.reversed() {
            let length = piece.unicodeScalars.count
            if tailUsed + length > room - headUsed { break }
            tail.append(piece); tailUsed += length
        }
        return head.joined() + "…" + tail.reversed().joined()
    }

    /// A whole message as one printable line of at most ``messageLimit`` scalars.
    ///
    /// ```swift
    /// DisplayText.oneLine("a\nb")   // "a\\nb"
    /// ```
    public static func oneLine(_ message: String) -> String {
        escaped(message, limit: messageLimit)
    }

    /// The escape for a scalar that must not be printed as is, or nil.
    static func escape(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x00: return "\\0"
        case 0x09: return "\\t"
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x01...0x1F, 0x7F...0x9F:
            return "\\x" + hex(scalar.value, digits: 2)
        case 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2069, 0xFEFF, 0xFFF9...0xFFFB:
            return "\\u{" + hex(scalar.value, digits: 4) + "}"
        default:
            return nil
        }
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: Swift.max(0, digits - text.count)) + text
    }
}
