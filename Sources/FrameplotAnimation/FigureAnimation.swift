import FrameplotCanvas
import FrameplotModel
import FrameplotPlot

/// An animation drawn with the plot layer: a ``Figure`` holding everything that stays
/// (axes, heatmaps, data points) and a closure that adds one frame's marks for a recorded
/// training state. Every mark the closure adds is drawn per frame; no `layer:` argument needed.
///
/// Marks stack in one fixed order whatever is cached (``MarkStratum``: regions, grid, lines,
/// points, text, then spines and legend), so per-frame decision regions sit under static
/// points. A legend row with a key (``Axes/line(xs:ys:color:width:dash:alpha:marker:markerSize:label:legendKey:layer:rasterization:)``)
/// shows each frame's text, with room for the widest text of all frames; give `legendLabels`
/// (``LegendLabels``) so that finding those texts costs one call per frame instead of
/// building every frame's marks (whose paths grow with the frame number). The static parts under the per-frame marks are the renderer's cached layer; the
/// static parts above them are cached too and composited over each frame; static parts
/// stacked between per-frame marks are drawn with each frame.
///
/// The layout is computed once, from the static figure plus the frame marks of up to nine
/// frames spread over the run, so axes limits, tick labels and the legend never jump between
/// frames (set explicit limits to choose them yourself). Legend entries are listed once per
/// label and style. With a ``Tween`` the frames between recorded states show interpolated
/// states (see ``AnimationFrame``).
///
/// The closure must be `@Sendable` (frames are drawn in parallel): capture `let` constants,
/// not `var`s (see docs/recording.md).
///
/// ```swift
/// let recorder = AnimationRecorder(schedule: .every(200))
/// _ = try Trainer(configuration: config).train(objective, from: [0, 0], observer: recorder)
/// var figure = Figure(width: 640, height: 480)
/// figure.axes.scatter(xs: xs, ys: ys)
/// let animation = try FigureAnimation(run: recorder.run, figure: figure) { frame, figure in
///     let p = frame.step.parameters
///     figure.axes.straightLine(slope: p[0], intercept: p[1], color: .black, label: "fit")
/// }
/// try animation.render(to: "Output/fit.mp4")
/// ```
///
/// Its ``identity`` hashes the run, the size, the static figure's drawing and the drawing of
/// the first, middle and last frames (exact coordinates, colours, texts and image pixels), so
/// a changed run, figure, theme or frame closure re-renders, and an unchanged one resumes.
/// Limit: a change of the closure that alters only frames other than those three is not seen
/// (the renderer's check of a kept frame is the backstop).
public struct FigureAnimation: AnimationScene {
    public typealias FrameBuilder = @Sendable (AnimationFrame, inout Figure) -> Void

    public var name: String
    public var framesPerSecond: Double
    /// Settings that describe the animation (steps, learning rate, data file …), written into
    /// the manifest next to its identity.
    public var settings: [String: String]
    /// The states drawn, one per frame: the recorded run, or with a tween the run with its
    /// in-between states (``RecordedRun/tweened(by:easing:)``).
    public let run: RecordedRun
    /// The states as recorded.
    public let recorded: RecordedRun
    /// How frames map to recorded states.
    public let timeline: FrameTimeline
    /// The figure with the static marks.
    public let figure: Figure
    /// The layout shared by every frame.
    public let layout: FigureLayout
    private let build: FrameBuilder
    /// Static content above the per-frame marks (at least the spines and the legend), cached
    /// per device scale and composited only where it holds pixels.
    private let overlay: LayerPool
    /// Whether any legend row's text changes per frame (drawn after the overlay).
    private let hasFrameLegend: Bool
    private let drawingIdentity = OnceValue<RenderIdentity>()

