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
        try OutputFolder.create((path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent)
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
        switch format {
        case .mp4:
            // yuv420p needs even sizes: the frames are padded by repeating their edge pixels.
            let even = (width: width + width % 2, height: height + height % 2)
            let arguments = FramePipe.rawInput(width: even.width, height: even.height, fps: fps) + [
                "-c:v", "libx264", "-preset", "medium", "-crf", String(options.crf), "-pix_fmt", "yuv420p",
                "-r", FFmpeg.number(fps), "-movflags", "+faststart", "-f", "mp4", output.temporaryPath]
            try pipe.run(ffmpeg: ffmpeg, arguments: arguments, padToEven: true, timing: &timing)
        case .gif:
            let palette = try ScratchFile(nextTo: output.destination, purpose: "palette", suffix: ".png")
            defer { palette.remove() }
            let input = FramePipe.rawInput(width: width, height: height, fps: fps)
            try pipe.run(ffmpeg: ffmpeg, arguments: input + ["-vf", "palettegen=stats_mode=full:max_colors=256",
                                                             "-frames:v", "1", "-update", "1", "-c:v", "png", "-f", "image2", palette.path],
                         padToEven: false, timing: &timing)
            let hold = Int((options.gifHoldLastFrame * 100).rounded())
            try pipe.run(ffmpeg: ffmpeg, arguments: input + [
                "-i", palette.path, "-lavfi", "[0:v][1:v]paletteuse=dither=sierra2_4a:diff_mode=rectangle",
                "-loop", String(options.gifLoop), "-final_delay", String(max(hold, -1)), "-f", "gif", output.temporaryPath],
                padToEven: false, timing: &timing)
        }
        if stopRequested { throw AnimationError.videoCancelled(path: path) }
        try VideoFileCheck.verify(output.temporaryPath, format: format, output: path)
        try output.commit()
        return RenderSummary(framesRendered: scene.frameCount, framesSkipped: 0, seconds: Self.seconds(since: started),
                             timing: timing, workers: plan.workers)
    }

    /// Removes what killed renders of this video left: our temporary files, a GIF palette,
    /// and the `.name.mp4.PID-N.tmp` files of versions before 0.2 whose process is gone.
    static func removeAbandonedVideoTemporaries(of destination: String) {
        TemporaryFile.removeAbandoned(of: destination, companions: [".palette"])
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

    static func rawInput(width: Int, height: Int, fps: Double) -> [String] {
        ["-f", "rawvideo", "-pix_fmt", "bgra", "-s", "\(width)x\(height)", "-framerate", FFmpeg.number(fps), "-i", "pipe:0"]
    }

    /// Runs ffmpeg with `arguments` and writes every frame, in order, to its standard input.
    func run(ffmpeg path: String, arguments: [String], padToEven: Bool, timing: inout FrameTiming) throws {
        let ffmpeg = FFmpeg(executable: path, arguments: arguments)
        try ffmpeg.start()
        do {
            try pipeAllFrames(into: ffmpeg, padToEven: padToEven, timing: &timing)
        } catch is ChildProcess.PipeClosed {
            // ffmpeg quit early: its own message says why.
            throw ffmpeg.failure(status: ffmpeg.finish(), output: output)
        } catch {
            ffmpeg.terminate()
            throw error
        }
        let status = ffmpeg.finish()
        if status != 0 { throw ffmpeg.failure(status: status, output: output) }
    }

    private func pipeAllFrames(into ffmpeg: FFmpeg, padToEven: Bool, timing: inout FrameTiming) throws {
        let slots = canvases.slots, workers = canvases.workers
        let count = renderer.scene.frameCount
        let box = TimingBox()
        var padded = EvenFrame()
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
                try slots[slot].checkStatus()
                try slots[slot].withUnsafeBGRABytes { buffer, stride in
                    try padded.write(buffer, stride: stride, width: slots[slot].pixelWidth, height: slots[slot].pixelHeight,
                                     padToEven: padToEven, to: ffmpeg)
                }
                box.addEncode(Self.seconds(since: t0))
                progress.advance()
            }
            start = end
        }
        timing.add(box.timing)
    }

    static func seconds(since start: DispatchTime) -> Double { FrameRenderer.seconds(since: start) }
}

/// Hands a frame to ffmpeg as tightly packed rows, padded to even width and height by
/// repeating the last column and row when asked (the buffer is kept between frames).
private struct EvenFrame {
    private var buffer: [UInt8] = []

    mutating func write(_ pixels: UnsafeRawBufferPointer, stride: Int, width: Int, height: Int, padToEven: Bool,
                        to ffmpeg: FFmpeg) throws {
        let rowBytes = width * 4
        let padWidth = padToEven && width % 2 == 1, padHeight = padToEven && height % 2 == 1
        if !padWidth && !padHeight && stride == rowBytes {
            try ffmpeg.write(UnsafeRawBufferPointer(rebasing: pixels[0..<(rowBytes * height)]))
            return
        }
        let outRow = rowBytes + (padWidth ? 4 : 0)
        let outHeight = height + (padHeight ? 1 : 0)
        if buffer.count != outRow * outHeight { buffer = [UInt8](repeating: 0, count: outRow * outHeight) }
        buffer.withUnsafeMutableBytes { out in
            for y in 0..<outHeight {
                let source = min(y, height - 1) * stride
                let target = y * outRow
                out.baseAddress!.advanced(by: target).copyMemory(from: pixels.baseAddress!.advanced(by: source), byteCount: rowBytes)
                if padWidth {
                    out.baseAddress!.advanced(by: target + rowBytes)
                        .copyMemory(from: pixels.baseAddress!.advanced(by: source + rowBytes - 4), byteCount: 4)
                }
            }
        }
        try buffer.withUnsafeBytes { try ffmpeg.write($0) }
    }
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
