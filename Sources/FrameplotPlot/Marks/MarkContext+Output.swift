import FrameplotCanvas

extension MarkContext {
    /// The canvas as a pixel image, or `nil` for a vector page (PDF, SVG) or a recorder.
    var image: ImageCanvas? { canvas as? ImageCanvas }

    /// Grid cells per layout unit that a dense line of `lineWidth` is reduced to before
    /// stroking (see ``LineDecimation``): a few per device pixel of an image; on a vector page
    /// as for an image of at least 2 pixels per point (144 dpi), so zooming in stays faithful.
    ///
    /// Several cells per pixel, not one: a thick antialiased stroke through one device column
    /// drawn from only four points leaves faint gaps inside a dense band (its min-to-max
    /// segment is slanted); enough segments that their widths add up to three pixels cover a
    /// column as the full line does. Each cell costs the stroker, so no more than that.
    func decimationCellsPerUnit(lineWidth: Double) -> Double {
        let pixels = image.map(\.scale) ?? Swift.max(resolution, 2)
        let widthInPixels = lineWidth * pixels
        guard widthInPixels.isFinite, widthInPixels > 0 else { return 2 * pixels }
        return pixels * Swift.min(8, Swift.max(2, (3 / widthInPixels).rounded(.up)))
    }
}

extension MarkContext {
    /// Whether a mark of `count` points (its own `preference`, else the figure's) is drawn as
    /// an image: only on vector pages, never on an image canvas.
    func rasterizes(_ preference: Rasterization?, count: Int) -> Bool {
        guard image == nil else { return false }
        switch preference ?? rasterization {
        case .never: return false
        case .always: return true
        case .automatic: return count > Rasterization.automaticThreshold
        }
    }

    /// Runs `draw` on a transparent image of the plot area at ``resolution`` device pixels per
    /// unit, then places the image on the page: its pixels lie on the grid a PNG of the figure
    /// at that scale has, so the marks land exactly where their vector form (or the PNG) puts
    /// them. Falls back to drawing vectors when the image cannot be made.
    func drawRasterized(_ draw: (MarkContext) -> Void) {
        let plot = transform.plotRect, r = Swift.max(1, resolution)
        // The plot area widened to whole device pixels.
        let x0 = (plot.minX * r).rounded(.down) / r, y0 = (plot.minY * r).rounded(.down) / r
        let x1 = (plot.maxX * r).rounded(.up) / r, y1 = (plot.maxY * r).rounded(.up) / r
        guard let layer = try? ImageCanvas(width: x1 - x0, height: y1 - y0, scale: r) else { return draw(self) }
        layer.withSavedState {
            layer.translate(dx: -x0, dy: -y0)
            layer.clip(to: .rect(plot))
            draw(MarkContext(canvas: layer, transform: transform, theme: theme, resolution: r, rasterization: .never))
        }
        guard (try? layer.checkStatus()) != nil else { return draw(self) }
        canvas.composite(layer, at: Point(x: x0, y: y0))
    }
}
