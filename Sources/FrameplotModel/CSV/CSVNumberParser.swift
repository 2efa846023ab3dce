#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one cell holds, as far as numbers go.
enum CSVCellValue: Equatable {
    /// A finite decimal number within ``CSVTable/magnitudeLimit``.
    case number(Double)
    /// An empty cell, or a missing-value marker (`NA`, `N/A`, `null`, `None`).
    case missing
    /// `nan`, `inf`, `-inf`, `infinity` (any case).
    case nonFinite
    /// A decimal number beyond ±``CSVTable/magnitudeLimit`` (also one that overflows a `Double`).
    case tooLarge
    /// Anything else.
    case text
}

/// Reads numbers from cell bytes by a strict decimal grammar.
///
/// A number is `[+|-] digits [. digits] [(e|E) [+|-] digits]` (or `. digits`), with spaces
/// and tabs around it. Nothing else is a number: no hexadecimal (`0x10`), no `_` or
/// thousands separators, no embedded NUL or other bytes (`1<NUL>9`), none of the
/// leniency of `Double(String)` or `strtod`. `nan` and `inf` are recognised as their own
/// kind, so each command decides whether it accepts them.
///
/// Values with at most 15 significant digits and small exponents (most data) are
/// converted exactly without any allocation (Clinger's fast path); the rest go to the C
/// library's correctly rounded `strtod`, after the grammar has been checked here.
enum CSVNumberParser {
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// Parses a whole string; `nil` unless it is a finite number within the limit.
    static func parse(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { bytes in
            if case .number(let value) = classify(bytes, decimalComma: false) { return value }
            return nil
        }
    }

    /// Classifies the bytes of one cell (surrounding spaces and tabs are ignored).
    ///
    /// With `decimalComma`, one comma is read as the decimal point (`"1,5"`), as written
    /// by spreadsheets in locales that separate fields with semicolons.
    static func classify(_ cell: UnsafeBufferPointer<UInt8>, decimalComma: Bool) -> CSVCellValue {
        var start = 0
        var end = cell.count
        while start < end, cell[start] == 0x20 || cell[start] == 0x09 { start += 1 }
        while end > start, cell[end - 1] == 0x20 || cell[end - 1] == 0x09 { end -= 1 }
        if start == end { return .missing }

        let point = decimalComma ? UInt8(ascii: ",") : UInt8(ascii: ".")
        var index = start
        var negative = false
        if cell[index] == UInt8(ascii: "-") || cell[index] == UInt8(ascii: "+") {
            negative = cell[index] == UInt8(ascii: "-")
            index += 1
        }
        let unsignedStart = index
        var mantissa: UInt64 = 0
        var significant = 0        // significant digits seen (leading zeros excluded)
        var kept = 0               // digits accumulated into the mantissa (at most 19)
        var exponent = 0           // decimal exponent of the mantissa's last digit
        var digits = 0
        var sawPoint = false
        while index < end {
            let byte = cell[index]
            if byte >= 0x30 && byte <= 0x39 {
                digits += 1
                if significant > 0 || byte != 0x30 {
                    significant += 1
                    if kept < 19 {
                        mantissa = mantissa * 10 + UInt64(byte - 0x30)
                        kept += 1
                        if sawPoint { exponent -= 1 }
                    } else if !sawPoint {
                        exponent += 1
                    }
                } else if sawPoint {
                    exponent -= 1
                }
                index += 1
            } else if byte == point && !sawPoint {
                sawPoint = true
                index += 1
            } else {
                break
            }
        }
        guard digits > 0 else { return special(cell, start, end) }
        if index < end && (cell[index] == UInt8(ascii: "e") || cell[index] == UInt8(ascii: "E")) {
            index += 1
            var exponentNegative = false
            if index < end && (cell[index] == UInt8(ascii: "-") || cell[index] == UInt8(ascii: "+")) {
                exponentNegative = cell[index] == UInt8(ascii: "-")
                index += 1
            }
            var value = 0
            var exponentDigits = 0
            while index < end, cell[index] >= 0x30, cell[index] <= 0x39 {
                if value < 1_000_000 { value = value * 10 + Int(cell[index] - 0x30) }
                exponentDigits += 1
                index += 1
            }
            guard exponentDigits > 0 else { return .text }
            exponent += exponentNegative ? -value : value
        }
        guard index == end else { return .text }
        if mantissa == 0 { return .number(negative ? -0.0 : 0) }

        // The decimal exponent of the leading digit decides "too large" before any rounding.
        let leading = exponent + kept - 1
        if leading > 100 { return .tooLarge }
        let value: Double
        if significant <= 15 && exponent >= -22 && exponent <= 22 {
            var exact = Double(mantissa)
            if exponent >= 0 { exact *= powersOfTen[exponent] } else { exact /= powersOfTen[-exponent] }
            value = exact
        } else if leading < -400 {
            value = 0
        } else {
            value = correctlyRounded(cell, unsignedStart, end, decimalComma: decimalComma)
        }
        let signed = negative ? -value : value
        guard signed.isFinite, abs(signed) <= CSVTable.magnitudeLimit else { return .tooLarge }
        return .number(signed)
    }

    /// `nan`, `inf`, `infinity` (signed, any case) and the missing-value markers.
    private static func special(_ cell: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> CSVCellValue {
        let length = end - start
        // Every special word starts with n or i (after a sign): labels bail out here.
        let first = cell[start] == UInt8(ascii: "-") || cell[start] == UInt8(ascii: "+") ? start + 1 : start
        guard length <= 9, first < end, cell[first] | 0x20 == UInt8(ascii: "n") || cell[first] | 0x20 == UInt8(ascii: "i")
        else { return .text }
        var word: [UInt8] = []
        word.reserveCapacity(length)
        for index in start..<end {
            let byte = cell[index]
            word.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
        }
        var body = word[...]
        if let first = body.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { body = body.dropFirst() }
        switch String(decoding: body, as: UTF8.self) {
        case "nan", "inf", "infinity":
            return .nonFinite
        default:
            break
        }
        switch String(decoding: word, as: UTF8.self) {
        case "na", "n/a", "null", "none":
            return .missing
        default:
            return .text
        }
    }

    /// The correctly rounded value of a cell that passed the grammar, by the C library.
    private static func correctlyRounded(_ cell: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int,
                                         decimalComma: Bool) -> Double {
        let length = end - start
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: length + 1) { buffer in
            for offset in 0..<length {
                var byte = cell[start + offset]
                if decimalComma && byte == UInt8(ascii: ",") { byte = UInt8(ascii: ".") }
                buffer[offset] = CChar(bitPattern: byte)
            }
            buffer[length] = 0
            guard let base = buffer.baseAddress else { return .nan }
            if usesDecimalPoint { return strtod(base, nil) }
            // A process whose C locale writes decimal commas: let the standard library parse.
            return Double(String(cString: base)) ?? .nan
        }
    }

    /// Whether the C library's current locale reads "." as the decimal point (the "C" locale).
    private static let usesDecimalPoint: Bool = {
        guard let conventions = localeconv(), let point = conventions.pointee.decimal_point else { return false }
        return point.pointee == CChar(bitPattern: UInt8(ascii: ".")) && point.advanced(by: 1).pointee == 0
    }()
}
