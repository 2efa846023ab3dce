/// A grid of RGBA pixels with straight alpha, row-major from the top-left,
/// drawn scaled into a rectangle (heatmaps, decision-region grids).
///
/// ```swift
/// var img = RasterImage(width: 2, height: 1)
/// img[0, 0] = RGBA8(r: 255, g: 0, b: 0)
/// canvas.draw(img, in: Rect(x: 0, y: 0, width: 100, height: 50), interpolation: .nearest)
/// ```
public struct RasterImage: Sendable, Hashable {
    public let width: Int
    public let height: Int
    /// `width * height * 4` bytes: r, g, b, a per pixel.
    public var pixels: [UInt8]

    /// A transparent image; width and height are clamped to at least 1.
    public init(width: Int, height: Int) {
        self.width = Swift.max(1, width)
        self.height = Swift.max(1, height)
        self.pixels = [UInt8](repeating: 0, count: self.width * self.height * 4)
    }

    /// An image over existing pixel bytes; `nil` when the byte count does not match.
    public init?(width: Int, height: Int, pixels: [UInt8]) {
        guard width > 0, height > 0, pixels.count == width * height * 4 else { return nil }
        self.width = width; self.height = height; self.pixels = pixels
    }

    public subscript(x: Int, y: Int) -> RGBA8 {
        get {
            let i = (y * width + x) * 4
            return RGBA8(r: pixels[i], g: pixels[i + 1], b: pixels[i + 2], a: pixels[i + 3])
        }
        set {
            let i = (y * width + x) * 4
            pixels[i] = newValue.r; pixels[i + 1] = newValue.g; pixels[i + 2] = newValue.b; pixels[i + 3] = newValue.a
        }
    }
}

/// How a raster is resampled when drawn larger or smaller than its pixel size.
public enum Interpolation: Sendable, Hashable { case nearest, bilinear }
