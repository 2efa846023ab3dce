import Foundation

/// A deterministic random number generator: xoshiro256** seeded through SplitMix64.
///
/// The same seed gives the same numbers on every machine; Frameplot never uses the
/// system generator, so pictures and training runs are reproducible.
///
/// ```swift
/// var rng = SeededGenerator(seed: 42)
/// let u = rng.nextUniform()        // in [0, 1)
/// let z = rng.nextNormal()         // standard normal
/// var order = Array(0..<10)
/// order.shuffle(using: &rng)
/// ```
public struct SeededGenerator: RandomNumberGenerator, Sendable, Hashable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// Creates a generator whose whole stream is determined by `seed`.
    ///
    /// ```swift
    /// var rng = SeededGenerator(seed: 7)
    /// ```
    public init(seed: UInt64) {
        // SplitMix64 spreads any seed (even 0) over the 256-bit xoshiro state,
        // which must not be all zero.
        var state = seed
        func splitMix() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix()
        s1 = splitMix()
        s2 = splitMix()
        s3 = splitMix()
    }

    /// The next 64 random bits (xoshiro256**).
    ///
    /// ```swift
    /// var rng = SeededGenerator(seed: 1)
    /// let bits = rng.next()
    /// ```
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, 45)
        return result
    }

    /// A uniform sample in [0, 1) with 53 random bits.
    ///
    /// ```swift
    /// var rng = SeededGenerator(seed: 1)
    /// let u = rng.nextUniform()
    /// ```
    public mutating func nextUniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform sample in [lower, upper).
    ///
    /// ```swift
    /// var rng = SeededGenerator(seed: 1)
    /// let x = rng.nextUniform(in: -1, 1)
    /// ```
    public mutating func nextUniform(in lower: Double, _ upper: Double) -> Double {
        lower + (upper - lower) * nextUniform()
    }

    /// A standard normal sample (Box–Muller, one sample per call so the stream
    /// depends only on the number of calls).
    ///
    /// ```swift
    /// var rng = SeededGenerator(seed: 1)
    /// let z = rng.nextNormal()
    /// ```
    public mutating func nextNormal() -> Double {
        let u1 = 1.0 - nextUniform()  // (0, 1]: log never sees 0
        let u2 = nextUniform()
        return (-2.0 * log(u1)).squareRoot() * cos(2.0 * Double.pi * u2)
    }

    /// A normal sample with the given mean and standard deviation.
    ///
    /// ```swift
    /// var rng = SeededGenerator(seed: 1)
    /// let h = rng.nextNormal(mean: 170, standardDeviation: 5)
    /// ```
    public mutating func nextNormal(mean: Double, standardDeviation: Double) -> Double {
        mean + standardDeviation * nextNormal()
    }

    @inline(__always)
    private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }
}
