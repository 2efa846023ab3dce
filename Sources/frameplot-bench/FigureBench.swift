import Foundation
import Frameplot

/// Prints the dense-figure figures: a long noisy learning curve to PNG (decimated lines), and
/// a dense scatter to PDF, SVG and PNG (rasterized marks), with the split of time between
/// drawing and encoding, file sizes and peak memory.
///
/// `frameplot-bench figures [curve|scatter] [N]` (default both, N = 1,000,000).
func runFigureBenchmarks() {
    let arguments = Array(CommandLine.arguments.dropFirst(2))
    let count = arguments.compactMap { Int($0) }.first ?? 1_000_000
    let which = arguments.first { Int($0) == nil } ?? "all"
    do {
        if which == "all" || which == "curve" { try benchmarkCurve(count) }
        if which == "all" || which == "scatter" { try benchmarkScatter(count) }
    } catch {
        print("figures: failed: \(error)")
    }
}

/// A seeded noisy, decaying loss: what a long training log looks like.
private func noisyLoss(_ count: Int) -> [Double] {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    return (0..<count).map { i in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let u = Double(state >> 11) * 0x1.0p-53
        return (2 * exp(-Double(i) / Double(count) * 5) + 0.05) * (0.7 + 0.6 * u)
    }
}

private func benchmarkCurve(_ count: Int) throws {
    let losses = noisyLoss(count)
    var figure = Figure(width: 800, height: 600)
    figure.axes.y.scale = .log10
    figure.axes.learningCurve(losses, label: "train", smoothing: 0.99)
    let (canvas, draw) = try timed { try figure.makeImage() }
    let (bytes, encode) = try timed { try canvas.pngData(options: .small) }
    print(String(format: "figures: curve of %d points to PNG 800x600: draw %.1f ms, encode %.1f ms, %d kB, peak memory %.0f MB",
                 count, draw * 1000, encode * 1000, bytes.count / 1024, peakMemoryMB()))
}

private func benchmarkScatter(_ count: Int) throws {
    var state: UInt64 = 42
    func normal() -> Double {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let u1 = Double(state >> 11) * 0x1.0p-53 + 1e-12
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let u2 = Double(state >> 11) * 0x1.0p-53
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
    let xs = (0..<count).map { _ in normal() }
    let ys = xs.map { 0.6 * $0 + 0.8 * normal() }
    // The settings `frameplot scatter` uses for more than 100,000 points.
    var figure = Figure(width: 800, height: 600)
    figure.axes.scatter(xs: xs, ys: ys, size: 1.5, alpha: 0.5)
    for format in [VectorCanvas.Format.pdf, .svg] {
        for rasterization in [Rasterization.automatic, .never] where rasterization == .automatic || count <= 100_000 {
            figure.rasterization = rasterization
            let (page, draw) = try timed { () throws -> VectorCanvas in
                let page = try VectorCanvas(format: format, width: 800, height: 600)
                figure.render(on: page)
                return page
            }
            let (bytes, finish) = try timed { try page.data() }
            print(String(format: "figures: scatter of %d points to %@ (%@): draw %.1f ms, finish %.1f ms, %d kB, peak memory %.0f MB",
                         count, format.rawValue, rasterization.rawValue, draw * 1000, finish * 1000, bytes.count / 1024, peakMemoryMB()))
        }
    }
    let (canvas, draw) = try timed { try figure.makeImage() }
    let (png, encode) = try timed { try canvas.pngData(options: .small) }
    print(String(format: "figures: scatter of %d points to PNG: draw %.1f ms, encode %.1f ms, %d kB, peak memory %.0f MB",
                 count, draw * 1000, encode * 1000, png.count / 1024, peakMemoryMB()))
}

/// The value of `body` and the wall-clock seconds it took.
private func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let value = try body()
    return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}

/// Peak resident memory of this process (VmHWM) in MB.
func peakMemoryMB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return Double(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "").map { $0 / 1024 } ?? 0
    }
    return 0
}
