import Foundation
import Testing
import FrameplotModel
@testable import frameplot

/// The option parsers and the least-squares fit, tested directly.
@Suite("frameplot options")
struct CLIOptionTests {
    @Test func fitAndModelSpecs() throws {
        #expect(try FitSpec.parse("line") == .polynomial(degree: 1))
        #expect(try FitSpec.parse("poly:3") == .polynomial(degree: 3))
        #expect(throws: CLIError.self) { try FitSpec.parse("poly:0") }
        #expect(throws: CLIError.self) { try FitSpec.parse("poly:x") }
        #expect(try ModelSpec.parse("mlp:16") == .mlp(hidden: 16))
        #expect(try ModelSpec.parse("MLP") == .mlp(hidden: 8))
        #expect(throws: CLIError.self) { try ModelSpec.parse("mlp:0") }
    }

    @Test func limits() throws {
        #expect(try AxisRangeOption.parse("-1,7", option: "--xlim", logarithmic: false) == -1...7)
        #expect(throws: CLIError.self) { try AxisRangeOption.parse("0,7", option: "--xlim", logarithmic: true) }
        #expect(throws: CLIError.self) { try AxisRangeOption.parse("nan,7", option: "--xlim", logarithmic: false) }
    }

    @Test func polynomialFitRecoversCoefficients() throws {
        let xs = (0..<20).map { Double($0) * 0.5 + 160 }
        let line = try #require(PolynomialFit(xs: xs, ys: xs.map { 1.5 * $0 - 140 }, degree: 1))
        #expect(abs(line.coefficients[1] - 1.5) < 1e-9)
        #expect(abs(line.coefficients[0] + 140) < 1e-6)
        #expect(line.equation == "y = 1.5x − 140")
        let cubic = try #require(PolynomialFit(xs: xs.map { $0 - 165 }, ys: xs.map { let t = $0 - 165; return 0.5 * t * t * t - 2 * t + 1 }, degree: 3))
        #expect(abs(cubic.coefficients[3] - 0.5) < 1e-9)
        #expect(abs(cubic.coefficients[2]) < 1e-9)
        #expect(cubic.equation == "y = 0.5x³ − 2x + 1")
        #expect(PolynomialFit(xs: [1, 1, 1], ys: [1, 2, 3], degree: 1) == nil)
        // The reference height/weight data of the slides.
        let fit = try #require(PolynomialFit(xs: [166, 176, 171, 173, 169], ys: [58.7, 75.7, 62.1, 70.4, 60.1], degree: 1))
        #expect(abs(fit.coefficients[1] - 105.6 / 58) < 1e-9)
    }

    @Test func polynomialFitIsTheModelCoresLeastSquares() throws {
        // Same numbers as the model core's polynomial regression solved by QR.
        let heights: [Double] = [152, 160, 166, 171, 173, 176, 181, 188]
        let weights: [Double] = [48.2, 55.1, 58.7, 62.1, 70.4, 75.7, 77.0, 86.3]
        for degree in 1...3 {
            let fit = try #require(PolynomialFit(xs: heights, ys: weights, degree: degree))
            let data = try Dataset(features: heights.map { [$0] }, targets: weights)
            let core = try LinearRegressionObjective.polynomial(dataset: data, degree: degree).closedFormSolution()
            for (a, b) in zip(fit.coefficients, core) {
                #expect(abs(a - b) <= 1e-6 * Swift.max(1, abs(b)), "degree \(degree): \(fit.coefficients) vs \(core)")
            }
            // The fitted values agree to many digits even where raw powers of x are badly conditioned.
            let designed = LinearRegressionObjective.polynomialDesign(heights, degree: degree)
            for (i, x) in heights.enumerated() {
                let coreValue = (0...degree).reduce(0.0) { $0 + core[$1] * designed[i, $1] }
                #expect(abs(fit.value(at: x) - coreValue) < 1e-8)
            }
        }
        // Fewer distinct x values than coefficients: rank-deficient, no fit.
        #expect(PolynomialFit(xs: [1, 1, 2, 2], ys: [1, 2, 3, 4], degree: 2) == nil)
    }

    @Test func bareSmoothGetsTheDefaultWeight() {
        #expect(OptionalValueOptions.expand(["curve", "log.csv", "--smooth"]) == ["curve", "log.csv", "--smooth=0.6"])
        #expect(OptionalValueOptions.expand(["curve", "--smooth", "log.csv"]) == ["curve", "--smooth=0.6", "log.csv"])
        #expect(OptionalValueOptions.expand(["curve", "--smooth", "-o", "x.png"]) == ["curve", "--smooth=0.6", "-o", "x.png"])
        #expect(OptionalValueOptions.expand(["curve", "--smooth", "0.9"]) == ["curve", "--smooth=0.9"])
        #expect(OptionalValueOptions.expand(["curve", "--smooth", "-0.5", "x"]) == ["curve", "--smooth=-0.5", "x"])
        #expect(OptionalValueOptions.expand(["curve", "--", "--smooth"]) == ["curve", "--", "--smooth"])
    }

    @Test func axisTitlesFitEverySeries() {
        #expect(SeriesLoading.axisTitle(["loss"]) == "loss")
        #expect(SeriesLoading.axisTitle(["train_loss", "val_loss"]) == "loss")
        #expect(SeriesLoading.axisTitle(["loss", "accuracy"]) == "loss, accuracy")
        #expect(SeriesLoading.axisTitle(["train_loss", "train_acc"]) == "train_loss, train_acc")
        #expect(SeriesLoading.axisTitle((1...6).map { "metric_number_\($0)x" }) == "metric number")
        #expect(SeriesLoading.axisTitle(["alpha", "beta", "gamma", "delta", "epsilon"]) == "value")
    }

    @Test func outputTargets() throws {
        #expect(OutputTarget.pathExtension("a/b.c/plot.PNG") == "png")
        #expect(OutputTarget.pathExtension("a.d/frames") == "")
        #expect(OutputTarget(path: "out/x.png", format: .png).folder == "out")
        #expect(OutputTarget(path: "x.png", format: .png).folder == ".")
        #expect(OutputTarget(path: "/x.png", format: .png).folder == "/")
    }
}
