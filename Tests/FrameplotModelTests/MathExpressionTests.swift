import Foundation
import Testing
@testable import FrameplotModel

@Suite("Typed formulas")
struct MathExpressionTests {
    private func parse(_ text: String, _ variables: [String] = ["x", "y"]) throws(MathExpressionError) -> MathExpression {
        try MathExpression.parse(text, variables: variables)
    }

    @Test func valuesFollowPrecedenceAndAssociativity() throws {
        let cases: [(String, [Double], Double)] = [
            ("1 + 2*3", [], 7), ("(1 + 2)*3", [], 9), ("2^3^2", [], 512), ("(2^3)^2", [], 64),
            ("-2^2", [], -4), ("(-2)^2", [], 4), ("2^-1", [], 0.5), ("-x^2", [3], -9),
            ("8/4/2", [], 1), ("10 - 4 - 3", [], 3), ("2*-3", [], -6), ("--2", [], 2), ("+x", [5], 5),
            ("1.5e2", [], 150), (".5", [], 0.5), ("2.5E-1", [], 0.25), ("x**2", [4], 16),
            ("3 × x", [2], 6), ("3·x", [2], 6), ("6 ÷ x", [2], 3), ("x − 1", [2], 1), ("x²", [3], 9),
            ("（x＋１）＊２", [2], 6), ("sqrt(abs(-16))", [], 4), ("exp(log(5))", [], 5), ("ln(e)", [], 1),
            ("cos(pi)", [], -1), ("sin(0) + tan(0) + tanh(0)", [], 0), ("2 ^ 0.5 ^ 2", [], pow(2, 0.25)),
            ("-x^2 + 1", [2], -3), ("2*x^2/4", [3], 4.5),
        ]
        for (text, point, expected) in cases {
            let f = try parse(text, ["x"])
            let p = point.isEmpty ? [0] : point
            #expect(abs(f.value(at: p) - expected) < 1e-12, "\(text) = \(f.value(at: p)), expected \(expected)")
        }
    }

    @Test func descriptionIsCanonicalAndParsesBack() throws {
        let cases: [(String, String)] = [
            ("x**2+3 × y", "x^2 + 3*y"), ("(1-x)^2+100*(y-x^2)^2", "(1 - x)^2 + 100*(y - x^2)^2"),
            ("-(x^2)", "-x^2"), ("(-x)^2", "(-x)^2"), ("2^(-x)", "2^(-x)"), ("2^3^2", "2^3^2"), ("(2^3)^2", "(2^3)^2"),
            ("x - (y - 1)", "x - (y - 1)"), ("(x - y) - 1", "x - y - 1"), ("x/(y*2)", "x/(y*2)"), ("-(x*y)", "-(x*y)"),
            ("(-x)*y", "-x*y"), ("x*(-y)", "x*-y"), ("ln(x)", "log(x)"), ("π", "pi"), ("1.50", "1.5"), ("1e-8", "1e-08"),
            ("sin(x)^2", "sin(x)^2"), ("+x", "x"), ("0.5*(x^2 + 20*y^2)", "0.5*(x^2 + 20*y^2)"),
        ]
        for (text, canonical) in cases {
            let f = try parse(text)
            #expect(f.description == canonical, "\(text)")
            let again = try parse(f.description)
            #expect(again == f, "\(text) -> \(f.description) parses to another tree")
            #expect(again.hashValue == f.hashValue)
        }
        #expect(try parse("x + y") != parse("y + x"))
        #expect(try parse("x", ["x"]) != parse("x", ["x", "y"]))
    }

    @Test func errorsPointAtTheOffendingCharacter() {
        let cases: [(String, Int, String)] = [
            ("x^2 + * 3", 6, "at character 7: expected a number, variable, function or \"(\" but found \"*\""),
            ("", 0, "at character 1: the formula is empty; write one, e.g. \"x^2 + y^2\""),
            ("   ", 0, "at character 1: the formula is empty; write one, e.g. \"x^2 + y^2\""),
            ("x +", 3, "at character 4: expected a number, variable, function or \"(\" but the formula ends here"),
            ("z + 1", 0, "at character 1: unknown name \"z\"; use x, y, pi, e or a function (sin, cos, tan, exp, log, sqrt, abs, tanh)"),
            ("sin x", 4, "at character 5: expected \"(\" after sin"),
            ("(x + 1", 6, "at character 7: expected \")\" to close the \"(\" at character 1"),
            ("x + 1)", 5, "at character 6: unmatched \")\""),
            ("2x", 1, "at character 2: expected an operator (+ - * / ^) before \"x\"; write 2*x for a product"),
            ("x(y)", 1, "at character 2: x is not a function; write x*(…) for a product"),
            ("1.2.3", 3, "at character 4: a number has at most one decimal point"),
            ("5. + x", 1, "at character 2: expected a digit after the decimal point"),
            ("1e + x", 1, "at character 2: expected digits after the exponent \"e\", as in 1e-3"),
            ("1e999", 0, "at character 1: the number 1e999 is too large"),
            ("x @ y", 2, "at character 3: unexpected character \"@\""),
            ("sin(x, y)", 5, "at character 6: functions take one argument; unexpected \",\""),
            ("x − ＊", 4, "at character 5: expected a number, variable, function or \"(\" but found \"＊\""),
        ]
        for (text, offset, message) in cases {
            do {
                _ = try parse(text)
                Issue.record("\(text) parsed")
            } catch {
                #expect(error.offset == offset, "\(text)")
                #expect(error.description == message, "\(text)")
            }
        }
        #expect(throws: MathExpressionError.self) { try parse(String(repeating: "(", count: 5000) + "x" + String(repeating: ")", count: 5000)) }
        #expect(throws: MathExpressionError.self) { try parse(String(repeating: "-", count: 5000) + "x") }
        // A long flat chain is as tall a tree as deep nesting: refused, not a stack overflow.
        let chain = Array(repeating: "x", count: 1_000).joined(separator: "+")
        do {
            _ = try parse(chain)
            Issue.record("a chain of 1999 tokens parsed")
        } catch {
            #expect(error.offset == 1000, "the 1001st token, the operator after 500 terms")
            #expect(error.description.hasSuffix("the formula has more than 1000 numbers, names and operators"))
        }
        let longest = Array(repeating: "x", count: 500).joined(separator: "+")
        #expect((try? parse(longest))?.value(at: [2, 0]) == 1000)
        #expect(throws: MathExpressionError.self) { try MathExpression.parse("x", variables: ["x", "x"]) }
        #expect(throws: MathExpressionError.self) { try MathExpression.parse("x", variables: ["sin"]) }
    }

