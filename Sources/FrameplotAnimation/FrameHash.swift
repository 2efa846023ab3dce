/// A 64-bit FNV-1a hash, used to recognise frames that are already complete on disk.
///
/// Not cryptographic: it only needs to notice truncated, damaged or different frames.
///
/// ```swift
/// FrameHash.fnv1a(Array("a".utf8)) // "af63dc4c8601ec8c"
/// ```
public enum FrameHash {
    /// The FNV-1a hash of `bytes` as 16 lowercase hex digits.
    public static func fnv1a<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hex(hash)
    }

    /// The FNV-1a hash of raw memory.
    public static func fnv1a(_ buffer: UnsafeRawBufferPointer) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in buffer {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hex(hash)
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
