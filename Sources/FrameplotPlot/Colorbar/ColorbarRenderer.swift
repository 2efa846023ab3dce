import FrameplotCanvas

enum ColorbarGeometry {
    /// The value -> position mapping along a vertical bar from `bottom` to `top`.
    static func axis(for scale: ColorScale, from bottom: Double, to top: Double) -> Scale {
        let (kind, lo, hi) = CoreBridge.normRange(scale.norm)
        return Scale(kind: kind, limits: AxisLimits(lower: lo, upper: hi, kind: kind), pixelStart: bottom, pixelEnd: top)
    }
}

/// Draws a colorbar: the gradient (one raster row per device pixel), frame, ticks, labels.
struct ColorbarRenderer {
    let layout: ColorbarLayout
    let style: PlotStyle
    let canvas: any Canvas

    func draw() {
        let bar = layout.bar
        let n = 256
        var img = RasterImage(width: 1, height: n)
        for j in 0..<n {
            // Row 0 is the top of the bar: the upper end of the scale.
            let t = 1 - (Double(j) + 0.5) / Double(n)
            let c = layout.scale.colormap.color(at: t)
            img[0, j] = RGBA8(c)
        }
        canvas.draw(img, in: bar, interpolation: .bilinear)
        canvas.stroke(.rect(bar), style: StrokeStyle(color: style.spineColor, width: style.spineWidth))
        let ts = StrokeStyle(color: style.tickColor, width: style.tickWidth)
        var major = Path(), minor = Path()
        for t in layout.ticks {
            major.move(to: Point(x: bar.maxX, y: t.position)); major.line(to: Point(x: bar.maxX + style.tickLength, y: t.position))
        }
        for v in layout.minorTicks {
            guard let p = layout.axis.pixel(v), p >= bar.minY - 0.01, p <= bar.maxY + 0.01 else { continue }
            minor.move(to: Point(x: bar.maxX, y: p)); minor.line(to: Point(x: bar.maxX + style.minorTickLength, y: p))
        }
        if !major.isEmpty { canvas.stroke(major, style: ts) }
        if !minor.isEmpty { canvas.stroke(minor, style: StrokeStyle(color: style.tickColor, width: style.tickWidth * 0.75)) }
        for t in layout.ticks { t.label?.draw(on: canvas) }
        layout.label?.draw(on: canvas)
        layout.note?.draw(on: canvas)
    }
}

extension RGBA8 {
    /// The 8-bit version of `color` (rounded, clamped).
    init(_ color: Color) {
        func q(_ v: Double) -> UInt8 { UInt8(Swift.min(255, Swift.max(0, (v * 255).rounded()))) }
        self.init(r: q(color.red), g: q(color.green), b: q(color.blue), a: q(color.alpha))
    }
}
