import Dispatch
import Foundation
import FrameplotCanvas

/// Renders a scene's frames on all cores: PNG sequences with a resumable manifest, and
/// video through ffmpeg (see ``renderVideo(to:options:)``).
///
/// Each worker draws the scene's static layer once, then for each frame it takes clears its
/// own frame canvas, composites the cached layer and draws the moving parts. A frame depends
/// only on its index, so the output is byte-identical whatever the number of workers.
/// Memory stays flat: a worker holds one frame at a time, and only hashes are kept.
///
/// ```swift
/// let scene = try SceneCatalog.standard.makeScene("gd-locus")
/// let summary = try FrameRenderer(scene: scene).renderPNGSequence(to: "Output/gd-locus")
/// print(summary.framesRendered, summary.framesSkipped)
/// ```
public struct FrameRenderer: Sendable {
    /// The scene to draw.
    public var scene: any AnimationScene
    /// Device scale: 2 gives twice the pixels with the same layout.
    public var scale: Double
    /// How many frames are drawn at once (default: all cores).
    public var workerCount: Int
    /// PNG compression for frames (fast by default: encoding is the hot path).
    public var pngOptions: PNGOptions
    /// Progress output on standard error.
    public var progress: ProgressStyle
    /// Polled between frames; returning true stops the render cleanly (every frame written so
    /// far is complete and recorded in the manifest) with ``AnimationError/cancelled(framesDone:)``.
    public var isCancelled: (@Sendable () -> Bool)?

    public init(scene: any AnimationScene, scale: Double = 1,
                workerCount: Int = ProcessInfo.processInfo.activeProcessorCount,
                pngOptions: PNGOptions = .fast, progress: ProgressStyle = .automatic,
                isCancelled: (@Sendable () -> Bool)? = nil) {
        self.scene = scene; self.scale = scale; self.workerCount = max(1, workerCount)
        self.pngOptions = pngOptions; self.progress = progress; self.isCancelled = isCancelled
    }

    /// Draws frame `index` alone into a new canvas (previews, tests, thumbnails).
    public func renderFrame(_ index: Int) throws -> ImageCanvas {
        let layer = try makeStaticLayer()
        let frame = try makeCanvas()
        var timing = FrameTiming()
        try draw(index, on: frame, over: layer, timing: &timing)
        return frame
    }

