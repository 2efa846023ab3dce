import Foundation

/// Where a 3-D panel is seen from: an orthographic camera turned by `azimuth` around the
/// vertical axis and raised by `elevation` above the floor, in degrees (matplotlib's
/// `azim` and `elev`: the default −60°, 30° looks at the x axis from the front left).
///
/// ```swift
/// let camera = Camera3D(azimuth: -60, elevation: 30)
/// let turned = camera.turned(by: 15)   // azimuth −45°
/// ```
public struct Camera3D: Sendable, Hashable {
    /// Degrees around the vertical axis, measured from +x towards +y, of the viewer's position.
    public var azimuth: Double
    /// Degrees above the floor (negative: seen from below), clamped to −90…90.
    public var elevation: Double

    /// A camera at `azimuth` and `elevation` degrees (non-finite values give the defaults).
    public init(azimuth: Double = -60, elevation: Double = 30) {
        self.azimuth = azimuth.isFinite ? azimuth : -60
        self.elevation = elevation.isFinite ? Swift.min(90, Swift.max(-90, elevation)) : 30
    }

    /// The same camera turned by `degrees` around the vertical axis (for a slow turn).
    ///
    /// ```swift
    /// Camera3D().turned(by: 90).azimuth   // 30
    /// ```
    public func turned(by degrees: Double) -> Camera3D {
        Camera3D(azimuth: azimuth + degrees, elevation: elevation)
    }

    /// Unit vectors of the view in box coordinates: `right` and `up` on screen, `toward`
    /// the viewer (depth grows towards the viewer).
    var basis: (right: Vector3, up: Vector3, toward: Vector3) {
        let a = azimuth * .pi / 180, e = elevation * .pi / 180
        let toward = Vector3(cos(a) * cos(e), sin(a) * cos(e), sin(e))
        let right = Vector3(-sin(a), cos(a), 0)
        return (right, toward.cross(right), toward)
    }
}

/// The 3-D part of a panel: its camera, vertical axis, box proportions and panes. A panel
/// with a `view3D` is drawn in 3-D; its ``Axes/x`` and ``Axes/y`` are the floor's axes,
/// its title, legend and colorbar work as in 2-D, and its 2-D marks (text at an axes
/// fraction, for instance) are drawn over the 3-D scene with x and y running 0…1 across
/// the plot area.
///
/// ```swift
/// var fig = Figure(width: 800, height: 600)
/// fig.axes.view3D = View3D(camera: Camera3D(azimuth: -60, elevation: 35))
/// fig.axes.view3D?.z = AxisSpec(label: "loss", scale: .log10)
/// fig.axes.surface(grid, colormap: .viridis)
/// ```
public struct View3D: Sendable, Hashable {
    /// Where the scene is seen from.
    public var camera: Camera3D
    /// The vertical axis: label, linear or log scale (a log-height surface), limits.
    public var z: AxisSpec
    /// Relative lengths of the box's x, y and z edges.
    public var boxAspect: BoxAspect
    /// Whether the three back panes of the box are shaded and carry grid lines.
    public var showsPanes: Bool
    /// The azimuths (degrees) the camera turns through in an animation, or nil when it stays
    /// still. A turning panel is zoomed once to fit at every azimuth of the turn, so the box
    /// keeps its size and place, and is drawn whole with each frame (``RenderLayers/frame``),
    /// laid out for the camera of the figure being drawn: a frame closure sets `camera`.
    ///
    /// ```swift
    /// figure.axes.view3D?.turn = -60...30                                      // the static figure
    /// frame.axes.view3D?.camera = Camera3D(azimuth: -60 + 90 * progress, elevation: 30)   // each frame
    /// ```
    public var turn: ClosedRange<Double>?

    /// A 3-D view (default camera −60°, 30°; box 1 : 1 : 0.7).
    public init(camera: Camera3D = Camera3D(), z: AxisSpec = AxisSpec(margin: 0), boxAspect: BoxAspect = BoxAspect(),
                showsPanes: Bool = true, turn: ClosedRange<Double>? = nil) {
        self.camera = camera
        self.z = z
        self.boxAspect = boxAspect
        self.showsPanes = showsPanes
        self.turn = turn.flatMap { $0.lowerBound.isFinite && $0.upperBound.isFinite ? $0 : nil }
    }
}

/// Relative lengths of a 3-D box's edges along x, y and z (matplotlib's `box_aspect`).
///
/// ```swift
/// let flat = BoxAspect(x: 1, y: 1, z: 0.4)
/// ```
public struct BoxAspect: Sendable, Hashable {
    public var x: Double
    public var y: Double
    public var z: Double

    /// Edge lengths (non-positive or non-finite values become 1).
    public init(x: Double = 1, y: Double = 1, z: Double = 0.7) {
        func clean(_ v: Double) -> Double { v.isFinite && v > 0 ? v : 1 }
        self.x = clean(x); self.y = clean(y); self.z = clean(z)
    }
}

/// A vector in 3-D box coordinates.
struct Vector3: Sendable, Hashable {
    var x: Double, y: Double, z: Double
    init(_ x: Double, _ y: Double, _ z: Double) { self.x = x; self.y = y; self.z = z }

    static func + (a: Vector3, b: Vector3) -> Vector3 { Vector3(a.x + b.x, a.y + b.y, a.z + b.z) }
    static func - (a: Vector3, b: Vector3) -> Vector3 { Vector3(a.x - b.x, a.y - b.y, a.z - b.z) }
    static func * (a: Vector3, s: Double) -> Vector3 { Vector3(a.x * s, a.y * s, a.z * s) }
    func dot(_ b: Vector3) -> Double { x * b.x + y * b.y + z * b.z }
    func cross(_ b: Vector3) -> Vector3 { Vector3(y * b.z - z * b.y, z * b.x - x * b.z, x * b.y - y * b.x) }
    var length: Double { dot(self).squareRoot() }
    var normalized: Vector3 { let l = length; return l > 0 ? self * (1 / l) : self }
}
