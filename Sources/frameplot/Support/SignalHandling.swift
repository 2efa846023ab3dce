import Dispatch
import Foundation
import FrameplotFiles

/// Ctrl-C and `kill`: the command owns signal handling, the library only polls a request.
///
/// On the first SIGINT or SIGTERM a render in progress is asked to stop (``StopRequest``): it
/// finishes the frame in hand, saves its manifest, stops ffmpeg and removes its temporary
/// files, and the command then exits with 130 (SIGINT) or 143 (SIGTERM) and one line saying
/// how to resume. When nothing is running that can stop cleanly (training, a figure being
/// written), a second signal arrives, or the render does not stop within ``gracePeriod``, the
/// command exits at once: every registered temporary file is removed and ffmpeg is killed
/// (``ProcessCleanup``), so nothing half-written is left either way.
///
/// ```swift
/// SignalHandling.install()   // first thing in main.swift
/// ```
enum SignalHandling {
    /// How long a render may take to stop after the first signal.
    static let gracePeriod = 10.0

    /// Installs the handlers for SIGINT and SIGTERM (dispatch sources: no code runs in an
    /// asynchronous signal context).
    static func install() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { received(number) }
            source.resume()
            Sources.shared.keep(source)
        }
    }

    private static func received(_ number: Int32) {
        let repeated = StopRequest.shared.isRequested
        StopRequest.shared.request(signal: number)
        if repeated || StopRequest.shared.cancellableWorkCount == 0 { exitNow(number) }
        DispatchQueue.global().asyncAfter(deadline: .now() + gracePeriod) { exitNow(number) }
    }

    /// Removes temporary files, kills ffmpeg, prints one line and exits with 128 + `number`.
    static func exitNow(_ number: Int32) {
        guard ExitGate.claim() else { return }
        ProcessCleanup.shared.removeEverything()
        FrameplotCLI.printError("interrupted by \(name(of: number)); nothing half-written was left behind; run the same command again to start over", newLineFirst: true)
        _exit(128 + number)
    }

    /// `SIGINT`, `SIGTERM`, or `signal N`.
    static func name(of number: Int32) -> String {
        switch number {
        case SIGINT: return "SIGINT"
        case SIGTERM: return "SIGTERM"
        default: return "signal \(number)"
        }
    }

    /// Keeps the dispatch sources alive for the life of the process.
    ///
    /// `@unchecked Sendable`: `sources` is appended to only with `lock` held, and never read.
    private final class Sources: @unchecked Sendable {
        static let shared = Sources()
        private let lock = NSLock()
        private var sources: [DispatchSourceSignal] = []
        func keep(_ source: DispatchSourceSignal) { lock.lock(); sources.append(source); lock.unlock() }
    }
}

/// Makes sure that only one path ends the process: the command finishing, or a signal.
enum ExitGate {
    private static let state = GateState()

    /// True for the first caller only; every later caller must not exit or print.
    static func claim() -> Bool { state.claim() }

    /// `@unchecked Sendable`: `claimed` is read and written only with `lock` held.
    private final class GateState: @unchecked Sendable {
        private let lock = NSLock()
        private var claimed = false
        func claim() -> Bool {
            lock.lock(); defer { lock.unlock() }
            if claimed { return false }
            claimed = true
            return true
        }
    }
}