    /// Writes `frame_00000.png …` and `manifest.json` into `directory` (created if missing).
    ///
    /// Frames already on disk that match the manifest (same scene, options and size; same
    /// byte count and hash) are skipped, so an interrupted render resumes where it stopped.
    /// `frames` limits the work to a range, so a long render can be split across machines.
    @discardableResult
    public func renderPNGSequence(to directory: String, frames: ClosedRange<Int>? = nil) throws -> RenderSummary {
        let count = scene.frameCount
        let range = frames ?? 0...(count - 1)
        guard count > 0, range.lowerBound >= 0, range.upperBound < count else {
            throw AnimationError.invalidFrameRange("\(range.lowerBound)..\(range.upperBound)", frameCount: count)
        }
        try Self.prepareFolder(directory)

        let started = DispatchTime.now()
        var manifest = try emptyManifest()
        var reusable: [Int: FrameManifest.Frame] = [:]
        if let old = FrameManifest.read(from: directory), old.describesSameRender(as: manifest) {
            for frame in old.frames { reusable[frame.index] = frame }
        }
        // Trust a frame only if its file is still byte-for-byte what the manifest recorded.
        var todo: [Int] = []
        var kept: [Int: FrameManifest.Frame] = [:]
        for index in range {
            if let entry = reusable[index], Self.fileMatches(entry, in: directory) {
                kept[index] = entry
            } else {
                todo.append(index)
            }
        }
        // Frames outside the range stay in the manifest if they are still valid.
        for (index, entry) in reusable where !range.contains(index) && Self.fileMatches(entry, in: directory) {
            kept[index] = entry
        }

        let state = SequenceState(manifest: manifest, kept: kept, directory: directory, todo: todo,
                                  progress: RenderProgress(label: scene.name, total: todo.count, style: progress))
        let workers = min(workerCount, max(1, todo.count))
        if !todo.isEmpty {
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                self.runWorker(state: state, directory: directory)
            }
        }
        state.progress.finish()
        manifest = state.finalManifest()
        try manifest.write(to: directory)
        if let error = state.firstError { throw error }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        let summary = RenderSummary(framesRendered: state.rendered, framesSkipped: range.count - todo.count,
                                    seconds: seconds, timing: state.timing)
        if state.cancelled { throw AnimationError.cancelled(framesDone: state.rendered) }
        return summary
    }

    // MARK: - Workers

    private func runWorker(state: SequenceState, directory: String) {
        do {
            var timing = FrameTiming()
            let t0 = DispatchTime.now()
            let layer = try makeStaticLayer()
            timing.staticLayer += Self.seconds(since: t0)
            let frame = try makeCanvas()
            while let index = state.nextIndex(cancelled: isCancelled) {
                try draw(index, on: frame, over: layer, timing: &timing)
                let t1 = DispatchTime.now()
                let bytes = try frame.pngData(options: pngOptions)
                let t2 = DispatchTime.now()
                let name = FrameManifest.frameFileName(index)
                try AtomicFile.write(bytes, to: (directory as NSString).appendingPathComponent(name))
                let t3 = DispatchTime.now()
                timing.encode += Self.seconds(from: t1, to: t2)
                timing.write += Self.seconds(from: t2, to: t3)
                state.finished(FrameManifest.Frame(index: index, file: name, bytes: bytes.count,
                                                   hash: FrameHash.fnv1a(bytes)))
            }
            state.add(timing)
        } catch {
            state.fail(error)
        }
    }

    /// Clears `frame`, composites the cached layer and draws the moving parts of `index`.
    func draw(_ index: Int, on frame: ImageCanvas, over layer: ImageCanvas, timing: inout FrameTiming) throws {
        let t0 = DispatchTime.now()
        frame.clear(.white)
        frame.composite(layer, at: .zero)
        let t1 = DispatchTime.now()
        try scene.renderFrame(index, on: frame)
        let t2 = DispatchTime.now()
        timing.composite += Self.seconds(from: t0, to: t1)
        timing.draw += Self.seconds(from: t1, to: t2)
        timing.frames += 1
    }

    func makeCanvas() throws -> ImageCanvas {
        try ImageCanvas(width: scene.size.width, height: scene.size.height, scale: scale)
    }

    func makeStaticLayer() throws -> ImageCanvas {
        let layer = try makeCanvas()
        layer.clear(.white)
        try scene.renderStatic(on: layer)
        return layer
    }

    func emptyManifest() throws -> FrameManifest {
        let probe = try makeCanvas()
        return FrameManifest(scene: scene.name, options: scene.fingerprint, pixelWidth: probe.pixelWidth,
                             pixelHeight: probe.pixelHeight, scale: scale,
                             framesPerSecond: scene.framesPerSecond, frameCount: scene.frameCount, frames: [])
    }

    static func fileMatches(_ entry: FrameManifest.Frame, in directory: String) -> Bool {
        let path = (directory as NSString).appendingPathComponent(entry.file)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              (attributes[.size] as? NSNumber)?.intValue == entry.bytes,
              let data = FileManager.default.contents(atPath: path) else { return false }
        return data.withUnsafeBytes { FrameHash.fnv1a($0) } == entry.hash
    }

    static func prepareFolder(_ directory: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw AnimationError.outputFolder(directory, reason: "a file with that name exists")
            }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw AnimationError.outputFolder(directory, reason: "cannot create the folder")
            }
        }
        guard FileManager.default.isWritableFile(atPath: directory) else {
            throw AnimationError.outputFolder(directory, reason: "the folder is not writable")
        }
    }

    static func seconds(since start: DispatchTime) -> Double { seconds(from: start, to: .now()) }
    static func seconds(from a: DispatchTime, to b: DispatchTime) -> Double {
        Double(b.uptimeNanoseconds &- a.uptimeNanoseconds) / 1e9
    }
}

