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
    }

    var degree: Int { coefficients.count - 1 }

    func value(at x: Double) -> Double {
        coefficients.reversed().reduce(0) { $0 * x + $1 }
    }

    /// The equation for the legend, e.g. `y = 1.18x − 140` or `y = 0.5x² − 2x + 1`.
    var equation: String {
        var text = ""
        // Round-off residue (1e-15 next to coefficients of order 1) is not a term.
        let largest = coefficients.map(abs).max() ?? 0
        for power in stride(from: degree, through: 0, by: -1) {
            var coefficient = coefficients[power]
            if abs(coefficient) < largest * 1e-10 { coefficient = 0 }
            let magnitude = Self.format(abs(coefficient))
            if magnitude == "0" && degree > 0 && !(power == 0 && text.isEmpty) { continue }
            let sign = coefficient < 0 ? "−" : "+"
            if text.isEmpty {
                if coefficient < 0 { text += "−" }
            } else {
                text += " \(sign) "
            }
            let variable = power == 0 ? "" : "x" + Self.superscript(power)
            text += (magnitude == "1" && power > 0) ? variable : magnitude + variable
        }
        return "y = " + (text.isEmpty ? "0" : text)
    }

    static func format(_ value: Double) -> String {
        if value == 0 { return "0" }
        if value >= 1e5 || value < 1e-3 {
            return String(format: "%.3g", value).replacingOccurrences(of: "e+0", with: "e").replacingOccurrences(of: "e-0", with: "e-")
        }
        var text = String(format: "%.4g", value)
        if text.contains(".") && !text.contains("e") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    static func superscript(_ power: Int) -> String {
        guard power > 1 else { return "" }
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return String(String(power).compactMap { $0.wholeNumberValue.map { digits[$0] } })
    }
}
