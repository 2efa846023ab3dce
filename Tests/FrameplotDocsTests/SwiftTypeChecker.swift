import Foundation

/// Type-checks Swift sources against the modules `swift build` just built, with the flags
/// SwiftPM used for the `Frameplot` module (read from its build description), so a doc block
/// compiles exactly as it would in a package that depends on Frameplot.
struct SwiftTypeChecker: Sendable {
    /// The swiftc that built the package.
    let swiftc: String
    /// Search paths, C module maps, target and language mode for `import Frameplot`.
    let moduleFlags: [String]

    enum SetupError: Error, CustomStringConvertible {
        case noBuildDescription([String])
        case noFrameplotCommand(String)
        var description: String {
            switch self {
            case .noBuildDescription(let tried): return "no SwiftPM build description found (tried \(tried.joined(separator: ", ")))"
            case .noFrameplotCommand(let path): return "\(path) has no compile command for the Frameplot module"
            }
        }
    }

    /// Reads the build description next to this test binary (`.build/<config>.yaml`), or the
    /// repository's `.build/debug.yaml`.
    static func fromBuildDescription(root: URL) throws -> SwiftTypeChecker {
        let executable = URL(fileURLWithPath: ProcessInfo.processInfo.arguments.first ?? "").standardizedFileURL
        let buildDirectory = executable.deletingLastPathComponent()          // .build/<triple>/<config>
        let configuration = buildDirectory.lastPathComponent
        let candidates = [
            buildDirectory.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("\(configuration).yaml").path,
            root.appendingPathComponent(".build/debug.yaml").path,
        ]
        guard let path = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            throw SetupError.noBuildDescription(candidates)
        }
        let yaml = try String(contentsOfFile: path, encoding: .utf8)
        // The command block `"C.Frameplot-<triple>-<config>.module":` and its `args: [...]` line.
        var inBlock = false
        var arguments: [String]?
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("  \"") { inBlock = line.hasPrefix("  \"C.Frameplot-") && line.hasSuffix(".module\":") }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if inBlock, trimmed.hasPrefix("args: ") {
                arguments = try JSONDecoder().decode([String].self, from: Data(trimmed.dropFirst("args: ".count).utf8))
                break
            }
        }
        guard let arguments, let swiftc = arguments.first else { throw SetupError.noFrameplotCommand(path) }
        var flags: [String] = []
        var index = 1
        let paired: Set<String> = ["-I", "-F", "-Xcc", "-target", "-sdk", "-module-cache-path", "-swift-version", "-resource-dir"]
        while index < arguments.count {
            let argument = arguments[index]
            if paired.contains(argument), index + 1 < arguments.count {
                flags += [argument, arguments[index + 1]]
                index += 2
                continue
            }
            if (argument.hasPrefix("-I") || argument.hasPrefix("-F")) && argument.count > 2 { flags.append(argument) }
            index += 1
        }
        return SwiftTypeChecker(swiftc: swiftc, moduleFlags: flags)
    }

    /// Type-checks a `main.swift` holding `source`; nil when it compiles without a diagnostic,
    /// else the compiler's output.
    func checkProgram(_ source: String, in folder: URL) -> String? {
        check(source, fileName: "main.swift", in: folder, flags: moduleFlags)
    }

    /// Type-checks a `Package.swift` manifest against the toolchain's PackageDescription.
    func checkManifest(_ source: String, in folder: URL) -> String? {
        let toolsVersion = source.split(separator: "\n").first { $0.contains("swift-tools-version:") }
            .flatMap { $0.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) } ?? "6.0"
        let manifestAPI = URL(fileURLWithPath: swiftc).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("lib/swift/pm/ManifestAPI").path
        guard FileManager.default.fileExists(atPath: manifestAPI) else { return "no PackageDescription module at \(manifestAPI)" }
        return check(source, fileName: "Package.swift", in: folder,
                     flags: ["-I", manifestAPI, "-swift-version", "6", "-package-description-version", toolsVersion])
    }

    private func check(_ source: String, fileName: String, in folder: URL, flags: [String]) -> String? {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let file = folder.appendingPathComponent(fileName)
            try source.write(to: file, atomically: true, encoding: .utf8)
            let (status, output) = try Self.run(swiftc, ["-typecheck", file.path] + flags, in: folder)
            if status == 0 && !output.contains("warning:") { return nil }
            return output.isEmpty ? "swiftc exited with status \(status)" : output
        } catch {
            return "could not run \(swiftc): \(error)"
        }
    }

    /// Runs `program` and returns its exit status and combined output.
    static func run(_ program: String, _ arguments: [String], in folder: URL,
                    environment: [String: String]? = nil) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        if let environment { process.environment = environment }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
