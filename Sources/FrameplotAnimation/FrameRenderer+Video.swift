import Dispatch
import Foundation
import FrameplotCanvas
import FrameplotFiles

extension FrameRenderer {
    /// Encodes the whole animation as MP4 or GIF (chosen from the extension) by piping raw
    /// BGRA frames into ffmpeg: no PNG round trip, and a bounded number of frames in memory.
    ///
    /// ffmpeg writes into a temporary file next to the video, which replaces the video only
    /// when complete (``FrameplotFiles/AtomicFile/Replacement``): an existing video is kept on
    /// any failure or cancellation, a symbolic link is followed and kept, and a target that is
    /// not a regular file (a folder, `/dev/null`, a FIFO) is refused before any work. A GIF
    /// takes two passes over the frames (the first builds one palette for the whole
    /// animation), which is cheaper than holding every frame in memory. An MP4 of odd size is
    /// padded to even (H.264 in yuv420p needs it) by repeating the edge pixels, so a dark
    /// frame gets no light border.
    ///
    /// ```swift
    /// try FrameRenderer(scene: scene).renderVideo(to: "Output/gd-locus.mp4")
    /// ```
    ///
    /// - Throws: ``AnimationError`` (no ffmpeg, ffmpeg failed, cancelled),
    ///   ``FrameplotFiles/FileWriteError`` (target refused, disk full, …), drawing errors.
    @discardableResult
    public func renderVideo(to path: String, options: VideoOptions = VideoOptions()) throws -> RenderSummary {
        guard let format = VideoOptions.Format(path: path) else { throw AnimationError.unsupportedVideoFormat(path) }
        let ffmpeg = try FFmpeg.locate(options.ffmpegPath)
        return try StopRequest.shared.whileCancellable {
            try renderVideo(to: path, format: format, ffmpeg: ffmpeg, options: options)
        }
    }

    private func renderVideo(to path: String, format: VideoOptions.Format, ffmpeg: String,
                             options: VideoOptions) throws -> RenderSummary {
        let started = DispatchTime.now()
        try OutputFolder.create(Self.folder(of: path))
        let output = try AtomicFile.Replacement(replacing: path)
        Self.removeAbandonedVideoTemporaries(of: output.destination)

        let layer = try makeStaticLayer()
        let plan = canvasPlan(for: layer, maxWorkers: workerCount, framesPerWorker: 2)
        let width = layer.pixelWidth, height = layer.pixelHeight
        let fps = options.framesPerSecond ?? scene.framesPerSecond
        let canvases = try VideoCanvases(renderer: self, plan: plan, firstLayer: layer)
        var timing = FrameTiming()
        let progress = RenderProgress(label: scene.name, total: scene.frameCount * (format == .gif ? 2 : 1), style: self.progress)
        defer { progress.finish() }
        let pipe = FramePipe(renderer: self, canvases: canvases, output: path, progress: progress)
        let input = VideoArguments.rawInput(width: width, height: height, fps: fps)
        switch format {
        case .mp4:
            // yuv420p needs even sizes: the frames are padded by repeating their edge pixels.
            let even = VideoArguments.rawInput(width: width + width % 2, height: height + height % 2, fps: fps)
            try pipe.run(ffmpeg: ffmpeg, arguments: even + VideoArguments.mp4(options: options, fps: fps, output: output.temporaryPath),
                         padToEven: true, timing: &timing)
        case .gif:
            let palette = try ScratchFile(nextTo: output.destination, purpose: "palette", suffix: ".png")
            defer { palette.remove() }
            try pipe.run(ffmpeg: ffmpeg, arguments: input + VideoArguments.palette(to: palette.path), padToEven: false, timing: &timing)
            try pipe.run(ffmpeg: ffmpeg, arguments: input + VideoArguments.gif(palette: palette.path, options: options,
                                                                               output: output.temporaryPath),
                         padToEven: false, timing: &timing)
        }
        if stopRequested { throw AnimationError.videoCancelled(path: path) }
        try VideoFileCheck.verify(output.temporaryPath, format: format, output: path)
        try output.commit()
        return RenderSummary(framesRendered: scene.frameCount, framesSkipped: 0, seconds: Self.seconds(since: started),
                             timing: timing, workers: plan.workers)
    }