/// What a render did and where its time went.
public struct RenderSummary: Sendable {
    /// Frames drawn and written by this call.
    public var framesRendered: Int
    /// Frames found complete on disk and kept.
    public var framesSkipped: Int
    /// Wall-clock seconds.
    public var seconds: Double
    /// CPU seconds per phase, summed over workers.
    public var timing: FrameTiming

    /// Frames drawn per wall-clock second.
    public var framesPerSecond: Double { seconds > 0 ? Double(framesRendered) / seconds : 0 }
}

/// CPU seconds spent in each phase of a render, summed over all workers.
public struct FrameTiming: Sendable {
    public var frames = 0
    /// Drawing the static layer (once per worker).
    public var staticLayer = 0.0
    /// Clearing and compositing the cached layer under each frame.
    public var composite = 0.0
    /// Drawing the moving parts.
    public var draw = 0.0
    /// PNG encoding (or BGRA hand-off to ffmpeg).
    public var encode = 0.0
    /// Writing files.
    public var write = 0.0

    public init() {}

    mutating func add(_ other: FrameTiming) {
        frames += other.frames; staticLayer += other.staticLayer; composite += other.composite
        draw += other.draw; encode += other.encode; write += other.write
    }
}

/// Shared bookkeeping of a PNG-sequence render (work queue, results, periodic manifest).
///
/// `@unchecked Sendable`: every mutable property is read and written only with `lock` held
/// (`progress` is itself thread-safe; the rest is immutable).
private final class SequenceState: @unchecked Sendable {
    private let lock = NSLock()
    private var manifest: FrameManifest
    private var entries: [Int: FrameManifest.Frame]
    private let directory: String
    private let todo: [Int]
    private var cursor = 0
    private var lastFlush = Date()
    let progress: RenderProgress
    private(set) var rendered = 0
    private(set) var firstError: Error?
    private(set) var cancelled = false
    private(set) var timing = FrameTiming()

    init(manifest: FrameManifest, kept: [Int: FrameManifest.Frame], directory: String, todo: [Int], progress: RenderProgress) {
        self.manifest = manifest; self.entries = kept; self.directory = directory
        self.todo = todo; self.progress = progress
    }

    func nextIndex(cancelled isCancelled: (@Sendable () -> Bool)?) -> Int? {
        if let isCancelled, isCancelled() {
            lock.lock(); cancelled = true; lock.unlock()
            return nil
        }
        lock.lock(); defer { lock.unlock() }
        guard firstError == nil, !cancelled, cursor < todo.count else { return nil }
        cursor += 1
        return todo[cursor - 1]
    }

    func finished(_ frame: FrameManifest.Frame) {
        lock.lock()
        entries[frame.index] = frame
        rendered += 1
        // Save progress now and then, so an interruption loses at most two seconds of work.
        if Date().timeIntervalSince(lastFlush) > 2 {
            lastFlush = Date()
            try? snapshot().write(to: directory)
        }
        lock.unlock()
        progress.advance()
    }

    func add(_ t: FrameTiming) { lock.lock(); timing.add(t); lock.unlock() }

    func fail(_ error: Error) {
        lock.lock(); if firstError == nil { firstError = error }; lock.unlock()
    }

    func finalManifest() -> FrameManifest {
        lock.lock(); defer { lock.unlock() }
        return snapshot()
    }

    private func snapshot() -> FrameManifest {
        var m = manifest
        m.frames = entries.keys.sorted().compactMap { entries[$0] }
        return m
    }
}
