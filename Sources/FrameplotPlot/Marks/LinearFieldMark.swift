import FrameplotCanvas

/// A colour field that depends on one linear score s = a·x + b·y + c, passed through
/// `transform` and a colormap: the probability background of logistic regression
/// (σ of the score), a linear model's margin, a half-plane.
///
/// Drawn at the device resolution with every pixel's own score, so it is exact where a
/// heatmap of a grid is interpolated, and no grid is evaluated: `transform` runs for one
/// lookup table per draw (a few thousand values, fine enough that neighbouring entries
/// are within an eighth of a pixel's change of score), not for every pixel.
///
/// ```swift
/// axes.linearField(a: w[1], b: w[2], c: w[0], colormap: .redBlue, norm: ColorNorm(vmin: 0, vmax: 1)) { s in
///     1 / (1 + exp(-s))
/// }
/// ```
public struct LinearFieldMark: Mark {
    public var a: Double
    public var b: Double
    public var c: Double
    /// Maps the score to the value the colormap shows (identity for the score itself).
    public var transform: @Sendable (Double) -> Double
    public var scale: ColorScale
    public var layer: MarkLayer

    public var colorScale: ColorScale? { scale }

    /// Largest lookup table: beyond this, neighbouring entries are closer than any pixel can show.
    static let maxTableSize = 1 << 16

    public func draw(in context: MarkContext) {
        let t = context.transform, plot = t.plotRect
        // Device pixels on an image; a smooth image of one sample per unit on a vector page.
        let image = context.image
        let r = image.map(\.scale) ?? Swift.max(1, context.resolution)
        // The plot area widened to whole pixels, so samples sit at pixel centres.
        let x0 = (plot.minX * r).rounded(.down), y0 = (plot.minY * r).rounded(.down)
        let nx = Int((plot.maxX * r).rounded(.up) - x0), ny = Int((plot.maxY * r).rounded(.up) - y0)
        guard nx > 0, ny > 0, nx <= CanvasLimits.maxPixelsPerSide, ny <= CanvasLimits.maxPixelsPerSide,
              nx * ny <= CanvasLimits.maxPixelCount else { return }
        // The score is a sum of a column term and a row term, whatever the scales.
        let columns = (0..<nx).map { a * t.x.value(atPixel: (x0 + Double($0) + 0.5) / r) }
        let rows = (0..<ny).map { b * t.y.value(atPixel: (y0 + Double($0) + 0.5) / r) + c }
        guard let table = LookupTable(columns: columns, rows: rows, transform: transform, scale: scale) else { return }
        // Table positions in fixed point (16 fractional bits): a column part and a row part
        // whose sum, shifted, is the entry; an integer add per pixel. A non-finite score gets a
        // position far outside the table, so its pixels stay transparent.
        let outside = Int64(1) << 60
        func fixed(_ entries: Double) -> Int64 {
            entries.isFinite && abs(entries) < 1e12 ? Int64((entries * 65536).rounded(.down)) : outside
        }
        let columnPositions = columns.map { fixed(($0 - table.low) * table.stepsPerScore) }
        var pixels = RasterImage(width: nx, height: ny)
        pixels.pixels.withUnsafeMutableBytes { out in
            table.words.withUnsafeBufferPointer { words in
                columnPositions.withUnsafeBufferPointer { across in
                    guard let base = out.baseAddress, let lut = words.baseAddress, let column = across.baseAddress else { return }
                    let entries = UInt64(words.count)
                    for j in 0..<ny {
                        let rowPosition = fixed(rows[j] * table.stepsPerScore)
                        guard rowPosition != outside else { continue }
                        let row = (base + 4 * nx * j).assumingMemoryBound(to: UInt32.self)
                        for i in 0..<nx {
                            // One unsigned compare rejects both ends (negative positions wrap high).
                            let entry = UInt64(bitPattern: (column[i] &+ rowPosition) >> 16)
                            if entry < entries { row[i] = lut[Int(entry)] }
                        }
                    }
                }
            }
        }
        let rect = Rect(x: x0 / r, y: y0 / r, width: Double(nx) / r, height: Double(ny) / r)
        context.canvas.draw(pixels, in: rect, interpolation: image == nil ? .bilinear : .nearest)
    }

    /// The colours of evenly spaced scores over the range the plot area spans.
    struct LookupTable {
        /// r, g, b, a bytes per entry, in memory order.
        var words: [UInt32]
        /// The score at the start of entry 0, and entries per unit of score.
        var low: Double
        var stepsPerScore: Double

        init?(columns: [Double], rows: [Double], transform: (Double) -> Double, scale: ColorScale) {
            func range(_ v: [Double]) -> (Double, Double)? {
                var lo = Double.infinity, hi = -Double.infinity
                for x in v where x.isFinite { lo = Swift.min(lo, x); hi = Swift.max(hi, x) }
                return lo <= hi ? (lo, hi) : nil
            }
            guard let (c0, c1) = range(columns), let (r0, r1) = range(rows) else { return nil }
            let low = c0 + r0, span = (c1 + r1) - low
            guard low.isFinite, span.isFinite else { return nil }
            // The largest change of score from one pixel to the next, over 8: entries finer than that.
            func step(_ v: [Double]) -> Double {
                var most = 0.0
                for k in v.indices.dropFirst() where v[k].isFinite && v[k - 1].isFinite { most = Swift.max(most, abs(v[k] - v[k - 1])) }
                return most
            }
            let finest = Swift.max(step(columns), step(rows)) / 8
            let values: [Double], perStep: Double
            if span > 0 && finest > 0 {
                let count = Swift.min(LinearFieldMark.maxTableSize, Swift.max(2, Int((span / finest).rounded(.up))))
                perStep = Double(count) / span
                // Each entry shows the score in its middle; one past the top holds the highest score.
                values = (0...count).map { k in transform(low + (Double(k) + 0.5) / perStep) }
            } else {
                perStep = 0          // one score everywhere: every pixel reads entry 0
                values = [transform(low)]
            }
            var words = [UInt32](repeating: 0, count: values.count)
            values.withUnsafeBufferPointer { v in
                words.withUnsafeMutableBytes { scale.colormap.fillRGBA(values: v, norm: scale.norm, into: $0) }
            }
            self.words = words; self.low = low; self.stepsPerScore = perStep
        }
    }
}
