import Foundation
import FrameplotCanvas

/// Cached copies of one drawn layer, one per worker drawing at a time, at each device scale,
/// each with the boxes that hold its pixels (``LayerCoverage``).
///
/// A layer is drawn once per copy and then only read (composited); a copy is lent to one
/// caller at a time, so frames drawn in parallel never share a canvas.
///
/// ```swift
/// let pool = LayerPool { canvas in figure.render(on: canvas, layout: layout, layers: .overlay) }
/// try pool.withLayer(size: size, scale: 2) { layer, coverage in frame.composite(layer, within: coverage) }
/// ```
///
/// `@unchecked Sendable`: `free` is read and written only with `lock` held, and a canvas
/// taken out of it belongs to the one caller that took it until it is put back.
final class LayerPool: @unchecked Sendable {
    private let lock = NSLock()
    private var free: [Double: [(canvas: ImageCanvas, coverage: LayerCoverage)]] = [:]
    private let draw: @Sendable (ImageCanvas) -> Void

    init(draw: @escaping @Sendable (ImageCanvas) -> Void) {
        self.draw = draw
    }

    /// Runs `body` with a transparent canvas of `size` at `scale` holding the drawn layer, and
    /// the boxes holding its pixels.
    func withLayer<T>(size: Size, scale: Double, _ body: (ImageCanvas, LayerCoverage) throws -> T) throws -> T {
        let layer = try take(size: size, scale: scale)
        defer { give(layer) }
        return try body(layer.canvas, layer.coverage)
    }

    private func take(size: Size, scale: Double) throws -> (canvas: ImageCanvas, coverage: LayerCoverage) {
        lock.lock()
        let cached = free[scale]?.popLast()
        lock.unlock()
        if let cached, cached.canvas.size == size { return cached }
        let layer = try ImageCanvas(width: size.width, height: size.height, scale: scale)
        draw(layer)
        try layer.checkStatus()
        return (layer, layer.coverage())
    }

    private func give(_ layer: (canvas: ImageCanvas, coverage: LayerCoverage)) {
        lock.lock()
        free[layer.canvas.scale, default: []].append(layer)
        lock.unlock()
    }
}
