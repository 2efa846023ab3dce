import Dispatch
import Foundation
import FrameplotCanvas
import FrameplotFiles

extension FrameRenderer {
    /// Writes `frame_00000.png …` and `manifest.json` into `directory` (created if missing):
    /// the folder then holds exactly this render.
    ///
    /// - The folder is locked for the render: a second render into it stops with
    ///   ``FrameplotFiles/FileWriteError/Reason/folderBusy``.
    /// - Frames already there are kept when they belong to this render (same render
    ///   identity; size and hash as recorded, or the identity in their own PNG text chunks),
    ///   so an interrupted render resumes where it stopped. To be sure, the first kept frame
    ///   is drawn again: if it differs, every kept frame is drawn again too, and
    ///   ``RenderSummary/notes`` says so.
    /// - Frame files of another render, frames past the end, and temporary files that a killed
    ///   render left, are removed.
    /// - `frames` limits the drawing to a range, so a long render can be split across machines.
    ///
    /// - Throws: ``AnimationError`` (bad range, cancelled), ``FrameplotFiles/FileWriteError``
    ///   (folder or frame not writable, disk full, folder busy), drawing errors.
    @discardableResult
    public func renderPNGSequence(to directory: String, frames: ClosedRange<Int>? = nil) throws -> RenderSummary {
        let count = scene.frameCount
        let range = frames ?? 0...max(0, count - 1)
        guard count > 0, range.lowerBound >= 0, range.upperBound < count else {
            throw AnimationError.invalidFrameRange("\(range.lowerBound)..\(range.upperBound)", frameCount: count)
        }
        return try StopRequest.shared.whileCancellable {
            try renderSequence(into: directory, range: range)
        }
    }

