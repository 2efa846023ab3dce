import Foundation
import FrameplotAnimation
import FrameplotModel

/// A checked figure size in layout units, as the figure commands carry it (parsed and checked
/// once, as a ``FrameSize``, when the arguments are read).
struct PlotSize: Equatable {
    var width: Int
    var height: Int
}

extension PlotSize {
    init(_ size: FrameSize) { self.init(width: size.width, height: size.height) }
}

/// `--xlim A,B` and `--ylim A,B`.
enum AxisRangeOption {
    static func parse(_ text: String, option: String, logarithmic: Bool) throws -> ClosedRange<Double> {
        let separator: Character = text.contains(",") ? "," : ":"
        let parts = text.split(separator: separator, omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let low = Double(parts[0]), let high = Double(parts[1]) else {
            throw CLIError.usage("\(option) \(text): expected two numbers A,B, e.g. \(option)=-1,7")
        }
        guard low.isFinite, high.isFinite else {
            throw CLIError.usage("\(option) \(text): limits must be finite numbers")
        }
        guard low < high else {
            throw CLIError.usage("\(option) \(text): the first limit must be smaller than the second")
        }
        if logarithmic && low <= 0 {
            throw CLIError.usage("\(option) \(text): a logarithmic axis needs positive limits")
        }
        return low...high
    }
}

/// `--y a,b,c`: one or more column names.
enum ColumnListOption {
    static func parse(_ text: String, option: String) throws -> [String] {
        let names = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !names.isEmpty else { throw CLIError.usage("\(option) \(text): expected one or more column names") }
        return names
    }
}

/// `--fit line|poly:N`.
enum FitSpec: Equatable {
    case polynomial(degree: Int)

    var degree: Int {
        switch self { case .polynomial(let degree): return degree }
    }

    static func parse(_ text: String) throws -> FitSpec {
        let lowered = text.lowercased()
        if lowered == "line" || lowered == "linear" { return .polynomial(degree: 1) }
        if lowered.hasPrefix("poly:") || lowered.hasPrefix("poly") {
            let digits = lowered.drop(while: { !$0.isNumber })
            guard let degree = Int(digits), lowered.dropLast(digits.count).trimmingCharacters(in: CharacterSet(charactersIn: ":")) == "poly" else {
                throw CLIError.usage("--fit \(text): expected line or poly:N, e.g. --fit poly:3")
            }
            guard (1...9).contains(degree) else {
                throw CLIError.usage("--fit \(text): the degree must be from 1 to 9")
            }
            return .polynomial(degree: degree)
        }
        throw CLIError.usage("--fit \(text): expected line or poly:N, e.g. --fit poly:3")
    }
}

/// `--model logistic|softmax|mlp[:HIDDEN]`.
enum ModelSpec: Equatable {
    case logistic
    case softmax
    case mlp(hidden: Int)

    var name: String {
        switch self {
        case .logistic: return "logistic"
        case .softmax: return "softmax"
        case .mlp(let hidden): return "mlp:\(hidden)"
        }
    }

    static func parse(_ text: String) throws -> ModelSpec {
        let lowered = text.lowercased()
        switch lowered {
        case "logistic": return .logistic
        case "softmax": return .softmax
        case "mlp": return .mlp(hidden: 8)
        default:
            if lowered.hasPrefix("mlp:") {
                guard let hidden = Int(lowered.dropFirst(4)), (1...256).contains(hidden) else {
                    throw CLIError.usage("--model \(text): the hidden layer size must be a whole number from 1 to 256")
                }
                return .mlp(hidden: hidden)
            }
            throw CLIError.usage("--model \(text): unknown model; use logistic, softmax or mlp[:HIDDEN]")
        }
    }
}

/// Checks for the training options shared by `regions` and `animate`.
enum TrainingOptionCheck {
    static func steps(_ value: Int?) throws {
        if let value, value < 1 || value > 10_000_000 {
            throw CLIError.usage("--steps \(value): must be from 1 to 10000000")
        }
    }

    static func learningRate(_ value: Double?) throws {
        if let value, !(value.isFinite && value > 0) {
            throw CLIError.usage("--lr \(value): must be a positive number")
        }
    }
}

/// `--encoding NAME`.
enum EncodingOption {
    static func parse(_ text: String) throws -> CSVEncoding {
        guard let encoding = CSVEncoding(name: text) else {
            throw CLIError.usage("--encoding \(DisplayText.escaped(text, limit: 40)): unknown encoding; use one of \(CSVEncoding.names)")
        }
        return encoding
    }
}

/// Options that take an optional value (`--smooth` alone means `--smooth 0.6`), which
/// ArgumentParser cannot express: the bare flag is rewritten before parsing.
enum OptionalValueOptions {
    /// Options and the value a bare one stands for.
    static let defaults = ["--smooth": "0.6"]

    /// `arguments` with each bare optional-value option given its default value: bare when
    /// it is last, or the next argument is not a number (another option, a file name).
    static func expand(_ arguments: [String]) -> [String] {
        var result: [String] = []
        result.reserveCapacity(arguments.count)
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--" {
                // Everything after "--" is an argument, never an option.
                result.append(contentsOf: arguments[(index - 1)...])
                return result
            }
            guard let value = defaults[argument] else { result.append(argument); continue }
            if index < arguments.count, Double(arguments[index].trimmingCharacters(in: .whitespaces)) != nil {
                // Joined, so a negative value is not taken for an option: --smooth=-0.5.
                result.append(argument + "=" + arguments[index])
                index += 1
            } else {
                result.append(argument + "=" + value)
            }
        }
        return result
    }
}

/// `--frames A..B`: its form is checked when the options are, before any training; whether
/// the frames exist is checked once the scene's frame count is known (``FrameRange``).
enum FrameRangeOption {
    /// Throws a usage error unless `text` is `A..B`, `A...B`, `A..`, `..B` or `N` with
    /// whole frame numbers (from 0) and A ≤ B.
    static func check(_ text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let shown = DisplayText.escaped(text, limit: 40)
        let isNumber = { (part: Substring) in !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isNumber } }
        let ends: (Substring, Substring)
        if let dots = trimmed.range(of: "...") ?? trimmed.range(of: "..") {
            ends = (trimmed[..<dots.lowerBound], trimmed[dots.upperBound...])
        } else {
            ends = (Substring(trimmed), Substring(trimmed))
        }
        guard (ends.0.isEmpty || isNumber(ends.0)) && (ends.1.isEmpty || isNumber(ends.1)),
              !(ends.0.isEmpty && ends.1.isEmpty) else {
            throw CLIError.usage("--frames \(shown): expected A..B, A.., ..B or N with frame numbers from 0, e.g. --frames 0..49")
        }
        if let low = Int(ends.0), let high = Int(ends.1), low > high {
            throw CLIError.usage("--frames \(shown): the first frame comes after the last; write the smaller number first")
        }
    }
}
