/// The named scenes that `frameplot animate NAME`, `frameplot render --scene NAME` and
/// `frameplot scenes` know: the registry of ``SceneDefinition``s.
///
/// The built-in catalog is `SceneCatalog.standard` (in FrameplotScenes). A new scene is one
/// type conforming to ``SceneDefinition`` and one `register` line.
///
/// ```swift
/// var catalog = SceneCatalog()
/// catalog.register(DotScene.self)
/// let scene = try catalog.makeScene("dot", arguments: ["--steps", "40"])
/// ```
public struct SceneCatalog: Sendable {
    /// One registered scene, its options and history columns for listings, and its factory.
    public struct Entry: Sendable {
        public let name: String
        /// One line for `--help` and listings.
        public let summary: String
        /// The options it takes, in listing order.
        public let options: [SceneOptionInfo]
        /// The columns of the history it records and draws; empty when it records none.
        public let historyColumns: [HistoryColumn]
        private let make: @Sendable ([String], SceneSettings, HistoryInput?) throws -> PreparedScene
        private let check: @Sendable ([String], Bool) throws -> Void

        /// Whether `frameplot render` can draw it from a recorded history.
        public var rendersHistory: Bool { !historyColumns.isEmpty }

        init<Definition: SceneDefinition>(_ definition: Definition.Type) {
            name = Definition.name
            summary = Definition.summary
            options = Definition.Options.optionInfos
            historyColumns = Definition.historyColumns
            check = { arguments, rendering in
                _ = try Definition.Options.parse(arguments, scene: Definition.name, rendering: rendering)
            }
            make = { arguments, settings, history in
                let options = try Definition.Options.parse(arguments, scene: Definition.name, rendering: history != nil)
                return try Definition.prepare(SceneRequest(options: options, settings: settings, history: history))
            }
        }

        /// Checks `arguments` against the scene's options without preparing anything (for usage
        /// errors before slow work).
        ///
        /// - Throws: ``AnimationError/invalidOption(_:)``.
        public func checkArguments(_ arguments: [String], rendering: Bool = false) throws {
            try check(arguments, rendering)
        }

        /// Parses `arguments` with the scene's options, then trains (or reads `history`) and builds it.
        ///
        /// - Throws: ``AnimationError/invalidOption(_:)`` for an option the scene does not take (the
        ///   message lists those it does) or a bad value; the scene's own errors.
        public func makeScene(arguments: [String] = [], settings: SceneSettings = SceneSettings(),
                              history: HistoryInput? = nil) throws -> PreparedScene {
            if history != nil, !rendersHistory {
                throw AnimationError.invalidOption("scene \(name) records no training history, so it cannot be drawn from one")
            }
            return try make(arguments, settings, history)
        }
    }

    private var entries: [String: Entry] = [:]

    public init() {}

    /// Adds (or replaces) a scene.
    public mutating func register<Definition: SceneDefinition>(_ definition: Definition.Type) {
        entries[Definition.name] = Entry(definition)
    }

    /// Registered names, sorted.
    public var names: [String] { entries.keys.sorted() }

    /// The entry for `name`, if registered.
    public func entry(_ name: String) -> Entry? { entries[name] }

    /// Builds the scene `name` from command-line style arguments (`["--sgd", "--seed", "3"]`).
    ///
    /// ```swift
    /// let scene = try SceneCatalog.standard.makeScene("gd-locus", arguments: ["--sgd"],
    ///                                                 settings: SceneSettings(theme: .dark))
    /// ```
    /// - Throws: ``AnimationError/unknownScene(_:known:)``, and what ``Entry/makeScene(arguments:settings:history:)`` throws.
    public func makeScene(_ name: String, arguments: [String] = [], settings: SceneSettings = SceneSettings(),
                          history: HistoryInput? = nil) throws -> PreparedScene {
        guard let entry = entries[name] else { throw AnimationError.unknownScene(name, known: names) }
        return try entry.makeScene(arguments: arguments, settings: settings, history: history)
    }
}
