import CFrameplotCairo
import FrameplotFiles

/// Where a cairo PDF or SVG surface streams its bytes: into memory, or straight into the
/// temporary file of an atomic replacement (long documents never sit in memory whole).
///
/// A write error of the file is kept and reported by ``check(_:)`` in its own words (a full
/// disk, say), where cairo only knows `CAIRO_STATUS_WRITE_ERROR`.
///
/// ```swift
/// let stream = try VectorStream(replacing: "Output/anim.pdf")
/// let surface = try VectorSurface.make(.pdf, width: 640, height: 480, stream: stream)
/// ```
final class VectorStream {
    /// The bytes so far (memory streams only).
    var bytes: [UInt8] = []
    /// The file being filled, if any.
    let file: AtomicFile.Replacement?
    /// The first write failure of `file`.
    private(set) var writeError: Error?

    /// A stream into memory.
    init() { file = nil }

    /// A stream into a temporary file that replaces `path` when committed.
    init(replacing path: String) throws {
        file = try AtomicFile.Replacement(replacing: path)
    }

    func append(_ data: UnsafePointer<UInt8>, count: Int) -> Bool {
        guard writeError == nil else { return false }
        guard let file else {
            bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: count))
            return true
        }
        do {
            try file.write(UnsafeRawBufferPointer(start: data, count: count))
            return true
        } catch {
            writeError = error
            return false
        }
    }

    /// Throws the file's write failure, if any.
    func check() throws {
        if let writeError { throw writeError }
    }

}

/// The C callback cairo calls with each chunk (`closure` is an unretained ``VectorStream``).
private func vectorStreamWrite(_ closure: UnsafeMutableRawPointer?, _ data: UnsafePointer<UInt8>?, _ length: UInt32) -> cairo_status_t {
    guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
    let stream = Unmanaged<VectorStream>.fromOpaque(closure).takeUnretainedValue()
    guard let data, length > 0 else { return CAIRO_STATUS_SUCCESS }
    return stream.append(data, count: Int(length)) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR
}

/// Creates PDF and SVG surfaces with the settings that make their bytes reproducible: a fixed
/// creation and modification date in PDFs, SVG 1.1.
enum VectorSurface {
    /// A surface of `width` x `height` layout units (points in a PDF, pixels in an SVG) writing
    /// into `stream` (the caller destroys it, and keeps `stream` alive until it is finished).
    static func make(_ format: VectorCanvas.Format, width: Double, height: Double, stream: VectorStream) throws -> OpaquePointer {
        try CanvasLimits.checkVector(width: width, height: height)
        let closure = Unmanaged.passUnretained(stream).toOpaque()
        let created: OpaquePointer?
        switch format {
        case .pdf: created = cairo_pdf_surface_create_for_stream(vectorStreamWrite, closure, width, height)
        case .svg: created = cairo_svg_surface_create_for_stream(vectorStreamWrite, closure, width, height)
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
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, VectorCanvas.fixedPDFDate)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, VectorCanvas.fixedPDFDate)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Frameplot")
        case .svg:
            cairo_svg_surface_restrict_to_version(surface, CAIRO_SVG_VERSION_1_1)
            // One layout unit is one pixel, as in a PNG at scale 1: `width="800px"` opens at
            // the PNG's size, where cairo's default `pt` made viewers show it 4/3 as large.
            cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX)
        }
        return surface
    }

    /// Finishes `surface` (emitting what is left of the document) and throws the first failure:
    /// the stream's own write error, else cairo's status.
    static func finish(_ surface: OpaquePointer, stream: VectorStream, format: VectorCanvas.Format) throws {
        cairo_surface_finish(surface)
        try stream.check()
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw CanvasError.cairo(operation: "finish the \(format.rawValue) document", status: CairoDrawing.describe(status))
        }
    }
}
