import Foundation
import FrameplotAnimation
import FrameplotModel

/// The values of the `optimizers` scene's own options, parsed and checked one by one; how
/// they go together is checked by ``OptimizersScene/Options/validate(rendering:)``.
enum RaceOptionValues {
    /// `--function NAME|EXPR`: a built-in's name (stored as it is) or a formula in x and y
    /// (stored normalised, so equal formulas give equal identities).
    ///
    /// - Throws: ``AnimationError/invalidOption(_:)`` pointing at the character that does not parse.
    static func function(_ text: String) throws -> String {
        if let builtIn = TestFunction.named(text.trimmingCharacters(in: .whitespaces)) { return builtIn.name }
        do {
            return try MathExpression.parse(text, variables: ["x", "y"]).description
        } catch {
            let names = TestFunction.builtIns.map(\.name).joined(separator: ", ")
            throw AnimationError.invalidOption("--function \"\(SceneText.clipped(text))\": \(error) (or a built-in: \(names))")
        }
    }

    /// `--optimizers gd,momentum,…`: short names, each once ("sgd" is gd), in race order.
    static func optimizers(_ text: String) throws -> [String] {
        let names = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        var out: [String] = []
        for name in names {
            guard let optimizer = Optimizer(name: name) else {
                throw AnimationError.invalidOption("--optimizers \(SceneText.clipped(text)): "
                    + (name.isEmpty ? "an empty name" : "unknown optimizer \"\(SceneText.clipped(name, limit: 30))\"")
                    + "; use names from \(knownNames), separated by commas")
            }
            guard !out.contains(optimizer.name) else {
                throw AnimationError.invalidOption("--optimizers \(SceneText.clipped(text)): \(optimizer.name) is listed twice")
            }
            out.append(optimizer.name)
        }
        return out
    }

    static var knownNames: String { Optimizer.torchDefaults.map(\.name).joined(separator: ", ") }

    /// `--lr RATE` (every optimizer) or `--lr NAME=RATE,…` (each named one; the others keep
    /// their defaults).
    static func learningRates(_ text: String) throws -> RaceLearningRates {
        if !text.contains("=") {
            guard SceneText.decimal(text) != nil else {
                throw AnimationError.invalidOption("--lr \(SceneText.clipped(text)): expected one rate such as 0.05, or NAME=RATE,… such as adam=0.1,gd=0.01")
            }
            return .all(try positiveRate(text, in: text))
        }
        var rates: [String: Double] = [:]
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let pair = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, !pair[0].isEmpty else {
                throw AnimationError.invalidOption("--lr \(SceneText.clipped(text)): expected RATE or NAME=RATE,…, e.g. adam=0.1,gd=0.01 "
                    + "(\"\(SceneText.clipped(String(part), limit: 30))\" is not NAME=RATE)")
            }
            guard let optimizer = Optimizer(name: pair[0]) else {
                throw AnimationError.invalidOption("--lr \(SceneText.clipped(text)): unknown optimizer \"\(SceneText.clipped(pair[0], limit: 30))\"; use \(knownNames)")
            }
            guard rates[optimizer.name] == nil else {
                throw AnimationError.invalidOption("--lr \(SceneText.clipped(text)): \(optimizer.name) has two rates")
            }
            rates[optimizer.name] = try positiveRate(pair[1], in: text)
        }
        return .each(rates)
    }

    private static func positiveRate(_ value: String, in text: String) throws -> Double {
        guard let rate = SceneText.decimal(value) else {
            throw AnimationError.invalidOption("--lr \(SceneText.clipped(text)): \"\(SceneText.clipped(value, limit: 30))\" is not a decimal number, e.g. 0.05")
        }
        guard rate > 0 else { throw AnimationError.invalidOption("--lr \(SceneText.clipped(text)): a learning rate must be a positive number") }
        return rate
    }

    /// `--start X,Y`: two decimal numbers.
    static func start(_ text: String) throws -> [Double] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        let values = parts.compactMap { SceneText.decimal(String($0)) }
        guard parts.count == 2, values.count == 2 else {
            throw AnimationError.invalidOption("--start \(SceneText.clipped(text)): expected two decimal numbers X,Y, e.g. 1,1.5")
        }
        return values
    }

    /// `--domain X0..X1,Y0..Y1`: the plotted area, where the race takes place.
    static func domain(_ text: String) throws -> RaceDomain {
        func range(_ part: Substring) -> ClosedRange<Double>? {
            guard let dots = part.range(of: "..") else { return nil }
            guard let low = SceneText.decimal(String(part[..<dots.lowerBound])),
                  let high = SceneText.decimal(String(part[dots.upperBound...])), low < high else { return nil }
            return low...high
        }
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2, let x = range(parts[0]), let y = range(parts[1]) else {
            throw AnimationError.invalidOption("--domain \(SceneText.clipped(text)): expected X0..X1,Y0..Y1 with X0 < X1 and Y0 < Y1, e.g. -2..2,-1..3")
        }
        return RaceDomain(x: x, y: y)
    }
}

/// `--lr`: one rate for every optimizer, or rates by optimizer name.
public enum RaceLearningRates: Codable, Hashable, Sendable {
    case all(Double)
    case each([String: Double])

    /// The rates by name for `names` (those not given keep the function's defaults).
    func rates(for names: [String]) -> [String: Double] {
        switch self {
        case .all(let rate): return Dictionary(uniqueKeysWithValues: names.map { ($0, rate) })
        case .each(let rates): return rates
        }
    }
}

/// `--domain`: the x and y ranges of the race.
public struct RaceDomain: Codable, Hashable, Sendable {
    public var x: ClosedRange<Double>
    public var y: ClosedRange<Double>
}
