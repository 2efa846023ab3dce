import Foundation

/// The options type of one scene: exactly what that scene reads, with its defaults, and the
/// list of command-line options that set it.
///
/// Being `Codable`, the whole value goes into the render identity (a new field is hashed
/// without anyone remembering to); being `Hashable`, two requests can be compared.
///
/// ```swift
/// struct DotOptions: SceneOptionSet {
///     var steps = 20
///     static let options: [SceneOption<DotOptions>] = [.steps(\.steps)]
/// }
/// let options = try DotOptions.parse(["--steps", "40"], scene: "dot")
/// ```
public protocol SceneOptionSet: Codable, Hashable, Sendable {
    /// The scene's defaults.
    init()
    /// The options a person can give, in the order listings show them.
    static var options: [SceneOption<Self>] { get }
    /// Checks how options go together, once all are applied (e.g. `--x` needs `--data`);
    /// `rendering` is true when a recorded history is drawn instead of training.
    func validate(rendering: Bool) throws
    /// Files the scene reads; their bytes are part of the render identity.
    var inputFiles: [String] { get }
}

extension SceneOptionSet {
    public func validate(rendering: Bool) throws {}
    public var inputFiles: [String] { [] }

    /// Parses command-line arguments (`--steps 40`, `--steps=40`, `--sgd`) into options.
    ///
    /// With `rendering`, only drawing options are accepted. Anything the scene does not take
    /// is refused with the list of what it does take.
    ///
    /// - Throws: ``AnimationError/invalidOption(_:)``.
    public static func parse(_ arguments: [String], scene: String, rendering: Bool = false) throws -> Self {
        let byName = Dictionary(options.map { ($0.info.name, $0) }, uniquingKeysWith: { first, _ in first })
        var result = Self()
        var seen = Set<String>()
        var index = 0
        while index < arguments.count {
            let token = arguments[index]
            index += 1
            guard token.hasPrefix("-"), token.count > 1 else {
                throw AnimationError.invalidOption("unexpected argument \"\(SceneText.clipped(token))\" for scene \(scene); \(takes(scene: scene, rendering: rendering))")
            }
            let body = token.drop(while: { $0 == "-" })
            let name: String, inlineValue: String?
            if let equals = body.firstIndex(of: "=") {
                name = String(body[..<equals]); inlineValue = String(body[body.index(after: equals)...])
            } else {
                name = String(body); inlineValue = nil
            }
            guard let option = byName[name] else {
                throw AnimationError.invalidOption("\(scene) does not take --\(SceneText.clipped(name, limit: 30)); \(takes(scene: scene, rendering: rendering))")
            }
            if rendering && option.info.use == .training {
                throw AnimationError.invalidOption(
                    "--\(name) shapes the training, and render draws a recorded history as it is; \(takes(scene: scene, rendering: true))")
            }
            guard seen.insert(name).inserted else {
                throw AnimationError.invalidOption("--\(name) is given twice")
            }
            let text: String
            if option.info.valueName == nil {
                if let inlineValue { throw AnimationError.invalidOption("--\(name) is a flag and takes no value (got \"\(SceneText.clipped(inlineValue))\")") }
                text = ""
            } else if let inlineValue {
                text = inlineValue
            } else {
                guard index < arguments.count else {
                    throw AnimationError.invalidOption("--\(name) needs a value: \(option.info.usage)")
                }
                text = arguments[index]
                index += 1
            }
            try option.apply(&result, text)
        }
        try result.validate(rendering: rendering)
        return result
    }

    /// "it takes --steps N, --lr RATE" (or "it takes no options"), for messages.
    static func takes(scene: String, rendering: Bool) -> String {
        let usable = options.filter { !rendering || $0.info.use == .drawing }.map(\.info.usage)
        let what = rendering ? "when rendering a history it takes" : "it takes"
        let list = usable.isEmpty ? "\(what) no options" : "\(what) \(usable.joined(separator: ", "))"
        return "\(list) (see 'frameplot scenes \(scene)')"
    }

    /// The options as listings show them.
    public static var optionInfos: [SceneOptionInfo] { options.map(\.info) }
}

/// Options for a scene that has none.
public struct NoSceneOptions: SceneOptionSet {
    public init() {}
    public static var options: [SceneOption<NoSceneOptions>] { [] }
}
