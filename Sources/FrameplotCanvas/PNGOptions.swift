import CFrameplotPNGEncoder
import Foundation

/// How PNG files are compressed: DEFLATE level and row filter.
///
/// Animation frames favour speed (``fast``), final figures favour size (``small``).
/// The same pixels and options always give the same bytes.
///
/// ```swift
/// try canvas.writePNG(to: "Output/frame_0001.png", options: .fast)
/// try canvas.writePNG(to: "Output/figure.png", options: .small)
/// ```
public struct PNGOptions: Sendable, Hashable {
    /// The PNG row filter applied before compression.
    public enum Filter: Sendable, Hashable, CaseIterable {
        case none, sub, up, average, paeth
        /// The best filter per row by libpng's measure (smallest sum of magnitudes; smaller files, slower).
        case adaptive
        /// None, sub or up for the whole image, whichever compresses a sample of rows best
        /// (nearly as small as ``adaptive`` on drawn pictures, at the cost of ``none``).
        case perImage

        var code: Int32 {
            switch self {
            case .none: return Int32(FP_PNG_FILTER_NONE)
            case .sub: return Int32(FP_PNG_FILTER_SUB)
            case .up: return Int32(FP_PNG_FILTER_UP)
            case .average: return Int32(FP_PNG_FILTER_AVERAGE)
            case .paeth: return Int32(FP_PNG_FILTER_PAETH)
            case .adaptive: return Int32(FP_PNG_FILTER_ADAPTIVE)
            case .perImage: return Int32(FP_PNG_FILTER_PER_IMAGE)
            }
        }

        init?(code: Int32) {
            guard let match = Self.allCases.first(where: { $0.code == code }) else { return nil }
            self = match
        }
    }

    /// DEFLATE level (libdeflate's), 0 (store) ... 9 (smallest); clamped into that range.
    /// Level 1 is the fastest, for frames.
    public var compressionLevel: Int
    public var filter: Filter
    /// Whether to record the device scale as resolution (72 dpi times the scale) in a pHYs chunk.
    public var recordsResolution: Bool

    public init(compressionLevel: Int = 6, filter: Filter = .adaptive, recordsResolution: Bool = true) {
        self.compressionLevel = Swift.min(Swift.max(compressionLevel, 0), 9)
        self.filter = filter
        self.recordsResolution = recordsResolution
    }

    /// For animation frames: level 1, one filter per image (about 2 ms for an 800x600 frame).
    public static let fast = PNGOptions(compressionLevel: 1, filter: .perImage)
    /// For final figures: level 6 with adaptive filtering.
    public static let small = PNGOptions(compressionLevel: 6, filter: .adaptive)
}

/// The encoder behind ``ImageCanvas/pngData(options:text:)``: the whole image filtered and
/// compressed at once (libdeflate), or row by row with libpng above
/// ``oneShotLimit``.
enum PNGEncoder {
    /// Images whose filtered rows exceed this many bytes (16 megapixels of RGBA) are encoded
    /// row by row, so memory stays near the file's size instead of doubling the image.
    static let oneShotLimit = 64 << 20

    /// Encoded bytes and how they were made (for tests and benchmarks).
    struct Encoded {
        var bytes: [UInt8]
        /// The filter applied to every row, or ``PNGOptions/Filter/adaptive`` when chosen per row.
        var filter: PNGOptions.Filter?
        /// Whether libpng wrote the image row by row.
        var streamed: Bool
    }

    /// Encodes premultiplied native-endian ARGB32 rows to PNG bytes.
    static func encode(_ pixels: UnsafeRawPointer, width: Int, height: Int, stride: Int, options: PNGOptions,
                       pixelsPerMeter: UInt32, text: [PNGTextChunk] = [], oneShotLimit: Int = oneShotLimit,
                       throughLibpng: Bool = false) throws -> Encoded {
        if let bad = text.first(where: { !$0.isWritable }) {
            throw CanvasError.pngEncoding("text chunk \"\(bad.keyword)\": keywords are 1 to 79 printable ASCII characters and values printable ASCII")
        }
        var output = fp_png_output()
        defer { fp_png_output_free(&output) }
        // strdup'd C strings for the encoder (freed below); the chunks are copied into the PNG.
        let keys = text.map { strdup($0.keyword) }, values = text.map { strdup($0.value) }
        defer { (keys + values).forEach { free($0) } }
        let keyPointers = keys.map { UnsafePointer($0) }, valuePointers = values.map { UnsafePointer($0) }
        let base = pixels.assumingMemoryBound(to: UInt8.self)
        let level = Int32(options.compressionLevel), filter = options.filter.code
        let code = keyPointers.withUnsafeBufferPointer { k in
            valuePointers.withUnsafeBufferPointer { v in
                throughLibpng
                    ? fp_png_encode_argb32_libpng(base, Int32(width), Int32(height), Int32(stride), level, filter,
                                                  pixelsPerMeter, k.baseAddress, v.baseAddress, Int32(text.count), &output)
                    : fp_png_encode_argb32(base, Int32(width), Int32(height), Int32(stride), level, filter,
                                           pixelsPerMeter, k.baseAddress, v.baseAddress, Int32(text.count),
                                           Swift.max(0, oneShotLimit), &output)
            }
        }
        guard code == Int32(FP_PNG_OK), let data = output.data else {
            let message = withUnsafeBytes(of: output.message) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            throw CanvasError.pngEncoding(message.isEmpty ? "encoder error code \(code)" : message)
        }
        return Encoded(bytes: [UInt8](UnsafeBufferPointer(start: data, count: output.size)),
                       filter: PNGOptions.Filter(code: output.filter),
                       streamed: output.encoder == Int32(FP_PNG_ENCODER_LIBPNG))
    }
}
