import Foundation

/// What must not outlive the process: temporary files being written and child processes
/// (ffmpeg) being fed.
///
/// Every temporary file that ``AtomicFile`` creates and every ffmpeg that the renderer
/// starts is registered here until it is renamed, removed or reaped. When the process must
/// exit at once (a second Ctrl-C, or a signal while nothing can be cancelled), its signal
/// handler calls ``removeEverything()``: every registered file is removed, every child is
/// killed and reaped, and no new temporary file can be created afterwards.
///
/// ```swift
/// // In a command-line tool's signal handler:
/// ProcessCleanup.shared.removeEverything()
/// _exit(130)
/// ```
public final class ProcessCleanup: @unchecked Sendable {
    // `@unchecked Sendable`: every stored property is read and written only with `lock` held.
    private let lock = NSLock()
    private var temporaryFiles: Set<String> = []
    private var children: Set<Int32> = []
    private var closed = false

    /// The registry of this process.
    public static let shared = ProcessCleanup()

    init() {}

    /// Records a temporary file before it is created; false once the process is exiting.
    public func register(temporaryFile path: String) -> Bool {
        lock.lock(); defer { lock.unlock() }
        guard !closed else { return false }
        temporaryFiles.insert(path)
        return true
    }

    /// Forgets a temporary file that was renamed into place or removed.
    public func unregister(temporaryFile path: String) {
        lock.lock(); temporaryFiles.remove(path); lock.unlock()
    }

    /// Records a running child process; false once the process is exiting.
    public func register(child pid: Int32) -> Bool {
        lock.lock(); defer { lock.unlock() }
        guard !closed else { return false }
        children.insert(pid)
        return true
    }

    /// Forgets a child process that was reaped.
    public func unregister(child pid: Int32) {
        lock.lock(); children.remove(pid); lock.unlock()
    }

    /// The temporary files registered now (for tests and diagnostics).
    public var registeredTemporaryFiles: Set<String> {
        lock.lock(); defer { lock.unlock() }
        return temporaryFiles
    }

    /// Kills and reaps every child, removes every temporary file, and refuses new ones.
    public func removeEverything() {
        lock.lock()
        closed = true
        let files = temporaryFiles, pids = children
        temporaryFiles = []; children = []
        lock.unlock()
        for pid in pids {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        }
        for path in files {
            PathEncoding.withFileSystemPath(path) { _ = unlink($0) }
        }
    }
}

/// A request to stop, made by a signal handler and honoured by long-running work.
///
/// Library code never installs signal handlers. A program that wants Ctrl-C to stop a render
/// cleanly installs its own (the `frameplot` command does) and calls ``request(signal:)``;
/// renders poll ``isRequested`` between frames, finish the frame in hand, save their
/// manifest, stop ffmpeg and remove their temporary files.
///
/// ```swift
/// let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
/// source.setEventHandler { StopRequest.shared.request(signal: SIGINT) }
/// ```
public final class StopRequest: @unchecked Sendable {
    // `@unchecked Sendable`: every stored property is read and written only with `lock` held.
    private let lock = NSLock()
    private var requestedSignal: Int32?
    private var activeWork = 0

    /// The request of this process.
    public static let shared = StopRequest()

    init() {}

    /// Asks running work to stop; the first signal is remembered.
    public func request(signal: Int32) {
        lock.lock(); if requestedSignal == nil { requestedSignal = signal }; lock.unlock()
    }

    /// Whether a stop was requested.
    public var isRequested: Bool {
        lock.lock(); defer { lock.unlock() }
        return requestedSignal != nil
    }

    /// The signal that asked to stop, if any.
    public var signal: Int32? {
        lock.lock(); defer { lock.unlock() }
        return requestedSignal
    }

    /// How many pieces of work that poll ``isRequested`` are running now: when none is, a
    /// signal handler should clean up and exit at once instead of waiting for them.
    public var cancellableWorkCount: Int {
        lock.lock(); defer { lock.unlock() }
        return activeWork
    }

    /// Runs `body`, counted in ``cancellableWorkCount`` (it must poll ``isRequested``).
    public func whileCancellable<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock(); activeWork += 1; lock.unlock()
        defer { lock.lock(); activeWork -= 1; lock.unlock() }
        return try body()
    }
}
