import Foundation

/// A program fed through a pipe on its standard input (ffmpeg), started so that it can
/// always be stopped and never changes how this process handles signals.
///
/// - It runs in its own process group with default signal dispositions and an empty signal
///   mask: a Ctrl-C at the terminal reaches only us, and we decide whether it stops.
/// - It inherits no descriptor but its three standard ones (every other is close-on-exec).
/// - It is registered with ``ProcessCleanup`` until reaped, so an emergency exit kills it.
/// - Writes to its pipe block `SIGPIPE` on the writing thread only (and consume the signal a
///   closed pipe raised), so a program that quits early gives an error, not our death, and
///   no process-wide signal setting is touched.
/// - Its standard error is collected in memory (the last few kilobytes), not in a file.
///
/// ```swift
/// let child = try ChildProcess(executable: "/usr/bin/ffmpeg", arguments: ["-i", "pipe:0", "out.mp4"])
/// try frames.withUnsafeBytes { try child.write($0) }
/// let status = child.finish()   // closes the pipe, waits, returns the exit status
/// ```
public final class ChildProcess {
    /// Thrown by ``write(_:)`` when the program stopped reading (it exited or closed its input).
    public struct PipeClosed: Error { public init() {} }

    /// The process id.
    public let pid: Int32
    private var inputFD: Int32
    private let errorTail: OutputTail
    private var exitStatus: Int32?

    /// Starts `executable` (a full path) with `arguments`.
    ///
    /// - Throws: the `errno` of the failed spawn as ``FileWriteError/Reason/other(_:)``, or
    ///   ``FileWriteError/Reason/shuttingDown`` when the process is exiting.
    public init(executable: String, arguments: [String]) throws {
        var input: [Int32] = [-1, -1], errors: [Int32] = [-1, -1]
        guard Self.makePipe(&input) else { throw Self.spawnError(executable, errno) }
        guard Self.makePipe(&errors) else {
            let code = errno
            close(input[0]); close(input[1])
            throw Self.spawnError(executable, code)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input[0], 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, errors[1], 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGPIPE, SIGHUP, SIGQUIT] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var noMask = sigset_t()
        sigemptyset(&noMask)
        posix_spawnattr_setsigmask(&attributes, &noMask)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP))

        let argv = ([executable] + arguments).map { argument -> UnsafeMutablePointer<CChar>? in
            PathEncoding.withFileSystemPath(argument) { strdup($0) }
        }
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let code = PathEncoding.withFileSystemPath(executable) { path in
            (argv + [nil]).withUnsafeBufferPointer { posix_spawn(&pid, path, &actions, &attributes, $0.baseAddress!, environ) }
        }
        close(input[0]); close(errors[1])
        guard code == 0 else {
            close(input[1]); close(errors[0])
            throw Self.spawnError(executable, code)
        }
        self.pid = pid
        self.inputFD = input[1]
        self.errorTail = OutputTail(fd: errors[0])
        guard ProcessCleanup.shared.register(child: pid) else {
            kill(pid, SIGKILL)
            _ = wait()
            throw FileWriteError(path: executable, reason: .shuttingDown)
        }
    }

    deinit {
        if exitStatus == nil { terminate() }
    }

    /// Writes all of `buffer` to the program's standard input.
    ///
    /// - Throws: ``PipeClosed`` when the program no longer reads.
    public func write(_ buffer: UnsafeRawBufferPointer) throws {
        guard inputFD >= 0 else { throw PipeClosed() }
        var pipeSignal = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &pipeSignal, &previous)
        var code: Int32 = 0
        if var pointer = buffer.baseAddress {
            var remaining = buffer.count
            while remaining > 0 {
                let n = Foundation.write(inputFD, pointer, remaining)
                if n < 0 {
                    if errno == EINTR { continue }
                    code = errno
                    break
                }
                pointer += n
                remaining -= n
            }
        }
        if code == EPIPE && sigismember(&previous, SIGPIPE) == 0 {
            // Our write raised SIGPIPE for this thread: take it before unblocking.
            var pending = sigset_t()
            sigpending(&pending)
            if sigismember(&pending, SIGPIPE) == 1 {
                var zero = timespec(tv_sec: 0, tv_nsec: 0)
                _ = sigtimedwait(&pipeSignal, nil, &zero)
            }
        }
        pthread_sigmask(SIG_SETMASK, &previous, nil)
        if code != 0 { throw PipeClosed() }
    }

    /// Closes the program's input, waits for it to exit and returns its exit status
    /// (128 + n when signal n killed it).
    public func finish() -> Int32 {
        closeInput()
        return wait()
    }

    /// Kills the program (SIGKILL: there is nothing of it to save) and reaps it.
    public func terminate() {
        guard exitStatus == nil else { return }
        kill(pid, SIGKILL)
        closeInput()
        _ = wait()
    }

    /// The last lines the program wrote to its standard error (after it exited).
    public var errorOutput: String { errorTail.text }

    private func closeInput() {
        if inputFD >= 0 { close(inputFD); inputFD = -1 }
    }

    private func wait() -> Int32 {
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { status = 0x7f; break }
        }
        ProcessCleanup.shared.unregister(child: pid)
        errorTail.join()
        let result = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        exitStatus = result
        return result
    }

    /// A pipe whose two ends are close-on-exec (`pipe2` is not visible from Swift on glibc).
    private static func makePipe(_ fds: inout [Int32]) -> Bool {
        guard pipe(&fds) == 0 else { return false }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return true
    }

    private static func spawnError(_ executable: String, _ code: Int32) -> FileWriteError {
        FileWriteError(path: executable, reason: .other("cannot start it: " + String(cString: strerror(code))))
    }
}

/// Collects the last few kilobytes a pipe delivers, on a thread of its own.
///
/// `@unchecked Sendable`: `tail` is written by the reader thread and read by others only with
/// `lock` held; `done` is a semaphore.
private final class OutputTail: @unchecked Sendable {
    private let lock = NSLock()
    private var tail: [UInt8] = []
    private let done = DispatchSemaphore(value: 0)
    private var joined = false
    private let limit = 16_384

    init(fd: Int32) {
        let thread = Thread { [self] in
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                lock.lock()
                tail += chunk[0..<n]
                if tail.count > limit { tail.removeFirst(tail.count - limit) }
                lock.unlock()
            }
            close(fd)
            done.signal()
        }
        thread.start()
    }

    /// Waits until the pipe is closed by the writer (once).
    func join() {
        lock.lock()
        let first = !joined
        joined = true
        lock.unlock()
        if first { done.wait() }
    }

    var text: String {
        lock.lock(); defer { lock.unlock() }
        return String(decoding: tail, as: UTF8.self)
    }
}
