import Dispatch
import Foundation
import FrameplotFiles

/// Keeps `manifest.json` up to date while frames are written, off the workers' threads.
///
/// Workers report each frame after its file was renamed into place. The journal saves the
/// manifest right after the first frame, then at most once per ``interval``: each save
/// first flushes the frames finished since the previous one and the folder (so the manifest
/// never lists a frame that a power cut could lose), then replaces the manifest atomically.
/// Frames are written without their own flush: one `fsync` per frame would cost about as
/// much wall time as drawing a small frame, while a batch flush runs on this journal's queue
/// alongside the drawing. ``finish()`` makes the final save and stops further ones.
///
/// ```swift
/// let journal = ManifestJournal(manifest: header, kept: kept, directory: "Output/run")
/// journal.record(frame)        // from any worker
/// try journal.finish()         // once, after the workers
/// ```
final class ManifestJournal: @unchecked Sendable {
    // `@unchecked Sendable`: the mutable state is read and written only with `lock` held;
    // saves run one at a time on the serial `queue`.
    private let lock = NSLock()
    private let queue = DispatchQueue(label: "frameplot.manifest-journal")
    private let header: FrameManifest
    private let directory: String
    private var entries: [Int: FrameManifest.Frame]
    private var unsynced: [String] = []
    private var scheduled = false
    private var closed = false
    private var saves = 0
    private var lastSave = DispatchTime.now()
    private var saveError: Error?
    /// Seconds between saves after the first.
    let interval: Double

    init(manifest: FrameManifest, kept: [Int: FrameManifest.Frame], directory: String, interval: Double = 1) {
        var header = manifest
        header.frames = []
        self.header = header; self.entries = kept; self.directory = directory; self.interval = interval
    }

    /// The first error of a save, if any (workers stop on it).
    var error: Error? {
        lock.lock(); defer { lock.unlock() }
        return saveError
    }

    /// Records a finished frame and schedules a save.
    func record(_ frame: FrameManifest.Frame) {
        lock.lock(); defer { lock.unlock() }
        entries[frame.index] = frame
        unsynced.append(frame.file)
        guard !scheduled, !closed else { return }
        scheduled = true
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds &- lastSave.uptimeNanoseconds) / 1e9
        let delay = saves == 0 ? 0 : max(0, interval - elapsed)
        queue.asyncAfter(deadline: .now() + delay) { [self] in save(final: false) }
    }

    /// Saves now, synchronously (the manifest as it stands before any frame is drawn).
    func saveNow() throws {
        queue.sync { save(final: false) }
        if let error { throw error }
    }

    /// Waits for a running save, saves a last time and stops saving.
    func finish() throws {
        queue.sync { save(final: true) }
        if let error { throw error }
    }

    /// The manifest as recorded so far.
    func snapshot() -> FrameManifest {
        lock.lock(); defer { lock.unlock() }
        return makeManifest()
    }

    private func makeManifest() -> FrameManifest {
        var manifest = header
        manifest.frames = entries.keys.sorted().compactMap { entries[$0] }
        return manifest
    }

    /// Runs on `queue` only.
    private func save(final: Bool) {
        lock.lock()
        if closed { lock.unlock(); return }
        if final { closed = true }
        scheduled = false
        let manifest = makeManifest()
        let names = unsynced
        unsynced = []
        lock.unlock()

        OutputFolder.sync(names, in: directory)
        do {
            try manifest.write(to: directory)
        } catch {
            lock.lock(); if saveError == nil { saveError = error }; lock.unlock()
        }
        lock.lock(); saves += 1; lastSave = .now(); lock.unlock()
    }
}
