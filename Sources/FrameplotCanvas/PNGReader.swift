import CFrameplotPNGEncoder

/// Reads PNG files back into pixels, e.g. to compare rendered frames in tests.
///
/// ```swift
/// let image = try PNGReader.decode(try canvas.pngData())
/// image.width // canvas.pixelWidth
/// ```
public enum PNGReader {
    /// Decodes PNG bytes (any colour type) into straight-alpha RGBA pixels.
    ///
    /// - Throws: ``CanvasError/pngEncoding(_:)`` naming what libpng rejected.
    public static func decode(_ bytes: [UInt8]) throws -> RasterImage {
        var image = fp_png_image()
        defer { fp_png_image_free(&image) }
        let code = bytes.withUnsafeBufferPointer { fp_png_decode_rgba($0.baseAddress, $0.count, &image) }
        guard code == Int32(FP_PNG_OK), let pixels = image.pixels else {
            let message = withUnsafeBytes(of: image.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            throw CanvasError.pngEncoding("cannot decode: " + message)
        }
        let count = Int(image.width) * Int(image.height) * 4
        let copy = [UInt8](UnsafeBufferPointer(start: pixels, count: count))
        guard let raster = RasterImage(width: Int(image.width), height: Int(image.height), pixels: copy) else {
            throw CanvasError.pngEncoding("cannot decode: empty image")
        }
        return raster
    }
}
