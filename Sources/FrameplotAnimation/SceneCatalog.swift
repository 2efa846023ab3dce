/// The named scenes that `frameplot animate NAME` and `frameplot render --scene NAME` know.
///
/// The built-in catalog is `SceneCatalog.standard` (in FrameplotScenes). To add a scene,
/// give it an entry and register it — for a built-in scene, one line in
/// `SceneCatalog+Standard.swift`:
///
/// ```swift
/// var catalog = SceneCatalog()
/// catalog.register("dot", summary: "a moving dot") { options in
///     DotScene(size: options.size ?? Size(width: 200, height: 100))
/// }
/// let scene = try catalog.makeScene("dot", options: SceneOptions())
/// ```
public struct SceneCatalog: Sendable {
    /// Builds a scene from options (may train a model; must not draw).
    public typealias Factory = @Sendable (SceneOptions) throws -> any AnimationScene

    /// One registered scene.
    public struct Entry: Sendable {
        public var name: String
        /// One line for `--help` and listings.
        public var summary: String
        /// Whether the scene can be drawn from a recorded history alone (`frameplot render`).
        public var rendersHistory: Bool
        public var factory: Factory

        public init(name: String, summary: String, rendersHistory: Bool = false, factory: @escaping Factory) {
            self.name = name; self.summary = summary; self.rendersHistory = rendersHistory; self.factory = factory
        }
    }

    private var entries: [String: Entry] = [:]

    public init() {}

    /// Adds (or replaces) a scene.
    public mutating func register(_ entry: Entry) { entries[entry.name] = entry }

    /// Adds (or replaces) a scene built by `factory`.
    public mutating func register(_ name: String, summary: String, rendersHistory: Bool = false,
                                  factory: @escaping Factory) {
        register(Entry(name: name, summary: summary, rendersHistory: rendersHistory, factory: factory))
    }

    /// Registered names, sorted.
    public var names: [String] { entries.keys.sorted() }

    /// The entry for `name`, if registered.
    public func entry(_ name: String) -> Entry? { entries[name] }

    /// Builds the scene `name` after checking the options.
    public func makeScene(_ name: String, options: SceneOptions = SceneOptions()) throws -> any AnimationScene {
        guard let entry = entries[name] else { throw AnimationError.unknownScene(name, known: names) }
        try options.validate()
        if options.history != nil, !entry.rendersHistory {
            throw AnimationError.invalidOption("scene \"\(name)\" cannot be drawn from a recorded history")
        }
        return try entry.factory(options)
    }
}
