import Foundation
import FrameplotCanvas

/// A canvas that draws like an ``ImageCanvas`` and measures, for every mark and text, the
/// WCAG 2 contrast between its colour and what surrounds it.
///
/// Draw a figure on it (or an animation's static layer and then a frame), then read
/// ``findings`` or ``failures``. What is checked:
/// - each mark of a ``Figure`` as one unit (all its strokes, fills and texts together);
///   marks whose ``Mark/emphasis`` is not `.regular` (deliberately faint guides, backdrops
///   such as heatmaps, regions and spans) are skipped, and so are marker halos;
/// - outside marks, every stroke and every text on its own (axis frames, ticks, labels,
///   legend entries); other fills are backgrounds, and images are never checked.
///
/// A unit is painted alone, opaque, on a scratch canvas to find the pixels it covers. Along
/// its edge (covered pixels with uncovered ones one or two pixels away) the ratio compares
/// the unit's colour, painted at its alpha over the picture as it was before the unit, with
/// its uncovered neighbours as the picture shows them (a halo drawn around a marker counts:
/// that is what it is for); the best neighbour counts, so a frame line between a heatmap and
/// the background passes on its background side. A unit passes when at least
/// ``requiredShare`` of its edge reaches ``minimum``: a line crossing a few points of its own
/// colour passes, a line in the panel's colour does not.
///
/// ```swift
/// let audit = try ContrastAudit(figure: fig)
/// #expect(audit.failures.isEmpty, "\(audit.failures)")
/// ```
public final class ContrastAudit: Canvas {
    /// The contrast of one mark, or of one stroke or text outside marks.
    public struct Finding: Sendable, Hashable, CustomStringConvertible {
        /// What was drawn: the mark's type and label, or "text '…'" / "stroke".
        public var subject: String
        /// The colour it was drawn in (the first one, for marks with several).
        public var color: Color
        /// The share of its edge pixels at the minimum contrast or more (0...1).
        public var passingShare: Double
        /// The median contrast ratio over its edge pixels.
        public var medianRatio: Double
        /// How many edge pixels were compared.
        public var pixels: Int

        public var description: String {
            let hex = String(format: "#%02x%02x%02x", Int((color.red * 255).rounded()),
                             Int((color.green * 255).rounded()), Int((color.blue * 255).rounded()))
            return "\(subject) \(hex): median \(String(format: "%.2f", medianRatio)):1, "
                + "\(Int((passingShare * 100).rounded()))% of \(pixels) px pass"
        }
    }

    /// The canvas everything is drawn on (the picture, for looking at it).
    public let image: ImageCanvas
    /// The minimum ratio each edge pixel is held to (3 by default: WCAG 2 for graphics).
    public let minimum: Double
    /// The share of a unit's edge pixels that must reach ``minimum`` (0.7 by default: marks
    /// that carry meaning measure 0.77 or more in the gallery and scenes, invisible ones 0.5
    /// or less).
    public let requiredShare: Double
    /// Every unit checked, in drawing order.
    public private(set) var findings: [Finding] = []

    /// The units that fall short.
    public var failures: [Finding] { findings.filter { $0.passingShare < requiredShare } }

    public var size: Size { image.size }

    private let scratch: ImageCanvas
    private var roles: [AuditRole] = []
    private var transforms: [Transform] = []
    private var transform = Transform()
    private var clips: [Rect] = []
    private var clip: Rect
    /// The mark being drawn: its name, first colour, the area its checked drawing covers on
    /// the scratch canvas, and the picture before it.
    private var open: Unit?

    private struct Unit {
        var name: String
        var color: Color?
        var box: PixelBox?
        var before: [UInt8]
    }

    /// An audit canvas of `width` × `height` layout units at `scale`.
    public init(width: Double, height: Double, scale: Double = 1, minimum: Double = Color.minimumGraphicsContrast,
                requiredShare: Double = 0.7) throws {
        image = try ImageCanvas(width: width, height: height, scale: scale)
        scratch = try ImageCanvas(width: width, height: height, scale: scale)
        self.minimum = minimum
        self.requiredShare = requiredShare
        clip = Rect(x: 0, y: 0, width: Double(image.pixelWidth), height: Double(image.pixelHeight))
    }

