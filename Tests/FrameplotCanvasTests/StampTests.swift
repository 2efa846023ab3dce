import Foundation
import Testing
@testable import FrameplotCanvas

@Suite struct StampTests {
    /// Seeded points, some off the canvas.
    func points(_ count: Int, in size: Size) -> [Point] {
        var state: UInt64 = 99
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) * 0x1.0p-53
        }
        return (0..<count).map { _ in Point(x: next() * (size.width + 20) - 10, y: next() * (size.height + 20) - 10) }
    }

    func drawBoth(_ stamp: Stamp, scale: Double, colors: [Color], count: Int = 1_500, eighths: Bool = false,
                  setup: (ImageCanvas) -> Void = { _ in }) throws -> (stamped: RasterImage, drawn: RasterImage) {
        let size = Size(width: 120, height: 80)
        var pts = points(count, in: size)
        if eighths { pts = pts.map { Point(x: ($0.x * scale * 8).rounded() / (scale * 4), y: ($0.y * scale * 8).rounded() / (scale * 4)) } }
        var images: [RasterImage] = []
        for stamping in [true, false] {
            let canvas = try ImageCanvas(width: size.width, height: size.height, scale: scale)
            canvas.clear(.white)
            canvas.withSavedState {
                setup(canvas)
                if stamping {
                    canvas.stamp(stamp, at: pts, colors: colors)
                } else {
                    for (i, p) in pts.enumerated() {
                        let c = colors.count == pts.count ? colors[i] : colors[0]
                        for layer in stamp.layers {
                            var path = Path()
                            for e in stamp.path.elements {
                                switch e {
                                case .move(let q): path.move(to: Point(x: q.x + p.x, y: q.y + p.y))
                                case .line(let q): path.line(to: Point(x: q.x + p.x, y: q.y + p.y))
                                case let .arc(center, r, a0, a1, cw):
                                    path.addArc(center: Point(x: center.x + p.x, y: center.y + p.y), radius: r, startAngle: a0, endAngle: a1, clockwise: cw)
                                case .close: path.close()
                                case .curve: break
                                }
                            }
                            switch layer.paint {
                            case .fill: canvas.fill(path, color: layer.color ?? c)
                            case .stroke(var style): style.color = layer.color ?? c; canvas.stroke(path, style: style)
                            }
                        }
                    }
                }
            }
            try canvas.checkStatus()
            images.append(canvas.snapshot())
        }
        return (images[0], images[1])
    }

    /// Mean absolute channel difference (over a canvas full of overlapping edges), and the
    /// share of pixels off by more than 96.
    func difference(_ a: RasterImage, _ b: RasterImage) -> (mean: Double, far: Double) {
        var sum = 0, far = 0
        for i in stride(from: 0, to: a.pixels.count, by: 4) {
            let d = (0..<3).map { abs(Int(a.pixels[i + $0]) - Int(b.pixels[i + $0])) }
            sum += d.reduce(0, +)
            if d.max() ?? 0 > 96 { far += 1 }
        }
        let n = Double(a.pixels.count / 4)
        return (Double(sum) / n / 3, Double(far) / n)
    }

    static let dot = Stamp(path: .circle(center: .zero, radius: 2.5), layers: [
        Stamp.Layer(paint: .fill),
        Stamp.Layer(paint: .stroke(StrokeStyle(color: .white, width: 0.6, join: .miter)), color: .white),
    ])
    static let cross: Stamp = {
        var p = Path()
        p.move(to: Point(x: -2, y: -2)); p.line(to: Point(x: 2, y: 2))
        p.move(to: Point(x: -2, y: 2)); p.line(to: Point(x: 2, y: -2))
        return Stamp(path: p, layers: [Stamp.Layer(paint: .stroke(StrokeStyle(color: .black, width: 1)))])
    }()

    @Test("stamped markers look like markers drawn one by one", arguments: [1.0, 2.0])
    func matchesDrawing(scale: Double) throws {
        let blue = Color(hex: 0x1f77b4, alpha: 0.5)
        for stamp in [Self.dot, Self.cross] {
            let (stamped, drawn) = try drawBoth(stamp, scale: scale, colors: [blue])
            let d = difference(stamped, drawn)
            #expect(d.mean < 2.5 && d.far == 0, "mean \(d.mean), far \(d.far)")
        }
    }

    @Test("on eighth-pixel positions stamps and drawings agree to rounding", arguments: [1.0, 2.0])
    func exactOnEighths(scale: Double) throws {
        for stamp in [Self.dot, Self.cross] {
            let (stamped, drawn) = try drawBoth(stamp, scale: scale, colors: [Color(hex: 0xd62728, alpha: 0.7)], count: 200, eighths: true)
            #expect((stamped.maximumDifference(from: drawn) ?? 255) <= 3)
        }
    }

    @Test("per-point colours, a translation and a clip are honoured")
    func coloursTranslationAndClip() throws {
        let colors = points(1_500, in: Size(width: 1, height: 1)).map { Color(red: $0.x, green: 0.3, blue: $0.y, alpha: 0.8) }
        let (stamped, drawn) = try drawBoth(Self.dot, scale: 1.5, colors: colors) { canvas in
            // A clip on whole device pixels: where a clip edge cuts a pixel, stamps apply it once
            // to all copies there and drawings to each copy, so those pixels may differ.
            canvas.translate(dx: 2.25, dy: -3.5)
            canvas.clip(to: .rect(Rect(x: 9.75, y: 9.5, width: 70, height: 40)))
        }
        let d = difference(stamped, drawn)
        #expect(d.mean < 2.5 && d.far == 0, "mean \(d.mean), far \(d.far)")
        // Outside the clip nothing was painted.
        #expect(stamped[2, 2] == RGBA8(r: 255, g: 255, b: 255) && stamped[170, 110] == RGBA8(r: 255, g: 255, b: 255))
    }

    @Test("under a rotation every copy is drawn exactly; empty input draws nothing")
    func rotationFallsBackToDrawing() throws {
        let (stamped, drawn) = try drawBoth(Self.cross, scale: 1, colors: [.black], count: 50) { $0.rotate(radians: 0.3) }
        #expect(stamped.maximumDifference(from: drawn) == 0)
        let canvas = try ImageCanvas(width: 10, height: 10)
        canvas.stamp(Self.dot, at: [], colors: [.red])
        canvas.stamp(Self.dot, at: [Point(x: 5, y: 5)], colors: [])
        #expect(canvas.snapshot() == RasterImage(width: 10, height: 10))
    }

    @Test("the same stamps give the same pixels")
    func deterministic() throws {
        let a = try drawBoth(Self.dot, scale: 2, colors: [.red], count: 300).stamped
        let b = try drawBoth(Self.dot, scale: 2, colors: [.red], count: 300).stamped
        #expect(a == b)
    }
}
