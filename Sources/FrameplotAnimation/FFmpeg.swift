import Foundation

/// One run of the ffmpeg executable fed through a pipe on its standard input.
final class FFmpeg {
    /// Thrown when ffmpeg stopped reading (it exited); its exit status and message explain why.
    struct PipeClosed: Error {}

    let executable: String
    let arguments: [String]
    private let process = Process()
    private let input = Pipe()
    private let logPath: String

    init(executable: String, arguments: [String]) {
        self.executable = executable
        self.arguments = arguments
        self.logPath = (NSTemporaryDirectory() as NSString)
            .appendingPathComponent("frameplot-ffmpeg-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max)).log")
    }

    deinit { try? FileManager.default.removeItem(atPath: logPath) }

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
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-hide_banner", "-loglevel", "error", "-nostats", "-y"] + arguments
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle(forWritingAtPath: logPath) ?? FileHandle.nullDevice
        // A dead ffmpeg must give a write error, not kill us with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        do {
            try process.run()
        } catch {
            throw AnimationError.ffmpegMissing(path: executable)
        }
    }

    /// Writes `rows` rows of `rowBytes` bytes from a buffer whose rows are `stride` bytes apart.
    func writeFrame(_ buffer: UnsafeRawBufferPointer, stride: Int, rowBytes: Int, rows: Int) throws {
        let fd = input.fileHandleForWriting.fileDescriptor
        guard let base = buffer.baseAddress else { return }
        if stride == rowBytes {
            try Self.writeAll(fd, base, rowBytes * rows)
        } else {
            for row in 0..<rows { try Self.writeAll(fd, base + row * stride, rowBytes) }
        }
    }

    private static func writeAll(_ fd: Int32, _ pointer: UnsafeRawPointer, _ count: Int) throws {
        var offset = 0
        while offset < count {
            let n = write(fd, pointer + offset, count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw PipeClosed()
            }
            offset += n
        }
    }

    /// Closes ffmpeg's input, waits for it and returns its exit status.
    func finish() -> Int32 {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// The error for a failed run, quoting ffmpeg's last message line.
    func failure(status: Int32) -> AnimationError {
        let log = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        let last = log.split(separator: "\n").last.map(String.init) ?? "no message"
        return .ffmpegFailed(status: status, message: last)
    }
}