    /// - Parameters:
    ///   - figure: the static part; its size is the frame size.
    ///   - fingerprint: settings that describe the animation, listed in the manifest.
    ///   - tween: in-between frames between recorded states (nil: one frame per state).
    ///   - legendLabels: the text of each keyed legend row in a frame, by key, computed without
    ///     drawing (see ``LegendLabels``); nil: the layout builds every frame's marks to find them.
    ///   - frame: adds one frame's marks to a copy of `figure` (after ``Figure/beginFrame()``).
    /// - Throws: ``AnimationError/invalidOption(_:)`` when `tween` would make more than
    ///   ``Tween/maximumFrameCount`` frames.
    public init(name: String = "animation", run: RecordedRun, figure: Figure, framesPerSecond: Double = 20,
                fingerprint: [String: String] = [:], tween: Tween? = nil, legendLabels: LegendLabels? = nil,
                frame: @escaping FrameBuilder) throws {
        self.name = name; self.figure = figure; self.framesPerSecond = framesPerSecond
        self.settings = fingerprint; self.build = frame
        let timeline = FrameTimeline(recordedCount: run.steps.count, tween: tween)
        if let tween, timeline.frameCount > Tween.maximumFrameCount {
            throw AnimationError.invalidOption("--tween \(tween.frames): \(run.steps.count) recorded states would make \(timeline.frameCount) frames, "
                + "more than \(Tween.maximumFrameCount); record fewer states (--every) or give a smaller --tween")
        }
        let drawn = tween.map { run.tweened(by: $0.frames, easing: $0.easing) } ?? run
        self.recorded = run; self.run = drawn; self.timeline = timeline
        // Lay out with the frame marks of a few frames spread over the run (first and last
        // included), for stable limits; few, because late frames can carry long paths. Each
        // sample starts from the static figure, as a real frame does, so automatic colours and
        // legend entries are the ones the frames will show.
        var sizing = figure
        sizing.beginFrame()
        let sampled = Self.samples(count: drawn.steps.count, at: 9)
        var sampledFigures: [(index: Int, figure: Figure)] = []
        for index in sampled {
            let marked = Self.frameFigure(figure, index: index, run: drawn, recorded: run, timeline: timeline, build: frame)
            sampledFigures.append((index, marked))
            for p in marked.panels.indices where p < sizing.panels.count {
                let panel = marked.panels[p]
                for m in panel.marks.indices where panel.isFrameMark(at: m) { sizing.panels[p].add(panel.marks[m]) }
            }
        }
        // A legend row whose text changes per frame gets room for its widest text over all frames.
        hasFrameLegend = sizing.panels.contains { $0.marks.contains { $0.legendEntries(theme: figure.theme).contains { $0.key != nil } } }
        if hasFrameLegend {
            let rest = Set(0..<drawn.steps.count).subtracting(sampled).sorted()
            let frameAt = { AnimationFrame(index: $0, run: drawn, recorded: run, timeline: timeline) }
            var widening = KeyedLegendWidening(panelCount: sizing.panels.count, theme: figure.theme)
            var built = rest
            if let legendLabels,
               let rows = KeyedLegendWidening.rows(sampled: sampledFigures, labels: legendLabels, frame: frameAt, theme: figure.theme) {
                built = KeyedLegendWidening.addLabels(of: rest, rows: rows, labels: legendLabels, frame: frameAt, to: &sizing)
            }
            for index in built {
                widening.add(Self.frameFigure(figure, index: index, run: drawn, recorded: run, timeline: timeline, build: frame), to: &sizing)
            }
        }
        let measuring = try ImageCanvas(width: figure.size.width, height: figure.size.height, scale: 1)
        let layout = sizing.layout(measuringWith: measuring)
        self.layout = layout
        overlay = LayerPool { canvas in figure.render(on: canvas, layout: layout, layers: .overlay) }
    }

    public var size: Size { figure.size }
    public var frameCount: Int { run.steps.count }

    /// ``settings`` plus the identity.
    public var fingerprint: [String: String] { AnimationIdentity.fingerprint(settings, identity: identity) }

    public var identity: RenderIdentity {
        AnimationIdentity.identity(kind: "figure-animation", name: name, framesPerSecond: framesPerSecond,
                                   settings: settings, drawing: drawingIdentity.get {
            AnimationIdentity.drawing(kind: "figure-animation drawing", size: size, extra: [figure.scale], run: run) { canvas in
                figure.render(on: canvas, layout: layout, layers: .all)
                for index in AnimationIdentity.sampleFrames(count: frameCount) {
                    frameFigure(index).render(on: canvas, layout: layout, layers: [.frame, .frameLegend])
                }
            }
        })
    }

    public func renderStatic(on canvas: Canvas) throws {
        figure.render(on: canvas, layout: layout, layers: .background)
    }

    public func renderFrame(_ index: Int, on canvas: Canvas) throws {
        let frame = frameFigure(index)
        frame.render(on: canvas, layout: layout, layers: .frame)
        if let image = canvas as? ImageCanvas {
            try overlay.withLayer(size: size, scale: image.scale) { image.composite($0, within: $1) }
        } else {
            figure.render(on: canvas, layout: layout, layers: .overlay)
        }
        if hasFrameLegend { frame.render(on: canvas, layout: layout, layers: .frameLegend) }
    }

    /// A copy of the figure with the marks of frame `index`.
    private func frameFigure(_ index: Int) -> Figure {
        Self.frameFigure(figure, index: index, run: run, recorded: recorded, timeline: timeline, build: build)
    }

    private static func frameFigure(_ figure: Figure, index: Int, run: RecordedRun, recorded: RecordedRun, timeline: FrameTimeline,
                                    build: FrameBuilder) -> Figure {
        var frame = figure
        frame.beginFrame()
        build(AnimationFrame(index: index, run: run, recorded: recorded, timeline: timeline), &frame)
        return frame
    }

    /// Up to `limit` indices spread evenly over `0..<count`, first and last included.
    static func samples(count: Int, at limit: Int) -> [Int] {
        guard count > 0 else { return [] }
        let n = Swift.min(count, limit)
        guard n > 1 else { return [count - 1] }
        var out: [Int] = []
        for k in 0..<n {
            let index = k * (count - 1) / (n - 1)
            if out.last != index { out.append(index) }
        }
        return out
    }
}
