import Foundation
import FrameplotCanvas
import FrameplotModel

/// A catalog scene: its name, its typed options and how to prepare it from them.
///
/// A new scene is one type conforming to this protocol plus one `register` line in the
/// catalog. Preparing trains (or takes a recorded history), never draws, and returns a
/// ``PreparedScene``: the animation, its recorded run (what `--log` writes) and its render
/// identity, computed by ``SceneRequest/prepared(_:recordedRun:)`` from everything that changes
/// a pixel.
///
/// ```swift
/// enum DotScene: SceneDefinition {
///     struct Options: SceneOptionSet {
///         var steps = 20
///         static let options: [SceneOption<Options>] = [.steps(\.steps)]
///     }
///     static let name = "dot"
///     static let summary = "a moving dot"
///     static let historyColumns: [HistoryColumn] = []
///     static func prepare(_ request: SceneRequest<Options>) throws -> PreparedScene {
///         let size = request.settings.size(default: Size(width: 200, height: 100))
///         return try request.prepared(Dot(size: size, frames: request.options.steps), recordedRun: nil)
///     }
/// }
/// var catalog = SceneCatalog()
/// catalog.register(DotScene.self)
/// ```
public protocol SceneDefinition: Sendable {
    associatedtype Options: SceneOptionSet
    /// The catalog name (`gd-locus`).
    static var name: String { get }
    /// One line for listings.
    static var summary: String { get }
    /// The columns of the history it records (`--log`) and draws (`render`), each with its
    /// meaning; empty when the scene records no history.
    static var historyColumns: [HistoryColumn] { get }
    /// Trains or reads the history in `request` and builds the scene, without drawing.
    static func prepare(_ request: SceneRequest<Options>) throws -> PreparedScene
}

/// One column of a scene's history, for listings and the history-format documentation.
///
/// ```swift
/// HistoryColumn("a", "slope of the line y = a·x + b, in units of y per unit of x")
/// ```
public struct HistoryColumn: Sendable, Hashable {
    /// The column name, or a pattern such as `w<j>_<i>`.
    public var name: String
    public var meaning: String
    /// Whether `render` needs it (metrics are optional).
    public var required: Bool

    public init(_ name: String, _ meaning: String, required: Bool = true) {
        self.name = name; self.meaning = meaning; self.required = required
    }

    /// `step` and `loss`, which every history starts with.
    public static func stepAndLoss(loss meaning: String) -> [HistoryColumn] {
        [HistoryColumn("step", "parameter updates done before this state (0: the start); whole numbers, increasing"),
         HistoryColumn("loss", meaning + ", at this row's parameters")]
    }
}

/// What a scene is prepared from: its typed options, the shared settings, and, for
/// `frameplot render`, the recorded history to draw instead of training.
///
/// ```swift
/// let request = SceneRequest(options: GDLocusScene.Options(), settings: SceneSettings(theme: .dark))
/// let scene = try GDLocusScene.prepare(request)
/// ```
public struct SceneRequest<Options: SceneOptionSet>: Sendable {
    public var options: Options
    public var settings: SceneSettings
    /// A recorded history to draw; `nil` trains.
    public var history: HistoryInput?

    public init(options: Options = Options(), settings: SceneSettings = SceneSettings(), history: HistoryInput? = nil) {
        self.options = options; self.settings = settings; self.history = history
    }

    /// The scene ready to render, with its identity: a hash of the scene's name, frame size
    /// and count, the options, the settings that change pixels (not the frame rate), the
    /// recorded run (steps, losses, parameters, metrics), the bytes of every input file and
    /// Frameplot's version.
    ///
    /// - Throws: ``AnimationError/invalidOption(_:)`` when size and scale exceed the canvas limits;
    ///   ``AnimationError/unusableHistory(_:)`` when an input file cannot be read.
    ///
    /// `historyLog` is what `--log` writes when the history is not the recorded run's
    /// `step,loss,<parameters>,<metrics>` (the optimizer race writes `step` and each
    /// optimizer's `x`, `y` and `loss`); nil writes the recorded run.
    public func prepared(_ scene: any AnimationScene, recordedRun: RecordedRun?, historyLog: HistoryLog? = nil) throws -> PreparedScene {
        _ = try settings.pixelSize(of: scene.size)
        var hasher = RenderIdentityHasher(kind: scene.name)
        hasher.combine("size", [scene.size.width, scene.size.height])
        hasher.combine("frames", scene.frameCount)
        try hasher.combine("options", encoded: options)
        var drawn = settings
        drawn.framesPerSecond = nil   // the frame rate changes the video, not a frame
        try hasher.combine("settings", encoded: drawn)
        hasher.combine("run?", recordedRun != nil)
        if let recordedRun {
            // Epochs are left out: no scene draws them, and a CSV history does not keep them, so
            // the same picture drawn from a history file keeps the identity of the run that wrote it.
            hasher.combine("parameter names", recordedRun.parameterNames.joined(separator: "\u{1f}"))
            hasher.combine("metric names", recordedRun.metricNames.joined(separator: "\u{1f}"))
            hasher.combine("states", recordedRun.steps.count)
            for state in recordedRun.steps {
                hasher.combine("s", state.step)
                hasher.combine("l", state.loss)
                hasher.combine("p", Array(state.parameters))
                hasher.combine("m", recordedRun.metricNames.map { state.metrics[$0] ?? .nan })
            }
        }
        for file in options.inputFiles {
            try hasher.combine("file", contentsOf: file)
        }
        hasher.combine("version", FrameplotVersion.string)
        let identity = hasher.finalize()
        return PreparedScene(scene: scene, recordedRun: recordedRun, historyLog: historyLog, identity: identity, fingerprint: [
            "identity": identity.hex,
            "options": try Self.json(options),
            "settings": try Self.json(settings),
        ])
    }

    /// Compact JSON with sorted keys, for the manifest's description of the render.
    private static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// A scene ready to render: the animation, the training run it draws (`nil` when it records
/// none) and its render identity. It is itself an ``AnimationScene``, so it goes straight to
/// the ``FrameRenderer``.
///
/// ```swift
/// let scene = try SceneCatalog.standard.makeScene("gd-locus", arguments: ["--sgd"])
/// try scene.recordedRun?.makeHistory().writeCSV(to: "sgd.csv")
/// try scene.render(to: "Output/sgd")
/// ```
public struct PreparedScene: AnimationScene {
    /// The scene as built.
    public let scene: any AnimationScene
    /// The recorded states it draws (what `--log` writes unless ``historyLog`` is given).
    public let recordedRun: RecordedRun?
    /// The history `--log` writes when it is not the recorded run's `step,loss,…` (see
    /// ``SceneRequest/prepared(_:recordedRun:historyLog:)``).
    public let historyLog: HistoryLog?
    public let identity: RenderIdentity
    /// What the manifest lists: the identity, and the options and settings as JSON, so a folder
    /// of frames says what it is a render of.
    public let fingerprint: [String: String]

    public var name: String { scene.name }
    public var size: Size { scene.size }
    public var framesPerSecond: Double { scene.framesPerSecond }
    public var frameCount: Int { scene.frameCount }

    public func renderStatic(on canvas: Canvas) throws { try scene.renderStatic(on: canvas) }
    public func renderFrame(_ index: Int, on canvas: Canvas) throws { try scene.renderFrame(index, on: canvas) }
}
