import Foundation
import FrameplotAnimation
import FrameplotCanvas
import FrameplotModel
import FrameplotPlot

extension OptimizersScene {
    /// The frame size for the views asked for.
    static func defaultSize(_ view: SurfaceView) -> Size {
        view.kind == .both ? Size(width: 1560, height: 520) : Size(width: 1120, height: 520)
    }

    /// The camera each built-in looks best from (its basin and the paths in front), matplotlib's
    /// default for the others.
    static func standardCamera(_ function: TestFunction) -> Camera3D {
        switch function.name {
        case TestFunction.beale.name: return Camera3D(azimuth: -120, elevation: 35)
        case TestFunction.himmelblau.name: return Camera3D(azimuth: -50, elevation: 40)
        case TestFunction.saddle.name: return Camera3D(azimuth: -35, elevation: 45)
        default: return Camera3D()
        }
    }

    /// Whether heights and map colours go by decades: `--z-scale`, or for `auto` the
    /// function's preference (a typed function: when its values are positive and span more
    /// than three decades).
    ///
    /// - Throws: ``AnimationError/invalidOption(_:)`` for `--z-scale log` on a function with
    ///   negative values, which a log scale cannot show.
    static func logHeights(_ view: SurfaceView, function: TestFunction, grid: Grid2D) throws -> Bool {
        let range = grid.finiteRange()
        let preferred = function.minima.isEmpty && !function.prefersLogScale && TestFunction.named(function.name) == nil
            ? (range.map { $0.min >= 0 } ?? false) && (grid.finiteRange(positive: true).map { $0.max > 1e3 * $0.min } ?? false)
            : function.prefersLogScale
        let log = view.logHeights(preferred: preferred)
        if log, let low = range?.min, low < 0 {
            throw AnimationError.invalidOption("--z-scale log: f(x, y) is negative in the plotted area (down to \(SceneText.number(low))), "
                + "which a log scale cannot show; use --z-scale linear")
        }
        return log
    }

    /// The palette colour of an optimizer: by its place among the six (GD is always the first
    /// colour), other names after them.
    static func colors(_ names: [String]) -> [MarkColor] {
        let known = Optimizer.torchDefaults.map(\.name)
        var next = known.count
        return names.map { name in
            if let k = known.firstIndex(of: name) { return .cycle(k) }
            defer { next += 1 }
            return .cycle(next)
        }
    }

    /// The legend's name of each track (plot-layer markup), made once: the per-frame texts
    /// only add the loss.
    static func legendNames(_ tracks: RaceTracks) -> [String] {
        tracks.names.map { MathText.escaped(Optimizer(name: $0).map(\.displayName) ?? $0) }
    }

    /// The legend's text of an optimizer: its name (``legendNames(_:)``) and current loss, or
    /// when it diverged.
    static func legendText(_ shown: String, loss: Double?, divergedAt step: Int?) -> String {
        if let loss { return "\(shown)  \(String(format: "%.2e", loss))" }
        return "\(shown)  diverged at step \(step.map(String.init) ?? "?")"
    }

    /// Each track's legend text at the recorded state `state`, by track name (the legend key).
    static func legendTexts(_ tracks: RaceTracks, names shown: [String], at state: RecordedStep) -> [String: String] {
        var texts: [String: String] = [:]
        for (k, name) in tracks.names.enumerated() {
            texts[name] = legendText(shown[k], loss: RaceTracks.point(state, k)?.loss, divergedAt: tracks.divergenceSteps[k])
        }
        return texts
    }

