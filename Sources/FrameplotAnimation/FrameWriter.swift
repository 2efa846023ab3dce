import Dispatch
import Foundation
import FrameplotCanvas
import FrameplotFiles
import FrameplotPlot

/// Writes an animation frame by frame while your own loop draws it, in the manner of
/// matplotlib's `MovieWriter` (`setup`, `grab_frame`, `finish`): a folder of PNG frames, an
/// MP4 or a GIF (through ffmpeg), or a PDF with one vector page per frame.
///
/// ```swift
/// let writer = try FrameWriter(to: "Output/run.mp4", framesPerSecond: 10)
/// for step in 0..<30 {
///     var figure = Figure(width: 640, height: 480)
///     figure.axes.straightLine(slope: Double(step) / 30, intercept: 0)
///     try writer.write(figure)
/// }
/// try writer.finish()
/// ```
///
/// Each frame is a ``FrameplotPlot/Figure``, a drawing on a fresh canvas of the frame size (a
/// closure), or an ``ImageCanvas`` you drew yourself: three `write` methods. Every frame must
/// have the size of the first (a ``FrameWriterError/frameSizeChanged(frame:expected:actual:)``
/// otherwise): give `size:` to fix it up front, or let the first frame set it.
///
/// Nothing half-written is ever left at the target: the output appears complete at
/// ``finish()`` or not at all, and an existing file or folder is replaced only by a complete
/// new one. A frame that fails (a drawing error, a frame of another size, a full disk, ffmpeg
/// quitting), ``discard()``, a ``FrameplotFiles/StopRequest``, or dropping the writer without
/// finishing, throws the stream away and leaves the target as it was. The scoped form
/// ``writing(to:size:scale:framesPerSecond:theme:video:pngOptions:progress:_:)`` finishes
/// when its closure returns and discards when it throws.
///
/// - A **folder** (a path without extension, or an existing folder) gets `frame_00000.png …`
///   and `manifest.json`, like ``FrameRenderer/renderPNGSequence(to:frames:)``. The frames wait
///   in a hidden staging folder and replace the folder's frames at ``finish()``. A stream never
///   resumes (the loop that draws it runs again), so a finished stream always replaces every
///   frame; the folder is locked while the stream is open.
/// - An **MP4** is encoded as the frames come. A **GIF** gets one palette for all its frames
///   (the same bytes as the renderer's two-pass GIF): ffmpeg computes it as the frames come
///   and keeps a lossless copy of them next to the GIF until ``finish()``.
/// - A **PDF** draws figures and closures as vectors, one page per frame (``ImageCanvas``
///   frames become images); the page size is the frame size in points.
///
/// The writer is a class for one task at a time, not `Sendable`: frames are drawn on the
/// caller's thread, in order, as a training loop produces them (usually synchronous code, which
/// an actor would force into `await` on every frame). Swift 6 checks this: the writer cannot be
/// captured by a `@Sendable` closure or used from two tasks. Frames are drawn on the caller's
/// thread, one after another; a PNG or video frame is encoded on a background queue while the
/// next is drawn (so an output error such as a full disk may surface at the next `write` or at
/// ``finish()``).
public final class FrameWriter {
    /// What a writer writes, chosen from its path.
    public enum Target: Sendable, Hashable {
        /// A folder of PNG frames and a manifest.
        case pngFolder
        /// An MP4 or GIF.
        case video(VideoOptions.Format)
        /// A PDF with one vector page per frame.
        case pdf
    }

    /// The target as given.
    public let path: String
    public let target: Target
    /// Frames per second of the video (also recorded in a folder's manifest).
    public let framesPerSecond: Double
    /// Frames written so far.
    public private(set) var frameCount = 0

    private let requestedSize: Size?
    private let requestedScale: Double?
    private let theme: Theme?
    private var first: FrameGeometry?
    private let sink: BackgroundFrameSink?
    private let pages: PDFPageSequence?
    /// The canvases raster frames are drawn on, in turn (one is encoded while the next is drawn).
    private var canvases: [ImageCanvas?] = Array(repeating: nil, count: BackgroundFrameSink.slotCount)
    private var isOpen = true
    private let started = DispatchTime.now()
    private var timing = FrameTiming()
    private let progress: RenderProgress