    /// Renders `figure` on a new audit canvas of its size and scale.
    public convenience init(figure: Figure, minimum: Double = Color.minimumGraphicsContrast,
                            requiredShare: Double = 0.7) throws {
        try self.init(width: figure.size.width, height: figure.size.height, scale: figure.scale,
                      minimum: minimum, requiredShare: requiredShare)
        figure.render(on: self)
    }

    // MARK: Roles (told by the plot renderer)

    func push(_ role: AuditRole) {
        if case .mark(let name, _) = role, open == nil, roles.allSatisfy(checks(role:)), checks(role: role) {
            open = Unit(name: name, color: nil, box: nil, before: image.withUnsafeBGRABytes { bytes, _ in [UInt8](bytes) })
        }
        roles.append(role)
    }

    func pop() {
        guard let role = roles.popLast() else { return }
        guard case .mark = role, let unit = open, !roles.contains(where: { if case .mark = $0 { return true } else { return false } })
        else { return }
        open = nil
        if let box = unit.box, let color = unit.color {
            let ratios = unit.before.withUnsafeBytes { before in
                image.withUnsafeBGRABytes { after, rowBytes in evaluate(box, alpha: color.alpha, before: before, after: after, rowBytes: rowBytes) }
            }
            record(unit.name, color: color, ratios: ratios)
        }
        clearScratch()
    }

    private func checks(role: AuditRole) -> Bool {
        switch role {
        case .mark(_, let emphasis): return emphasis == .regular
        case .backdrop, .deemphasized: return false
        }
    }

    /// Whether an operation of this kind is checked under the current roles: everything in
    /// a regular mark, strokes and texts outside marks (other fills are backgrounds).
    private func checksOperation(isFill: Bool) -> Bool {
        guard roles.allSatisfy(checks(role:)) else { return false }
        return open != nil || !isFill
    }

    // MARK: Canvas

    public func clear(_ color: Color) { image.clear(color) }

    public func fill(_ path: Path, color: Color, rule: FillRule) {
        if checksOperation(isFill: true) {
            check(color: color, subject: "fill", bounds: bounds(of: path, inflatedBy: 1)) { $0.fill(path, color: color.withAlpha(1), rule: rule) }
        }
        image.fill(path, color: color, rule: rule)
    }

    public func stroke(_ path: Path, style: StrokeStyle) {
        if checksOperation(isFill: false) {
            var solid = style
            solid.color = style.color.withAlpha(1)
            check(color: style.color, subject: "stroke", bounds: bounds(of: path, inflatedBy: style.width / 2 + 1)) {
                $0.stroke(path, style: solid)
            }
        }
        image.stroke(path, style: style)
    }

    public func drawText(_ text: String, at point: Point, style: TextStyle, anchor: TextAnchor, rotation: Double) {
        if checksOperation(isFill: false) {
            var solid = style
            solid.color = style.color.withAlpha(1)
            let box = TextPlacement.bounds(of: image.measureText(text, style: style), at: point, anchor: anchor, rotation: rotation)
            let shown = text.count > 24 ? String(text.prefix(24)) + "…" : text
            check(color: style.color, subject: "text '\(shown)'", bounds: bounds(of: Path.rect(box), inflatedBy: 1)) {
                $0.drawText(text, at: point, style: solid, anchor: anchor, rotation: rotation)
            }
        }
        image.drawText(text, at: point, style: style, anchor: anchor, rotation: rotation)
    }

    public func withSavedState<T>(_ body: () throws -> T) rethrows -> T {
        transforms.append(transform)
        clips.append(clip)
        defer {
            transform = transforms.popLast() ?? Transform()
            clip = clips.popLast() ?? clip
        }
        return try image.withSavedState { try scratch.withSavedState(body) }
    }

