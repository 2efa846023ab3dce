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

    /// White markers on a dark disc at points of the surface (a minimum ×, a start +): they
    /// read wherever they land on the lit, coloured mesh, or on the floor seen past its edge.
    static func badges(_ axes: inout Axes, xs: [Double], ys: [Double], marker: MarkerShape) {
        guard !xs.isEmpty else { return }
        axes.scatter3D(xs: xs, ys: ys, marker: .circle, size: 15, color: .deemphasized(Color(hex: 0x000000, alpha: 0.6)), edgeColor: nil)
        axes.scatter3D(xs: xs, ys: ys, marker: marker, size: 10, color: .white)
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
        /// No head.
        case none

        var marker: MarkerShape? {
            switch self {
            case .moving: return .circle
            case .stopped: return .square
            case .none: return nil
            }
        }
    }

    /// One path to draw on a loss surface: its points, colour and head.
    struct Path {
        var xs: [Double]
        var ys: [Double]
        var color: MarkColor
        var head: Head
    }

    /// Paths seen from above, each on a halo of the panel's face colour and with its head on a
    /// disc of that colour. The halo lets a palette colour (kept at 3:1 against the face by the
    /// theme) read on any map under it, and parts a path from the one it runs beside: each path
    /// is cased in turn, so a later path's halo separates it from the earlier ones.
    static func paths2D(_ axes: inout Axes, _ paths: [Path], theme: Theme, width: Double = 2.4) {
        let face = theme.colors.axesFace
        for path in paths {
            axes.line(xs: path.xs, ys: path.ys, color: .deemphasized(face), width: width + 3)
            axes.line(xs: path.xs, ys: path.ys, color: path.color, width: width)
        }
        for path in paths {
            guard let x = path.xs.last, let y = path.ys.last, let marker = path.head.marker else { continue }
            axes.scatter(xs: [x], ys: [y], marker: marker, size: 13, color: .deemphasized(face))
            axes.scatter(xs: [x], ys: [y], marker: marker, size: 9, color: path.color)
        }
    }

    /// Paths on the panel's surface (hidden where the surface covers them), on halos and with
    /// their heads on discs, as ``paths2D(_:_:theme:width:)``; the halo is the panel's face
    /// colour unless given (a dark one for a white path). Halos and discs are faint marks of
    /// their own, so paths and heads are judged against them.
    static func paths3D(_ axes: inout Axes, _ paths: [Path], theme: Theme, width: Double = 2, halo: Color? = nil) {
        let ring = halo ?? theme.colors.axesFace
        for path in paths {
            axes.line3D(xs: path.xs, ys: path.ys, color: .deemphasized(ring), width: width + 2.8, outline: nil)
            axes.line3D(xs: path.xs, ys: path.ys, color: path.color, width: width, outline: nil)
        }
        for path in paths {
            guard let x = path.xs.last, let y = path.ys.last, let marker = path.head.marker else { continue }
            axes.scatter3D(xs: [x], ys: [y], marker: marker, size: 12, color: .deemphasized(ring), edgeColor: nil)
            axes.scatter3D(xs: [x], ys: [y], marker: marker, size: 8, color: path.color, edgeColor: nil)
        }
    }
}