    static func scene(tracks: RaceTracks, function: TestFunction, options: Options, settings: SceneSettings) throws -> FigureAnimation {
        let view = options.surface
        let grid = Grid2D(x: function.xDomain, y: function.yDomain, nx: 300, ny: 300) { function.value(x: $0, y: $1) }
        let log = try logHeights(view, function: function, grid: grid)
        let columns = (view.shows2D ? 1 : 0) + (view.shows3D ? 1 : 0) + 1
        var figure = SceneFigure.figure(settings, defaultSize: defaultSize(view), columns: columns)
        let title = TestFunction.named(function.name) == nil ? MathText.escaped("f(x, y) = \(function.title)") : function.title
        let camera = standardCamera(function)

        let mapPanel: Int? = view.shows2D ? 0 : nil
        let surfacePanel: Int? = view.shows3D ? (view.shows2D ? 1 : 0) : nil
        if let m = mapPanel { figure.panels[m] = map(grid, function: function, log: log, title: title) }
        if let s = surfacePanel {
            let surfaceGrid = Grid2D(x: function.xDomain, y: function.yDomain, nx: 200, ny: 200) { function.value(x: $0, y: $1) }
            var axes = SurfacePanels.surface(surfaceGrid, view: view, standardCamera: camera, log: log,
                                             xLabel: "$x$", yLabel: "$y$", zLabel: "$f(x, y)$")
            axes.title = title
            SurfacePanels.badges(&axes, xs: function.minima.map { $0[0] }, ys: function.minima.map { $0[1] }, marker: .cross)
            figure.panels[s] = axes
        }
        let lossPanel = columns - 1
        figure.panels[lossPanel] = losses(tracks)

        let colors = colors(tracks.names)
        let theme = figure.theme
        let captionPanel = mapPanel ?? surfacePanel
        // The frames' paths as prefixes of columns made once (too many frames: the animation refuses them).
        let timeline = FrameTimeline(recordedCount: tracks.run.steps.count, tween: settings.tween)
        let pathColumns = timeline.frameCount > Tween.maximumFrameCount ? nil : RacePathColumns(
            run: settings.tween.map { tracks.run.tweened(by: $0.frames, easing: $0.easing) } ?? tracks.run,
            recorded: tracks.run, timeline: timeline, trackCount: tracks.names.count)
        let shownNames = legendNames(tracks)
        let animate = { (figure: Figure) throws -> FigureAnimation in
            try SceneFigure.animation(name, run: tracks.run, figure: figure, settings: settings, defaultFramesPerSecond: 20,
                                      legendLabels: { frame in
                guard pathColumns != nil else { return [:] }
                return legendTexts(tracks, names: shownNames, at: frame.recorded.steps[frame.nearestRecordedIndex])
            }) { frame, figure in
                guard let columns = pathColumns else { return }
                let nearest = frame.recorded.steps[frame.nearestRecordedIndex]
                var paths: [SurfacePanels.Path] = []
                for (k, name) in tracks.names.enumerated() {
                    let (xs, ys, values, steps) = columns.path(k, throughFrame: frame.index)
                    let current = RaceTracks.point(nearest, k)
                    let head: SurfacePanels.Head = current == nil ? .stopped : .moving
                    paths.append(SurfacePanels.Path(xs: xs, ys: ys, color: colors[k], head: head))
                    let label = legendText(shownNames[k], loss: current?.loss, divergedAt: tracks.divergenceSteps[k])
                    figure.panels[lossPanel].line(xs: steps, ys: values, color: colors[k], width: 1.8, label: label, legendKey: name)
                    if let step = steps.last, let value = values.last {
                        figure.panels[lossPanel].scatter(xs: [step], ys: [value], marker: head == .stopped ? .square : .circle, size: 7,
                                                         color: colors[k], edgeColor: theme.colors.axesFace)
                    }
                }
                if let m = mapPanel { SurfacePanels.paths2D(&figure.panels[m], paths, theme: theme) }
                if let s = surfacePanel { SurfacePanels.paths3D(&figure.panels[s], paths, theme: theme) }
                if let c = captionPanel {
                    figure.panels[c].text("step \(nearest.step)", axesFraction: DataPoint(x: 0.03, y: 0.97), anchor: .topLeft,
                                          background: theme.colors.axesFace.withAlpha(0.85))
                }
                if let s = surfacePanel { SurfacePanels.turn(&figure.panels[s], view: view, standardCamera: camera, frame: frame) }
            }
        }
        // The legend sits in the loss panel's top-right corner over a band the curves never
        // reach: its height, known from a first layout, becomes headroom above the losses.
        let first = try animate(figure)
        guard let headroom = legendHeadroom(first.layout.panels[lossPanel]) else { return first }
        figure.panels[lossPanel] = losses(tracks, headroom: headroom)
        return try animate(figure)
    }

    /// The fraction of the loss panel's height its inside legend needs at the top (the
    /// legend, and below it a gap as wide as its inset), at most 0.6; nil for a legend
    /// beside the plot or none.
    static func legendHeadroom(_ panel: PanelLayout) -> Double? {
        guard let legend = panel.legend, !legend.placement.isOutside, panel.plotRect.height > 0 else { return nil }
        let inset = Swift.max(0, legend.box.minY - panel.plotRect.minY)
        return Swift.min(0.6, (legend.box.height + 2 * inset) / panel.plotRect.height)
    }

