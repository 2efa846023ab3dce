import Foundation
import FrameplotFiles

/// One run of the ffmpeg executable fed with raw frames through its standard input.
///
/// The process itself is a ``FrameplotFiles/ChildProcess``: its own process group, no
/// inherited descriptors, SIGPIPE blocked per write (never process-wide), stderr kept in
/// memory (no log file in the temporary folder), killed and reaped on cancellation.
final class FFmpeg {
    let executable: String
    let arguments: [String]
    private var child: ChildProcess?

    init(executable: String, arguments: [String]) {
        self.executable = executable
        self.arguments = ["-hide_banner", "-loglevel", "error", "-nostats", "-y"] + arguments
    }

    /// The full path of `name` (a path, or a bare name looked up in `PATH`), or the
    /// missing-ffmpeg error naming the Debian package.
    static func locate(_ name: String) throws -> String {
        if name.contains("/") {
            guard FileManager.default.isExecutableFile(atPath: name) else { throw AnimationError.ffmpegMissing(path: name) }
            return name
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = (String(folder) as NSString).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw AnimationError.ffmpegMissing(path: "\(name) is not in PATH")
    }

    /// A number as ffmpeg reads it, without a trailing `.0` and as a fraction for 29.97-like rates.
    static func number(_ value: Double) -> String {
        if value == value.rounded() { return String(Int(value)) }
        return String(format: "%.6f", value)
    }

    func start() throws {
        do {
            child = try ChildProcess(executable: executable, arguments: arguments)
        } catch let error as FileWriteError where error.reason == .shuttingDown {
            throw error
        } catch {
            throw AnimationError.ffmpegMissing(path: executable)
        }
    }

    /// Writes raw frame bytes; ``FrameplotFiles/ChildProcess/PipeClosed`` when ffmpeg quit.
    func write(_ buffer: UnsafeRawBufferPointer) throws {
        guard let child else { throw ChildProcess.PipeClosed() }
        try child.write(buffer)
    }

    /// Closes ffmpeg's input, waits for it and returns its exit status.
    func finish() -> Int32 {
        child?.finish() ?? 0
    }

    /// Kills and reaps ffmpeg (cancellation, or a failure on our side).
    func terminate() {
        child?.terminate()
    }

    /// The error for a failed run: a full disk and the like in their own words (ffmpeg says
    /// them with the C library's wording), else ffmpeg's last message line.
    func failure(status: Int32, output: String) -> Error {
        let log = child?.errorOutput ?? ""
        let known: [(String, FileWriteError.Reason)] = [
            ("No space left on device", .diskFull), ("Disk quota exceeded", .quotaExceeded),
            ("Read-only file system", .readOnlyFileSystem),
        ]
        for (text, reason) in known where log.contains(text) {
            return FileWriteError(path: output, reason: reason)
        }
        let last = log.split(whereSeparator: \.isNewline).last.map(String.init) ?? "no message"
        return AnimationError.ffmpegFailed(status: status, message: last)
    }
}
