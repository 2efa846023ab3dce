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

    /// A 128-bit digest of raw pixel memory (a static layer), as 32 hex digits: two 64-bit
    /// multiply–xor lanes over 8-byte words, in one tight loop (cheap even in debug builds,
    /// where a call per word would cost tens of milliseconds for one 800x400 layer).
    public static func pixels(_ buffer: UnsafeRawBufferPointer) -> String {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325, b: UInt64 = 0x9e37_79b9_7f4a_7c15
        let words = buffer.count / 8
        var i = 0
        while i < words {
            let word = buffer.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)
            a = (a ^ word) &* 0x0000_0100_0000_01b3
            b = (b &+ word) &* 0xbf58_476d_1ce4_e5b9
            b ^= b >> 29
            i += 1
        }
        for index in (words * 8)..<buffer.count { a = (a ^ UInt64(buffer[index])) &* 0x0000_0100_0000_01b3 }
        a ^= UInt64(buffer.count)
        return hex(a) + hex(b)
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