    /// Removes what killed renders or streams of this video left: our temporary files, a GIF
    /// palette and a stream's lossless copy of its frames,
    /// and the `.name.mp4.PID-N.tmp` files of versions before 0.2 whose process is gone.
    static func removeAbandonedVideoTemporaries(of destination: String) {
        TemporaryFile.removeAbandoned(of: destination, companions: [".palette", ".frames"])
        let folder = (destination as NSString).deletingLastPathComponent
        let name = (destination as NSString).lastPathComponent
        let legacyPrefix = "." + name + "."
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        where entry.hasPrefix(legacyPrefix) && (entry.hasSuffix(".tmp") || entry.hasSuffix(".palette.png")) {
            let stamp = entry.dropFirst(legacyPrefix.count).prefix { $0 != "." }
            guard let dash = stamp.firstIndex(of: "-"), let pid = Int32(stamp[..<dash]), UInt32(stamp[stamp.index(after: dash)...]) != nil
            else { continue }
            TemporaryFile.removeIfAbandoned((folder.isEmpty ? "." : folder) + "/" + entry, ownerPID: pid)
        }
    }
}

/// The canvases of a video render: the static layer of each worker (none without a cache) and
/// the frame slots of a chunk (`framesPerWorker` per worker).
///
/// `@unchecked Sendable` is sound because access is partitioned: during a chunk, worker `w`
/// touches only `layers[w]` and the slots `w, w + workers, …`; the calling thread reads the
/// slots only after `concurrentPerform` has returned (which orders the writes before it).
private final class VideoCanvases: @unchecked Sendable {
    let layers: [ImageCanvas?]
    let slots: [ImageCanvas]
    var workers: Int { layers.count }

    init(renderer: FrameRenderer, plan: CanvasPlan, firstLayer: ImageCanvas) throws {
        if plan.cachesStaticLayer {
            layers = try (0..<plan.workers).map { $0 == 0 ? firstLayer : try renderer.makeStaticLayer() }
            slots = try (0..<(plan.workers * plan.framesPerWorker)).map { _ in try renderer.makeCanvas() }
        } else {
            // One canvas: the layer drawn to plan the render becomes the only frame slot.
            layers = [nil]
            slots = [firstLayer]
        }
    }
}

/// Draws frames in parallel chunks and pipes them into ffmpeg in order.
private struct FramePipe {
    let renderer: FrameRenderer
    let canvases: VideoCanvases
    let output: String
    let progress: RenderProgress

    /// Runs ffmpeg with `arguments` and writes every frame, in order, to its standard input.
    func run(ffmpeg path: String, arguments: [String], padToEven: Bool, timing: inout FrameTiming) throws {
        let encoder = try RawVideoEncoder(ffmpeg: path, arguments: arguments, output: output, padToEven: padToEven)
        do {
            try pipeAllFrames(into: encoder, timing: &timing)
        } catch {
            encoder.terminate()
            throw error
        }
        try encoder.finish()
    }

    private func pipeAllFrames(into encoder: RawVideoEncoder, timing: inout FrameTiming) throws {
        let slots = canvases.slots, workers = canvases.workers
        let count = renderer.scene.frameCount
        let box = TimingBox()
        var start = 0
        while start < count {
            if renderer.stopRequested { throw AnimationError.videoCancelled(path: output) }
            let end = min(count, start + slots.count)
            let errors = ErrorBox()
            let chunkStart = start
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var local = FrameTiming()
                var slot = worker
                while chunkStart + slot < end {
                    do {
                        try renderer.draw(chunkStart + slot, on: canvases.slots[slot], over: canvases.layers[worker], timing: &local)
                    } catch {
                        errors.set(error)
                    }
                    slot += workers
                }
                box.add(local)
            }
            if let error = errors.error { throw error }
            for slot in 0..<(end - start) {
                if renderer.stopRequested { throw AnimationError.videoCancelled(path: output) }
                let t0 = DispatchTime.now()
                try encoder.append(slots[slot])
                box.addEncode(Self.seconds(since: t0))
                progress.advance()
            }
            start = end
        }
        timing.add(box.timing)
    }

    static func seconds(since start: DispatchTime) -> Double { FrameRenderer.seconds(since: start) }
}

/// `@unchecked Sendable`: `error` is read and written only with `lock` held.
private final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Error?
    var error: Error? { lock.lock(); defer { lock.unlock() }; return stored }
    func set(_ e: Error) { lock.lock(); if stored == nil { stored = e }; lock.unlock() }
}

/// `@unchecked Sendable`: `timing` is read and written only with `lock` held.
private final class TimingBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = FrameTiming()
    var timing: FrameTiming { lock.lock(); defer { lock.unlock() }; return stored }
    func add(_ t: FrameTiming) { lock.lock(); stored.add(t); lock.unlock() }
    func addEncode(_ s: Double) { lock.lock(); stored.encode += s; lock.unlock() }
}
