import Foundation
import Frameplot
@_spi(Benchmark) import FrameplotCanvas

/// Prints the canvas benchmark figures: drawing one 800x600 frame, and encoding it to PNG
/// with cairo's own writer versus the libpng encoder at several levels and filters.
func runCanvasBenchmarks() {
    do {
        try CanvasBenchmark().run()
    } catch {
        print("canvas: benchmark failed: \(error)")
    }
}

private struct CanvasBenchmark {
    let repetitions = 30

    /// A frame like an animation's: a loss-surface heatmap, a path, data points, axes and text.
    func drawFrame(on canvas: Canvas, step: Int) {
        canvas.clear(.white)
        var heat = RasterImage(width: 160, height: 120)
        for y in 0..<120 {
            for x in 0..<160 {
                let u = Double(x) / 159 * 2 - 1, v = Double(y) / 119 * 2 - 1
                let z = min(1, log1p(4 * (u * u + 0.5 * v * v + 0.3 * u * v)) / 2)
                heat[x, y] = RGBA8(r: UInt8(68 + 185 * z), g: UInt8(1 + 230 * z), b: UInt8(84 + 60 * (1 - z)))
            }
        }
        let panel = Rect(x: 50, y: 40, width: 330, height: 500)
        canvas.draw(heat, in: panel, interpolation: .bilinear)
        var path = Path()
        path.addPolyline((0...step).map { i in
            let t = Double(i) / 100
            return Point(x: panel.minX + 30 + 250 * t * t, y: panel.maxY - 40 - 380 * sqrt(t))
        })
        canvas.stroke(path, style: StrokeStyle(color: .white, width: 1.5))
        let right = Rect(x: 450, y: 40, width: 320, height: 500)
        canvas.stroke(.rect(right), style: StrokeStyle(color: .black, width: 1))
        for p in [(1.0, 3.0), (3, 6), (6, 5), (8, 7)] {
            canvas.fill(.circle(center: Point(x: right.minX + p.0 * 32, y: right.maxY - p.1 * 50), radius: 5),
                        color: Color(hex: 0x1f77b4))
        }
        canvas.stroke(.segment(Point(x: right.minX, y: right.maxY - 160), Point(x: right.maxX, y: right.minY + 120)),
                      style: StrokeStyle(color: .black, width: 1.5))
        let label = TextStyle(size: 13, markup: true)
        canvas.drawText("<i>a</i>", at: Point(x: panel.midX, y: panel.maxY + 8), style: label, anchor: .topCenter)
        canvas.drawText("<i>b</i>", at: Point(x: 30, y: panel.midY), style: label, anchor: .center, rotation: -Double.pi / 2)
        canvas.drawText("Epoch #\(step * 20): MSE=1.01418", at: Point(x: panel.midX, y: panel.maxY - 20),
                        style: TextStyle(size: 12, color: .white), anchor: .bottomCenter)
        canvas.drawText("(a, b) = (0.56056, 2.49938)  損失関数値", at: Point(x: right.midX, y: right.minY + 10),
                        style: TextStyle(size: 12), anchor: .topCenter)
    }

    /// Median wall-clock and median CPU time of this thread, in milliseconds. CPU time is the
    /// steadier figure on a loaded machine (other processes steal wall time, not CPU time).
    func milliseconds(_ body: () throws -> Void) rethrows -> Timing {
        var wall: [Double] = [], cpu: [Double] = []
        for _ in 0..<repetitions {
            let start = DispatchTime.now().uptimeNanoseconds
            let cpuStart = threadCPUNanoseconds()
            try body()
            cpu.append(Double(threadCPUNanoseconds() - cpuStart) / 1e6)
            wall.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        wall.sort(); cpu.sort()
        return Timing(wall: wall[wall.count / 2], cpu: cpu[cpu.count / 2])
    }

    struct Timing { var wall: Double; var cpu: Double }

    func threadCPUNanoseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    func run() throws {
        let canvas = try ImageCanvas(width: 800, height: 600)
        let drawMs = try milliseconds {
            let frame = try ImageCanvas(width: 800, height: 600)
            drawFrame(on: frame, step: 60)
        }
        drawFrame(on: canvas, step: 60)
        let folder = NSTemporaryDirectory() + "frameplot-bench-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }

        print("canvas: one 800x600 frame (heatmap, lines, points, text), median of \(repetitions) runs")
        print("  draw the frame (new canvas each time)       wall \(format(drawMs.wall)) ms   cpu \(format(drawMs.cpu)) ms")
        print("")
        print("  PNG encoder (to a file unless noted)       wall ms    cpu ms   size KB")
        let cairoPath = folder + "/cairo.png"
        let cairoMs = try milliseconds { try canvas.writePNGWithCairo(to: cairoPath) }
        print(row("cairo_surface_write_to_png", cairoMs, fileSize(cairoPath)))
        let variants: [(String, PNGOptions)] = [
            ("libpng level 1, none (.fast)", .fast),
            ("libpng level 1, up", PNGOptions(compressionLevel: 1, filter: .up)),
            ("libpng level 1, adaptive", PNGOptions(compressionLevel: 1, filter: .adaptive)),
            ("libpng level 6, none", PNGOptions(compressionLevel: 6, filter: .none)),
            ("libpng level 6, up", PNGOptions(compressionLevel: 6, filter: .up)),
            ("libpng level 6, adaptive (.small)", .small),
        ]
        for (name, options) in variants {
            let path = folder + "/frame.png"
            let ms = try milliseconds { try canvas.writePNG(to: path, options: options) }
            print(row(name, ms, fileSize(path)))
        }
        let memoryMs = try milliseconds { _ = try canvas.pngData(options: .fast) }
        print(row("libpng .fast, memory only (no file)", memoryMs, try canvas.pngData(options: .fast).count))
    }

    func format(_ ms: Double) -> String { String(format: "%7.2f", ms) }

    func row(_ name: String, _ t: Timing, _ bytes: Int) -> String {
        let padded = name.padding(toLength: 42, withPad: " ", startingAt: 0)
        return "  \(padded)\(format(t.wall))   \(format(t.cpu))   \(String(format: "%7.1f", Double(bytes) / 1024))"
    }
}
