import Foundation
import FrameplotCanvas

/// Maps data (x, y, z) of a 3-D panel to layout units on the canvas: each axis through its
/// scale (linear or log) into the panel's box, the box through the orthographic camera,
/// then scaled and centred in the plot area. Also gives each point's depth (larger is
/// nearer the viewer).
///
/// Obtain it from ``PanelLayout/threeD`` to draw extra things where a 3-D panel's marks go.
///
/// ```swift
/// let layout = figure.layout(measuringWith: canvas)
/// let p = layout.panels[1].threeD?.projection.point(x: 1, y: 1, z: 0)
/// ```
public struct Projection3D: Sendable, Hashable {
    /// The camera.
    public let camera: Camera3D
    /// The data limits and scales of the three axes.
    public let x: Scale, y: Scale, z: Scale
    /// Layout units per box unit.
    public let zoom: Double
    /// Where the box's centre lands, in layout units.
    public let center: Point
    /// Half the box's edge lengths (the longest is 1).
    let half: Vector3
    let right: Vector3, up: Vector3, toward: Vector3

    /// A projection of limits `x`, `y`, `z` (each with its scale kind) into a box of
    /// `aspect`, seen by `camera`, `zoom` layout units per box unit, centred on `center`.
    init(camera: Camera3D, x: Scale, y: Scale, z: Scale, aspect: BoxAspect, zoom: Double, center: Point) {
        self.camera = camera
        self.x = x; self.y = y; self.z = z
        let longest = Swift.max(aspect.x, aspect.y, aspect.z)
        half = Vector3(aspect.x / longest, aspect.y / longest, aspect.z / longest)
        (right, up, toward) = camera.basis
        self.zoom = zoom.isFinite && zoom > 0 ? zoom : 1
        self.center = center
    }

    /// The same view, zoomed and centred elsewhere.
    func placed(zoom: Double, center: Point) -> Projection3D {
        Projection3D(camera: camera, x: x, y: y, z: z, aspect: BoxAspect(x: half.x, y: half.y, z: half.z),
                     zoom: zoom, center: center)
    }

    /// The screen position of a data point, or nil when a scale refuses a coordinate
    /// (NaN, or ≤ 0 on a log axis). Values beyond the limits land outside the box.
    ///
    /// ```swift
    /// projection.point(x: 3, y: 0.5, z: 0)
    /// ```
    public func point(x dx: Double, y dy: Double, z dz: Double) -> Point? {
        box(x: dx, y: dy, z: dz).map(screen)
    }

    /// Box coordinates (−half…half per axis) of a data point.
    func box(x dx: Double, y dy: Double, z dz: Double) -> Vector3? {
        guard let fx = x.fraction(dx), let fy = y.fraction(dy), let fz = z.fraction(dz) else { return nil }
        return Vector3((2 * fx - 1) * half.x, (2 * fy - 1) * half.y, (2 * fz - 1) * half.z)
    }

    /// Box x and y of data x, y (nil when refused).
    func boxXY(x dx: Double, y dy: Double) -> (Double, Double)? {
        guard let fx = x.fraction(dx), let fy = y.fraction(dy) else { return nil }
        return ((2 * fx - 1) * half.x, (2 * fy - 1) * half.y)
    }

    /// Box z of a data height, clamped into the box (values below a log axis's floor,
    /// zero included, sit on the floor); nil for NaN.
    func boxZ(clamping dz: Double) -> Double? {
        guard !dz.isNaN else { return nil }
        let f: Double
        if let t = z.fraction(dz) {
            f = t
        } else {
            f = dz > 0 ? 1 : 0   // +∞ to the ceiling; −∞ and refused non-positive values to the floor
        }
        return (2 * Swift.min(1, Swift.max(0, f)) - 1) * half.z
    }

    /// The z axis's straight coordinate (log10 of the height on a log axis) at box height `bz`.
    func zStraight(box bz: Double) -> Double {
        let t0 = z.kind.transform(z.limits.lower) ?? 0, t1 = z.kind.transform(z.limits.upper) ?? 1
        return t0 + (bz / half.z + 1) / 2 * (t1 - t0)
    }

    /// Layout position of box coordinates.
    @inline(__always)
    func screen(_ b: Vector3) -> Point {
        Point(x: center.x + zoom * b.dot(right), y: center.y - zoom * b.dot(up))
    }

    /// Depth of box coordinates (larger is nearer the viewer).
    @inline(__always)
    func depth(_ b: Vector3) -> Double { b.dot(toward) }

    /// The eight corners of the box.
    var corners: [Vector3] {
        var out: [Vector3] = []
        for sz in [-1.0, 1] { for sy in [-1.0, 1] { for sx in [-1.0, 1] { out.append(Vector3(sx * half.x, sy * half.y, sz * half.z)) } } }
        return out
    }

    /// The direction of the light in box coordinates: from the viewer's upper left, fixed
    /// relative to the camera so that every view is lit alike.
    var light: Vector3 { (right * -0.45 + up * 0.62 + toward * 0.64).normalized }
}
