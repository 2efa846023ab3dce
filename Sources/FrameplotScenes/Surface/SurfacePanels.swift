import FrameplotAnimation
import FrameplotCanvas
import FrameplotPlot

/// The panels and path marks the loss-surface scenes (`optimizers`, `gd-locus --view 3d`)
/// share: a shaded 3-D surface with its camera, and optimizer paths with a halo, a head and a
/// stop marker, in 2-D and 3-D.
enum SurfacePanels {
    /// A 3-D panel of `grid`'s heights (viridis by height, log heights when `log`), seen by
    /// the view's first camera; a turning panel when the view rotates.
    static func surface(_ grid: Grid2D, view: SurfaceView, standardCamera: Camera3D, log: Bool,
                        xLabel: String, yLabel: String, zLabel: String) -> Axes {
        var axes = Axes()
        let camera = view.camera(standard: standardCamera)
        var view3D = View3D(camera: camera, z: AxisSpec(label: zLabel, scale: log ? .log10 : .linear, margin: 0))
        if view.rotates { view3D.turn = camera.azimuth...(camera.azimuth + SurfaceView.rotation) }
        axes.view3D = view3D
        axes.x.label = xLabel
        axes.y.label = yLabel
        axes.x.limits = AxisLimits(lower: grid.xs.first ?? 0, upper: grid.xs.last ?? 1)
        axes.y.limits = AxisLimits(lower: grid.ys.first ?? 0, upper: grid.ys.last ?? 1)
        axes.surface(grid, colormap: .viridis)
        axes.legendPlacement = .hidden
        return axes
    }

    /// Sets the camera of frame `frame` on a turning 3-D panel (nothing when it stays still).
    static func turn(_ axes: inout Axes, view: SurfaceView, standardCamera: Camera3D, frame: AnimationFrame) {
        guard view.rotates else { return }
        axes.view3D?.camera = view.camera(standard: standardCamera, frame: frame.index, of: frame.run.steps.count)
    }

    /// How a path ends in a frame.
    enum Head {
        /// Still moving: a round head.
        case moving
        /// Stopped for good (diverged): a square, like a stop button.
        case stopped
        /// No head (e.g. the textbook's bare path).
        case none
    }

    /// A path seen from above: a halo in the panel's face colour under a line in `color`, and
    /// its head. The halo lets a palette colour (kept at 3:1 against the face by the theme)
    /// read on any map under it.
    static func path2D(_ axes: inout Axes, xs: [Double], ys: [Double], color: MarkColor, head: Head, theme: Theme,
                       width: Double = 2) {
        guard let x = xs.last, let y = ys.last else { return }
        let face = theme.colors.axesFace
        axes.line(xs: xs, ys: ys, color: .deemphasized(face), width: width + 2.6)
        axes.line(xs: xs, ys: ys, color: color, width: width)
        switch head {
        case .moving: axes.scatter(xs: [x], ys: [y], marker: .circle, size: 9, color: color, edgeColor: face)
        case .stopped: axes.scatter(xs: [x], ys: [y], marker: .square, size: 9, color: color, edgeColor: face)
        case .none: break
        }
    }

    /// A path on the panel's surface (hidden where the surface covers it), with a halo in the
    /// panel's face colour and its head.
    static func path3D(_ axes: inout Axes, xs: [Double], ys: [Double], color: MarkColor, head: Head, theme: Theme,
                       width: Double = 2) {
        guard let x = xs.last, let y = ys.last else { return }
        let face = theme.colors.axesFace
        axes.line3D(xs: xs, ys: ys, color: color, width: width, outline: face)
        switch head {
        case .moving: axes.scatter3D(xs: [x], ys: [y], marker: .circle, size: 9, color: color, edgeColor: face)
        case .stopped: axes.scatter3D(xs: [x], ys: [y], marker: .square, size: 9, color: color, edgeColor: face)
        case .none: break
        }
    }
}
