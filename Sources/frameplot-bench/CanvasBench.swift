import Foundation
import Frameplot
@_spi(Benchmark) import FrameplotCanvas

/// Prints the canvas benchmark figures: drawing one 800x600 frame, and encoding it to PNG
/// with cairo's own writer, the old row-by-row libpng path and the one-shot encoder at several
/// levels and filters; then real scene frames, old `.fast` against new.
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
        print("  PNG encoder (in memory unless noted)       wall ms    cpu ms   size KB")
        let cairoPath = folder + "/cairo.png"
        let cairoMs = try milliseconds { try canvas.writePNGWithCairo(to: cairoPath) }
        print(row("cairo_surface_write_to_png (to a file)", cairoMs, fileSize(cairoPath)))
        let before: [(String, PNGOptions)] = [
            ("libpng by row, level 1, none (old .fast)", PNGOptions(compressionLevel: 1, filter: .none)),
            ("libpng by row, level 6, adaptive (old .small)", .small),
        ]
        for (name, options) in before {
            let ms = try milliseconds { _ = try canvas.pngDataThroughLibpng(options: options) }
            print(row(name, ms, try canvas.pngDataThroughLibpng(options: options).count))
        }
        let variants: [(String, PNGOptions)] = [
            ("one shot, level 2, per image (.fast)", .fast),
            ("one shot, level 1, per image", PNGOptions(compressionLevel: 1, filter: .perImage)),
            ("one shot, level 2, none", PNGOptions(compressionLevel: 2, filter: .none)),
            ("one shot, level 2, up", PNGOptions(compressionLevel: 2, filter: .up)),
            ("one shot, level 6, adaptive (.small)", .small),
        ]
        for (name, options) in variants {
            let ms = try milliseconds { _ = try canvas.pngData(options: options) }
            print(row(name, ms, try canvas.pngData(options: options).count))
        }
        let path = folder + "/frame.png"
        let fileMs = try milliseconds { try canvas.writePNG(to: path, options: .fast) }
        print(row(".fast to a file (atomic write)", fileMs, fileSize(path)))
        try encodeRealFrames()
    }

    /// Encode time and size of real gd-locus and logistic frames, before and after.
    func encodeRealFrames() throws {
        print("")
        print("  real frames, median cpu ms per frame / KB   old .fast (libpng)   new .fast (one shot)")
        for name in ["gd-locus", "logistic", "mlp"] {
            let scene = try SceneCatalog.standard.makeScene(name)
            let renderer = FrameRenderer(scene: scene, progress: .quiet)
            let frames = try [0, scene.frameCount / 2, scene.frameCount - 1].map { try renderer.renderFrame($0) }
            var old: [Double] = [], new: [Double] = [], oldBytes = 0, newBytes = 0
            for frame in frames {
                old.append(try milliseconds { _ = try frame.pngDataThroughLibpng(options: PNGOptions(compressionLevel: 1, filter: .none)) }.cpu)
                new.append(try milliseconds { _ = try frame.pngData(options: .fast) }.cpu)
                oldBytes += try frame.pngDataThroughLibpng(options: PNGOptions(compressionLevel: 1, filter: .none)).count
                newBytes += try frame.pngData(options: .fast).count
            }
            let n = Double(frames.count)
            print("  \(name.padding(toLength: 42, withPad: " ", startingAt: 0))"
                  + String(format: "%6.2f ms %6.1f KB     %6.2f ms %6.1f KB", old.reduce(0, +) / n, Double(oldBytes) / n / 1024,
                           new.reduce(0, +) / n, Double(newBytes) / n / 1024))
        }
    }

    func format(_ ms: Double) -> String { String(format: "%7.2f", ms) }

    func row(_ name: String, _ t: Timing, _ bytes: Int) -> String {
        let padded = name.padding(toLength: 46, withPad: " ", startingAt: 0)
        return "  \(padded)\(format(t.wall))   \(format(t.cpu))   \(String(format: "%7.1f", Double(bytes) / 1024))"
    }
}
