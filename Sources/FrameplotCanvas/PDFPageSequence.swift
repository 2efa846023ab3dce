import CFrameplotCairo
import FrameplotFiles

/// A PDF of many pages of one size, drawn one page at a time: an animation for slides
/// (LaTeX Beamer's `animate` package plays it), or any multi-page figure.
///
/// Pages are written out as they are finished. Painting the same ``RecordedLayer`` on every
/// page stores its drawing once, as a PDF form XObject that each page refers to. Like
/// ``VectorCanvas`` the bytes are reproducible (fixed dates, fonts embedded as subsets).
///
/// A document made with ``init(width:height:)`` is kept in memory and written with
/// ``write(to:)``; one made with ``init(width:height:writingTo:)`` streams into a temporary
/// file next to its path, which ``finish()`` renames into place (an existing file is replaced
/// only by a complete document, and kept when the document is discarded).
///
/// ```swift
/// let background = try RecordedLayer(width: 320, height: 240)
/// background.clear(.white)
/// let pages = try PDFPageSequence(width: 320, height: 240, writingTo: "Output/pages.pdf")
/// for index in 0..<10 {
///     try pages.addPage { page in
///         page.paint(background)
///         page.drawText("page \(index + 1)", at: Point(x: 20, y: 20), style: TextStyle(size: 12))
///     }
/// }
/// try pages.finish()
/// ```
public final class PDFPageSequence {
    /// The size of every page in points (layout units).
    public let size: Size
    /// Pages added so far.
    public private(set) var pageCount = 0

    private let stream: VectorStream
    private let surface: OpaquePointer
    private let page: CairoCanvas
    private var finished = false
    private var finishError: Error?

    /// A document kept in memory; take it with ``data()`` or ``write(to:)``.
    ///
    /// - Throws: ``CanvasError`` for a page size a PDF cannot have, or when cairo cannot start.
    public convenience init(width: Double, height: Double) throws {
        try self.init(width: width, height: height, stream: VectorStream())
    }

    /// A document streamed into a temporary file that replaces `path` at ``finish()``.
    ///
    /// - Throws: ``CanvasError``; ``FrameplotFiles/FileWriteError`` when `path` cannot be
    ///   written (missing folder, a folder or device in the way, no permission).
    public convenience init(width: Double, height: Double, writingTo path: String) throws {
        try CanvasLimits.checkVector(width: width, height: height)
        try self.init(width: width, height: height, stream: VectorStream(replacing: path))
    }

    private init(width: Double, height: Double, stream: VectorStream) throws {
        let surface = try VectorSurface.make(.pdf, width: width, height: height, stream: stream)
        self.stream = stream
        self.surface = surface
        self.size = Size(width: width, height: height)
        // The page canvas holds its own reference to the surface.
        page = try CairoCanvas(surface: cairo_surface_reference(surface), size: size, operation: "create a pdf drawing context")
    }

    deinit {
        // Finish while `stream` is alive (see VectorCanvas); an unfinished file is then discarded
        // by its replacement's own deinit.
        cairo_surface_finish(surface)
        cairo_surface_destroy(surface)
    }

    /// Adds one page: `draw` draws it on a canvas of ``size`` (use that canvas only inside
    /// `draw`). The drawing state (clip, transform) starts afresh on every page.
    ///
    /// If `draw` throws, the page keeps what was drawn before the error and is counted; a
    /// render that fails this way normally discards the whole document.
    ///
    /// - Throws: what `draw` throws; ``CanvasError`` when cairo failed to draw the page or
    ///   the document was finished; ``FrameplotFiles/FileWriteError`` when the file cannot
    ///   take the page (a full disk).
    public func addPage(_ draw: (CairoCanvas) throws -> Void) throws {
        guard !finished else { throw CanvasError.documentFinished }
        defer {
            cairo_show_page(page.drawing.cr)
            pageCount += 1
        }
        try page.withSavedState { try draw(page) }
        try page.drawing.check("draw page \(pageCount + 1)")
        try stream.check()
    }

    /// Finishes the document: a file-backed one replaces its path now (flushed to disk).
    ///
    /// - Throws: ``CanvasError`` when cairo failed or no page was added;
    ///   ``FrameplotFiles/FileWriteError`` when the file cannot be completed (a full disk).
    public func finish() throws {
        guard !finished else { throw CanvasError.documentFinished }
        finished = true
        do {
            guard pageCount > 0 else { throw CanvasError.cairo(operation: "finish the pdf document", status: "it has no pages") }
            try page.drawing.check("draw the pdf document")
            try VectorSurface.finish(surface, stream: stream, format: .pdf)
            try stream.file?.commit()
        } catch {
            finishError = error
            stream.file?.discard()
            throw error
        }
    }

    /// Throws the document away: a file-backed one leaves its path as it was.
    public func discard() {
        finished = true
        stream.file?.discard()
    }

    /// Finishes an in-memory document and returns its bytes (later calls return the same bytes).
    ///
    /// - Throws: as ``finish()``; ``CanvasError/documentFinished`` for a file-backed document.
    public func data() throws -> [UInt8] {
        guard stream.file == nil else { throw CanvasError.documentFinished }
        if !finished { try finish() }
        if let finishError { throw finishError }
        return stream.bytes
    }

    /// Finishes an in-memory document and writes it to `path` atomically.
    public func write(to path: String) throws {
        try AtomicFile.write(data(), to: path)
    }
}