    @Test func domainErrorsAreNaNOrInfinity() throws {
        #expect(try parse("log(x)").value(at: [-1, 0]).isNaN)
        #expect(try parse("1/x").value(at: [0, 0]) == .infinity)
        #expect(try parse("sqrt(x)").value(at: [-4, 0]).isNaN)
        #expect(try parse("x").value(at: [1]).isNaN, "a point of the wrong length")
        #expect(try parse("x").gradient(at: [1]).allSatisfy(\.isNaN))
    }

    /// Formulas exercising every operation, with points away from their kinks and poles.
    static let formulas = [
        "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2",
        "(1 - x)^2 + 100*(y - x^2)^2", "sin(x*y) + cos(x - y) + tan(0.3*x)", "exp(-x^2 - y^2)*log(2 + y^2)",
        "sqrt(1 + x^2 + y^2) - abs(x - 2*y) + tanh(x/(1 + y^2))", "x^y + 2^x - y^-2 + (x*y)/(x - 3)",
        "-x^2 + -(y)^3 - (x - y)/(x + 4)",
    ]

    @Test func gradientsMatchTheGraphAndNumericDifferences() throws {
        var rng = SeededGenerator(seed: 11)
        for text in Self.formulas {
            let f = try parse(text)
            for _ in 0..<20 {
                let p = [0.2 + 1.5 * rng.nextUniform(), 0.2 + 1.5 * rng.nextUniform()]
                let (v, grad) = f.valueAndGradient(at: p)
                #expect(v == f.value(at: p))
                var g = f.computationGraph(at: p)
                g.forward(); g.backward()
                let fromGraph = try #require(g.node(named: "f")).value.scalar
                #expect(fromGraph == v, "\(text): graph forward")
                for (i, name) in ["x", "y"].enumerated() {
                    let graphGradient = try #require(g.node(named: name)).gradient.scalar
                    #expect(graphGradient == grad[i], "\(text): ∂/∂\(name) through the graph")
                    var plus = p, minus = p
                    let h = 1e-6 * max(1, abs(p[i]))
                    plus[i] += h; minus[i] -= h
                    let numeric = (f.value(at: plus) - f.value(at: minus)) / (2 * h)
                    let relative = abs(numeric - grad[i]) / max(1e-6, abs(numeric) + abs(grad[i]))
                    #expect(relative < 1e-6, "\(text) at \(p): ∂/∂\(name) \(grad[i]) vs numeric \(numeric)")
                }
            }
        }
    }

    @Test func graphHasOneNodePerLeafAndOperator() throws {
        let g = try parse("x^2 - 3*y").computationGraph(at: [2, 1])
        #expect(g.nodes.map(\.label) == ["x", "y", "2", "^", "3", "×", "−", "f"])
        #expect(g.nodes.map(\.kind) == [.parameter, .parameter, .constant, .operation, .constant, .operation, .operation, .output])
        #expect(g.parameterIDs == [0, 1])
    }

    @Test func newGraphOperationsPassTheGradientCheckOnMatrices() throws {
        var g = ComputationGraph()
        let a = g.parameter("a", Matrix(rows: 2, cols: 2, values: [0.3, 0.7, 1.2, 0.4]))
        let b = g.parameter("b", Matrix(rows: 2, cols: 2, values: [0.5, 0.1, 0.2, 0.9]))
        let s = g.parameter("s", Matrix(scalar: 1.5))
        let q = try g.divide(try g.subtract(a, b), s)
        let p = try g.power(try g.exp(q), s)
        let t = try g.add(try g.sin(p), try g.cos(try g.tan(b)))
        let r = try g.multiply(try g.sqrt(try g.abs(try g.negate(t))), try g.log(try g.add(a, s)))
        let w = g.parameter("w", Matrix(rows: 2, cols: 1, values: [0.4, -0.6]))
        let out = try g.matrixProduct(r, w)
        try g.output("loss", of: try g.matrixProduct(g.constant("ones", Matrix(rows: 1, cols: 2, repeating: 1)), out))
        ComputationGraphTests().checkLeafGradients(g, tolerance: 1e-6)
    }
}
