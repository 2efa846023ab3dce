import CFrameplotCairo

/// A raster canvas backed by a cairo ARGB32 image surface.
///
/// Sizes are in layout units; the image has `size * scale` pixels, so `scale: 2` draws the
/// same picture with twice the pixels per side (HiDPI slides). Each canvas owns its own cairo
/// and Pango state: render frames in parallel by giving each thread its own canvas.
///
/// ```swift
/// let canvas = try ImageCanvas(width: 400, height: 300, scale: 2)
/// canvas.clear(.white)
/// canvas.drawText("損失関数値", at: Point(x: 200, y: 20), style: TextStyle(size: 14), anchor: .topCenter)
/// try canvas.writePNG(to: "Output/sample.png", options: .small)
/// ```
public final class ImageCanvas: CairoCanvas {
    /// Device pixels per layout unit.
    public let scale: Double
    /// Width of the image in pixels.
    public let pixelWidth: Int
    /// Height of the image in pixels.
    public let pixelHeight: Int

    /// Creates a transparent canvas of `width` x `height` layout units at device `scale`.
    ///
    /// - Throws: ``CanvasError/invalidSize(width:height:scale:reason:)`` for empty, negative,
    ///   non-finite or absurdly large sizes (see ``CanvasLimits``); ``CanvasError/cairo(operation:status:)``
    ///   when cairo cannot allocate the surface.
    public init(width: Double, height: Double, scale: Double = 1) throws {
        let pixels = try CanvasLimits.pixelSize(width: width, height: height, scale: scale)
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(pixels.width), Int32(pixels.height))
        else { throw CanvasError.cairo(operation: "create an image surface", status: "no surface") }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            throw CanvasError.cairo(operation: "create a \(pixels.width)x\(pixels.height) image surface",
                                    status: CairoDrawing.describe(status))
        }
        cairo_surface_set_device_scale(surface, scale, scale)
        self.scale = scale
        self.pixelWidth = pixels.width
        self.pixelHeight = pixels.height
        try super.init(surface: surface, size: Size(width: width, height: height), operation: "create a drawing context")
    }

    // MARK: Pixels

    /// Throws the first drawing failure cairo recorded, if any.
    public func checkStatus() throws {
        try drawing.check("draw on the image")
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw CanvasError.cairo(operation: "draw on the image", status: CairoDrawing.describe(status))
        }
    }

    /// The pixel at pixel coordinates (`x`, `y`) with straight alpha; transparent black outside the image.
    public func pixel(x: Int, y: Int) -> RGBA8 {
        guard x >= 0, y >= 0, x < pixelWidth, y < pixelHeight else { return RGBA8(r: 0, g: 0, b: 0, a: 0) }
        return withUnsafeBGRABytes { bytes, stride in
            let p = bytes.load(fromByteOffset: y * stride + x * 4, as: UInt32.self)
            let a = (p >> 24) & 0xff
            guard a > 0 else { return RGBA8(r: 0, g: 0, b: 0, a: 0) }
            func straight(_ c: UInt32) -> UInt8 { UInt8(Swift.min(255, (c * 255 + a / 2) / a)) }
            return RGBA8(r: straight((p >> 16) & 0xff), g: straight((p >> 8) & 0xff), b: straight(p & 0xff), a: UInt8(a))
        }
    }

    /// Calls `body` with the raw pixel rows and the row stride in bytes.
    ///
    /// The bytes are cairo's premultiplied ARGB32 in native byte order, which on little-endian
    /// machines is B, G, R, A per pixel — for an opaque frame exactly ffmpeg's `bgra` input.
    /// Valid only inside `body`; do not draw on the canvas meanwhile.
    public func withUnsafeBGRABytes<T>(_ body: (UnsafeRawBufferPointer, Int) throws -> T) rethrows -> T {
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface))
        let count = stride * pixelHeight
        guard let data = cairo_image_surface_get_data(surface) else {
            return try body(UnsafeRawBufferPointer(start: nil, count: 0), stride)
        }
        return try body(UnsafeRawBufferPointer(start: data, count: count), stride)
    }

    // MARK: PNG

    /// The image encoded as PNG (RGB when fully opaque, else RGBA), with optional `tEXt`
    /// chunks before the image data. The same pixels, options and text give the same bytes.
    ///
    /// - Throws: the first drawing failure, or ``CanvasError/pngEncoding(_:)`` (also for a text
    ///   chunk whose keyword or value cannot be written: see ``PNGTextChunk``).
    public func pngData(options: PNGOptions = .small, text: [PNGTextChunk] = []) throws -> [UInt8] {
        try encodePNG(options: options, text: text).bytes
    }

    /// `options` with ``PNGOptions/Filter/perImage`` replaced by the filter this image gets.
    ///
    /// The frames of one animation share most of their pixels: choosing the filter once, on a
    /// representative frame, saves the per-image trial (about a third of a frame's encoding)
    /// and keeps the choice a function of that frame alone, so frames stay byte-identical
    /// whichever worker draws them. Other filters are returned unchanged.
    ///
    /// ```swift
    /// let options = try firstFrame.resolvingPerImageFilter(of: .fast)   // e.g. level 1, .up
    /// ```
    public func resolvingPerImageFilter(of options: PNGOptions) throws -> PNGOptions {
        guard options.filter == .perImage else { return options }
        let chosen = try encodePNG(options: options).filter
        guard let chosen, [.none, .sub, .up].contains(chosen) else { return options }   // libpng's path chose per row
        var resolved = options
        resolved.filter = chosen
        return resolved
    }

    /// Encodes the pixels, reporting how (tests and benchmarks look at the filter and path).
    func encodePNG(options: PNGOptions, text: [PNGTextChunk] = [], oneShotLimit: Int = PNGEncoder.oneShotLimit,
                   throughLibpng: Bool = false) throws -> PNGEncoder.Encoded {
        try checkStatus()
        let ppm = options.recordsResolution ? UInt32((72 * scale / 0.0254).rounded()) : 0
        return try withUnsafeBGRABytes { bytes, stride in
            guard let base = bytes.baseAddress else { throw CanvasError.pngEncoding("the image has no pixel data") }
            return try PNGEncoder.encode(base, width: pixelWidth, height: pixelHeight, stride: stride,
                                         options: options, pixelsPerMeter: ppm, text: text,
                                         oneShotLimit: oneShotLimit, throughLibpng: throughLibpng)
        }
    }

    /// Writes the image as PNG to `path` atomically (temporary file in the same folder, then rename).
    ///
    /// - Throws: drawing and encoding errors as ``CanvasError``, file errors as ``FileWriteError``; nothing is left at `path`
    ///   (not even a temporary file) when it fails.
    public func writePNG(to path: String, options: PNGOptions = .small, text: [PNGTextChunk] = []) throws {
        try AtomicFile.write(pngData(options: options, text: text), to: path)
    }

    /// The image encoded row by row through libpng, as before the one-shot encoder (benchmarks only).
    @_spi(Benchmark) public func pngDataThroughLibpng(options: PNGOptions) throws -> [UInt8] {
        try encodePNG(options: options, throughLibpng: true).bytes
    }

    /// Writes the image with cairo's own PNG writer (fixed compression), for benchmarks only.
    @_spi(Benchmark) public func writePNGWithCairo(to path: String) throws {
        try checkStatus()
        cairo_surface_flush(surface)
        let status = cairo_surface_write_to_png(surface, path)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw CanvasError.cairo(operation: "write \"\(path)\"", status: CairoDrawing.describe(status))
        }
    }
}
