import CFrameplotPNGEncoder
import Foundation

/// How PNG files are compressed: zlib level and row filter.
///
/// Animation frames favour speed (``fast``), final figures favour size (``small``).
///
/// ```swift
/// try canvas.writePNG(to: "Output/frame_0001.png", options: .fast)
/// try canvas.writePNG(to: "Output/figure.png", options: .small)
/// ```
public struct PNGOptions: Sendable, Hashable {
    /// The PNG row filter applied before compression.
    public enum Filter: Sendable, Hashable, CaseIterable {
        case none, sub, up, average, paeth
        /// libpng picks the best filter per row (smaller files, slower).
        case adaptive

        var libpngFlags: Int32 {
            switch self {
            case .none: return Int32(FP_PNG_FILTER_NONE)
            case .sub: return Int32(FP_PNG_FILTER_SUB)
            case .up: return Int32(FP_PNG_FILTER_UP)
            case .average: return Int32(FP_PNG_FILTER_AVG)
            case .paeth: return Int32(FP_PNG_FILTER_PAETH)
            case .adaptive: return Int32(FP_PNG_FILTER_ALL)
            }
        }
    }

    /// zlib compression level, 0 (store) ... 9 (smallest); clamped into that range.
    public var compressionLevel: Int
    public var filter: Filter
    /// Whether to record the device scale as resolution (72 dpi times the scale) in a pHYs chunk.
    public var recordsResolution: Bool

    public init(compressionLevel: Int = 6, filter: Filter = .adaptive, recordsResolution: Bool = true) {
        self.compressionLevel = Swift.min(Swift.max(compressionLevel, 0), 9)
        self.filter = filter
        self.recordsResolution = recordsResolution
    }

    /// For animation frames: level 1, no filter (several times faster than cairo's own writer).
    public static let fast = PNGOptions(compressionLevel: 1, filter: .none)
    /// For final figures: level 6 with adaptive filtering.
    public static let small = PNGOptions(compressionLevel: 6, filter: .adaptive)
}

/// The libpng encoder behind ``ImageCanvas/pngData(options:)``.
enum PNGEncoder {
    /// Encodes premultiplied native-endian ARGB32 rows to PNG bytes.
    static func encode(_ pixels: UnsafeRawPointer, width: Int, height: Int, stride: Int,
                       options: PNGOptions, pixelsPerMeter: UInt32, text: [PNGTextChunk] = []) throws -> [UInt8] {
        if let bad = text.first(where: { !$0.isWritable }) {
            throw CanvasError.pngEncoding("text chunk \"\(bad.keyword)\": keywords are 1 to 79 printable ASCII characters and values printable ASCII")
        }
        var output = fp_png_output()
        defer { fp_png_output_free(&output) }
        // strdup'd C strings for libpng (freed below); the chunks are copied into the PNG.
        let keys = text.map { strdup($0.keyword) }, values = text.map { strdup($0.value) }
        defer { (keys + values).forEach { free($0) } }
        let keyPointers = keys.map { UnsafePointer($0) }, valuePointers = values.map { UnsafePointer($0) }
        let code = keyPointers.withUnsafeBufferPointer { k in
            valuePointers.withUnsafeBufferPointer { v in
                fp_png_encode_argb32(pixels.assumingMemoryBound(to: UInt8.self), Int32(width), Int32(height),
                                     Int32(stride), Int32(options.compressionLevel), options.filter.libpngFlags,
                                     pixelsPerMeter, k.baseAddress, v.baseAddress, Int32(text.count), &output)
            }
        }
        guard code == Int32(FP_PNG_OK), let data = output.data else {
            let message = withUnsafeBytes(of: output.message) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            throw CanvasError.pngEncoding(message.isEmpty ? "libpng error code \(code)" : message)
        }
        return [UInt8](UnsafeBufferPointer(start: data, count: output.size))
    }
}
