import Foundation
import FrameplotCanvas
import Testing
@testable import FrameplotPlot

@Suite("Line decimation (M4)")
struct LineDecimationTests {
    func noisyRun(_ count: Int, width: Double = 300, seed: UInt64 = 1) -> [Point] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { i in
            Point(x: Double(i) / Double(count) * width, y: 100 + 60 * (random.nextUniform() - 0.5) + Double(i % 997) / 40)
        }
    }

    @Test("keeps first, lowest, highest and last of each column, in order, at most four per column")
    func keepsExtremesInOrder() {
        let run = noisyRun(20_000)
        let kept = LineDecimation.reduce(run, cellsPerUnit: 1)
        #expect(kept.count <= 4 * 301)
        #expect(kept.first == run.first && kept.last == run.last)
        // Every kept point is an input point, in the input's order.
        var cursor = 0
        for p in kept {
            guard let i = run[cursor...].firstIndex(of: p) else { Issue.record("\(p) is not in order"); return }
            cursor = i
        }
        // Per column, the same vertical span as the input.
        var spans: [Int: (Double, Double)] = [:], keptSpans: [Int: (Double, Double)] = [:]
        for p in run { spans[Int(p.x), default: (p.y, p.y)] = (min(spans[Int(p.x)]?.0 ?? p.y, p.y), max(spans[Int(p.x)]?.1 ?? p.y, p.y)) }
        for p in kept { keptSpans[Int(p.x), default: (p.y, p.y)] = (min(keptSpans[Int(p.x)]?.0 ?? p.y, p.y), max(keptSpans[Int(p.x)]?.1 ?? p.y, p.y)) }
        #expect(spans.count == keptSpans.count)
        for (column, span) in spans { #expect(keptSpans[column]! == span) }
    }

    @Test("sparse lines and short runs come back unchanged")
    func sparseIsUntouched() {
        let sparse = (0..<500).map { Point(x: Double($0) * 0.6, y: Double($0 % 7)) }   // ≤ 2 points per column
        #expect(LineDecimation.reduce(sparse, cellsPerUnit: 1) == sparse)
        let four = [Point(x: 0.1, y: 5), Point(x: 0.2, y: 1), Point(x: 0.3, y: 9), Point(x: 0.4, y: 2)]
        #expect(LineDecimation.reduce(four, cellsPerUnit: 1) == four)
        #expect(LineDecimation.reduce(four + four, cellsPerUnit: .nan) == four + four)
    }

    @Test("a line going back and forth in x is reduced only where it stays in a column, never reordered")
    func backAndForth() {
        // Zig-zag across 100 columns, 50 times, rising: no two consecutive points share a column or a row.
        var run: [Point] = []
        for sweep in 0..<50 {
            for i in 0..<100 { run.append(Point(x: sweep % 2 == 0 ? Double(i) + 0.5 : 99.5 - Double(i), y: Double(sweep * 100 + i) * 1.5)) }
        }
        #expect(LineDecimation.reduce(run, cellsPerUnit: 1).count == run.count)
        // Lingering in one column between two excursions: only the lingering part shrinks.
        var linger = [Point(x: 0.5, y: 0), Point(x: 50.5, y: 0)]
        for i in 0..<100 {
            let y: Double = i == 40 ? -5 : (i == 60 ? 20 : Double(i % 10))
            linger.append(Point(x: 51.2 + Double(i) / 1000, y: y))
        }
        linger.append(Point(x: 0.5, y: 3))
        let kept = LineDecimation.reduce(linger, cellsPerUnit: 1)
        #expect(kept.count == 7)
        #expect(kept.first == linger.first && kept.last == linger.last && kept[1] == Point(x: 50.5, y: 0))
        let expected: [Point] = [linger[2], linger[42], linger[62], linger[101]]
        #expect(Array(kept[2...5]) == expected)
    }

    @Test("a sideways line (y steps, x noisy) is reduced by rows")
    func sidewaysUsesRows() {
        let run = noisyRun(20_000).map { Point(x: $0.y, y: $0.x) }
        let kept = LineDecimation.reduce(run, cellsPerUnit: 1)
        #expect(kept.count <= 4 * 301 && kept.first == run.first && kept.last == run.last)
    }

    @Test("HiDPI: twice the cells per unit keeps about twice the points")
    func finerGrid() {
        let run = noisyRun(50_000)
        let one = LineDecimation.reduce(run, cellsPerUnit: 1).count
        let two = LineDecimation.reduce(run, cellsPerUnit: 2).count
        #expect(one > 1_000 && two > 2 * one - 50 && two <= 4 * 601)
    }

    @Test("reducing while transforming equals transforming, then reducing (gaps, log scale, a sideways run)")
    func streamingMatchesArrays() {
        var random = SplitMix64(seed: 9)
        var xs: [Double] = [], ys: [Double] = []
        for i in 0..<30_000 {
            let sideways = (20_000..<21_000).contains(i)
            xs.append(sideways ? 5_000 + random.nextUniform() * 20_000 : Double(i))
            let broken = i % 7_001 == 0 || i == 19_999 || i == 21_000
            ys.append(broken ? .nan : (i == 12_345 ? -1 : (sideways ? 1 + 0.001 * Double(i - 20_000) : 1 + random.nextUniform() * 10)))
        }
        let transform = PanelTransform(
            x: Scale(kind: .linear, limits: AxisLimits(lower: 0, upper: 30_000), pixelStart: 40, pixelEnd: 340),
            y: Scale(kind: .log10, limits: AxisLimits(lower: 0.5, upper: 20, kind: .log10), pixelStart: 220, pixelEnd: 20))
        let streamed = LineMark.reducedPolylines(xs: xs, ys: ys, transform: transform, cellsPerUnit: 2)
        let arrays = LineMark.polylines(xs: xs, ys: ys, transform: transform).map { LineDecimation.reduce($0, cellsPerUnit: 2) }
        #expect(streamed == arrays)
        // Breaks at 0, 7001, 12345 (refused by the log scale), 14002, 19999, 21000, 21003, 28004.
        #expect(streamed.count == 8)
        // The sideways run (x jumps, y creeps up) was reduced by rows.
        #expect(streamed[4].count < 1_000 / 2)
    }

    @Test("far-off and huge coordinates do not trap")
    func hugeCoordinates() {
        let run = (0..<100).map { Point(x: $0 % 2 == 0 ? 1e300 : -1e300, y: Double($0)) }
            + (0..<100).map { Point(x: 5, y: Double($0) * 1e200) }
        let kept = LineDecimation.reduce(run, cellsPerUnit: 2)
        #expect(kept.first == run.first && kept.last == run.last)
    }
}

