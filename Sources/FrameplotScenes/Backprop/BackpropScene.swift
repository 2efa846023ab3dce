import FrameplotAnimation
import FrameplotCanvas
import FrameplotPlot

/// The `backprop` scene: one training step on a computation graph, one frame per node
/// event — forward values appear left to right, gradients right to left, then the
/// parameters are updated — with a few held frames at the start (the bare graph) and at
/// the end (every value). A frame is a pure function of its index.
///
/// Options: `--example logistic` (default: a logistic neuron, affine → σ → cross-entropy,
/// with an update at `--lr`, default 0.5) or `--example shopping` (the post's apples and
/// oranges, forward and backward only, so it takes no `--lr`); the shared size (the figure is
/// fitted into it), theme and frame rate (default 1.5).
///
/// ```swift
/// var options = BackpropScene.Options()
/// options.example = .shopping
/// let scene = try BackpropScene.prepare(SceneRequest(options: options))
/// try FrameRenderer(scene: scene).renderPNGSequence(to: "Output/backprop")
/// ```
public struct BackpropScene: AnimationScene, SceneDefinition {
    /// The worked examples.
    public enum Example: String, CaseIterable, Codable, Sendable {
        case logistic, shopping
    }

    /// What `backprop` reads.
    public struct Options: SceneOptionSet {
        public var example = Example.logistic
        /// The update's learning rate (logistic example only); nil is 0.5.
        public var learningRate: Double?

        public init() {}

        public static let options: [SceneOption<Options>] = [
            .custom("example", \.example, valueName: "NAME",
                    help: "The graph: logistic (a neuron with its update) or shopping (apples, oranges and tax).",
                    defaultText: Example.logistic.rawValue) { text in
                guard let example = Example(rawValue: text.lowercased()) else {
                    throw AnimationError.invalidOption(
                        "--example \(SceneText.clipped(text)): the backprop scene knows \(Example.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return example
            },
            .learningRate(\.learningRate, help: "Learning rate of the parameter update (logistic example).", defaultText: "0.5"),
        ]

        public func validate(rendering: Bool) throws {
            if example == .shopping, learningRate != nil {
                throw AnimationError.invalidOption("--lr: the shopping example has no parameter update; use it with --example logistic")
            }
        }
    }

    public static let name = "backprop"
    public static let summary = "backpropagation on a computation graph, one frame per node event (--example logistic | shopping)"
    public static let historyColumns: [HistoryColumn] = []

    public var name: String { Self.name }
    public let size: Size
    public let framesPerSecond: Double
    public let example: String
    public let trace: BackpropTrace
    public let figure: BackpropFigure
    public let timeline: BackpropTimeline
    /// Where the figure's top-left sits in the frame (centred when a size was asked for).
    let figureOrigin: Point

    public var frameCount: Int { timeline.frameCount }

    public static func prepare(_ request: SceneRequest<Options>) throws -> PreparedScene {
        try request.prepared(BackpropScene(options: request.options, settings: request.settings), recordedRun: nil)
    }

    /// Builds the scene from its options and the shared settings.
    ///
    /// - Throws: ``AnimationError/invalidOption(_:)`` for `--tween`: a frame is one event of
    ///   the computation, not a recorded state, so there is nothing to interpolate.
    public init(options: Options, settings: SceneSettings = SceneSettings()) throws {
        if settings.tween != nil {
            throw AnimationError.invalidOption("--tween: backprop shows one computation per frame, not recorded training states, so there is nothing to interpolate; leave out --tween (--fps sets its pace)")
        }
        let trace: BackpropTrace
        switch options.example {
        case .logistic: trace = try .logisticNeuron(learningRate: options.learningRate ?? 0.5)
        case .shopping: trace = .shopping()
        }
        try self.init(trace: trace, example: options.example.rawValue, size: settings.size?.size, theme: settings.theme.theme,
                      framesPerSecond: settings.framesPerSecond(default: 1.5))
    }

    /// A scene for any trace; `size` nil uses the figure's natural size.
    public init(trace: BackpropTrace, example: String = "custom", size: Size? = nil, theme: Theme = .default,
                framesPerSecond: Double = 1.5, timeline: BackpropTimeline? = nil) throws {
        self.example = example
        self.trace = trace
        self.framesPerSecond = framesPerSecond
        self.timeline = timeline ?? BackpropTimeline(eventCount: trace.events.count)
        var figure = try BackpropFigure(trace: trace, style: DiagramStyle(theme: theme))
        if let size {
            // Scale the fonts (and with them every distance) until the figure fits the frame
            // and fills most of it; text metrics are not exactly linear, hence a few rounds.
            var scale = 1.0
            for _ in 0..<8 {
                let factor = min(size.width / figure.size.width, size.height / figure.size.height)
                if factor >= 1, factor < 1.1 { break }
                scale = max(0.25, scale * factor * (factor < 1 ? 0.98 : 0.96))
                figure = try BackpropFigure(trace: trace, style: DiagramStyle(theme: theme.scaled(by: scale)))
            }
            self.size = size
        } else {
            self.size = figure.size
        }
        self.figure = figure
        self.figureOrigin = Point(x: ((self.size.width - figure.size.width) / 2).rounded(),
                                  y: ((self.size.height - figure.size.height) / 2).rounded())
    }

    public func renderStatic(on canvas: Canvas) throws {
        canvas.clear(figure.layout.style.background)
        canvas.withSavedState {
            canvas.translate(dx: figureOrigin.x, dy: figureOrigin.y)
            figure.drawStatic(on: canvas)
        }
    }

    public func renderFrame(_ index: Int, on canvas: Canvas) throws {
        canvas.withSavedState {
            canvas.translate(dx: figureOrigin.x, dy: figureOrigin.y)
            figure.drawValues(reveal(atFrame: index), caption: caption(atFrame: index), on: canvas)
        }
    }

    /// What frame `index` shows: the values of the events so far; the current node highlighted.
    public func reveal(atFrame index: Int) -> DiagramReveal {
        trace.reveal(afterEvents: timeline.eventsApplied(atFrame: index), in: figure.diagram,
                     highlightLast: timeline.currentEvent(atFrame: index) != nil)
    }

    /// The caption line of frame `index`.
    public func caption(atFrame index: Int) -> String {
        if let event = timeline.currentEvent(atFrame: index) { return trace.caption(forEvent: event) }
        if index < timeline.heldAtStart {
            return "One training step: forward pass left to right, then gradients right to left"
        }
        return BackpropFigure.legendText(trace)
    }
}