    public func clip(to path: Path) {
        clip = deviceRect(of: path, margin: 0).map { clip.intersection($0) } ?? clip
        image.clip(to: path)
        scratch.clip(to: path)
    }

    public func translate(dx: Double, dy: Double) {
        transform = transform.translated(dx: dx, dy: dy)
        image.translate(dx: dx, dy: dy)
        scratch.translate(dx: dx, dy: dy)
    }

    public func rotate(radians: Double) {
        transform = transform.rotated(radians)
        image.rotate(radians: radians)
        scratch.rotate(radians: radians)
    }

    public func draw(_ raster: RasterImage, in rect: Rect, interpolation: Interpolation) {
        image.draw(raster, in: rect, interpolation: interpolation)
    }

    public func composite(_ layer: ImageCanvas, at origin: Point) { image.composite(layer, at: origin) }

    public func measureText(_ text: String, style: TextStyle) -> TextMetrics { image.measureText(text, style: style) }

    // MARK: Measuring

    /// Paints an operation (opaque, in its colour) on the scratch canvas: into the open
    /// mark, or, outside marks, checks it at once against the picture it is drawn on.
    private func check(color: Color, subject: String, bounds box: PixelBox?, paint: (ImageCanvas) -> Void) {
        guard let box else { return }
        paint(scratch)
        if var unit = open {
            unit.box = unit.box.map { $0.union(box) } ?? box
            if unit.color == nil { unit.color = color }
            open = unit
            return
        }
        let ratios = image.withUnsafeBGRABytes { picture, rowBytes in
            evaluate(box, alpha: color.alpha, before: picture, after: picture, rowBytes: rowBytes)
        }
        record(subject, color: color, ratios: ratios)
        clearScratch()
    }

    private func clearScratch() {
        scratch.withSavedState {
            scratch.clip(to: .rect(Rect(x: -1e6, y: -1e6, width: 2e6, height: 2e6)))
            scratch.clear(.clear)
        }
    }

    /// The contrast along the edge of what the scratch canvas holds in `box`: for each pixel
    /// it covers at least half that lies within two pixels of uncovered ones, the best ratio
    /// between its colour (painted at `alpha` over the picture `before`) and those uncovered
    /// neighbours as the picture shows them `after` (with any halo drawn around the mark).
    /// (`before` and `after` are the image's bytes, `rowBytes` apart; a snapshot is a copy.)
    private func evaluate(_ box: PixelBox, alpha: Double, before: UnsafeRawBufferPointer,
                          after: UnsafeRawBufferPointer, rowBytes: Int) -> [Float] {
        let w = image.pixelWidth, h = image.pixelHeight
        let a = Float(Swift.min(1, Swift.max(0, alpha)))
        var ratios: [Float] = []
        // Big areas are sampled on every other pixel: plenty for a share.
        let step = box.area > 250_000 ? 2 : 1
        scratch.withUnsafeBGRABytes { mark, stride in
            guard mark.count >= stride * h, before.count >= rowBytes * h, after.count >= rowBytes * h else { return }
            for y in Swift.stride(from: box.y0, to: box.y1, by: step) {
                for x in Swift.stride(from: box.x0, to: box.x1, by: step) {
                    let m = y * stride + x * 4
                    guard mark[m + 3] >= 128 else { continue }
                    let paint = ContrastAudit.unpremultiplied(mark, m)
                    let under = ContrastAudit.straight(before, y * rowBytes + x * 4)
                    let shown = paint * a + under * (1 - a)
                    var best: Float = 0
                    for (dx, dy) in ContrastAudit.neighbours {
                        let nx = x + dx, ny = y + dy
                        guard nx >= 0, ny >= 0, nx < w, ny < h, mark[ny * stride + nx * 4 + 3] == 0 else { continue }
                        let beside = ContrastAudit.straight(after, ny * rowBytes + nx * 4)
                        best = Swift.max(best, ContrastAudit.ratio(shown, beside))
                    }
                    if best > 0 { ratios.append(best) }
                }
            }
        }
        return ratios
    }

