import Foundation

/// How a render reports its progress on standard error.
public enum ProgressStyle: Sendable, Hashable {
    /// A progress bar on a terminal, plain lines otherwise.
    case automatic
    /// A one-line bar redrawn in place: done/total, frames per second, ETA.
    case bar
    /// A plain line every few seconds (for CI logs).
    case lines
    /// Nothing.
    case quiet

    /// `.bar` when standard error is a terminal, else `.lines`.
    var resolved: ProgressStyle {
        guard self == .automatic else { return self }
        return isatty(STDERR_FILENO) != 0 ? .bar : .lines
    }
}

/// Thread-safe progress of one render: counts frames and prints at a bounded rate.
///
/// `@unchecked Sendable`: every mutable property is read and written only with `lock` held.
final class RenderProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let style: ProgressStyle
    private let label: String
    /// Frames expected in all, or nil when unknown (a stream): then no bar and no ETA.
    private let total: Int?
    private let start = Date()
    private var done = 0
    private var lastPrint = Date.distantPast
    private let write: @Sendable (String) -> Void

    init(label: String, total: Int?, style: ProgressStyle,
         write: @escaping @Sendable (String) -> Void = { text in FileHandle.standardError.write(Data(text.utf8)) }) {
        self.label = label; self.total = total; self.style = style.resolved; self.write = write
    }

    /// Counts one finished frame and maybe prints.
    func advance() {
        lock.lock(); defer { lock.unlock() }
        done += 1
        let now = Date()
        let interval: TimeInterval = style == .bar ? 0.1 : 2
        guard done == total || now.timeIntervalSince(lastPrint) >= interval else { return }
        lastPrint = now
        emit(now: now)
    }

    /// Ends the bar's line.
    func finish() {
        lock.lock(); defer { lock.unlock() }
        if style == .bar && done > 0 { write("\n") }
    }

    private func emit(now: Date) {
        let elapsed = max(now.timeIntervalSince(start), 1e-6)
        let fps = Double(done) / elapsed
        let rate = "\(String(format: "%.1f", fps)) fps"
        guard let total else {
            switch style {
            case .bar: write("\r\(label) \(done) frames  \(rate)   ")
            case .lines: write("\(label): \(done) frames  \(rate)\n")
            case .quiet, .automatic: break
            }
            return
        }
        let eta = fps > 0 ? Double(max(0, total - done)) / fps : 0
        let numbers = "\(done)/\(total) frames  \(rate)  ETA \(Self.duration(eta))"
        switch style {
        case .bar:
            let width = 30
            let filled = total > 0 ? min(width, done * width / total) : width
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            write("\r\(label) \(bar) \(numbers)   ")
        case .lines:
            write("\(label): \(numbers)\n")
        case .quiet, .automatic:
            break
        }
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 60 ? "\(s / 60)m\(String(format: "%02d", s % 60))s" : "\(s)s"
    }
}
