import Foundation
import Testing

/// The result of running the built `frameplot` executable.
struct CLIResult {
    var status: Int32
    var stdout: String
    var stderr: String

    /// The stderr lines (errors must be exactly one).
    var errorLines: [String] { stderr.split(separator: "\n").map(String.init) }
}

/// A temporary folder with fixture files, and a way to run `frameplot` in it.
struct CLISandbox {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "frameplot-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }

    func path(_ name: String) -> String { folder + "/" + name }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let path = path(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path(name)) }

    func bytes(_ name: String) -> [UInt8] {
        (try? Data(contentsOf: URL(fileURLWithPath: path(name)))).map { [UInt8]($0) } ?? []
    }

    /// Files in the folder other than the given fixtures (to check nothing was left behind).
    func entries() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    /// Runs `frameplot arguments…` with the sandbox as the working directory.
    func run(_ arguments: String...) throws -> CLIResult { try run(arguments) }

    func run(_ arguments: [String]) throws -> CLIResult {
        let executable = try #require(CLIExecutable.path, "the frameplot executable was not found next to the tests")
        return try run(program: executable, arguments)
    }

    /// Runs any program with the sandbox as the working directory.
    func run(program executable: String, _ arguments: [String]) throws -> CLIResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let outPath = NSTemporaryDirectory() + "frameplot-out-\(UUID().uuidString)"
        let errPath = outPath + ".err"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let stdout = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        return CLIResult(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }
}

/// Finds the built `frameplot` next to the test bundle (SwiftPM builds it because the test
/// target depends on it), falling back to the package's `.build/debug`.
enum CLIExecutable {
    static let path: String? = {
        var candidates: [String] = []
        let testBinary = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        // …/debug/FrameplotPackageTests.xctest (a file on Linux, a bundle on macOS)
        var folder = testBinary.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(folder.appendingPathComponent("frameplot").path)
            folder = folder.deletingLastPathComponent()
        }
        if let bundle = Bundle.main.executableURL?.deletingLastPathComponent() {
            candidates.append(bundle.appendingPathComponent("frameplot").path)
        }
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(packageRoot.appendingPathComponent(".build/debug/frameplot").path)
        return candidates.first { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
                && !isDirectory.boolValue && FileManager.default.isExecutableFile(atPath: path)
        }
    }()
}

/// Checks a failed run: its exit status, one line on stderr containing every key word,
/// nothing on stdout.
func expectFailure(_ result: CLIResult, status: Int32, _ words: [String],
                   sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(result.status == status, "exit status \(result.status), stderr: \(result.stderr)", sourceLocation: sourceLocation)
    #expect(result.errorLines.count == 1, "stderr must be one line: \(result.stderr)", sourceLocation: sourceLocation)
    for word in words {
        #expect(result.stderr.contains(word), "\"\(word)\" missing from: \(result.stderr)", sourceLocation: sourceLocation)
    }
}

/// File-format checks of what a command wrote.
enum OutputFormat {
    /// Width and height from a PNG's IHDR chunk, or nil when it is not a PNG.
    static func pngSize(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard bytes.count > 24, Array(bytes[0..<8]) == signature, Array(bytes[12..<16]) == Array("IHDR".utf8) else { return nil }
        func int(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (int(16), int(20))
    }

    static func isPDF(_ bytes: [UInt8]) -> Bool { bytes.starts(with: Array("%PDF-".utf8)) }

    static func isSVG(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(512), as: UTF8.self)
        return head.contains("<svg")
    }
}
