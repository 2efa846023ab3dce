import Dispatch
import Foundation
import FrameplotCanvas

extension FrameRenderer {
    /// Encodes the whole animation as MP4 or GIF (chosen from the extension) by piping raw
    /// BGRA frames into ffmpeg: no PNG round trip, and at most a few frames in memory.
    ///
    /// The video is written to a temporary file in the same folder and renamed at the end, so
    /// an existing file is only replaced by a complete one. A GIF takes two passes over the
    /// frames (the first builds one palette for the whole animation), which is cheaper than
    /// holding every frame in memory.
    ///
    /// ```swift
    /// try FrameRenderer(scene: scene).renderVideo(to: "Output/gd-locus.mp4")
    /// ```
    @discardableResult
    public func renderVideo(to path: String, options: VideoOptions = VideoOptions()) throws -> RenderSummary {
        guard let format = VideoOptions.Format(path: path) else { throw AnimationError.unsupportedVideoFormat(path) }
        let ffmpeg = try FFmpeg.locate(options.ffmpegPath)
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        try Self.prepareFolder(folder)

        let probe = try makeCanvas()
        let width = probe.pixelWidth, height = probe.pixelHeight
        let fps = options.framesPerSecond ?? scene.framesPerSecond
        let input = ["-f", "rawvideo", "-pix_fmt", "bgra", "-s", "\(width)x\(height)",
                     "-framerate", FFmpeg.number(fps), "-i", "pipe:0"]
        let stamp = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        let temporary = (folder as NSString).appendingPathComponent(".\(url.lastPathComponent).\(stamp).tmp")
        let palette = (folder as NSString).appendingPathComponent(".\(url.lastPathComponent).\(stamp).palette.png")
        defer {
            try? FileManager.default.removeItem(atPath: temporary)
            try? FileManager.default.removeItem(atPath: palette)
        }

        let started = DispatchTime.now()
        var timing = FrameTiming()
        let total = scene.frameCount * (format == .gif ? 2 : 1)
        let progress = RenderProgress(label: scene.name, total: total, style: self.progress)
        switch format {
        case .mp4:
            // Pad odd sizes to even (yuv420p needs them) with the background colour.
            let arguments = input + [
                "-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2:0:0:white",
                "-c:v", "libx264", "-preset", "medium", "-crf", String(options.crf), "-pix_fmt", "yuv420p",
                "-r", FFmpeg.number(fps), "-movflags", "+faststart", "-f", "mp4", temporary]
            try pipeFrames(to: ffmpeg, arguments: arguments, progress: progress, timing: &timing)
        case .gif:
            try pipeFrames(to: ffmpeg, arguments: input + ["-vf", "palettegen=stats_mode=full:max_colors=256",
                                                           "-frames:v", "1", "-update", "1", "-f", "image2", palette],
                           progress: progress, timing: &timing)
            let hold = Int((options.gifHoldLastFrame * 100).rounded())
            try pipeFrames(to: ffmpeg, arguments: input + [
                "-i", palette, "-lavfi", "[0:v][1:v]paletteuse=dither=sierra2_4a:diff_mode=rectangle",
                "-loop", String(options.gifLoop), "-final_delay", String(max(hold, -1)), "-f", "gif", temporary],
                progress: progress, timing: &timing)
        }
        progress.finish()
        do {
            if FileManager.default.fileExists(atPath: path) {
                _ = try FileManager.default.replaceItemAt(url, withItemAt: URL(fileURLWithPath: temporary))
            } else {
                try FileManager.default.moveItem(atPath: temporary, toPath: path)
            }
        } catch {
            throw AnimationError.outputFolder(folder, reason: "cannot move the finished video into place")
        }
        return RenderSummary(framesRendered: scene.frameCount, framesSkipped: 0,
                             seconds: Self.seconds(since: started), timing: timing)
    }

    /// Runs ffmpeg with `arguments` and writes every frame, in order, to its standard input.
    ///
    /// Frames are drawn in chunks of two per worker in parallel, then handed over in order,
    /// so memory holds at most `2 × workers` frames whatever the length of the animation.
    private func pipeFrames(to ffmpeg: String, arguments: [String], progress: RenderProgress,
                            timing: inout FrameTiming) throws {
        let process = FFmpeg(executable: ffmpeg, arguments: arguments)
        try process.start()
        var failure: Error?
        do {
            let workers = workerCount
            let canvases = WorkerCanvases(layers: try (0..<workers).map { _ in try makeStaticLayer() },
                                          slots: try (0..<(2 * workers)).map { _ in try makeCanvas() })
            let slots = canvases.slots
            let count = scene.frameCount
            var start = 0
            let box = TimingBox()
            while start < count {
                if let isCancelled, isCancelled() { throw AnimationError.cancelled(framesDone: start) }
                let end = min(count, start + slots.count)
                let errors = ErrorBox()
                let chunkStart = start
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    var local = FrameTiming()
                    var slot = worker
                    while chunkStart + slot < end {
                        do {
                            try draw(chunkStart + slot, on: canvases.slots[slot], over: canvases.layers[worker],
                                     timing: &local)
                        } catch {
                            errors.set(error)
                        }
                        slot += workers
                    }
                    box.add(local)
                }
                if let error = errors.error { throw error }
                for slot in 0..<(end - start) {
                    let t0 = DispatchTime.now()
                    try slots[slot].withUnsafeBGRABytes { buffer, stride in
                        try process.writeFrame(buffer, stride: stride, rowBytes: slots[slot].pixelWidth * 4,
                                               rows: slots[slot].pixelHeight)
                    }
                    box.addEncode(Self.seconds(since: t0))
                    progress.advance()
                }
                start = end
            }
            timing.add(box.timing)
        } catch {
            failure = error
        }
        let status = process.finish()
        if let failure {
            // A write error usually means ffmpeg quit: its own message says why.
            if status != 0, failure is FFmpeg.PipeClosed { throw process.failure(status: status) }
            throw failure
        }
        if status != 0 { throw process.failure(status: status) }
    }
}

/// The canvases of a video render: one static layer per worker and the frame slots of a chunk.
///
/// `@unchecked Sendable` is sound because access is partitioned: during a chunk, worker `w`
/// touches only `layers[w]` and the slots `w, w + workers, …`; the calling thread reads the
/// slots only after `concurrentPerform` has returned (which orders the writes before it).
private final class WorkerCanvases: @unchecked Sendable {
    let layers: [ImageCanvas]
    let slots: [ImageCanvas]
    init(layers: [ImageCanvas], slots: [ImageCanvas]) { self.layers = layers; self.slots = slots }
}

/// `@unchecked Sendable`: `error` is read and written only with `lock` held.
private final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var error: Error?
    func set(_ e: Error) { lock.lock(); if error == nil { error = e }; lock.unlock() }
}

/// `@unchecked Sendable`: `timing` is read and written only with `lock` held.
private final class TimingBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var timing = FrameTiming()
    func add(_ t: FrameTiming) { lock.lock(); timing.add(t); lock.unlock() }
    func addEncode(_ s: Double) { lock.lock(); timing.encode += s; lock.unlock() }
}