@Suite("Dense lines drawn decimated look the same")
struct DenseLineDrawingTests {
    /// A figure with one noisy line of `count` points; `decimates: false` strokes every point.
    func figure(count: Int, decimates: Bool, logY: Bool = false, gaps: Bool = false, scale: Double = 1,
                width: Double = 1.5, marker: MarkerShape? = nil) -> Figure {
        var random = SplitMix64(seed: 42)
        let xs = (0..<count).map { Double($0) }
        let ys = (0..<count).map { i -> Double in
            if gaps, (count * 3 / 10..<count * 4 / 10).contains(i) { return .nan }
            let trend = 2 * Foundation.exp(-Double(i) / Double(count) * 4) + 0.1
            return trend * (1 + 0.6 * (random.nextUniform() - 0.5))
        }
        var fig = Figure(width: 360, height: 240, scale: scale)
        var axes = Axes()
        if logY { axes.y.scale = .log10 }
        var mark = LineMark(xs: xs, ys: ys, color: .fixed(Color(hex: 0x1f77b4)), width: width, dash: [], alpha: 1,
                            marker: marker, markerSize: marker == nil ? nil : 2, label: nil, layer: .static)
        mark.decimates = decimates
        axes.add(mark)
        fig.axes = axes
        return fig
    }

    /// Largest channel difference and the share of pixels differing by more than `loose`.
    func compare(_ a: RasterImage, _ b: RasterImage, loose: Int = 64) -> (worst: Int, share: Double) {
        var worst = 0, far = 0
        for i in stride(from: 0, to: a.pixels.count, by: 4) {
            let d = (0..<3).map { abs(Int(a.pixels[i + $0]) - Int(b.pixels[i + $0])) }.max() ?? 0
            worst = max(worst, d)
            if d > loose { far += 1 }
        }
        return (worst, Double(far) / Double(a.pixels.count / 4))
    }

