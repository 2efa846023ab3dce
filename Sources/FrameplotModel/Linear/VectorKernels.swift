/// Small numeric kernels written so the optimiser can vectorise them (no branches,
/// no overflow checks, contiguous pointers). Internal: used by the hot paths.
enum VectorKernels {
    /// e^x accurate to about 2 ulp for x in [−708, 709] (clamped outside), branch-free:
    /// Cody–Waite reduction x = n·ln2 + r, a degree-13 Taylor polynomial for e^r, 2^n from the exponent bits.
    @inline(__always)
    static func exp(_ x: Double) -> Double {
        let lo = -708.0, hi = 709.0
        var v = x < lo ? lo : x
        v = v > hi ? hi : v
        let magic = 6_755_399_441_055_744.0  // 1.5·2^52: adding it rounds to an integer
        let shifted = v * 1.442_695_040_888_963_4 + magic
        let n = shifted - magic
        let r = (v - n * 0.693_147_180_369_123_8) - n * 1.908_214_929_270_587_7e-10
        var p = 1.0 / 6_227_020_800
        p = p * r + 1.0 / 479_001_600
        p = p * r + 1.0 / 39_916_800
        p = p * r + 1.0 / 3_628_800
        p = p * r + 1.0 / 362_880
        p = p * r + 1.0 / 40_320
        p = p * r + 1.0 / 5_040
        p = p * r + 1.0 / 720
        p = p * r + 1.0 / 120
        p = p * r + 1.0 / 24
        p = p * r + 1.0 / 6
        p = p * r + 0.5
        p = p * r + 1
        p = p * r + 1
        let exponent = Int64(bitPattern: shifted.bitPattern) &- Int64(bitPattern: magic.bitPattern)
        let scale = Double(bitPattern: UInt64(bitPattern: (exponent &+ 1023) &<< 52))
        return p * scale
    }

    /// Σ a[i]·b[i] with four partial sums (independent additions pipeline and vectorise).
    @inline(__always)
    static func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ n: Int) -> Double {
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
        var i = 0
        while i &+ 4 <= n {
            s0 += a[i] * b[i]
            s1 += a[i &+ 1] * b[i &+ 1]
            s2 += a[i &+ 2] * b[i &+ 2]
            s3 += a[i &+ 3] * b[i &+ 3]
            i = i &+ 4
        }
        while i < n {
            s0 += a[i] * b[i]
            i = i &+ 1
        }
        return (s0 + s1) + (s2 + s3)
    }

    /// Σ a[i] with four partial sums.
    @inline(__always)
    static func sum(_ a: UnsafePointer<Double>, _ n: Int) -> Double {
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
        var i = 0
        while i &+ 4 <= n {
            s0 += a[i]
            s1 += a[i &+ 1]
            s2 += a[i &+ 2]
            s3 += a[i &+ 3]
            i = i &+ 4
        }
        while i < n {
            s0 += a[i]
            i = i &+ 1
        }
        return (s0 + s1) + (s2 + s3)
    }
}
