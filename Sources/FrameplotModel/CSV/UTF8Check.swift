/// UTF-8 validation (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF).
///
/// ```swift
/// UTF8Check.sequence(lead: 0xE3)   // (continuations: 2, low: 0x80, high: 0xBF)
/// ```
enum UTF8Check {
    /// For a lead byte, how many continuation bytes follow and the range of the first
    /// one (the others are always 0x80...0xBF); nil for a byte that cannot start a
    /// multi-byte sequence.
    static func sequence(lead byte: UInt8) -> (continuations: Int, low: UInt8, high: UInt8)? {
        switch byte {
        case 0xC2...0xDF: return (1, 0x80, 0xBF)
        case 0xE0: return (2, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: return (2, 0x80, 0xBF)
        case 0xED: return (2, 0x80, 0x9F)
        case 0xF0: return (3, 0x90, 0xBF)
        case 0xF1...0xF3: return (3, 0x80, 0xBF)
        case 0xF4: return (3, 0x80, 0x8F)
        default: return nil
        }
    }

    /// The index and value of the first byte that breaks UTF-8, or nil.
    static func firstInvalid(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, UInt8)? {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 { index += 1; continue }
            guard let (count, low, high) = sequence(lead: byte) else { return (index, byte) }
            for step in 1...count {
                let position = index + step
                guard position < bytes.count else { return (index, byte) }
                let (lo, hi) = step == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
                guard bytes[position] >= lo, bytes[position] <= hi else { return (index, byte) }
            }
            index += count + 1
        }
        return nil
    }
}
