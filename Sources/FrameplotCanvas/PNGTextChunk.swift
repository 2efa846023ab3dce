/// A PNG `tEXt` chunk: a keyword and a value, stored before the image data.
///
/// Frameplot writes the render identity and frame index of every animation frame this way,
/// so a frame can be recognised even when the manifest next to it is lost.
///
/// ```swift
/// let bytes = try canvas.pngData(options: .fast, text: [PNGTextChunk(keyword: "frameplot:index", value: "7")])
/// PNGTextChunk.read(from: bytes)   // [PNGTextChunk(keyword: "frameplot:index", value: "7")]
/// ```
public struct PNGTextChunk: Sendable, Hashable {
    /// 1 to 79 printable Latin-1 characters without leading, trailing or double spaces (PNG 11.3.4.3).
    public var keyword: String
    /// The text; only ASCII is written (other characters are refused).
    public var value: String

    public init(keyword: String, value: String) {
        self.keyword = keyword; self.value = value
    }

    /// Whether the keyword and value can be written as a `tEXt` chunk.
    var isWritable: Bool {
        let key = Array(keyword.utf8)
        guard (1...79).contains(key.count), key.first != 0x20, key.last != 0x20 else { return false }
        guard key.allSatisfy({ $0 >= 0x20 && $0 < 0x7f }), !keyword.contains("  ") else { return false }
        return value.utf8.allSatisfy { ($0 >= 0x20 && $0 < 0x7f) || $0 == 0x0a }
    }

    /// The `tEXt` chunks that come before the first `IDAT` chunk of `png`, in file order.
    ///
    /// Returns an empty list for bytes that are not a PNG or whose chunks are damaged
    /// (a bad length or CRC): a damaged file tells nothing.
    public static func read<Bytes: RandomAccessCollection>(from png: Bytes) -> [PNGTextChunk]
    where Bytes.Element == UInt8, Bytes.Index == Int {
        let signature: [UInt8] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
        guard png.count >= 8, zip(png.prefix(8), signature).allSatisfy({ $0 == $1 }) else { return [] }
        var chunks: [PNGTextChunk] = []
        var offset = png.startIndex + 8
        while offset + 12 <= png.endIndex {
            let length = Int(bigEndian32(png, offset))
            let typeStart = offset + 4
            guard length <= png.endIndex - typeStart - 8 else { return [] }
            let type = String(decoding: png[typeStart..<(typeStart + 4)], as: UTF8.self)
            let dataStart = typeStart + 4
            let crcStart = dataStart + length
            guard CRC32.checksum(png[typeStart..<crcStart]) == bigEndian32(png, crcStart) else { return [] }
            if type == "IDAT" || type == "IEND" { break }
            if type == "tEXt", let zero = png[dataStart..<crcStart].firstIndex(of: 0) {
                // tEXt is Latin-1: map bytes to the same code points.
                let keyword = String(String.UnicodeScalarView(png[dataStart..<zero].map { Unicode.Scalar($0) }))
                let value = String(String.UnicodeScalarView(png[(zero + 1)..<crcStart].map { Unicode.Scalar($0) }))
                chunks.append(PNGTextChunk(keyword: keyword, value: value))
            }
            offset = crcStart + 4
        }
        return chunks
    }

    private static func bigEndian32<Bytes: RandomAccessCollection>(_ bytes: Bytes, _ at: Int) -> UInt32
    where Bytes.Element == UInt8, Bytes.Index == Int {
        UInt32(bytes[at]) << 24 | UInt32(bytes[at + 1]) << 16 | UInt32(bytes[at + 2]) << 8 | UInt32(bytes[at + 3])
    }
}

/// The CRC-32 of PNG chunks (ISO 3309, the polynomial of zlib and PNG).
enum CRC32 {
    static let table: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xedb8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum<Bytes: Sequence>(_ bytes: Bytes) -> UInt32 where Bytes.Element == UInt8 {
        var c: UInt32 = 0xffff_ffff
        for byte in bytes { c = table[Int((c ^ UInt32(byte)) & 0xff)] ^ (c >> 8) }
        return c ^ 0xffff_ffff
    }
}