    /// Opens a stream of frames to `path`: a folder for PNG frames, or a `.mp4`, `.gif` or
    /// `.pdf` file. The target is checked (and a folder locked) now, before any frame is drawn.
    ///
    /// - Parameters:
    ///   - size: the frame size in layout units; nil takes the first frame's.
    ///   - scale: device pixels per layout unit of PNG and video frames; nil takes each figure's
    ///     own ``FrameplotPlot/Figure/scale`` (1 for closure frames). Not for a PDF.
    ///   - theme: draws every figure in this theme (its own is replaced) and clears the canvas of
    ///     a closure frame to its background; nil keeps the figures' themes and a white canvas.
    ///   - video: MP4 quality, GIF loop and hold, and the ffmpeg to use (its frame rate, if set,
    ///     must be `framesPerSecond`).
    ///   - pngOptions: compression of PNG frames (fast by default, as the renderer's).
    ///   - progress: a progress line on standard error; quiet by default, since your loop owns
    ///     the terminal.
    /// - Throws: ``FrameWriterError/unsupportedTarget(path:reason:)``, ``AnimationError`` (no
    ///   ffmpeg), ``FrameplotFiles/FileWriteError`` (folder busy, not writable, a device in the way),
    ///   ``FrameplotCanvas/CanvasError/invalidSize(width:height:scale:reason:)`` for a `size:` no
    ///   frame can have (empty, NaN, infinite, too many pixels).
    public init(to path: String, size: Size? = nil, scale: Double? = nil, framesPerSecond: Double = 20, theme: Theme? = nil,
                video: VideoOptions = VideoOptions(), pngOptions: PNGOptions = .fast, progress: ProgressStyle = .quiet) throws {
        let target = try Self.target(of: path)
        guard framesPerSecond.isFinite, framesPerSecond > 0 else {
            throw FrameWriterError.unsupportedTarget(path: path, reason: "frames per second must be a positive number")
        }
        if let scale, !(scale.isFinite && scale > 0) {
            throw FrameWriterError.unsupportedTarget(path: path, reason: "the scale must be a positive number")
        }
        if let videoRate = video.framesPerSecond, videoRate != framesPerSecond {
            throw FrameWriterError.unsupportedTarget(path: path, reason: "give the frame rate once, as framesPerSecond: (not in VideoOptions)")
        }
        if target == .pdf, scale != nil {
            throw FrameWriterError.unsupportedTarget(path: path, reason: "a PDF page is vectors, which have no device scale")
        }
        if let size, target != .pdf {       // a PDF's page size is checked by its page sequence
            _ = try CanvasLimits.pixelSize(width: size.width, height: size.height, scale: scale ?? 1)
        }
        self.path = path; self.target = target; self.framesPerSecond = framesPerSecond
        self.requestedSize = size; self.requestedScale = scale; self.theme = theme
        self.progress = RenderProgress(label: (path as NSString).lastPathComponent, total: nil, style: progress)
        switch target {
        case .pngFolder:
            sink = BackgroundFrameSink(try PNGFolderSink(directory: path, options: pngOptions, framesPerSecond: framesPerSecond))
            pages = nil
        case .video(let format):
            var options = video
            options.framesPerSecond = framesPerSecond
            sink = BackgroundFrameSink(try VideoFrameSink(path: path, format: format, options: options, framesPerSecond: framesPerSecond))
            pages = nil
        case .pdf:
            guard let size else {
                throw FrameWriterError.unsupportedTarget(path: path, reason: "a PDF needs its page size up front: pass size:")
            }
            try OutputFolder.create(FrameRenderer.folder(of: path))
            AtomicFile.removeAbandonedTemporaries(of: path)
            pages = try PDFPageSequence(width: size.width, height: size.height, writingTo: path); sink = nil
        }
    }

    deinit { discard() }

    /// Adds `figure` as the next frame, drawn at its size (in the writer's theme and scale when
    /// given).
    ///
    /// - Throws: ``FrameWriterError``, the errors of the output; any error discards the stream.
    public func write(_ figure: Figure) throws {
        var figure = figure
        if let theme { figure.theme = theme }
        let drawn = figure
        try writeFrame(size: figure.size, scale: requestedScale ?? figure.scale, background: nil) { drawn.render(on: $0) }
    }

    /// Adds a frame drawn by `draw` on a canvas of the frame size, cleared to white (or the
    /// writer's theme's background).
    ///
    /// ```swift
    /// try writer.write { canvas in
    ///     canvas.fill(.circle(center: Point(x: 100, y: 50), radius: 10), color: .red)
    /// }
    /// ```
    ///
    /// - Throws: ``FrameWriterError/sizeNeeded(path:)`` when neither `size:` nor an earlier frame
    ///   set the size; what `draw` throws; the errors of the output. Any error discards the stream.
    public func write(_ draw: (Canvas) throws -> Void) throws {
        guard let size = requestedSize ?? first?.size else {
            discard()
            throw FrameWriterError.sizeNeeded(path: path)
        }
        try writeFrame(size: size, scale: requestedScale ?? first?.scale ?? 1, background: theme?.colors.background ?? .white, draw: draw)
    }

    /// Adds a frame you drew on your own canvas (its pixels as they are; on a PDF page, an image).
    ///
    /// - Throws: ``FrameWriterError``, drawing failures of `canvas`, the errors of the output;
    ///   any error discards the stream.
    public func write(_ canvas: ImageCanvas) throws {
        try writeFrame(size: canvas.size, scale: canvas.scale, image: canvas)
    }

