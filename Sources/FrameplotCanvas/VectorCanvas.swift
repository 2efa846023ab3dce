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
public final class VectorCanvas: CairoCanvas {
    /// The document format.
    public enum Format: String, Sendable, Hashable, CaseIterable {
        case pdf, svg
    }

    /// The creation date written into every PDF (ISO 8601), so PDFs are byte-identical.
    public static let fixedPDFDate = "2000-01-01T00:00:00Z"

    public let format: Format

    private let stream: VectorStream
    private var finishedBytes: [UInt8]?

    /// Creates an empty page of `width` x `height` layout units: points in a PDF (the page
    /// size), pixels in an SVG (so it opens at the size of the PNG of the same layout).
    ///
    /// - Throws: ``CanvasError/invalidSize(width:height:scale:reason:)`` for empty, negative,
    ///   non-finite or huge sizes; ``CanvasError/cairo(operation:status:)`` if cairo cannot start the document.
    public init(format: Format, width: Double, height: Double) throws {
        let stream = VectorStream()
        let surface = try VectorSurface.make(format, width: width, height: height, stream: stream)
        self.stream = stream
        self.format = format
        try super.init(surface: surface, size: Size(width: width, height: height),
                       operation: "create a \(format.rawValue) drawing context")
    }

    deinit {
        // Finish now, while `stream` is certainly alive: the drawing context holds its own reference
        // to the surface, and a finish triggered by its release later would write into a freed stream.
        cairo_surface_finish(surface)
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
        try VectorSurface.finish(surface, stream: stream, format: format)
        let bytes = format == .svg ? SVGIdentifiers.renumber(stream.bytes) : stream.bytes
        finishedBytes = bytes
        stream.bytes = []
        return bytes
    }

    /// Finishes the document and writes it to `path` atomically.
    public func write(to path: String) throws {
        try AtomicFile.write(data(), to: path)
    }
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
