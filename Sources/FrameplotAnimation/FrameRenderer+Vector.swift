import Dispatch
import Foundation
import FrameplotCanvas
import FrameplotFiles

extension FrameRenderer {
    /// Writes the animation as a PDF with one vector page per frame, for slides: LaTeX
    /// Beamer's `animate` package plays it (see ``animateGraphicsLine(forPDF:framesPerSecond:pageCount:)``).
    ///
    /// Every page is the scene's size in points. The static layer is drawn once and stored once,
    /// as a form XObject that every page paints, so the file grows by each frame's moving parts
    /// only. The bytes are reproducible (fixed dates). The file is written into a temporary file
    /// next to `path` and renamed into place when complete: on any failure or cancellation an
    /// existing file is kept.
    ///
    /// ```swift
    /// let scene = try SceneCatalog.standard.makeScene("gd-locus")
    /// try FrameRenderer(scene: scene).renderPDF(to: "Output/gd-locus.pdf")   // 101 pages
    /// ```
    ///
    /// - Throws: ``AnimationError/invalidOption(_:)`` when ``scale`` is not 1 (pages are
    ///   vectors), ``AnimationError/outputCancelled(path:)``, ``FrameplotFiles/FileWriteError``,
    ///   drawing errors.
    @discardableResult
    public func renderPDF(to path: String) throws -> RenderSummary {
        try renderPDF(to: path, sharingStaticLayer: true)
    }

    /// ``renderPDF(to:)``, or with the static layer drawn again on every page (to measure
    /// what sharing saves).
    @discardableResult
    func renderPDF(to path: String, sharingStaticLayer: Bool) throws -> RenderSummary {
        try checkVectorOutput()
        return try StopRequest.shared.whileCancellable {
            let started = DispatchTime.now()
            try OutputFolder.create(FrameRenderer.folder(of: path))
            AtomicFile.removeAbandonedTemporaries(of: path)
            let document = try PDFPageSequence(width: scene.size.width, height: scene.size.height, writingTo: path)
            var timing = FrameTiming()
            var layer: RecordedLayer?
            if sharingStaticLayer {
                layer = try recordStaticLayer()
                timing.staticLayer += Self.seconds(since: started)
            }
            let progress = RenderProgress(label: scene.name, total: scene.frameCount, style: self.progress)
            defer { progress.finish() }
            for index in 0..<scene.frameCount {
                if stopRequested { throw AnimationError.outputCancelled(path: path) }
                let t0 = DispatchTime.now()
                try document.addPage { page in
                    if let layer { page.paint(layer) } else { try drawStatic(on: page) }
                    try scene.renderFrame(index, on: page)
                }
                timing.draw += Self.seconds(since: t0)
                timing.frames += 1
                progress.advance()
            }
            let t0 = DispatchTime.now()
            try document.finish()
            timing.write += Self.seconds(since: t0)
            return RenderSummary(framesRendered: scene.frameCount, framesSkipped: 0, seconds: Self.seconds(since: started),
                                 timing: timing)
        }
    }

