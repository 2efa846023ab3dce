/// Whether an option shapes the training (`frameplot animate` only) or the drawing (also
/// `frameplot render`, which draws a recorded history without training).
public enum SceneOptionUse: String, Sendable, Hashable, Codable {
    case training
    case drawing
}

/// What listings show of one scene option: `--steps N  Training steps (default 20000)`.
public struct SceneOptionInfo: Sendable, Hashable {
    /// The name without dashes (`steps`).
    public var name: String
    /// The value's placeholder (`N`), or `nil` for a flag.
    public var valueName: String?
    public var help: String
    public var use: SceneOptionUse
    /// The default as text (`20000`), or `nil` when there is none to show.
    public var defaultText: String?

    /// `--steps N` or `--sgd`.
    public var usage: String { valueName.map { "--\(name) \($0)" } ?? "--\(name)" }
}

/// One command-line option of a scene, bound to a field of the scene's options type.
///
/// A scene lists its options once, in its options type; the catalog parses arguments with
/// them, `frameplot scenes` lists them, and any other option is refused with that list.
///
/// ```swift
/// struct DotOptions: SceneOptionSet {
///     var steps = 20
///     var fast = false
///     static let options: [SceneOption<DotOptions>] = [
///         .steps(\.steps),
///         .flag("fast", \.fast, help: "Twice the speed."),
///     ]
/// }
/// ```
public struct SceneOption<Options: SceneOptionSet>: Sendable {
    public let info: SceneOptionInfo
    /// Parses `text` (`""` for a flag) and stores it in the options.
    let apply: @Sendable (inout Options, String) throws -> Void

    /// An option with a value read by `parse`; `check` returns why a parsed value is refused.
    ///
    /// ```swift
    /// .custom("start", \.start, valueName: "X,Y", help: "Start point.", parse: { try Point2(parsing: $0) })
    /// ```
    public static func custom<Value: Sendable>(
        _ name: String, _ field: WritableKeyPath<Options, Value> & Sendable, valueName: String, help: String,
        use: SceneOptionUse = .training, defaultText: String? = nil,
        parse: @escaping @Sendable (String) throws -> Value
    ) -> SceneOption {
        SceneOption(info: SceneOptionInfo(name: name, valueName: valueName, help: help, use: use, defaultText: defaultText)) { options, text in
            options[keyPath: field] = try parse(text)
        }
    }

    /// An option whose value type reads itself (`Int`, `Double`, `UInt64`, `String`), with an
    /// optional check (see ``SceneOptionCheck``); the default shown is the field's initial value.
    ///
    /// ```swift
    /// .value("hidden", \.hiddenUnits, valueName: "M", help: "Hidden units.", check: .within(1...64))
    /// ```
    public static func value<Value: SceneOptionValue>(
        _ name: String, _ field: WritableKeyPath<Options, Value> & Sendable, valueName: String, help: String,
        use: SceneOptionUse = .training, check: SceneOptionCheck<Value>? = nil
    ) -> SceneOption {
        let initial = Options()[keyPath: field]
        return custom(name, field, valueName: valueName, help: help, use: use, defaultText: initial.optionText) { text in
            let value = try Value(optionText: text, option: name)
            if let reason = check?.reason(value) {
                throw AnimationError.invalidOption("--\(name) \(SceneText.clipped(text)): \(reason)")
            }
            return value
        }
    }

    /// An optional value (`nil` until given); `defaultText` says what happens without it.
    public static func value<Value: SceneOptionValue>(
        _ name: String, _ field: WritableKeyPath<Options, Value?> & Sendable, valueName: String, help: String,
        use: SceneOptionUse = .training, defaultText: String? = nil, check: SceneOptionCheck<Value>? = nil
    ) -> SceneOption {
        custom(name, field, valueName: valueName, help: help, use: use, defaultText: defaultText) { text in
            let value = try Value(optionText: text, option: name)
            if let reason = check?.reason(value) {
                throw AnimationError.invalidOption("--\(name) \(SceneText.clipped(text)): \(reason)")
            }
            return value
        }
    }

    /// An option that changes the options through `update` (`""` for a flag, whose
    /// `valueName` is nil): for options stored inside a nested value.
    ///
    /// ```swift
    /// .updating("rotate", valueName: nil, help: "Turn the camera.") { options, _ in options.view.rotates = true }
    /// ```
    public static func updating(_ name: String, valueName: String?, help: String, use: SceneOptionUse = .training,
                                defaultText: String? = nil,
                                _ update: @escaping @Sendable (inout Options, String) throws -> Void) -> SceneOption {
        SceneOption(info: SceneOptionInfo(name: name, valueName: valueName, help: help, use: use, defaultText: defaultText), apply: update)
    }