    @Test("20,000 noisy points: decimated and full strokes differ only in antialiasing",
          arguments: [(false, false, 1.0, 1.5), (true, false, 1.0, 1.5), (false, true, 1.0, 1.5), (false, false, 2.0, 1.5),
                      (false, false, 1.0, 0.5)])
    func looksTheSame(logY: Bool, gaps: Bool, scale: Double, width: Double) throws {
        let full = try figure(count: 20_000, decimates: false, logY: logY, gaps: gaps, scale: scale, width: width).makeImage().snapshot()
        let reduced = try figure(count: 20_000, decimates: true, logY: logY, gaps: gaps, scale: scale, width: width).makeImage().snapshot()
        let (worst, share) = compare(full, reduced)
        if let dir = ProcessInfo.processInfo.environment["FRAMEPLOT_DECIMATION_OUT"] {
            let tag = "\(logY ? "log" : "lin")\(gaps ? "-gaps" : "")-x\(Int(scale))-w\(width)"
            try figure(count: 20_000, decimates: false, logY: logY, gaps: gaps, scale: scale, width: width).makeImage()
                .writePNG(to: "\(dir)/full-\(tag).png")
            try figure(count: 20_000, decimates: true, logY: logY, gaps: gaps, scale: scale, width: width).makeImage()
                .writePNG(to: "\(dir)/m4-\(tag).png")
            print("decimation \(tag): worst \(worst), share>64 \(share), share>16 \(compare(full, reduced, loose: 16).share), share>128 \(compare(full, reduced, loose: 128).share)")
        }
        // Edge pixels may differ slightly in coverage: a handful by a visible amount.
        #expect(worst <= 100 && share < 0.0001, "worst difference \(worst), share over 64: \(share)")
        #expect(compare(full, reduced, loose: 16).share < 0.002)
        if gaps {
            // The gap (30%...40% of the x range) stays empty: its middle column holds no blue.
            let image = try figure(count: 20_000, decimates: true, gaps: true).makeImage()
            let layout = figure(count: 20_000, decimates: true, gaps: true).layout(measuringWith: image).panels[0]
            let x = Int(try #require(layout.transform.x.pixel(7_000)))
            let plot = layout.plotRect
            let blue = (Int(plot.minY + 2)..<Int(plot.maxY - 2)).filter { y in
                let p = image.pixel(x: x, y: y)
                return Int(p.b) - Int(p.r) > 20
            }
            #expect(blue.isEmpty)
        }
    }

    @Test("markers stay on every point; only the stroke is reduced")
    func markersAreNotDecimated() {
        let recorder = RecordingCanvas(width: 360, height: 240)
        var fig = figure(count: 30_000, decimates: true, marker: .square)
        fig.rasterization = .never
        fig.render(on: recorder)
        var strokedPoints = 0, markers = 0
        for op in recorder.operations {
            if case let .stroke(path, style) = op, style.width == 1.5, path.elements.count > 100 { strokedPoints = path.elements.count }
            if case let .fill(_, color, _) = op, color == Color(hex: 0x1f77b4) { markers += 1 }
        }
        #expect(markers == 30_000)
        #expect(strokedPoints > 0 && strokedPoints < 30_000 / 2)
    }
}