    /// Where a mark's edge pixel looks for what surrounds it: one and two pixels away in
    /// eight directions (a thin halo one pixel out counts; the anti-aliased fringe, partly
    /// covered, is skipped).
    private static let neighbours: [(Int, Int)] = [
        (1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, -1), (1, -1), (-1, 1),
        (2, 0), (-2, 0), (0, 2), (0, -2), (2, 2), (-2, -2), (2, -2), (-2, 2),
    ]

    private func record(_ subject: String, color: Color?, ratios: [Float]) {
        guard !ratios.isEmpty, let color else { return }
        let sorted = ratios.sorted()
        let passing = sorted.count - (sorted.firstIndex { Double($0) >= minimum } ?? sorted.count)
        findings.append(Finding(subject: subject, color: color, passingShare: Double(passing) / Double(sorted.count),
                                medianRatio: Double(sorted[sorted.count / 2]), pixels: sorted.count))
    }

    /// WCAG 2 linear light of an sRGB channel, by 1/1023 steps of the channel.
    private static let linearTable: [Float] = (0...1023).map { i in
        let v = Double(i) / 1023
        return Float(v <= 0.04045 ? v / 12.92 : Foundation.pow((v + 0.055) / 1.055, 2.4))
    }

    /// The straight RGB (0...1) of the premultiplied BGRA pixel at byte `offset`, over white
    /// where it is not opaque (as a viewer shows it).
    static func straight(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> SIMD3<Float> {
        let a = Float(bytes[offset + 3]) / 255
        return SIMD3<Float>(Float(bytes[offset + 2]), Float(bytes[offset + 1]), Float(bytes[offset])) / 255
            + SIMD3(repeating: 1 - a)
    }

    /// The straight RGB (0...1) of the premultiplied BGRA pixel at byte `offset`, whatever its alpha.
    static func unpremultiplied(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> SIMD3<Float> {
        let a = Float(Swift.max(1, bytes[offset + 3]))
        return SIMD3<Float>(Float(bytes[offset + 2]), Float(bytes[offset + 1]), Float(bytes[offset])) / a
    }

    /// The WCAG 2 contrast ratio of two straight sRGB colours.
    static func ratio(_ c1: SIMD3<Float>, _ c2: SIMD3<Float>) -> Float {
        func luminance(_ c: SIMD3<Float>) -> Float {
            func lin(_ v: Float) -> Float { linearTable[Int((Swift.min(1, Swift.max(0, v)) * 1023).rounded())] }
            return 0.2126 * lin(c.x) + 0.7152 * lin(c.y) + 0.0722 * lin(c.z)
        }
        let l1 = luminance(c1), l2 = luminance(c2)
        return (Swift.max(l1, l2) + 0.05) / (Swift.min(l1, l2) + 0.05)
    }

    /// The device-pixel rectangle covered by `path` (plus `margin` layout units) under the
    /// current transform, or `nil` for an empty path.
    private func deviceRect(of path: Path, margin: Double) -> Rect? {
        var x0 = Double.infinity, y0 = Double.infinity, x1 = -Double.infinity, y1 = -Double.infinity
        func add(_ p: Point) {
            let q = transform.apply(p)
            x0 = Swift.min(x0, q.x); x1 = Swift.max(x1, q.x); y0 = Swift.min(y0, q.y); y1 = Swift.max(y1, q.y)
        }
        for element in path.elements {
            switch element {
            case .move(let p), .line(let p): add(p)
            case let .curve(a, b, c): add(a); add(b); add(c)
            case let .arc(center, radius, _, _, _):
                for (dx, dy) in [(-1.0, -1.0), (1, -1), (-1, 1), (1, 1)] {
                    add(Point(x: center.x + dx * radius, y: center.y + dy * radius))
                }
            case .close: break
            }
        }
        guard x0 <= x1, y0 <= y1 else { return nil }
        let s = image.scale, m = margin * s
        return Rect(x: x0 * s - m, y: y0 * s - m, width: (x1 - x0) * s + 2 * m, height: (y1 - y0) * s + 2 * m)
    }

    /// The pixels `path` (plus `margin`) may cover inside the clip and the image, or `nil`.
    private func bounds(of path: Path, inflatedBy margin: Double) -> PixelBox? {
        guard let r = deviceRect(of: path, margin: margin) else { return nil }
        return PixelBox(r.intersection(clip), width: image.pixelWidth, height: image.pixelHeight)
    }
}

/// A clip or pixel area in device pixels.
private struct PixelBox {
    var x0 = 0, y0 = 0, x1 = 0, y1 = 0
    var area: Int { (x1 - x0) * (y1 - y0) }

    func union(_ o: PixelBox) -> PixelBox {
        var u = self
        u.x0 = Swift.min(x0, o.x0); u.y0 = Swift.min(y0, o.y0); u.x1 = Swift.max(x1, o.x1); u.y1 = Swift.max(y1, o.y1)
        return u
    }

    init?(_ r: Rect, width: Int, height: Int) {
        guard r.width > 0, r.height > 0, r.minX.isFinite, r.minY.isFinite, r.maxX.isFinite, r.maxY.isFinite else { return nil }
        x0 = Swift.max(0, Int(Swift.max(-1, r.minX).rounded(.down)))
        y0 = Swift.max(0, Int(Swift.max(-1, r.minY).rounded(.down)))
        x1 = Swift.min(width, Int(Swift.min(Double(width), r.maxX).rounded(.up)))
        y1 = Swift.min(height, Int(Swift.min(Double(height), r.maxY).rounded(.up)))
        guard x1 > x0, y1 > y0 else { return nil }
    }
}

/// A 2-D affine map, composed like cairo's user transform.
private struct Transform {
    var a = 1.0, b = 0.0, c = 0.0, d = 1.0, tx = 0.0, ty = 0.0

    func apply(_ p: Point) -> Point { Point(x: a * p.x + c * p.y + tx, y: b * p.x + d * p.y + ty) }

    func translated(dx: Double, dy: Double) -> Transform {
        guard dx.isFinite, dy.isFinite else { return self }
        var t = self
        t.tx = a * dx + c * dy + tx
        t.ty = b * dx + d * dy + ty
        return t
    }

    func rotated(_ radians: Double) -> Transform {
        guard radians.isFinite else { return self }
        let cs = Foundation.cos(radians), sn = Foundation.sin(radians)
        var t = self
        t.a = a * cs + c * sn; t.b = b * cs + d * sn
        t.c = -a * sn + c * cs; t.d = -b * sn + d * cs
        return t
    }
}

private extension Rect {
    func intersection(_ o: Rect) -> Rect {
        let x0 = Swift.max(minX, o.minX), y0 = Swift.max(minY, o.minY)
        let x1 = Swift.min(maxX, o.maxX), y1 = Swift.min(maxY, o.maxY)
        return Rect(x: x0, y: y0, width: Swift.max(0, x1 - x0), height: Swift.max(0, y1 - y0))
    }
}

/// What the plot renderer is drawing, as told to a ``ContrastAudit`` canvas.
enum AuditRole: Sendable {
    /// A mark, named for findings, with its emphasis.
    case mark(String, MarkEmphasis)
    /// Fills other marks sit on (caption panels, legend boxes).
    case backdrop
    /// Deliberately faint drawing: grid lines, marker halos, panel edges.
    case deemphasized
}

extension Canvas {
    /// Runs `body`, telling a ``ContrastAudit`` canvas what it draws (nothing on other canvases).
    func auditing(_ role: AuditRole, _ body: () -> Void) {
        guard let audit = self as? ContrastAudit else { return body() }
        audit.push(role)
        body()
        audit.pop()
    }
}
