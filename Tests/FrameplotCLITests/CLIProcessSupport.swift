import Foundation
import Testing

/// A `frameplot` run in the background, to interrupt it.
final class RunningCLI {
    let process = Process()
    private let outPath: String, errPath: String

    /// Starts `frameplot arguments…` (or `program` when given) in the sandbox.
    init(in box: CLISandbox, _ arguments: [String], program: String? = nil) throws {
        let frameplot = try #require(CLIExecutable.path, "the frameplot executable was not found next to the tests")
        process.executableURL = URL(fileURLWithPath: program ?? frameplot)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["FRAMEPLOT"] = frameplot
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: box.folder)
        outPath = NSTemporaryDirectory() + "frameplot-out-\(UUID().uuidString)"
        errPath = outPath + ".err"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
        try? FileManager.default.removeItem(atPath: outPath)
        try? FileManager.default.removeItem(atPath: errPath)
    }

    /// Waits (polling, at most `seconds`) until `condition` holds or the process ended.
    @discardableResult
    func wait(atMost seconds: Double = 120, until condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            if !process.isRunning { return false }
            usleep(5_000)
        }
        return false
    }

    func send(_ signal: Int32) { kill(process.processIdentifier, signal) }

    /// Waits for the end; the status is 128 + n when signal n killed it.
    func finish() -> CLIResult {
        process.waitUntilExit()
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return CLIResult(status: status, stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
                         stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }
}

extension CLISandbox {
    /// The names in `folder` (relative to the sandbox), hidden ones included.
    func entries(of folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path(folder))) ?? []).sorted()
    }

    /// How many `frame_NNNNN.png` files `folder` holds.
    func frameCount(in folder: String) -> Int {
        entries(of: folder).filter { $0.hasPrefix("frame_") && $0.hasSuffix(".png") }.count
    }

    /// Every file of `folder` with its bytes.
    func snapshot(of folder: String) -> [String: [UInt8]] {
        Dictionary(uniqueKeysWithValues: entries(of: folder).map { ($0, bytes(folder + "/" + $0)) })
    }

    /// Runs a shell command line in the sandbox with `$FRAMEPLOT` set to the executable
    /// (for arguments that Foundation cannot pass, such as bytes that are not UTF-8).
    func shell(_ script: String) throws -> CLIResult {
        try RunningCLI(in: self, ["-c", script], program: "/bin/sh").finish()
    }
}

/// Whether this machine lets the tests mount a small tmpfs (root in a privileged container).
enum MountCheck {
    static let canMount: Bool = {
        guard geteuid() == 0 else { return false }
        let box = try? CLISandbox()
        defer { box?.remove() }
        guard let box else { return false }
        let point = box.path("m")
        try? FileManager.default.createDirectory(atPath: point, withIntermediateDirectories: false)
        guard system("/bin/mount", ["-t", "tmpfs", "-o", "size=16k", "tmpfs", point]) == 0 else { return false }
        system("/bin/umount", [point])
        return true
    }()

    /// Mounts a tmpfs of `kilobytes` on `point` (created); false when it cannot.
    static func mount(_ point: String, kilobytes: Int, readOnly: Bool = false) -> Bool {
        try? FileManager.default.createDirectory(atPath: point, withIntermediateDirectories: true)
        return system("/bin/mount", ["-t", "tmpfs", "-o", "size=\(kilobytes)k" + (readOnly ? ",ro" : ""), "tmpfs", point]) == 0
    }

    static func unmount(_ point: String) { system("/bin/umount", ["-l", point]) }

    @discardableResult
    static func system(_ program: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
