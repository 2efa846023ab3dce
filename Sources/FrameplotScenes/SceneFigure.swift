import Foundation
import FrameplotAnimation
import FrameplotCanvas
import FrameplotModel
import FrameplotPlot

/// What every figure-based scene builds the same way: the figure from the shared settings,
/// and the animation over a recorded run, with the in-between frames of `--tween`. One place,
/// so a shared setting reaches every scene at once.
enum SceneFigure {
    /// An empty figure of the asked size (or `defaultSize`) and theme.
    static func figure(_ settings: SceneSettings, defaultSize: Size, columns: Int = 1) -> Figure {
        let size = settings.size(default: defaultSize)
        return Figure(width: size.width, height: size.height, columns: columns, theme: settings.theme.theme)
    }

    /// The animation of `run`: `figure` holds the static marks, `frame` adds one state's
    /// (with `--tween`, also the interpolated states between recorded ones; captions read
    /// `frame.nearestRecorded`).
    static func animation(_ name: String, run: RecordedRun, figure: Figure, settings: SceneSettings,
                          defaultFramesPerSecond: Double, legendLabels: FigureAnimation.LegendLabels? = nil,
                          frame: @escaping FigureAnimation.FrameBuilder) throws -> FigureAnimation {
        try FigureAnimation(name: name, run: run, figure: figure,
                            framesPerSecond: settings.framesPerSecond(default: defaultFramesPerSecond),
                            tween: settings.tween, legendLabels: legendLabels, frame: frame)
    }

    /// The line a scene fits, y = slope·x + intercept, drawn per frame above the points
    /// (`.fits`) with a halo in the panel's colour, so that it stays visible through a dense
    /// cloud of points of any colour.
    static func fitLine(_ axes: inout Axes, slope: Double, intercept: Double, color: MarkColor, width: Double, theme: Theme) {
        // The halo is a separator, not a mark to see: deemphasized, so contrast audits pass it by.
        axes.straightLine(slope: slope, intercept: intercept, color: .deemphasized(theme.colors.axesFace.withAlpha(0.8)),
                          width: width + 3, stratum: .fits)
        axes.straightLine(slope: slope, intercept: intercept, color: color, width: width, stratum: .fits)
    }

    /// A parameter or loss for a caption: `%.5f` (the textbook's form) for ordinary sizes,
    /// scientific notation for very large or very small ones, so user data never shows "0.00000".
    static func number(_ value: Double, decimals: Int = 5) -> String {
        let size = abs(value)
        if value == 0 || (size >= 1e-3 && size < 1e6) || !value.isFinite {
            return String(format: "%.\(decimals)f", value)
        }
        return String(format: "%.\(Swift.max(decimals - 1, 2))e", value)
    }
}
