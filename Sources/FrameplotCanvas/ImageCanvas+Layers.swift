import CFrameplotCairo
import Foundation

/// The parts of a drawn, mostly transparent layer that hold any pixel, as boxes of device
/// pixels: compositing only those gives the same pixels as compositing the whole layer
/// (a transparent pixel leaves what is under it exactly as it was), for less work.
///
/// ```swift
/// let coverage = overlay.coverage()              // once, after drawing the overlay
/// frame.composite(overlay, within: coverage)     // every frame
/// ```
public struct LayerCoverage: Sendable, Hashable {
    /// A box of device pixels: columns `x..<x+width`, rows `y..<y+height`.
    public struct Box: Sendable, Hashable {
        public var x: Int, y: Int, width: Int, height: Int
    }

    /// Non-overlapping boxes, top to bottom, left to right.
    public var boxes: [Box]
    /// The pixel size of the layer they were found in.
    public var pixelWidth: Int
    public var pixelHeight: Int

    /// The fraction of the layer's pixels inside the boxes.
    public var coveredFraction: Double {
        let area = boxes.reduce(0) { $0 + $1.width * $1.height }
        return pixelWidth * pixelHeight > 0 ? Double(area) / Double(pixelWidth * pixelHeight) : 0
    }
}

extension ImageCanvas {
    /// Side of the square tiles the coverage is found in: small enough to skip the gaps between
    /// scattered markers, large enough that few boxes are composited.
    static let coverageTile = 16

    /// The tiles of this canvas holding any non-zero pixel, merged along each row of tiles.
    public func coverage() -> LayerCoverage {
        let tile = Self.coverageTile
        let columns = (pixelWidth + tile - 1) / tile
        var boxes: [LayerCoverage.Box] = []
        withUnsafeBGRABytes { bytes, stride in
            guard bytes.count >= stride * pixelHeight else { return }
            var used = [Bool](repeating: false, count: columns)
            var top = 0
            while top < pixelHeight {
                let height = Swift.min(tile, pixelHeight - top)
                for c in 0..<columns { used[c] = false }
                for y in top..<(top + height) {
                    let row = y * stride
                    for c in 0..<columns where !used[c] {
                        let start = c * tile, end = Swift.min(pixelWidth, start + tile)
                        for x in start..<end where bytes.loadUnaligned(fromByteOffset: row + 4 * x, as: UInt32.self) != 0 {
                            used[c] = true
                            break
                        }
                    }
                }
                var c = 0
                while c < columns {
                    guard used[c] else { c += 1; continue }
                    var end = c
                    while end + 1 < columns && used[end + 1] { end += 1 }
                    let x = c * tile
                    boxes.append(LayerCoverage.Box(x: x, y: top, width: Swift.min(pixelWidth, (end + 1) * tile) - x, height: height))
                    c = end + 1
                }
                top += height
            }
        }
        return LayerCoverage(boxes: boxes, pixelWidth: pixelWidth, pixelHeight: pixelHeight)
    }

    /// Composites `layer` at the origin inside the boxes of `coverage`, found by
    /// ``coverage()`` on `layer` as it is now: the same pixels as ``composite(_:at:)`` at
    /// `.zero`, without touching the transparent rest. A coverage of another pixel size
    /// composites the whole layer.
    public func composite(_ layer: ImageCanvas, within coverage: LayerCoverage) {
        guard coverage.pixelWidth == layer.pixelWidth, coverage.pixelHeight == layer.pixelHeight else {
            return composite(layer, at: .zero)
        }
        guard !coverage.boxes.isEmpty else { return }
        let cr = drawing.cr
        cairo_surface_flush(layer.surface)
        cairo_save(cr)
        // Device pixels in user units: with the identity transform only the device scale applies,
        // and box edges land exactly on pixel edges (cairo's 1/256-pixel grid absorbs rounding).
        cairo_identity_matrix(cr)
        cairo_set_source_surface(cr, layer.surface, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_NEAREST)
        cairo_new_path(cr)
        // The layer's edges as ``composite(_:at:)`` has them (a size of a fractional number of
        // pixels covers its last pixels in part).
        let unit = 1 / scale, right = layer.size.width, bottom = layer.size.height
        for box in coverage.boxes {
            let x = Double(box.x) * unit, y = Double(box.y) * unit
            cairo_rectangle(cr, x, y, Swift.min(Double(box.x + box.width) * unit, right) - x,
                            Swift.min(Double(box.y + box.height) * unit, bottom) - y)
        }
        cairo_fill(cr)
        cairo_restore(cr)
    }

    /// Makes every pixel a copy of `source`'s: a frame starts from its cached opaque static
    /// layer with one copy instead of clearing and compositing (the same pixels when the
    /// layer is opaque).
    ///
    /// - Throws: ``CanvasError/invalidSize(width:height:scale:reason:)`` when the pixel sizes differ.
    public func copyPixels(from source: ImageCanvas) throws {
        guard source.pixelWidth == pixelWidth, source.pixelHeight == pixelHeight else {
            throw CanvasError.invalidSize(width: source.size.width, height: source.size.height, scale: source.scale,
                                          reason: "cannot copy \(source.pixelWidth)x\(source.pixelHeight) pixels onto \(pixelWidth)x\(pixelHeight)")
        }
        cairo_surface_flush(source.surface)
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard stride == Int(cairo_image_surface_get_stride(source.surface)),
              let from = cairo_image_surface_get_data(source.surface), let to = cairo_image_surface_get_data(surface) else {
            throw CanvasError.cairo(operation: "copy pixels", status: "no pixel data")
        }
        memcpy(to, from, stride * pixelHeight)
        cairo_surface_mark_dirty(surface)
    }
}
