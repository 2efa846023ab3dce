import Foundation

/// The bin edges of a log norm in data space, so a heatmap can be coloured by a
/// branch-free binary search instead of a `log10` per cell (about 4× faster).
///
/// Edge `c` is the smallest positive double whose colour code (−1 under, 0..<N a colormap
/// entry, N over) computed exactly as ``ColorNorm/fraction(_:)`` and
/// ``Colormap/color(at:)`` do is at least `c`, found by bisection on the bit patterns of
/// doubles, so the search gives the very same colours as the per-value path.
struct LogBins {
    /// Below this many values the setup (a few thousand log10 calls) does not pay.
    static let worthwhileCount = 4096

    /// `-∞` then the N + 1 edges for codes 0...N (`+∞` where a code is never reached).
    let edges: [Double]

    init(norm: ColorNorm, bins: Int) {
        let n = Double(bins), last = bins - 1
        let t0 = norm.t0, inv = norm.inverseSpan, clip = norm.clip
        func code(_ bits: UInt64) -> Int {
            var t = (log10(Double(bitPattern: bits)) - t0) * inv
            if clip { t = Swift.min(Swift.max(t, 0), 1) }
            if t < 0 { return -1 }
            if t > 1 { return bins }
            return Swift.min(Int(t * n), last)
        }
        let minBits: UInt64 = 1, maxBits = Double.greatestFiniteMagnitude.bitPattern
        var edges = [-Double.infinity]
        for c in 0...bins {
            if code(maxBits) < c { edges.append(.infinity); continue }
            if code(minBits) >= c { edges.append(Double(bitPattern: minBits)); continue }
            var lo = minBits, hi = maxBits  // code(lo) < c <= code(hi)
            // Start near the exact edge: 10^(t0 + (c/N)/inv), then bisect a few ulps.
            let guess = pow(10, t0 + Swift.min(Double(c) / n, 1) / inv)
            if guess > 0 && guess.isFinite {
                let g = guess.bitPattern
                let a = g > 4096 ? g - 4096 : minBits, b = Swift.min(g + 4096, maxBits)
                if code(a) < c { lo = a }
                if code(b) >= c { hi = b }
            }
            while hi - lo > 1 {
                let mid = lo + (hi - lo) / 2
                if code(mid) >= c { hi = mid } else { lo = mid }
            }
            edges.append(Double(bitPattern: hi))
        }
        self.edges = edges
    }

    /// The colour code of `v` (positive, finite): −1 under, 0..<N an entry, N over.
    @inline(__always)
    static func locate(_ v: Double, in edges: UnsafeBufferPointer<Double>) -> Int {
        // Largest i with edges[i] <= v (edges[0] = -∞); branch-free lower bound.
        var base = 0, length = edges.count
        while length > 1 {
            let half = length >> 1
            base = edges[base + half] <= v ? base + half : base
            length -= half
        }
        return base - 1
    }
}
