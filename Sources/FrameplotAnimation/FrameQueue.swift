import Foundation

/// The shared bookkeeping of frames drawn in parallel: which frame comes next, how many are
/// done, the first error, whether the render stopped, and the time spent.
///
/// Workers take indices with ``nextIndex()`` until it returns nil (all taken, an error was
/// reported, or `shouldStop` said so), report each frame with ``finished()`` and their
/// timing with ``add(_:)``.
///
/// ```swift
/// let queue = FrameQueue(todo: Array(0..<count), progress: progress) { renderer.stopRequested }
/// DispatchQueue.concurrentPerform(iterations: workers) { _ in
///     while let index = queue.nextIndex() { … ; queue.finished() }
/// }
/// if let error = queue.firstError { throw error }
/// ```
///
/// `@unchecked Sendable`: every mutable property is read and written only with `lock` held;
/// `progress` is itself thread-safe and the rest is immutable.
final class FrameQueue: @unchecked Sendable {
    private let lock = NSLock()
    private let todo: [Int]
    private let shouldStop: @Sendable () -> Bool
    let progress: RenderProgress
    private var cursor = 0
    private var renderedCount = 0
    private var error: Error?
    private var wasCancelled = false
    private var timingSum = FrameTiming()

    init(todo: [Int], progress: RenderProgress, shouldStop: @escaping @Sendable () -> Bool) {
        self.todo = todo; self.progress = progress; self.shouldStop = shouldStop
    }

    var rendered: Int { lock.lock(); defer { lock.unlock() }; return renderedCount }
    var firstError: Error? { lock.lock(); defer { lock.unlock() }; return error }
    var cancelled: Bool { lock.lock(); defer { lock.unlock() }; return wasCancelled }
    var timing: FrameTiming { lock.lock(); defer { lock.unlock() }; return timingSum }

    /// The next frame to draw, or nil when the work is done, failed or should stop.
    func nextIndex() -> Int? {
        let stop = shouldStop()
        lock.lock(); defer { lock.unlock() }
        if stop && error == nil { wasCancelled = true }
        guard error == nil, !wasCancelled, cursor < todo.count else { return nil }
        cursor += 1
        return todo[cursor - 1]
    }

    /// Counts a finished frame.
    func finished() {
        lock.lock(); renderedCount += 1; lock.unlock()
        progress.advance()
    }

    func add(_ t: FrameTiming) { lock.lock(); timingSum.add(t); lock.unlock() }

    /// Records `e` unless an error was recorded before; workers stop at their next index.
    func fail(_ e: Error) {
        lock.lock(); if error == nil { error = e }; lock.unlock()
    }
}
