import Foundation
import Testing

/// Peak memory of whole `frameplot` processes, measured one process at a time so that other
/// tests running in parallel (in this process) cannot distort it.
@Suite("frameplot memory")
struct CLIMemoryTests {
    static let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs `frameplot arguments…` as the only child of a small Python program and returns its
    /// peak resident memory in kB (`getrusage(RUSAGE_CHILDREN).ru_maxrss` of that one child).
    static func peakKB(_ box: CLISandbox, _ arguments: [String]) throws -> Int {
        let executable = try #require(CLIExecutable.path)
        let python = try #require(python)
        let script = """
        import resource, subprocess, sys
        status = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
        print(status, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
        """
        let result = try box.run(program: python, ["-c", script, executable] + arguments)
        let fields = result.stdout.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        try #require(fields.count == 2, "unexpected output: \(result.stdout) \(result.stderr)")
        #expect(fields[0] == 0, "frameplot \(arguments.joined(separator: " ")) exited \(fields[0])")
        return fields[1]
    }

    @Test("many frames peak no higher than a few", .enabled(if: python != nil, "needs python3 to measure a child's peak memory"))
    func flatMemoryOverFrames() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        let few = try Self.peakKB(box, ["animate", "gd1d", "--steps", "8", "-o", "few", "--quiet"])
        let many = try Self.peakKB(box, ["animate", "gd1d", "--steps", "300", "-o", "many", "--quiet"])
        // 300 frames of 600x600 (1.4 MB each as pixels) would add over 400 MB if they were held.
        #expect(many - few < 20_000, "peak grew by \(many - few) kB (\(few) → \(many))")
    }
}
