import Foundation

/// Parses decimal numbers straight from cell bytes.
///
/// Plain decimals with up to 15 significant digits and small exponents (nearly every value in
/// a data file) are converted exactly without building a `String` (Clinger's fast path);
/// everything else, including `nan` and `inf`, goes through `Double(String)`.
enum CSVNumberParser {
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// Parses a whole string (trimmed); `nil` when it is not a number.
    static func parse(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { parse($0[...], decimalComma: false) }
    }

    /// Parses the bytes of one cell, ignoring surrounding spaces; `nil` when empty or not a number.
    ///
    /// With `decimalComma`, a single comma is read as the decimal point (`"1,5"`), as written
    /// by spreadsheets in locales that separate fields with semicolons.
    static func parse(_ cell: Slice<UnsafeBufferPointer<UInt8>>, decimalComma: Bool) -> Double? {
        var start = cell.startIndex
        var end = cell.endIndex
        let base = cell.base
        while start < end, base[start] == 0x20 || base[start] == 0x09 { start += 1 }
        while end > start, base[end - 1] == 0x20 || base[end - 1] == 0x09 { end -= 1 }
        if start == end { return nil }

        var index = start
        var negative = false
        if base[index] == UInt8(ascii: "-") || base[index] == UInt8(ascii: "+") {
            negative = base[index] == UInt8(ascii: "-")
            index += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var significant = 0
        var exponent = 0
        var sawPoint = false
        var fast = true
        while index < end {
            let byte = base[index]
            if byte >= 0x30 && byte <= 0x39 {
                digits += 1
                if mantissa == 0 && byte == 0x30 {
                    if sawPoint { exponent -= 1 }
                } else {
                    significant += 1
                    if significant > 15 { fast = false; break }
                    mantissa = mantissa * 10 + UInt64(byte - 0x30)
                    if sawPoint { exponent -= 1 }
                }
                index += 1
            } else if byte == UInt8(ascii: ".") && !sawPoint {
                sawPoint = true
                index += 1
            } else {
                break
            }
        }
        if fast && digits > 0 && index < end && (base[index] == UInt8(ascii: "e") || base[index] == UInt8(ascii: "E")) {
            index += 1
            var exponentNegative = false
            if index < end && (base[index] == UInt8(ascii: "-") || base[index] == UInt8(ascii: "+")) {
                exponentNegative = base[index] == UInt8(ascii: "-")
                index += 1
            }
            var value = 0
            var exponentDigits = 0
            while index < end, base[index] >= 0x30, base[index] <= 0x39, value < 10_000 {
                value = value * 10 + Int(base[index] - 0x30)
                exponentDigits += 1
                index += 1
            }
            if exponentDigits == 0 { fast = false }
            exponent += exponentNegative ? -value : value
        }
        if fast && digits > 0 && index == end && exponent >= -22 && exponent <= 22 {
            var value = Double(mantissa)
            if exponent >= 0 { value *= powersOfTen[exponent] } else { value /= powersOfTen[-exponent] }
            return negative ? -value : value
        }
        // Slow path: anything unusual, decided by the standard library.
        var text = String(decoding: UnsafeBufferPointer(rebasing: base[start..<end]), as: UTF8.self)
        if decimalComma, !text.contains("."), text.filter({ $0 == "," }).count == 1 {
            text = text.replacingOccurrences(of: ",", with: ".")
        }
        if text.hasPrefix("."), text.count == 1 { return nil }
        return Double(text)
    }
}