    private func renderSequence(into directory: String, range: ClosedRange<Int>) throws -> RenderSummary {
        let started = DispatchTime.now()
        let folder = try OutputFolder(locking: directory)
        defer { folder.unlock() }
        StagedFrameFolder.removeAbandoned(in: folder)

        // The static layer, drawn once here: its pixels are part of the identity, and it is
        // handed to the first worker (or becomes the only canvas when memory is tight).
        var timing = FrameTiming()
        let layer = try makeStaticLayer()
        timing.staticLayer += Self.seconds(since: started)
        let identity = renderIdentity(staticLayer: layer)
        var inventory = FrameFolder.inventory(of: folder, identity: identity, frameCount: scene.frameCount)
        let plan = canvasPlan(for: layer, maxWorkers: min(workerCount, max(1, range.count - inventory.kept.count)),
                              framesPerWorker: 1)
        let first = FirstWorkerCanvases(layer: plan.cachesStaticLayer ? layer : nil,
                                        frame: plan.cachesStaticLayer ? nil : layer)

        // One PNG filter for every frame, chosen on frame 0: a pure function of the run, so any
        // worker, a resume or a partial render writes the same bytes, without a trial per frame.
        let options: PNGOptions
        if pngOptions.filter == .perImage {
            let frame = try first.frame ?? makeCanvas()
            first.frame = frame
            try draw(0, on: frame, over: first.layer, timing: &timing)
            options = try frame.resolvingPerImageFilter(of: pngOptions)
        } else {
            options = pngOptions
        }

        var notes: [String] = []
        if let index = inventory.kept.keys.min(), let entry = inventory.kept[index] {
            // Same identity should mean same pixels; check one frame before trusting the rest.
            let frame = try first.frame ?? makeCanvas()
            first.frame = frame
            let bytes = try encodedFrame(index, on: frame, over: first.layer, options: options, identity: identity, timing: &timing)
            if FrameHash.fnv1a(bytes) != entry.hash {
                notes.append("the \(inventory.kept.count) frame\(inventory.kept.count == 1 ? "" : "s") found in \(PathEncoding.display(directory)) did not match a fresh drawing of frame \(index), so every frame was drawn again")
                inventory.discardKept()
            }
        }
        for name in inventory.unwanted { try folder.remove(name) }
        let todo = range.filter { inventory.kept[$0] == nil }

        let journal = ManifestJournal(manifest: FrameManifest(
            scene: scene.name, identity: identity.hex, version: FrameplotVersion.string, options: scene.fingerprint,
            pixelWidth: layer.pixelWidth, pixelHeight: layer.pixelHeight, scale: scale,
            framesPerSecond: scene.framesPerSecond, frameCount: scene.frameCount, frames: []),
            kept: inventory.kept, directory: directory)
        try journal.saveNow()

        let state = SequenceState(todo: todo, journal: journal, progress: RenderProgress(label: scene.name, total: todo.count, style: progress),
                                  shouldStop: { [self] in stopRequested })
        state.queue.add(timing)
        let workers = min(plan.workers, max(1, todo.count))
        if !todo.isEmpty {
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                self.runWorker(worker, state: state, first: first, options: options, identity: identity, directory: directory)
            }
        }
        state.queue.progress.finish()
        do { try journal.finish() } catch { state.queue.fail(error) }
        if let error = state.queue.firstError { throw error }
        if state.queue.cancelled { throw AnimationError.cancelled(framesDone: state.queue.rendered) }
        return RenderSummary(framesRendered: state.queue.rendered, framesSkipped: range.count - todo.count,
                             seconds: Self.seconds(since: started), timing: state.queue.timing, workers: workers, notes: notes)
    }

    // MARK: - Workers

    private func runWorker(_ worker: Int, state: SequenceState, first: FirstWorkerCanvases, options: PNGOptions,
                           identity: RenderIdentity, directory: String) {
        do {
            var timing = FrameTiming()
            let layer: ImageCanvas?, frame: ImageCanvas
            if worker == 0 {
                layer = first.layer
                frame = try first.frame ?? makeCanvas()
            } else {
                let t0 = DispatchTime.now()
                layer = try makeStaticLayer()
                timing.staticLayer += Self.seconds(since: t0)
                frame = try makeCanvas()
            }
            while let index = state.nextIndex() {
                let bytes = try encodedFrame(index, on: frame, over: layer, options: options, identity: identity, timing: &timing)
                let t0 = DispatchTime.now()
                let name = FrameManifest.frameFileName(index)
                // No flush per frame: the journal flushes frames in batches before listing them.
                try AtomicFile.write(bytes, to: (directory as NSString).appendingPathComponent(name), sync: false)
                timing.write += Self.seconds(since: t0)
                state.finished(FrameManifest.Frame(index: index, file: name, bytes: bytes.count, hash: FrameHash.fnv1a(bytes)))
            }
            state.queue.add(timing)
        } catch {
            state.queue.fail(error)
        }
    }

    /// Frame `index` drawn and encoded as PNG carrying the render identity and its index.
    func encodedFrame(_ index: Int, on frame: ImageCanvas, over layer: ImageCanvas?, options: PNGOptions,
                      identity: RenderIdentity, timing: inout FrameTiming) throws -> [UInt8] {
        try draw(index, on: frame, over: layer, timing: &timing)
        let t0 = DispatchTime.now()
        let bytes = try frame.pngData(options: options, text: FrameFolder.textChunks(identity: identity, index: index))
        timing.encode += Self.seconds(since: t0)
        return bytes
    }
}

/// The canvases drawn before the workers start, handed to worker 0.
///
/// `@unchecked Sendable`: the calling thread sets them up before `concurrentPerform` and does
/// not touch them after; only the worker with index 0 uses them then.
private final class FirstWorkerCanvases: @unchecked Sendable {
    let layer: ImageCanvas?
    var frame: ImageCanvas?
    init(layer: ImageCanvas?, frame: ImageCanvas?) { self.layer = layer; self.frame = frame }
}

/// The work queue of a PNG-sequence render and its manifest journal: a frame counts once
/// the journal has it, and a failed manifest save stops the workers.
///
/// `@unchecked Sendable`: immutable; `queue` and `journal` are themselves thread-safe.
private final class SequenceState: @unchecked Sendable {
    let queue: FrameQueue
    private let journal: ManifestJournal

    init(todo: [Int], journal: ManifestJournal, progress: RenderProgress, shouldStop: @escaping @Sendable () -> Bool) {
        self.queue = FrameQueue(todo: todo, progress: progress, shouldStop: shouldStop)
        self.journal = journal
    }

    /// The next frame to draw, or nil when the work is done, failed (a manifest save too) or should stop.
    func nextIndex() -> Int? {
        if let saveError = journal.error { queue.fail(saveError) }
        return queue.nextIndex()
    }

    func finished(_ frame: FrameManifest.Frame) {
        journal.record(frame)
        queue.finished()
    }
}