    /// Writes `frame_00000.svg …` and `manifest.json` into `directory` (created if missing),
    /// drawn in parallel; the folder then holds exactly this render.
    ///
    /// Each frame is a standalone SVG of the scene's size (text as glyph outlines, element ids
    /// numbered per file, so the bytes are reproducible). The frames are written into a hidden
    /// staging folder first and replace the folder's frames (PNG or SVG) only when all are
    /// done, so a failure or cancellation leaves the folder as it was; an SVG render does not
    /// resume (it draws every frame again: vector frames are quick).
    ///
    /// ```swift
    /// try FrameRenderer(scene: scene).renderSVGSequence(to: "Output/gd-locus-svg")
    /// ```
    ///
    /// - Throws: as ``renderPDF(to:)``, and ``FrameplotFiles/FileWriteError/Reason/folderBusy``.
    @discardableResult
    public func renderSVGSequence(to directory: String) throws -> RenderSummary {
        try checkVectorOutput()
        return try StopRequest.shared.whileCancellable {
            let started = DispatchTime.now()
            let folder = try StagedFrameFolder(locking: directory)
            let count = scene.frameCount
            let queue = FrameQueue(todo: Array(0..<count), progress: RenderProgress(label: scene.name, total: count, style: progress),
                                   shouldStop: { [self] in stopRequested })
            let frames = FrameList(count: count)
            let workers = min(workerCount, count)
            let staging = folder.stagingPath
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                var timing = FrameTiming()
                // Each worker records the static layer once and replays it into every file (the
                // same SVG as drawing it there, at half the cost of drawing it again).
                var layer: RecordedLayer?
                while let index = queue.nextIndex() {
                    do {
                        let t0 = DispatchTime.now()
                        let recorded = try layer ?? recordStaticLayer()
                        layer = recorded
                        let page = try VectorCanvas(format: .svg, width: scene.size.width, height: scene.size.height)
                        page.paint(recorded)
                        try scene.renderFrame(index, on: page)
                        let bytes = try page.data()
                        let t1 = DispatchTime.now()
                        let name = FrameManifest.frameFileName(index, extension: "svg")
                        try AtomicFile.write(bytes, to: staging + "/" + name, sync: false)
                        timing.draw += Self.seconds(from: t0, to: t1)
                        timing.write += Self.seconds(since: t1)
                        timing.frames += 1
                        frames.set(FrameManifest.Frame(index: index, file: name, bytes: bytes.count, hash: FrameHash.fnv1a(bytes)))
                        queue.finished()
                    } catch {
                        queue.fail(error)
                    }
                }
                queue.add(timing)
            }
            queue.progress.finish()
            if let error = queue.firstError { throw error }
            if queue.cancelled { throw AnimationError.outputCancelled(path: directory) }
            var identity = RenderIdentityHasher(kind: "frameplot-svg-frames")
            identity.combine("scene", scene.identity)
            identity.combine("version", FrameplotVersion.string)
            let manifest = FrameManifest(
                scene: scene.name, identity: identity.finalize().hex, version: FrameplotVersion.string, options: scene.fingerprint,
                pixelWidth: Int(scene.size.width.rounded()), pixelHeight: Int(scene.size.height.rounded()), scale: 1,
                framesPerSecond: scene.framesPerSecond, frameCount: count, frames: frames.all)
            let t0 = DispatchTime.now()
            try folder.commit(frames: manifest.frames.map(\.file), manifest: manifest)
            var timing = queue.timing
            timing.write += Self.seconds(since: t0)
            return RenderSummary(framesRendered: count, framesSkipped: 0, seconds: Self.seconds(since: started),
                                 timing: timing, workers: workers)
        }
    }

    /// The line of LaTeX (package `animate`) that plays a PDF written by ``renderPDF(to:)``:
    /// `\animategraphics[controls,loop]{20}{Output/gd-locus}{0}{100}`. The file is named
    /// without its `.pdf`, and the pages are counted from 0.
    ///
    /// ```swift
    /// print(FrameRenderer.animateGraphicsLine(forPDF: "gd-locus.pdf", framesPerSecond: 20, pageCount: 101))
    /// ```
    public static func animateGraphicsLine(forPDF path: String, framesPerSecond: Double, pageCount: Int) -> String {
        let base = path.lowercased().hasSuffix(".pdf") ? String(path.dropLast(4)) : path
        return "\\animategraphics[controls,loop]{\(FFmpeg.number(framesPerSecond))}{\(base)}{0}{\(max(0, pageCount - 1))}"
    }

    /// The static layer on white, recorded to be painted under every frame.
    private func recordStaticLayer() throws -> RecordedLayer {
        let layer = try RecordedLayer(width: scene.size.width, height: scene.size.height)
        try drawStatic(on: layer)
        try layer.checkStatus()
        return layer
    }

    /// The white page and the static layer, as the raster renderer puts them under each frame.
    private func drawStatic(on canvas: Canvas) throws {
        canvas.clear(.white)
        try scene.renderStatic(on: canvas)
    }

    /// Vector output has no pixels: a device scale other than 1 would be ignored, so it is refused.
    private func checkVectorOutput() throws {
        guard scale == 1 else {
            throw AnimationError.invalidOption("a scale of \(FFmpeg.number(scale)) applies to pixels; PDF and SVG frames are vectors, drawn at any size")
        }
        guard scene.frameCount > 0 else { throw AnimationError.invalidFrameRange("0..0", frameCount: 0) }
    }

    /// The folder of `path` ("." for a bare file name).
    static func folder(of path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }
}

/// Finished frames by index, filled by parallel workers.
///
/// `@unchecked Sendable`: `frames` is read and written only with `lock` held.
private final class FrameList: @unchecked Sendable {
    private let lock = NSLock()
    private var frames: [FrameManifest.Frame?]
    init(count: Int) { frames = Array(repeating: nil, count: count) }
    func set(_ frame: FrameManifest.Frame) { lock.lock(); frames[frame.index] = frame; lock.unlock() }
    var all: [FrameManifest.Frame] { lock.lock(); defer { lock.unlock() }; return frames.compactMap { $0 } }
}
