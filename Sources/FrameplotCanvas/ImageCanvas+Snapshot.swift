extension ImageCanvas {
    /// The canvas pixels as a straight-alpha ``RasterImage`` (pixel size), e.g. to compare renders in tests.
    ///
    /// ```swift
    /// let before = canvas.snapshot()
    /// #expect(before.maximumDifference(from: other.snapshot()) ?? 255 <= 2)
    /// ```
    public func snapshot() -> RasterImage {
        var pixels = [UInt8](repeating: 0, count: pixelWidth * pixelHeight * 4)
        withUnsafeBGRABytes { bytes, stride in
            guard bytes.count >= stride * pixelHeight else { return }
            for y in 0..<pixelHeight {
                for x in 0..<pixelWidth {
                    let p = bytes.load(fromByteOffset: y * stride + x * 4, as: UInt32.self)
                    let a = (p >> 24) & 0xff
                    let i = (y * pixelWidth + x) * 4
                    guard a > 0 else { continue }
                    func straight(_ c: UInt32) -> UInt8 { UInt8(Swift.min(255, (c * 255 + a / 2) / a)) }
                    pixels[i] = straight((p >> 16) & 0xff)
                    pixels[i + 1] = straight((p >> 8) & 0xff)
                    pixels[i + 2] = straight(p & 0xff)
                    pixels[i + 3] = UInt8(a)
                }
            }
        }
        return RasterImage(width: pixelWidth, height: pixelHeight, pixels: pixels) ?? RasterImage(width: 1, height: 1)
    }
}

extension RasterImage {
    /// The largest difference of any channel of any pixel, or `nil` when the sizes differ.
    ///
    /// ```swift
    /// let decoded = try PNGReader.decode(bytes)
    /// #expect(decoded.maximumDifference(from: canvas.snapshot()) == 0)
    /// ```
    public func maximumDifference(from other: RasterImage) -> Int? {
        guard width == other.width, height == other.height, pixels.count == other.pixels.count else { return nil }
        var worst = 0
        for i in pixels.indices {
            let d = abs(Int(pixels[i]) - Int(other.pixels[i]))
            if d > worst { worst = d }
        }
        return worst
    }
}