    /// A flag: present sets the field to true.
    public static func flag(_ name: String, _ field: WritableKeyPath<Options, Bool> & Sendable, help: String,
                            use: SceneOptionUse = .training) -> SceneOption {
        SceneOption(info: SceneOptionInfo(name: name, valueName: nil, help: help, use: use, defaultText: nil)) { options, _ in
            options[keyPath: field] = true
        }
    }
}

/// Why a parsed option value is refused, or nil when it is fine.
///
/// ```swift
/// let positive = SceneOptionCheck<Double>.positive
/// positive.reason(-1)   // "must be a positive number"
/// ```
public struct SceneOptionCheck<Value>: Sendable {
    public let reason: @Sendable (Value) -> String?

    public init(_ reason: @escaping @Sendable (Value) -> String?) { self.reason = reason }
}

extension SceneOptionCheck where Value: Comparable & Sendable & CustomStringConvertible {
    /// Within `range` (inclusive).
    public static func within(_ range: ClosedRange<Value>) -> SceneOptionCheck {
        SceneOptionCheck { range.contains($0) ? nil : "must be from \(range.lowerBound) to \(range.upperBound)" }
    }
}

extension SceneOptionCheck where Value == Double {
    /// More than zero (and finite, as every parsed number is).
    public static var positive: SceneOptionCheck {
        SceneOptionCheck { $0 > 0 ? nil : "must be a positive number" }
    }
}

/// A value type that reads itself from an option's text.
public protocol SceneOptionValue: Sendable {
    /// Parses `text` given for `--option`.
    ///
    /// - Throws: ``AnimationError/invalidOption(_:)`` naming the option and the text.
    init(optionText text: String, option: String) throws
    /// The value as it would be typed (for listings of defaults).
    var optionText: String { get }
}

extension Int: SceneOptionValue {
    public init(optionText text: String, option: String) throws {
        // Whole numbers only; "1e3" and "2.0" are refused rather than silently truncated.
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
            throw AnimationError.invalidOption("--\(option) \(SceneText.clipped(text)): expected a whole number")
        }
        self = value
    }
    public var optionText: String { String(self) }
}

extension UInt64: SceneOptionValue {
    public init(optionText text: String, option: String) throws {
        guard let value = UInt64(text.trimmingCharacters(in: .whitespaces)) else {
            throw AnimationError.invalidOption("--\(option) \(SceneText.clipped(text)): expected a whole number from 0 to \(UInt64.max)")
        }
        self = value
    }
    public var optionText: String { String(self) }
}

extension Double: SceneOptionValue {
    public init(optionText text: String, option: String) throws {
        guard let value = SceneText.decimal(text) else {
            throw AnimationError.invalidOption("--\(option) \(SceneText.clipped(text)): expected a decimal number, e.g. 0.05")
        }
        self = value
    }
    public var optionText: String { SceneText.number(self) }
}

extension String: SceneOptionValue {
    public init(optionText text: String, option: String) throws {
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw AnimationError.invalidOption("--\(option): expected a value, got an empty text")
        }
        self = text
    }
    public var optionText: String { self }
}

// MARK: - The options many scenes share

extension SceneOption {
    /// `--steps N`: training steps, 1 to 10,000,000.
    public static func steps(_ field: WritableKeyPath<Options, Int> & Sendable, help: String = "Training steps.") -> SceneOption {
        value("steps", field, valueName: "N", help: help, check: .within(1...10_000_000))
    }

    /// `--every K`: record every K-th step as a frame (step 0 and the last step always).
    public static func every(_ field: WritableKeyPath<Options, Int> & Sendable) -> SceneOption {
        value("every", field, valueName: "K", help: "Record every K-th step as a frame (the first and last always).",
              check: .within(1...10_000_000))
    }

    /// `--lr RATE`: a positive learning rate.
    public static func learningRate(_ field: WritableKeyPath<Options, Double> & Sendable, help: String) -> SceneOption {
        value("lr", field, valueName: "RATE", help: help, check: .positive)
    }

    /// `--lr RATE` whose default depends on other options (`defaultText` explains it).
    public static func learningRate(_ field: WritableKeyPath<Options, Double?> & Sendable, help: String,
                                    defaultText: String) -> SceneOption {
        value("lr", field, valueName: "RATE", help: help, defaultText: defaultText, check: .positive)
    }

    /// `--seed S`: the seed of the project's seeded generator.
    public static func seed(_ field: WritableKeyPath<Options, UInt64> & Sendable, help: String,
                            use: SceneOptionUse = .training) -> SceneOption {
        value("seed", field, valueName: "S", help: help, use: use)
    }
}
