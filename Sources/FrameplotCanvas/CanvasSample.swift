import Foundation

/// A small titled figure with Japanese text and maths labels, drawn straight through the
/// canvas: the sample that shows fonts, markup, rotation, rasters and strokes work.
///
/// ```swift
/// let canvas = try ImageCanvas(width: CanvasSample.size.width, height: CanvasSample.size.height, scale: 2)
/// CanvasSample.draw(on: canvas)
/// try canvas.writePNG(to: "Output/sample.png")
/// ```
public enum CanvasSample {
    /// The layout size the sample is designed for.
    public static let size = Size(width: 640, height: 420)

    /// Draws the sample figure filling ``size`` on `canvas`.
    public static func draw(on canvas: Canvas) {
        let ink = Color(hex: 0x262626)
        let grid = Color(hex: 0xe5e5e5)
        let blue = Color(hex: 0x1f77b4), orange = Color(hex: 0xff7f0e)
        canvas.fill(.rect(Rect(x: 0, y: 0, width: size.width, height: size.height)), color: .white)

        let title = TextStyle(size: 17, weight: .bold, color: ink)
        canvas.drawText("損失関数値の推移", at: Point(x: size.width / 2, y: 14), style: title, anchor: .topCenter)

        // Left panel: learning curve.
        let plot = Rect(x: 70, y: 54, width: 300, height: 290)
        for i in 0...4 {
            let y = plot.minY + plot.height * Double(i) / 4
            canvas.stroke(.segment(Point(x: plot.minX, y: y), Point(x: plot.maxX, y: y)),
                          style: StrokeStyle(color: grid, width: 0.8))
        }
        var curve = Path()
        var points: [Point] = []
        for i in 0...100 {
            let t = Double(i) / 100
            let loss = 0.08 + 0.9 * exp(-5 * t)
            points.append(Point(x: plot.minX + t * plot.width, y: plot.maxY - loss * plot.height))
        }
        curve.addPolyline(points)
        var validation = Path()
        validation.addPolyline(points.map { Point(x: $0.x, y: $0.y - 18 + 0.06 * ($0.x - plot.minX)) })
        canvas.withSavedState {
            canvas.clip(to: .rect(plot))
            canvas.stroke(curve, style: StrokeStyle(color: blue, width: 2, cap: .round))
            canvas.stroke(validation, style: StrokeStyle(color: orange, width: 1.6, dash: [6, 3]))
        }
        canvas.stroke(.rect(plot), style: StrokeStyle(color: ink, width: 1, join: .miter))

        let tick = TextStyle(size: 10, color: ink, markup: true)
        for (i, label) in ["10<sup>−3</sup>", "10<sup>−2</sup>", "10<sup>−1</sup>", "10<sup>0</sup>", "10<sup>1</sup>"].enumerated() {
            let y = plot.maxY - plot.height * Double(i) / 4
            canvas.drawText(label, at: Point(x: plot.minX - 6, y: y), style: tick, anchor: .centerRight)
        }
        for i in 0...4 {
            let x = plot.minX + plot.width * Double(i) / 4
            canvas.drawText("\(i * 50)", at: Point(x: x, y: plot.maxY + 5), style: tick, anchor: .topCenter)
        }
        let label = TextStyle(size: 12, color: ink, markup: true)
        canvas.drawText("繰り返し回数 <i>t</i>", at: Point(x: plot.midX, y: plot.maxY + 24), style: label, anchor: .topCenter)
        canvas.drawText("損失関数値 <i>L</i>(<i>w</i><sub>0</sub>, <i>w</i><sub>1</sub>)",
                        at: Point(x: 18, y: plot.midY), style: label, anchor: .center, rotation: -Double.pi / 2)

        // Legend.
        let legend = Rect(x: plot.maxX - 118, y: plot.minY + 10, width: 108, height: 46)
        canvas.fill(.rect(legend), color: Color.white.withAlpha(0.9))
        canvas.stroke(.rect(legend), style: StrokeStyle(color: grid, width: 1))
        canvas.stroke(.segment(Point(x: legend.minX + 8, y: legend.minY + 14), Point(x: legend.minX + 30, y: legend.minY + 14)),
                      style: StrokeStyle(color: blue, width: 2))
        canvas.drawText("訓練 <i>L</i><sub>train</sub>", at: Point(x: legend.minX + 36, y: legend.minY + 14),
                        style: TextStyle(size: 10, color: ink, markup: true), anchor: .centerLeft)
        canvas.stroke(.segment(Point(x: legend.minX + 8, y: legend.minY + 32), Point(x: legend.minX + 30, y: legend.minY + 32)),
                      style: StrokeStyle(color: orange, width: 1.6, dash: [6, 3]))
        canvas.drawText("検証 <i>L</i><sub>val</sub>", at: Point(x: legend.minX + 36, y: legend.minY + 32),
                        style: TextStyle(size: 10, color: ink, markup: true), anchor: .centerLeft)

        // Right panel: a small loss-surface raster with a minimum marker.
        let heat = Rect(x: 420, y: 54, width: 190, height: 190)
        var image = RasterImage(width: 48, height: 48)
        for y in 0..<48 {
            for x in 0..<48 {
                let u = Double(x) / 47 * 2 - 1, v = Double(y) / 47 * 2 - 1
                let z = min(1, (1.6 * (u - 0.2) * (u - 0.2) + 0.8 * (v + 0.1) * (v + 0.1) + 0.6 * (u - 0.2) * (v + 0.1)) / 2.2)
                let c = Color(hex: 0x440154).mixed(with: Color(hex: 0x21918c), min(1, z * 2))
                    .mixed(with: Color(hex: 0xfde725), max(0, z * 2 - 1))
                image[x, y] = RGBA8(r: UInt8(c.red * 255), g: UInt8(c.green * 255), b: UInt8(c.blue * 255))
            }
        }
        canvas.draw(image, in: heat, interpolation: .bilinear)
        canvas.stroke(.rect(heat), style: StrokeStyle(color: ink, width: 1, join: .miter))
        let minimum = Point(x: heat.minX + (0.2 + 1) / 2 * heat.width, y: heat.minY + (-0.1 + 1) / 2 * heat.height)
        canvas.stroke(.segment(Point(x: minimum.x - 5, y: minimum.y - 5), Point(x: minimum.x + 5, y: minimum.y + 5)),
                      style: StrokeStyle(color: .red, width: 2, cap: .round))
        canvas.stroke(.segment(Point(x: minimum.x - 5, y: minimum.y + 5), Point(x: minimum.x + 5, y: minimum.y - 5)),
                      style: StrokeStyle(color: .red, width: 2, cap: .round))
        canvas.drawText("<i>w</i><sub>0</sub>", at: Point(x: heat.midX, y: heat.maxY + 5), style: label, anchor: .topCenter)
        canvas.drawText("<i>w</i><sub>1</sub>", at: Point(x: heat.minX - 8, y: heat.midY), style: label,
                        anchor: .center, rotation: -Double.pi / 2)

        let note = TextStyle(size: 11, color: ink, markup: true)
        canvas.drawText("<i>ŷ</i> = <i>w</i><sub>0</sub> + <i>w</i><sub>1</sub><i>x</i><sub>1</sub>",
                        at: Point(x: heat.midX, y: heat.maxY + 40), style: note, anchor: .topCenter)
        canvas.drawText("学習率 <i>η</i> = 10<sup>−3</sup>", at: Point(x: heat.midX, y: heat.maxY + 62),
                        style: note, anchor: .topCenter)
        canvas.drawText("<b>最小値</b> × (0.43, 3.31)", at: Point(x: heat.midX, y: heat.maxY + 84),
                        style: note, anchor: .topCenter)
    }
}