    /// The function's map: filled contours (by decades when `log`) with contour lines, a
    /// colorbar and a × at each known minimum.
    static func map(_ grid: Grid2D, function: TestFunction, log: Bool, title: String) -> Axes {
        var axes = Axes()
        axes.title = title
        axes.x = AxisSpec(label: "$x$", limits: AxisLimits(lower: function.xDomain.lowerBound, upper: function.xDomain.upperBound), margin: 0)
        axes.y = AxisSpec(label: "$y$", limits: AxisLimits(lower: function.yDomain.lowerBound, upper: function.yDomain.upperBound), margin: 0)
        let ratio = (function.xDomain.upperBound - function.xDomain.lowerBound) / (function.yDomain.upperBound - function.yDomain.lowerBound)
        axes.aspect = ratio > 0.25 && ratio < 4 ? .equal : .auto
        axes.showsGrid = false
        let range = (log ? grid.finiteRange(positive: true) : grid.finiteRange()) ?? (min: 1, max: 10)
        // Six decades at most: below that the basin is one colour anyway (a minimum of 0 has none).
        let low = log ? Swift.max(range.min, range.max * 1e-6) : range.min
        let high = Swift.max(range.max, low * (log ? 10 : 1) + (log ? 0 : 1))
        let scale = ColorScale(colormap: .viridis, norm: ColorNorm(kind: log ? .log10 : .linear, vmin: low, vmax: high))
        var bands = ContourLevels.bands(min: low, max: high, count: 14, log: log)
        // Below the decades shown, the lowest colour: an open bottom band, not a blank hole.
        if let floor = grid.finiteRange()?.min, let first = bands.first, floor < first { bands.insert(floor, at: 0) }
        axes.filledContour(grid, levels: bands, coloring: .scale(scale))
        axes.contour(grid, levels: ContourLevels.auto(min: low, max: high, count: 14, log: log),
                     coloring: .single(.deemphasized(Color(hex: 0xffffff, alpha: 0.35))), width: 0.5)
        axes.colorbar = ColorbarSpec(label: "$f(x, y)$", scale: scale)
        if !function.minima.isEmpty {
            axes.scatter(xs: function.minima.map { $0[0] }, ys: function.minima.map { $0[1] }, marker: .cross, size: 11, color: .white)
        }
        axes.legendPlacement = .hidden
        return axes
    }

    /// The loss-versus-step panel: log y when every loss is positive, limits from the whole
    /// race so that nothing moves; the legend (each optimizer's current loss) is filled per
    /// frame, in the top-right corner above the curves when `headroom` (a fraction of the
    /// axis kept free at the top) is given.
    static func losses(_ tracks: RaceTracks, headroom: Double? = nil) -> Axes {
        var values: [Double] = []
        for state in tracks.run.steps {
            for k in tracks.names.indices { if let p = RaceTracks.point(state, k), p.loss.isFinite { values.append(p.loss) } }
        }
        let low = values.min() ?? 0, high = values.max() ?? 1
        let log = low > 0
        var axes = Axes()
        let last = Double(tracks.run.steps.last?.step ?? 1)
        axes.x = AxisSpec(label: "step", limits: AxisLimits(lower: 0, upper: Swift.max(1, last)), margin: 0)
        if log {
            let pad = Foundation.pow(Swift.max(high / low, 10), 0.04)
            let lower = low / pad, upper = high * pad
            let raised = Foundation.pow(10, Foundation.log10(lower) + Foundation.log10(upper / lower) / (1 - (headroom ?? 0)))
            axes.y = AxisSpec(label: "$f(x, y)$", scale: .log10,
                              limits: AxisLimits(lower: lower, upper: raised.isFinite ? raised : upper), margin: 0)
        } else {
            let pad = Swift.max(high - low, 1) * 0.05
            let lower = low - pad, upper = high + pad
            let raised = lower + (upper - lower) / (1 - (headroom ?? 0))
            axes.y = AxisSpec(label: "$f(x, y)$", limits: AxisLimits(lower: lower, upper: raised.isFinite ? raised : upper), margin: 0)
        }
        axes.title = "loss"
        axes.legendPlacement = headroom == nil ? .best : .upperRight
        return axes
    }
}
