import FrameplotCanvas

extension Path {
    /// A rectangle with circular corners of `radius` (clamped to half the shorter side).
    ///
    /// ```swift
    /// canvas.fill(.roundedRect(Rect(x: 10, y: 10, width: 80, height: 24), radius: 4), color: .white)
    /// ```
    static func roundedRect(_ r: Rect, radius: Double) -> Path {
        let k = Swift.max(0, Swift.min(radius, r.width / 2, r.height / 2))
        var p = Path()
        p.move(to: Point(x: r.minX + k, y: r.minY))
        p.line(to: Point(x: r.maxX - k, y: r.minY))
        p.addArc(center: Point(x: r.maxX - k, y: r.minY + k), radius: k, startAngle: -Double.pi / 2, endAngle: 0)
        p.line(to: Point(x: r.maxX, y: r.maxY - k))
        p.addArc(center: Point(x: r.maxX - k, y: r.maxY - k), radius: k, startAngle: 0, endAngle: Double.pi / 2)
        p.line(to: Point(x: r.minX + k, y: r.maxY))
        p.addArc(center: Point(x: r.minX + k, y: r.maxY - k), radius: k, startAngle: Double.pi / 2, endAngle: Double.pi)
        p.line(to: Point(x: r.minX, y: r.minY + k))
        p.addArc(center: Point(x: r.minX + k, y: r.minY + k), radius: k, startAngle: Double.pi, endAngle: 1.5 * Double.pi)
        p.close()
        return p
    }
}
