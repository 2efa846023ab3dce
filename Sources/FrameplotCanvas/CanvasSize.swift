/// Limits that keep a canvas within sane memory (a typo like 100000x100000 must not allocate 40 GB).
public enum CanvasLimits {
    /// The largest width or height of an image canvas, in pixels (cairo's own limit).
    public static let maxPixelsPerSide = 32_767
    /// The largest pixel count of an image canvas (2^28 pixels, 1 GiB of ARGB32).
    public static let maxPixelCount = 1 << 28
    /// The largest width or height of a vector page, in layout units (points).
    public static let maxVectorSide = 100_000.0
    /// The sides a person may ask for on the command line (`--size WxH`), in layout units:
    /// small enough to catch typos, large enough for print.
    public static let requestedSides = 16...8192
    /// The device scales a person may ask for (`--scale S`).
    public static let requestedScales = 0.25...8.0

    /// Checks a layout size and device scale for an image and returns its pixel size: the one
    /// formula (each side times the scale, rounded) that every canvas and report uses.
    ///
    /// ```swift
    /// let pixels = try CanvasLimits.pixelSize(width: 800, height: 400, scale: 1.5)   // (1200, 600)
    /// ```
    public static func pixelSize(width: Double, height: Double, scale: Double) throws -> (width: Int, height: Int) {
        func invalid(_ reason: String) -> CanvasError {
            .invalidSize(width: width, height: height, scale: scale, reason: reason)
        }
        guard width.isFinite, height.isFinite else { throw invalid("width and height must be finite numbers") }
        guard scale.isFinite, scale > 0 else { throw invalid("the scale must be a positive finite number") }
        guard width > 0, height > 0 else { throw invalid("width and height must be positive") }
        let w = (width * scale).rounded(), h = (height * scale).rounded()
        guard w >= 1, h >= 1 else { throw invalid("the image would be smaller than one pixel") }
        guard w <= Double(maxPixelsPerSide), h <= Double(maxPixelsPerSide) else {
            throw invalid("at most \(maxPixelsPerSide) pixels per side are supported")
        }
        guard w * h <= Double(maxPixelCount) else {
            throw invalid("at most \(maxPixelCount) pixels (\(maxPixelCount / 1_048_576) megapixels) are supported")
        }
        return (Int(w), Int(h))
    }

    /// Checks the page size of a vector canvas.
    static func checkVector(width: Double, height: Double) throws {
        func invalid(_ reason: String) -> CanvasError {
            .invalidSize(width: width, height: height, scale: 1, reason: reason)
        }
        guard width.isFinite, height.isFinite else { throw invalid("width and height must be finite numbers") }
        guard width > 0, height > 0 else { throw invalid("width and height must be positive") }
        guard width <= maxVectorSide, height <= maxVectorSide else {
            throw invalid("at most \(Int(maxVectorSide)) points per side are supported")
        }
    }
}
