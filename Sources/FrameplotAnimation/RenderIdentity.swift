import FrameplotCanvas
import FrameplotModel

/// What a rendered frame is a picture of: a 128-bit hash of everything that changes a pixel.
///
/// A resumed render reuses a frame on disk only when the identity recorded with it (in the
/// manifest and in the frame's own PNG text chunk) equals the identity of the render now asked
/// for. Scenes build theirs with ``RenderIdentityHasher`` from their options, data, recorded
/// run, size and theme; the renderer adds the device scale, pixel size and Frameplot's version.
///
/// ```swift
/// var hasher = RenderIdentityHasher(kind: "gd-locus")
/// hasher.combine("lr", 0.03)
/// hasher.combine("run", run)
/// let identity = hasher.finalize()   // e.g. 3f0c…(32 hex digits)
/// ```
public struct RenderIdentity: Sendable, Hashable, Codable, CustomStringConvertible {
    /// 32 lowercase hex digits.
    public let hex: String

    /// An identity from its hex text (as stored in a manifest); `nil` unless 32 hex digits.
    public init?(hex: String) {
        guard hex.utf8.count == 32, hex.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
            return nil
        }
        self.hex = hex
    }

    init(high: UInt64, low: UInt64) {
        self.hex = Self.hex16(high) + Self.hex16(low)
    }

    public var description: String { hex }

    static func hex16(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let identity = RenderIdentity(hex: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a render identity: \(text)"))
        }
        self = identity
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }
}

/// Builds a ``RenderIdentity`` from labelled values, in a stable byte encoding: the same
/// values in the same order give the same identity on every machine and every run.
///
/// Every value is framed with its label and length, so `("ab", "c")` and `("a", "bc")` differ.
/// Doubles are hashed by bit pattern (0.1 and 0.1000000001 differ; so do 0 and −0).
///
/// ```swift
/// var hasher = RenderIdentityHasher(kind: "linreg")
/// hasher.combine("theme", "dark")
/// hasher.combine("size", [800, 400])
/// let identity = hasher.finalize()
/// ```
public struct RenderIdentityHasher: Sendable {
    // Two 64-bit lanes, each a multiply–xorshift sponge over 8-byte words (splitmix64's mixer);
    // not cryptographic, only collision-resistant enough for "is this the same picture".
    private var high: UInt64 = 0x9e37_79b9_7f4a_7c15
    private var low: UInt64 = 0xd1b5_4a32_d192_ed03
    private var pending: UInt64 = 0
    private var pendingCount = 0
    private var length: UInt64 = 0

    /// A hasher for one kind of picture (usually the scene name).
    public init(kind: String) {
        combine("kind", kind)
    }

    /// Adds a string (UTF-8).
    public mutating func combine(_ label: String, _ value: String) {
        frame(label, tag: 1, count: value.utf8.count)
        for byte in value.utf8 { add(byte) }
    }

    /// Adds a number by its bit pattern.
    public mutating func combine(_ label: String, _ value: Double) {
        frame(label, tag: 2, count: 8)
        addWord(value.bitPattern)
    }

    /// Adds an integer.
    public mutating func combine(_ label: String, _ value: Int) {
        frame(label, tag: 3, count: 8)
        addWord(UInt64(bitPattern: Int64(value)))
    }

    /// Adds a flag.
    public mutating func combine(_ label: String, _ value: Bool) {
        combine(label, value ? 1 : 0)
    }

    /// Adds numbers, in order.
    public mutating func combine(_ label: String, _ values: [Double]) {
        frame(label, tag: 4, count: values.count * 8)
        for value in values { addWord(value.bitPattern) }
    }

    /// Adds raw bytes (a data file's contents, a rendered layer's pixels).
    public mutating func combine(_ label: String, bytes: UnsafeRawBufferPointer) {
        frame(label, tag: 5, count: bytes.count)
        var index = 0
        // Whole words first when aligned with the pending buffer, byte by byte otherwise.
        if pendingCount == 0 {
            while index + 8 <= bytes.count {
                addWord(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self).littleEndian)
                index += 8
            }
        }
        while index < bytes.count { add(bytes[index]); index += 1 }
    }

    /// Adds raw bytes.
    public mutating func combine(_ label: String, bytes: [UInt8]) {
        bytes.withUnsafeBytes { combine(label, bytes: $0) }
    }

    /// Adds an optional value, distinguishing `nil` from every value.
    public mutating func combine(_ label: String, _ value: String?) {
        combine(label + "?", value != nil)
        if let value { combine(label, value) }
    }

    /// Adds every recorded state of `run`: names, steps, epochs, parameters, losses and metrics.
    public mutating func combine(_ label: String, run: RecordedRun) {
        frame(label, tag: 6, count: run.steps.count)
        for name in run.parameterNames { combine("parameter", name) }
        for name in run.metricNames { combine("metric", name) }
        for step in run.steps {
            addWord(UInt64(bitPattern: Int64(step.step)))
            addWord(UInt64(bitPattern: Int64(step.epoch)))
            addWord(step.loss.bitPattern)
            addWord(UInt64(step.parameters.count))
            for value in step.parameters { addWord(value.bitPattern) }
            for name in run.metricNames { addWord((step.metrics[name] ?? .nan).bitPattern) }
        }
    }

    /// Adds another identity (e.g. a scene's, inside the renderer's).
    public mutating func combine(_ label: String, _ identity: RenderIdentity) {
        combine(label, identity.hex)
    }

    /// The identity of everything added so far.
    public func finalize() -> RenderIdentity {
        var copy = self
        // Pad the last word with its count, then fold in the total length.
        let tail = copy.pending | (UInt64(copy.pendingCount) << 56)
        copy.absorb(tail)
        copy.absorb(copy.length)
        return RenderIdentity(high: Self.mix(copy.high ^ copy.low), low: Self.mix(copy.low &+ copy.high))
    }

    // MARK: Sponge

    private mutating func frame(_ label: String, tag: UInt8, count: Int) {
        add(tag)
        addWordBytes(UInt64(label.utf8.count))
        for byte in label.utf8 { add(byte) }
        addWordBytes(UInt64(count))
    }

    private mutating func add(_ byte: UInt8) {
        pending |= UInt64(byte) << (8 * UInt64(pendingCount))
        pendingCount += 1
        length &+= 1
        if pendingCount == 8 { absorb(pending); pending = 0; pendingCount = 0 }
    }

    /// Adds 8 bytes, little-endian, through the byte buffer when it is not empty.
    private mutating func addWordBytes(_ word: UInt64) {
        var w = word
        for _ in 0..<8 { add(UInt8(truncatingIfNeeded: w)); w >>= 8 }
    }

    private mutating func addWord(_ word: UInt64) {
        if pendingCount != 0 { addWordBytes(word); return }
        length &+= 8
        absorb(word)
    }

    private mutating func absorb(_ word: UInt64) {
        high = Self.mix(high ^ word) &+ 0x632b_e59b_d9b4_e019
        low = Self.mix(low &+ (word << 29 | word >> 35)) ^ high
    }

    private static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
