#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Converts text in another encoding to UTF-8, chunk by chunk, with the C library's iconv.
///
/// The handle has one owner and is closed in `deinit`. A sequence cut by a chunk boundary
/// is carried over to the next chunk; an invalid sequence stops the conversion with its
/// position (line and column counted in the converted text, both 1-based).
final class CSVTranscoder {
    /// An input sequence that is not valid in the source encoding.
    struct InvalidSequence: Error {
        var line: Int
        var column: Int
        var bytes: [UInt8]
    }

    /// The system cannot convert from this encoding (missing iconv module).
    struct Unsupported: Error {}

    private let handle: iconv_t
    private var carried: [UInt8] = []
    private var storage: [UInt8] = []
    private var line = 1
    private var column = 1
    private var afterCR = false

    init(from encoding: String) throws {
        let opened = iconv_open("UTF-8", encoding)
        guard let opened, Int(bitPattern: opened) != -1 else { throw Unsupported() }
        handle = opened
    }

    deinit { iconv_close(handle) }

    /// Converts `input` (after any bytes carried over from the previous call) and replaces
    /// `output` with the UTF-8 text. With `final`, bytes left over are an invalid sequence.
    func convert(_ input: UnsafeBufferPointer<UInt8>, final: Bool, into output: inout [UInt8]) throws {
        var source = carried
        source.append(contentsOf: input)
        carried.removeAll(keepingCapacity: true)
        output.removeAll(keepingCapacity: true)
        // Each input byte becomes at most 3 UTF-8 bytes (a half-width katakana byte in cp932).
        let needed = source.count * 3 + 16
        if storage.count < needed { storage = [UInt8](repeating: 0, count: needed) }
        var consumed = 0
        var produced = 0
        var failure: Int32 = 0
        source.withUnsafeMutableBytes { inRaw in
            storage.withUnsafeMutableBytes { outRaw in
                guard let inBase = inRaw.baseAddress, let outBase = outRaw.baseAddress else { return }
                var inPointer: UnsafeMutablePointer<CChar>? = inBase.assumingMemoryBound(to: CChar.self)
                var outPointer: UnsafeMutablePointer<CChar>? = outBase.assumingMemoryBound(to: CChar.self)
                var inLeft = inRaw.count
                var outLeft = outRaw.count
                if iconv(handle, &inPointer, &inLeft, &outPointer, &outLeft) == -1 { failure = errno }
                consumed = inRaw.count - inLeft
                produced = outRaw.count - outLeft
            }
        }
        output.append(contentsOf: storage[0..<produced])
        track(output)
        let rest = source[consumed...]
        switch failure {
        case 0:
            break
        case EINVAL where !final:
            carried.append(contentsOf: rest)
        default:
            // EILSEQ, or a sequence cut off by the end of the file.
            throw InvalidSequence(line: line, column: column, bytes: Array(rest.prefix(2)))
        }
    }

    /// Follows line and column through the converted text, for error positions.
    private func track(_ text: [UInt8]) {
        for byte in text {
            switch byte {
            case 0x0A:
                if !afterCR { line += 1 }
                column = 1
                afterCR = false
            case 0x0D:
                line += 1
                column = 1
                afterCR = true
            default:
                afterCR = false
                if byte & 0xC0 != 0x80 { column += 1 }
            }
        }
    }
}
