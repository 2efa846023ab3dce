import Foundation
import FrameplotModel

/// A least-squares polynomial y = c0 + c1 x + … + cN x^N.
///
/// The model core solves it (``LeastSquares``, Householder QR on the design matrix
/// [1, t, t², …]); x is first centred and scaled to t in [-1, 1], which keeps moderate degrees
/// well conditioned, and the coefficients are then expanded back to the original x.
struct PolynomialFit: Equatable {
    /// Coefficients from the constant term up.
    var coefficients: [Double]
    /// The largest |x| fitted: a term's size is judged by its value there, not by its
    /// coefficient alone (1e-9·x³ matters when x reaches 1000).
    var xExtent: Double = 1

    init?(xs: [Double], ys: [Double], degree: Int) {
        guard degree >= 1, xs.count == ys.count, xs.count > degree,
              let low = xs.min(), let high = xs.max(), high > low else { return nil }
        let centre = (low + high) / 2
        let halfWidth = (high - low) / 2
        let design = LinearRegressionObjective.polynomialDesign(xs.map { ($0 - centre) / halfWidth }, degree: degree)
        // Too few distinct x values for the degree make the design rank-deficient: no fit.
        guard let scaled = try? LeastSquares.solve(design, ys) else { return nil }
        let n = degree + 1
        // Expand sum a_k ((x - c)/h)^k into powers of x.
        var result = [Double](repeating: 0, count: n)
        for k in 0..<n {
            let a = scaled[k] / pow(halfWidth, Double(k))
            // (x - c)^k = sum_j C(k, j) x^j (-c)^(k-j)
            var binomial = 1.0
            for j in 0...k {
                if j > 0 { binomial = binomial * Double(k - j + 1) / Double(j) }
                result[j] += a * binomial * pow(-centre, Double(k - j))
            }
        }
        guard result.allSatisfy(\.isFinite) else { return nil }
        coefficients = result
        xExtent = Swift.max(Swift.abs(low), Swift.abs(high))
    }

    var degree: Int { coefficients.count - 1 }

    func value(at x: Double) -> Double {
        coefficients.reversed().reduce(0) { $0 * x + $1 }
    }

    /// The equation for the legend, e.g. `y = 1.18x − 140`, `y = 0.5x² − 2x + 1` or
    /// `y = 2×10⁻⁵ x³ + 1000`.
    ///
    /// Only round-off residue is left out: a term whose largest value over the fitted x
    /// (|c|·|x|ᵏ) is below 1e-10 of the largest term's, so a small leading coefficient on a
    /// wide x range is kept.
    var equation: String {
        var text = ""
        let sizes = coefficients.enumerated().map { power, c in Swift.abs(c) * Foundation.pow(xExtent, Double(power)) }
        let largest = sizes.max() ?? 0
        for power in stride(from: degree, through: 0, by: -1) {
            var coefficient = coefficients[power]
            if sizes[power] < largest * 1e-10 || !sizes[power].isFinite { coefficient = 0 }
            let magnitude = Self.coefficientText(Swift.abs(coefficient))
            if coefficient == 0 && !(power == 0 && text.isEmpty) { continue }
            if text.isEmpty {
                if coefficient < 0 { text += "−" }
            } else {
                text += coefficient < 0 ? " − " : " + "
            }
            let variable = power == 0 ? "" : "x" + Self.superscript(power)
            if magnitude == "1" && power > 0 {
                text += variable
            } else {
                // "2×10⁻⁵ x³": a space keeps the power of ten apart from x's exponent.
                let poweredTen = magnitude.contains { "⁰¹²³⁴⁵⁶⁷⁸⁹".contains($0) }
                text += magnitude + (poweredTen && power > 0 ? " " : "") + variable
            }
        }
        return "y = " + (text.isEmpty ? "0" : text)
    }

    /// A coefficient for the equation: up to four significant digits, and powers of ten
    /// as a person writes them ("2×10⁻⁵", "1.5×10⁶"), never "1e-05".
    ///
    /// ```swift
    /// PolynomialFit.coefficientText(0.00002)  // "2×10⁻⁵"
    /// ```
    static func coefficientText(_ value: Double) -> String {
        guard value != 0, value.isFinite, value >= 1e5 || value < 1e-3 else { return format(value) }
        var exponent = Int(Foundation.log10(value).rounded(.down))
        var mantissa = String(format: "%.3g", value / Foundation.pow(10, Double(exponent)))
        if mantissa == "10" { mantissa = "1"; exponent += 1 }
        let power = "10" + (exponent < 0 ? "⁻" : "") + superscriptDigits(Swift.abs(exponent))
        return mantissa == "1" ? power : mantissa + "×" + power
    }

    static func format(_ value: Double) -> String {
        if value == 0 { return "0" }
        if Swift.abs(value) >= 1e5 || Swift.abs(value) < 1e-3 {
            return String(format: "%.3g", value).replacingOccurrences(of: "e+0", with: "e").replacingOccurrences(of: "e-0", with: "e-")
        }
        var text = String(format: "%.4g", value)
        if text.contains(".") && !text.contains("e") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// x's exponent: "" for 1, "²" for 2.
    static func superscript(_ power: Int) -> String {
        power > 1 ? superscriptDigits(power) : ""
    }

    /// The digits of `n` (≥ 0) as superscripts.
    static func superscriptDigits(_ n: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return String(String(n).compactMap { $0.wholeNumberValue.map { digits[$0] } })
    }
}
