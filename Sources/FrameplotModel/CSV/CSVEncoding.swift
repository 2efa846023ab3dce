/// The character encoding of a CSV or JSON-lines file.
///
/// `automatic` (the default) reads a byte-order mark when there is one (UTF-8, UTF-16 LE
/// or BE), recognises UTF-16 without one by its zero bytes, and otherwise reads UTF-8; a
/// file that is not valid UTF-8 but is plainly Japanese Shift_JIS (as Japanese Excel
/// saves "CSV (comma delimited)") is then read as cp932.
///
/// ```swift
/// let table = try CSVTable(contentsOf: "excel.csv", options: CSVReadOptions(encoding: .cp932))
/// let named = CSVEncoding(name: "Shift-JIS")   // .shiftJIS
/// ```
public enum CSVEncoding: String, Sendable, CaseIterable, Equatable {
    /// Detect the encoding (see the type's description).
    case automatic = "auto"
    /// UTF-8, with or without a byte-order mark.
    case utf8 = "utf-8"
    /// UTF-16: the byte-order mark decides the byte order; little-endian without one.
    case utf16 = "utf-16"
    /// UTF-16, little-endian (Excel's "Unicode text").
    case utf16LE = "utf-16le"
    /// UTF-16, big-endian.
    case utf16BE = "utf-16be"
    /// Shift_JIS as in JIS X 0208 (no vendor extensions such as ① or 髙).
    case shiftJIS = "shift_jis"
    /// Microsoft's Shift_JIS (Windows-31J), with the NEC and IBM extensions: what
    /// Japanese Excel and Windows write.
    case cp932

    /// Reads an encoding name as users write it: any case, `-` or `_`, common aliases
    /// (`utf8`, `sjis`, `shift-jis`, `windows-31j`, `ms932`).
    ///
    /// ```swift
    /// CSVEncoding(name: "UTF8")   // .utf8
    /// ```
    public init?(name: String) {
        let key = name.lowercased().replacingUnderscores()
        switch key {
        case "auto", "automatic": self = .automatic
        case "utf-8", "utf8", "utf-8-sig": self = .utf8
        case "utf-16", "utf16": self = .utf16
        case "utf-16le", "utf16le": self = .utf16LE
        case "utf-16be", "utf16be": self = .utf16BE
        case "shift-jis", "shiftjis", "sjis": self = .shiftJIS
        case "cp932", "windows-31j", "ms932", "windows-932", "ibm-943": self = .cp932
        default: return nil
        }
    }

    /// The names accepted by ``init(name:)``, for help and error messages.
    public static let names = "utf-8, utf-16, utf-16le, utf-16be, shift_jis, cp932"

    /// The encoding's name in messages.
    public var displayName: String {
        switch self {
        case .automatic: return "automatic"
        case .utf8: return "UTF-8"
        case .utf16: return "UTF-16"
        case .utf16LE: return "UTF-16LE"
        case .utf16BE: return "UTF-16BE"
        case .shiftJIS: return "Shift_JIS"
        case .cp932: return "Shift_JIS (cp932)"
        }
    }

    /// The name iconv knows the encoding by (nil for UTF-8, which is read directly).
    var iconvName: String? {
        switch self {
        case .automatic, .utf8: return nil
        case .utf16, .utf16LE: return "UTF-16LE"
        case .utf16BE: return "UTF-16BE"
        case .shiftJIS: return "SHIFT_JIS"
        case .cp932: return "CP932"
        }
    }
}

private extension String {
    func replacingUnderscores() -> String {
        String(map { $0 == "_" ? "-" : $0 })
    }
}
