import Foundation
import Frameplot

/// Prints the plot-core figures: colouring a 1024×1024 heatmap (linear and log norms),
/// contour lines and filled bands of a 300×300 loss surface, and tick layout.
func runPlotCoreBenchmarks() {
    let surface = { (a: Double, b: Double) -> Double in
        [(1.0, 3.0), (3, 6), (6, 5), (8, 7)].map { (a * $0.0 + b - $0.1) * (a * $0.0 + b - $0.1) }.reduce(0, +) / 4
    }
    let big = Grid2D(x: -1...7, y: -1...7, nx: 1024, ny: 1024, function: surface)
    let range = big.finiteRange() ?? (min: 1, max: 2)
    let linear = ColorNorm(vmin: range.min, vmax: range.max)
    let log = ColorNorm(kind: .log10, vmin: range.min, vmax: range.max)
    var bytes = [UInt8](repeating: 0, count: big.values.count * 4)
    func fill(_ norm: ColorNorm) {
        big.values.withUnsafeBufferPointer { v in
            bytes.withUnsafeMutableBytes { Colormap.viridis.fillRGBA(values: v, norm: norm, into: $0) }
        }
    }
    report("plotcore: fillRGBA 1024x1024, linear norm", repetitions: 20) { fill(linear) }
    report("plotcore: fillRGBA 1024x1024, log norm", repetitions: 20) { fill(log) }
    report("plotcore: Colormap.image(of:) 1024x1024, log norm", repetitions: 20) {
        _ = Colormap.viridis.image(of: big, norm: log)
    }

    let grid = Grid2D(x: -1...7, y: -1...7, nx: 300, ny: 300, function: surface)
    let r = grid.finiteRange() ?? (min: 1, max: 2)
    let levels = ContourLevels.auto(min: r.min, max: r.max, count: 8, log: true)
    report("plotcore: Contour.lines 300x300, \(levels.count) log levels", repetitions: 10) {
        _ = Contour.lines(in: grid, levels: levels)
    }
    let bandLevels = ContourLevels.bands(min: r.min, max: r.max, count: 8, log: true)
    report("plotcore: Contour.bands 300x300, \(bandLevels.count - 1) bands", repetitions: 10) {
        _ = Contour.bands(in: grid, levels: bandLevels)
    }
    report("plotcore: AxisTicks.make, 1000 axes", repetitions: 5) {
        for k in 1...1000 {
            let scale = Scale(kind: .linear, limits: AxisLimits(lower: 0, upper: Double(k)), pixelStart: 0, pixelEnd: 600)
            _ = AxisTicks.make(scale: scale, fontSize: 12)
        }
    }
}

/// Prints the median wall-clock time of `body` in milliseconds (after one warm-up run).
private func report(_ label: String, repetitions: Int, _ body: () -> Void) {
    body()
    var times: [Double] = []
    for _ in 0..<repetitions {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    times.sort()
    print(String(format: "%@: %.2f ms (median of %d)", label, times[times.count / 2], repetitions))
}
