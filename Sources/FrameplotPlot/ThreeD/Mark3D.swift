import FrameplotCanvas

/// A mark of a 3-D panel: drawn through the panel's ``Projection3D``, hidden where the
/// panel's surfaces cover it.
///
/// A 3-D mark is also a 2-D ``Mark``: in a panel without ``Axes/view3D`` it is drawn as
/// seen from straight above (x and y only).
public protocol Mark3D: Mark {
    /// The data ranges for automatic limits (nil: none).
    func extent3D(zScale: ScaleKind) -> Extent3D?
    /// Draws the mark in a 3-D panel.
    func draw3D(in context: MarkContext3D)
}

/// The data ranges a 3-D mark covers; `tight` ones (surfaces) get no margin.
public struct Extent3D: Sendable, Hashable {
    public var x: ClosedRange<Double>?
    public var y: ClosedRange<Double>?
    public var z: ClosedRange<Double>?
    public var tight: Bool

    public init(x: ClosedRange<Double>?, y: ClosedRange<Double>?, z: ClosedRange<Double>?, tight: Bool = false) {
        self.x = x; self.y = y; self.z = z; self.tight = tight
    }

    /// The ranges of points (heights on a `zScale` axis; none when they lie on a surface).
    init(points xs: [Double], _ ys: [Double], _ zs: [Double]?, zScale: ScaleKind) {
        self.init(x: MarkExtent.range(of: xs, kind: .linear), y: MarkExtent.range(of: ys, kind: .linear),
                  z: zs.flatMap { MarkExtent.range(of: $0, kind: zScale) })
    }
}

/// What a 3-D mark needs to draw itself.
public struct MarkContext3D {
    /// Where to draw (clipped to the plot area).
    public let canvas: any Canvas
    /// Data to layout units and depth.
    public let projection: Projection3D
    /// The figure's theme.
    public let theme: Theme
    /// Device pixels per layout unit.
    public let resolution: Double
    /// The nearest surface depth per layout unit, when the panel has surfaces.
    let depth: DepthBuffer?
    /// The panel's first surface, for marks that lie on it.
    let surface: SurfaceMesh?

    /// Where a data point lands on the canvas and whether it is seen (not covered by a
    /// surface); `z` nil puts it on the panel's surface. Nil when a scale refuses a
    /// coordinate or, for a point on the surface, when (x, y) is off the surface.
    ///
    /// ```swift
    /// if let (p, seen) = context.point(x: 3, y: 0.5, z: nil), seen {
    ///     context.canvas.drawText("minimum", at: p, style: TextStyle(), anchor: .bottomCenter)
    /// }
    /// ```
    public func point(x: Double, y: Double, z: Double?) -> (point: Point, visible: Bool)? {
        guard let b = boxPoint(x: x, y: y, z: z) else { return nil }
        return (projection.screen(b), isVisible(b))
    }

    /// Whether a box point would be seen (not covered by a surface).
    func isVisible(_ b: Vector3) -> Bool {
        depth?.isVisible(projection.screen(b), depth: projection.depth(b)) ?? true
    }

    /// Box coordinates of (x, y) on the panel's surface (nil without a surface or off it).
    func onSurface(x: Double, y: Double) -> Vector3? {
        guard let surface, let (bx, by) = projection.boxXY(x: x, y: y), let bz = surface.height(atBoxX: bx, y: by) else { return nil }
        return Vector3(bx, by, bz)
    }

    /// Box coordinates of a data point (z clamped into the box), or on the surface when `z` is nil.
    func boxPoint(x: Double, y: Double, z: Double?) -> Vector3? {
        guard let z else { return onSurface(x: x, y: y) }
        guard let (bx, by) = projection.boxXY(x: x, y: y), let bz = projection.boxZ(clamping: z) else { return nil }
        return Vector3(bx, by, bz)
    }
}
