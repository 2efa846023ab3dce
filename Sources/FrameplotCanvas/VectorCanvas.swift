import CFrameplotCairo
import Foundation

/// A PDF or SVG page drawn with cairo into memory, then taken with ``data()`` or written atomically.
///
/// Output is reproducible: the PDF carries a fixed creation date and the SVG's element ids are
/// renumbered from 1 for each document, so the same drawing gives byte-identical files.
/// Text is embedded as glyph outlines (subsetted fonts in PDF, glyph symbols in SVG), so the
/// files render the same on machines without the fonts.
///
/// ```swift
/// let page = try VectorCanvas(format: .pdf, width: 640, height: 420)
/// CanvasSample.draw(on: page)
/// try page.write(to: "Output/sample.pdf")
/// ```
public final class VectorCanvas: Canvas {
    /// The document format.
    public enum Format: String, Sendable, Hashable, CaseIterable {
        case pdf, svg
    }

    /// The creation date written into every PDF (ISO 8601), so PDFs are byte-identical.
    public static let fixedPDFDate = "2000-01-01T00:00:00Z"

    public let format: Format
    public let size: Size

    private let sink: StreamSink
    private let surface: OpaquePointer
    private let drawing: CairoDrawing
    private var finishedBytes: [UInt8]?

    /// Creates an empty page of `width` x `height` layout units (points).
    ///
    /// - Throws: ``CanvasError/invalidSize(width:height:scale:reason:)`` for empty, negative,
    ///   non-finite or huge sizes; ``CanvasError/cairo(operation:status:)`` if cairo cannot start the document.
    public init(format: Format, width: Double, height: Double) throws {
        try CanvasLimits.checkVector(width: width, height: height)
        let sink = StreamSink()
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        let created: OpaquePointer?
        switch format {
        case .pdf:
            created = cairo_pdf_surface_create_for_stream(streamWrite, closure, width, height)
        case .svg:
            created = cairo_svg_surface_create_for_stream(streamWrite, closure, width, height)
        }
        guard let surface = created else {
            throw CanvasError.cairo(operation: "create a \(format.rawValue) document", status: "no surface")
        }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            throw CanvasError.cairo(operation: "create a \(format.rawValue) document", status: CairoDrawing.describe(status))
        }
        switch format {
        case .pdf:
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, Self.fixedPDFDate)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, Self.fixedPDFDate)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Frameplot")
        case .svg:
            cairo_svg_surface_restrict_to_version(surface, CAIRO_SVG_VERSION_1_1)
        }
        do {
            drawing = try CairoDrawing(surface: surface, operation: "create a \(format.rawValue) drawing context")
        } catch {
            cairo_surface_destroy(surface)
            throw error
        }
        self.sink = sink
        self.surface = surface
        self.format = format
        self.size = Size(width: width, height: height)
    }

    deinit {
        // Finish now, while `sink` is certainly alive: the drawing context holds its own reference
        // to the surface, and a finish triggered by its release later would write into a freed sink.
        cairo_surface_finish(surface)
        cairo_surface_destroy(surface)
    }

    // MARK: Canvas

    public func clear(_ color: Color) { drawing.clear(color) }
    public func fill(_ path: Path, color: Color, rule: FillRule) { drawing.fill(path, color: color, rule: rule) }
    public func stroke(_ path: Path, style: StrokeStyle) { drawing.stroke(path, style: style) }
    public func withSavedState<T>(_ body: () throws -> T) rethrows -> T { try drawing.withSavedState(body) }
    public func clip(to path: Path) { drawing.clip(to: path) }
    public func translate(dx: Double, dy: Double) { drawing.translate(dx: dx, dy: dy) }
    public func rotate(radians: Double) { drawing.rotate(radians: radians) }

    public func draw(_ image: RasterImage, in rect: Rect, interpolation: Interpolation) {
        drawing.draw(image, in: rect, interpolation: interpolation)
    }

    public func composite(_ layer: ImageCanvas, at origin: Point) {
        drawing.composite(surface: layer.surface, size: layer.size, at: origin)
    }

    public func drawText(_ text: String, at point: Point, style: TextStyle, anchor: TextAnchor, rotation: Double) {
        drawing.drawText(text, at: point, style: style, anchor: anchor, rotation: rotation)
    }

    public func measureText(_ text: String, style: TextStyle) -> TextMetrics {
        drawing.measureText(text, style: style)
    }

    // MARK: Output

    /// Finishes the document and returns its bytes; later calls return the same bytes.
    ///
    /// - Throws: the first drawing failure as ``CanvasError/cairo(operation:status:)``, or
    ///   ``CanvasError/documentFinished`` when something was drawn after the document was finished.
    public func data() throws -> [UInt8] {
        if let finishedBytes {
            if cairo_status(drawing.cr) == CAIRO_STATUS_SURFACE_FINISHED { throw CanvasError.documentFinished }
            return finishedBytes
        }
        try drawing.check("draw the \(format.rawValue) document")
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw CanvasError.cairo(operation: "finish the \(format.rawValue) document", status: CairoDrawing.describe(status))
        }
        let bytes = format == .svg ? SVGIdentifiers.renumber(sink.bytes) : sink.bytes
        finishedBytes = bytes
        sink.bytes = []
        return bytes
    }

    /// Finishes the document and writes it to `path` atomically.
    public func write(to path: String) throws {
        try AtomicFile.write(data(), to: path)
    }
}

/// Collects what cairo streams out of a document surface.
private final class StreamSink {
    var bytes: [UInt8] = []
}

private func streamWrite(_ closure: UnsafeMutableRawPointer?, _ data: UnsafePointer<UInt8>?, _ length: UInt32) -> cairo_status_t {
    guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
    let sink = Unmanaged<StreamSink>.fromOpaque(closure).takeUnretainedValue()
    if let data, length > 0 {
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
    }
    return CAIRO_STATUS_SUCCESS
}

/// Makes cairo's SVG element ids independent of what the process drew before.
///
/// Cairo 1.16 numbers `surfaceN` and `imageN` ids with process-wide counters, so the same
/// drawing done twice gives different files. Every id of the form letters+digits (and each
/// reference to it) is renumbered per prefix in order of first appearance; ids like
/// `glyph0-1` are already per document and stay as they are.
enum SVGIdentifiers {
    private static let pattern = try? NSRegularExpression(pattern: "(id=\"|#)([A-Za-z]+)([0-9]+)(?=[\"')])")

    static func renumber(_ bytes: [UInt8]) -> [UInt8] {
        guard let pattern else { return bytes }
        let text = String(decoding: bytes, as: UTF8.self)
        let ns = text as NSString
        var next: [String: Int] = [:]
        var mapping: [String: String] = [:]
        var out = ""
        out.reserveCapacity(bytes.count)
        var last = 0
        for match in pattern.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let lead = ns.substring(with: match.range(at: 1))
            let prefix = ns.substring(with: match.range(at: 2))
            let old = prefix + ns.substring(with: match.range(at: 3))
            let new: String
            if let known = mapping[old] {
                new = known
            } else {
                let n = next[prefix, default: 1]
                next[prefix] = n + 1
                new = prefix + String(n)
                mapping[old] = new
            }
            out += ns.substring(with: NSRange(location: last, length: match.range.location - last))
            out += lead + new
            last = match.range.location + match.range.length
        }
        out += ns.substring(from: last)
        return Array(out.utf8)
    }
}