    /// Completes the output: the file or folder appears now, complete, replacing what was there.
    ///
    /// - Returns: the frames written and where the time went.
    /// - Throws: ``FrameWriterError/noFrames(path:)`` when no frame was written (nothing is
    ///   written then), the errors of the output (ffmpeg, a full disk); the target is unchanged
    ///   on any error.
    @discardableResult
    public func finish() throws -> RenderSummary {
        try checkOpen()
        isOpen = false
        defer { progress.finish() }
        guard frameCount > 0 else {
            closeOutputs()
            throw FrameWriterError.noFrames(path: path)
        }
        let t0 = DispatchTime.now()
        do {
            if let pages { try pages.finish() } else { try sink?.finish(frameCount: frameCount) }
        } catch {
            closeOutputs()
            throw error
        }
        timing.write += FrameRenderer.seconds(since: t0)
        timing.encode = sink?.encodeSeconds ?? 0
        return RenderSummary(framesRendered: frameCount, framesSkipped: 0, seconds: FrameRenderer.seconds(since: started),
                             timing: timing)
    }

    /// Throws the stream away: nothing is written, the target stays as it was. Safe to call
    /// twice, and after ``finish()`` (then it does nothing).
    public func discard() {
        guard isOpen else { return }
        isOpen = false
        closeOutputs()
        progress.finish()
    }

    // MARK: Frames

    /// Checks and draws one frame: on a reused image canvas for raster outputs, as a page of the
    /// PDF; `image` is a finished frame instead of a drawing.
    private func writeFrame(size: Size, scale: Double, background: Color? = nil, image: ImageCanvas? = nil,
                            draw: (Canvas) throws -> Void = { _ in }) throws {
        try checkOpen()
        do {
            try sink?.check()
            if StopRequest.shared.isRequested { throw AnimationError.outputCancelled(path: path) }
            // An empty, infinite or NaN size is refused before any pixel arithmetic.
            if target != .pdf { _ = try CanvasLimits.pixelSize(width: size.width, height: size.height, scale: scale) }
            let geometry = try check(FrameGeometry(size: size, scale: target == .pdf ? 1 : scale))
            let t0 = DispatchTime.now()
            if let pages {
                try pages.addPage { page in
                    if let background { page.clear(background) }
                    if let image { page.composite(image, at: .zero) }
                    try draw(page)
                }
            } else if let sink, let image {
                try sink.appendNow(image, index: frameCount)     // counted as encoding
            } else if let sink {
                let slot = frameCount % BackgroundFrameSink.slotCount
                sink.waitForSlot(slot)
                let canvas = try canvases[slot] ?? ImageCanvas(width: geometry.size.width, height: geometry.size.height, scale: geometry.scale)
                canvases[slot] = canvas
                canvas.clear(background ?? .white)
                try draw(canvas)
                try canvas.checkStatus()
                sink.append(canvas, index: frameCount, slot: slot)
            }
            if image == nil || pages != nil { timing.draw += FrameRenderer.seconds(since: t0) }
            timing.frames += 1
            frameCount += 1
            progress.advance()
        } catch {
            discard()
            throw error
        }
    }

    /// The geometry of every frame: the first frame's (or `size:`'s), which `frame` must match.
    private func check(_ frame: FrameGeometry) throws -> FrameGeometry {
        let expected = first ?? requestedSize.map { FrameGeometry(size: $0, scale: frame.scale) } ?? frame
        guard frame.matches(expected, vector: target == .pdf) else {
            throw FrameWriterError.frameSizeChanged(frame: frameCount, expected: expected.description(vector: target == .pdf),
                                                    actual: frame.description(vector: target == .pdf))
        }
        first = expected
        return expected
    }

    private func checkOpen() throws {
        guard isOpen else { throw FrameWriterError.closed(path: path) }
    }

    private func closeOutputs() {
        sink?.discard()
        pages?.discard()
    }

    /// The target named by `path`'s extension.
    static func target(of path: String) throws -> Target {
        let name = (path as NSString).lastPathComponent
        let ext = path.hasSuffix("/") ? "" : (name as NSString).pathExtension.lowercased()
        switch ext {
        case "mp4": return .video(.mp4)
        case "gif": return .video(.gif)
        case "pdf": return .pdf
        case "png", "svg", "jpg", "jpeg", "webp", "apng", "mov", "mkv", "avi", "webm":
            throw FrameWriterError.unsupportedTarget(path: path, reason: "write a folder of PNG frames (a name without extension), or a .mp4, .gif or .pdf file")
        default: return .pngFolder
        }
    }
}

/// The size of a frame: layout size, device scale and the pixels they make.
struct FrameGeometry: Equatable {
    var size: Size
    var scale: Double
    var pixelWidth: Int { Int((size.width * scale).rounded()) }
    var pixelHeight: Int { Int((size.height * scale).rounded()) }

    /// Same pixels (same points for vector pages).
    func matches(_ other: FrameGeometry, vector: Bool) -> Bool {
        vector ? size == other.size : (pixelWidth == other.pixelWidth && pixelHeight == other.pixelHeight)
    }

    func description(vector: Bool) -> String {
        vector ? "\(FFmpeg.number(size.width))x\(FFmpeg.number(size.height)) points" : "\(pixelWidth)x\(pixelHeight) pixels"
    }
}
