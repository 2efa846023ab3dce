import CFrameplotCairo

/// Drawing calls recorded once and painted on other canvases, where they are replayed:
/// the static layer of a vector animation.
///
/// On a ``PDFPageSequence`` the layer becomes one PDF form XObject that every page refers
/// to, so a static layer of a thousand paths costs its bytes once, not once per page. On an
/// ``ImageCanvas`` it is rasterised at that canvas's scale. Drawing outside
/// `width` x `height` is clipped.
///
/// ```swift
/// let background = try RecordedLayer(width: 640, height: 480)
/// background.clear(.white)
/// background.drawText("loss surface", at: Point(x: 20, y: 20), style: TextStyle(size: 14))
/// let pages = try PDFPageSequence(width: 640, height: 480)
/// for x in stride(from: 40.0, through: 600, by: 40) {
///     try pages.addPage { page in
///         page.paint(background)
///         page.fill(.circle(center: Point(x: x, y: 240), radius: 8), color: .red)
///     }
/// }
/// try pages.write(to: "Output/dots.pdf")
/// ```
public final class RecordedLayer: CairoCanvas {
    /// Creates an empty, transparent layer of `width` x `height` layout units.
    ///
    /// - Throws: ``CanvasError/invalidSize(width:height:scale:reason:)`` for sizes a vector page
    ///   cannot have; ``CanvasError/cairo(operation:status:)`` if cairo cannot make the recording.
    public init(width: Double, height: Double) throws {
        try CanvasLimits.checkVector(width: width, height: height)
        var extents = cairo_rectangle_t(x: 0, y: 0, width: width, height: height)
        guard let surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents) else {
            throw CanvasError.cairo(operation: "create a recording surface", status: "no surface")
        }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            throw CanvasError.cairo(operation: "create a recording surface", status: CairoDrawing.describe(status))
        }
        try super.init(surface: surface, size: Size(width: width, height: height), operation: "record a layer")
    }

    /// Throws the first drawing failure cairo recorded, if any.
    public func checkStatus() throws {
        try drawing.check("record a layer")
    }
}
