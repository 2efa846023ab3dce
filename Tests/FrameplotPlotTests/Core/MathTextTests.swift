import Testing
@testable import FrameplotPlot

@Suite("Core: maths text to Pango markup")
struct MathTextTests {
    @Test(arguments: [
        ("$y = 0.431x + 3.31$", "<i>y</i> = 0.431<i>x</i> + 3.31"),
        ("$(x_1, y_1)$", "(<i>x</i><sub>1</sub>, <i>y</i><sub>1</sub>)"),
        ("$\\hat{L}_D(a, b)$", "<i>L\u{0302}</i><sub><i>D</i></sub>(<i>a</i>, <i>b</i>)"),
        ("$10^{-3}$", "10<sup>\u{2212}3</sup>"),
        ("$x_{12}$", "<i>x</i><sub>12</sub>"),
        ("$a - b$", "<i>a</i> \u{2212} <i>b</i>"),
        ("$\\epsilon$", "<i>ε</i>"),
        ("$\\alpha\\beta$", "<i>αβ</i>"),
        ("$\\Sigma$", "Σ"),
        ("$2 \\cdot 3 \\times 4$", "2 ⋅ 3 × 4"),
        ("$\\hat{y}$", "<i>y\u{0302}</i>"),
        ("$\\bar{x}$", "<i>x\u{0304}</i>"),
        ("$\\hat{\\theta}$", "<i>θ\u{0302}</i>"),
        ("$\\log L$", "log <i>L</i>"),
        ("$e^{-x^2}$", "<i>e</i><sup>\u{2212}<i>x</i><sup>2</sup></sup>"),
        ("$\\mathrm{MSE} = 1.01$", "MSE = 1.01"),
        ("$w_{\\mathrm{new}}$", "<i>w</i><sub>new</sub>"),
        ("$\\frac{1}{2}$", "1/2"),
        ("$x < y$", "<i>x</i> &lt; <i>y</i>"),
    ])
    func maths(input: String, expected: String) {
        #expect(MathText.markup(input) == expected)
    }

    @Test func textOutsideMathIsLiteral() {
        #expect(MathText.markup("loss < 1 & a_b - c") == "loss &lt; 1 &amp; a_b - c")
        #expect(MathText.markup("Epoch #2000: MSE=1.01418") == "Epoch #2000: MSE=1.01418")
        #expect(MathText.markup("身長 (cm)") == "身長 (cm)")
        #expect(MathText.markup("price \\$5") == "price $5")
        #expect(MathText.markup("fit: $y = ax$ (n=4)") == "fit: <i>y</i> = <i>ax</i> (n=4)")
        #expect(MathText.escaped("a<b & c") == "a&lt;b &amp; c")
    }

    @Test func malformedInputNeverFails() {
        #expect(MathText.markup("costs $5") == "costs $5")        // unmatched dollar: literal
        #expect(MathText.markup("$x_$") == "<i>x</i><sub></sub>")
        #expect(MathText.markup("$\\$") == "$$")                 // an escaped dollar leaves one unmatched $
        #expect(MathText.markup("${x$") == "<i>x</i>")
        #expect(MathText.markup("$x}$") == "<i>x</i>")
        #expect(MathText.markup("$\\unknown{a}$") == "unknown<i>a</i>")
        #expect(MathText.markup("") == "")
        #expect(MathText.markup("$$") == "")
    }
}
