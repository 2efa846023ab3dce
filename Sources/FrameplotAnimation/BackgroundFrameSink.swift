import Dispatch
import Foundation
import FrameplotCanvas

/// Runs a ``FrameSink`` on its own serial queue, one frame behind the drawing: while frame `n`
/// is encoded (PNG compression, or the pipe into ffmpeg), the ``FrameWriter``'s caller goes on
/// training and drawing frame `n + 1` on the other of two canvases.
///
/// An error of the sink is kept and thrown by the next ``check()`` (the writer's next frame or
/// its finish); frames after it are not encoded.
///
/// ```swift
/// let background = BackgroundFrameSink(sink)
/// background.waitForSlot(index % 2)           // its previous frame is encoded
/// draw(on: canvases[index % 2])
/// background.append(canvases[index % 2], index: index, slot: index % 2)
/// try background.finish(frameCount: count)
/// ```
///
/// `@unchecked Sendable`: `sink` and the canvases handed to ``append(_:index:slot:)`` are used
/// only by the jobs of the serial `queue` (and by `queue.sync` blocks, which run between jobs);
/// the caller draws on a canvas again only after ``waitForSlot(_:)`` returned, which happens
/// after the job that encoded it left its group. `failure` and `seconds` are guarded by `lock`.
final class BackgroundFrameSink: @unchecked Sendable {
    private let sink: FrameSink
    private let queue = DispatchQueue(label: "frameplot.frame-writer")
    private let lock = NSLock()
    private var failure: Error?
    private var seconds = 0.0
    private let slots = [DispatchGroup(), DispatchGroup()]

    init(_ sink: FrameSink) { self.sink = sink }

    /// The number of canvases the caller alternates between.
    static let slotCount = 2

    /// Seconds the sink spent encoding so far.
    var encodeSeconds: Double { lock.lock(); defer { lock.unlock() }; return seconds }

    /// Throws the error of an earlier frame, if any.
    func check() throws {
        lock.lock(); defer { lock.unlock() }
        if let failure { throw failure }
    }

    /// Waits until the frame last appended from canvas `slot` is encoded.
    func waitForSlot(_ slot: Int) { slots[slot].wait() }

    /// Encodes `frame` (drawn on canvas `slot`) after the frames before it, in the background.
    func append(_ frame: ImageCanvas, index: Int, slot: Int) {
        let handed = HandedCanvas(frame)
        let group = slots[slot]
        group.enter()
        queue.async { [self] in
            defer { group.leave() }
            run { try sink.append(handed.canvas, index: index) }
        }
    }

    /// Encodes `frame`, a canvas the caller keeps, now: after the frames before it.
    func appendNow(_ frame: ImageCanvas, index: Int) throws {
        queue.sync { run { try sink.append(frame, index: index) } }
        try check()
    }

    /// Waits for every frame, then completes the output.
    func finish(frameCount: Int) throws {
        try queue.sync {
            try check()
            try sink.finish(frameCount: frameCount)
        }
    }

    /// Waits for the frame being encoded, then throws the output away.
    func discard() {
        queue.sync { sink.discard() }
    }

    /// Runs one sink call unless an earlier one failed, keeping its time or its error.
    private func run(_ body: () throws -> Double) {
        lock.lock()
        let failed = failure != nil
        lock.unlock()
        guard !failed else { return }
        do {
            let spent = try body()
            lock.lock(); seconds += spent; lock.unlock()
        } catch {
            lock.lock(); if failure == nil { failure = error }; lock.unlock()
        }
    }
}

/// A canvas handed to the encoding queue.
///
/// `@unchecked Sendable`: the writer does not touch the canvas until the job that encodes it has
/// finished (see ``BackgroundFrameSink``), so only one thread uses it at a time.
private struct HandedCanvas: @unchecked Sendable {
    let canvas: ImageCanvas
    init(_ canvas: ImageCanvas) { self.canvas = canvas }
}
