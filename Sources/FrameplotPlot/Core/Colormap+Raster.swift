import Foundation
import FrameplotCanvas

extension Colormap {
    /// The 256-entry (or `colors.count`) RGBA byte table plus bad, under and over colours,
    /// built once per fill so the per-cell loop only indexes memory.
    struct ByteTable {
        var lut: [UInt32]
        var bad: UInt32, under: UInt32, over: UInt32

        init(_ map: Colormap) {
            lut = map.colors.map(ByteTable.pack)
            bad = ByteTable.pack(map.bad)
            under = map.under.map(ByteTable.pack) ?? lut[0]
            over = map.over.map(ByteTable.pack) ?? lut[lut.count - 1]
        }

        /// r, g, b, a bytes in memory order (little- or big-endian alike).
        static func pack(_ c: Color) -> UInt32 {
            func byte(_ v: Double) -> UInt8 {
                let x = (Swift.min(Swift.max(v.isNaN ? 0 : v, 0), 1) * 255).rounded()
                return UInt8(x)
            }
            var word: UInt32 = 0
            withUnsafeMutableBytes(of: &word) { raw in
                raw[0] = byte(c.red); raw[1] = byte(c.green); raw[2] = byte(c.blue); raw[3] = byte(c.alpha)
            }
            return word
        }
    }

    /// Writes the colour of each value (through `norm`) as 4 bytes r, g, b, a into `output`.
    ///
    /// The fast path for heatmaps: a precomputed byte table, no allocation per cell.
    /// `output` must hold at least `4 * values.count` bytes; extra bytes are untouched,
    /// and if it is too short only the values that fit are written.
    ///
    /// ```swift
    /// var bytes = [UInt8](repeating: 0, count: 4 * values.count)
    /// values.withUnsafeBufferPointer { v in
    ///     bytes.withUnsafeMutableBytes { Colormap.viridis.fillRGBA(values: v, norm: norm, into: $0) }
    /// }
    /// ```
    public func fillRGBA(values: UnsafeBufferPointer<Double>, norm: ColorNorm, into output: UnsafeMutableRawBufferPointer) {
        let search = norm.kind == .log10 && values.count >= LogBins.worthwhileCount ? LogBins(norm: norm, bins: colors.count) : nil
        Colormap.fill(values: values, norm: norm, table: ByteTable(self), logBins: search, into: output)
    }

    static func fill(values: UnsafeBufferPointer<Double>, norm: ColorNorm, table: ByteTable, logBins: LogBins?,
                     into output: UnsafeMutableRawBufferPointer) {
        let count = Swift.min(values.count, output.count / 4)
        guard count > 0, let base = output.baseAddress, let src = values.baseAddress else { return }
        let n = Double(table.lut.count), last = table.lut.count - 1
        let isLog = norm.kind == .log10
        let t0 = norm.t0, inv = norm.inverseSpan, clip = norm.clip
        // With clipping, values beyond the ends take the end colours rather than under/over.
        let under = clip ? table.lut[0] : table.under, over = clip ? table.lut[last] : table.over
        table.lut.withUnsafeBufferPointer { lut in
            if isLog, let bins = logBins {
                // Log norm: find each value's bin among precomputed edges (no log10 per cell).
                bins.edges.withUnsafeBufferPointer { edges in
                    for k in 0..<count {
                        let v = src[k]
                        let word: UInt32
                        if !(v > 0) {
                            word = table.bad                       // NaN, zero, negative
                        } else if v == .infinity {
                            word = over
                        } else {
                            let bin = LogBins.locate(v, in: edges)  // -1 under, 0..<N, N over
                            word = bin < 0 ? under : (bin > last ? over : lut[bin])
                        }
                        base.storeBytes(of: word, toByteOffset: 4 * k, as: UInt32.self)
                    }
                }
                return
            }
            for k in 0..<count {
                let v = src[k]
                var word: UInt32
                var t: Double
                if isLog {
                    t = v > 0 && v.isFinite ? (log10(v) - t0) * inv : (v == .infinity ? .infinity : .nan)
                } else {
                    t = (v - t0) * inv
                }
                if clip && !t.isNaN { t = Swift.min(Swift.max(t, 0), 1) }
                if t.isNaN {
                    word = table.bad
                } else if t < 0 {
                    word = under
                } else if t > 1 {
                    word = over
                } else {
                    word = lut[Swift.min(Int(t * n), last)]
                }
                base.storeBytes(of: word, toByteOffset: 4 * k, as: UInt32.self)
            }
        }
    }

    /// The grid as an image, one pixel per sample, with the largest y at the top row
    /// when `ys` increases (as a plot shows it). Draw it into the rectangle the grid
    /// covers (with nearest-neighbour interpolation for crisp cells).
    ///
    /// ```swift
    /// let image = Colormap.viridis.image(of: loss, norm: .auto(values: loss.values, kind: .log10))
    /// canvas.draw(image, in: plotRect, interpolation: .nearest)
    /// ```
    public func image(of grid: Grid2D, norm: ColorNorm) -> RasterImage {
        var image = RasterImage(width: grid.width, height: grid.height)
        let flip = grid.ys.count > 1 && grid.ys[0] < grid.ys[grid.ys.count - 1]
        let w = grid.width, h = grid.height
        let table = ByteTable(self)
        let search = norm.kind == .log10 && grid.values.count >= LogBins.worthwhileCount
            ? LogBins(norm: norm, bins: colors.count) : nil
        grid.values.withUnsafeBufferPointer { values in
            image.pixels.withUnsafeMutableBytes { out in
                guard let src = values.baseAddress, let dst = out.baseAddress else { return }
                for row in 0..<h {
                    let sourceRow = flip ? h - 1 - row : row
                    Colormap.fill(values: UnsafeBufferPointer(start: src + sourceRow * w, count: w), norm: norm,
                                  table: table, logBins: search, into: UnsafeMutableRawBufferPointer(start: dst + row * w * 4, count: w * 4))
                }
            }
        }
        return image
    }
}
