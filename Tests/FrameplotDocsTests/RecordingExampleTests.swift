import Foundation
import Testing
// The layers rather than the `Frameplot` umbrella, so this file is rebuilt whenever they change.
import FrameplotAnimation
import FrameplotCanvas
import FrameplotModel
import FrameplotPlot

/// The first example of docs/recording.md (a hand-written gradient-descent loop, no Trainer),
/// run in-process as printed, and, with `FRAMEPLOT_DEPENDENT_PACKAGE=1`, built as a brand-new
/// Swift 6 package that depends on this checkout by path.
@Suite("docs/recording.md example")
struct RecordingExampleTests {
    static let root = DocsCodeBlockTests.root

    /// The docs' example, line for line (between the BEGIN and END markers), except that the
    /// learning rate and the output folder are arguments.
    static func runExample(rate: Double, folder: String) throws -> FigureAnimation {
        // BEGIN docs/recording.md example
        // Points near y = 2x + 1, and the learning rate from the command line (default 0.01).
        let xs: [Double] = [0, 1, 2, 3, 4, 5, 6, 7]
        let ys: [Double] = [1.1, 2.9, 5.2, 6.8, 9.1, 11.0, 12.8, 15.2]
        let learningRate = rate

        // Your own gradient-descent loop: push every step; the recorder keeps every 10th.
        let recorder = AnimationRecorder(schedule: .every(10), parameterNames: ["w", "b"])
        var w = 0.0, b = 0.0
        for step in 0...300 {
            var loss = 0.0, gradientW = 0.0, gradientB = 0.0
            for (x, y) in zip(xs, ys) {
                let residual = w * x + b - y
                loss += residual * residual / Double(xs.count)
                gradientW += 2 * residual * x / Double(xs.count)
                gradientB += 2 * residual / Double(xs.count)
            }
            try recorder.record(step: step, loss: loss, parameters: [w, b])
            w -= learningRate * gradientW
            b -= learningRate * gradientB
        }

        // The data once; each frame adds its fitted line and a caption (no `layer:` needed).
        var figure = Figure(width: 640, height: 480)
        figure.axes.y.limits = AxisLimits(lower: -1, upper: 17)
        figure.axes.scatter(xs: xs, ys: ys, label: "data")
        let animation = try FigureAnimation(run: recorder.run, figure: figure) { frame, figure in
            let p = frame.step.parameters          // this frame's [w, b]
            figure.axes.straightLine(slope: p[0], intercept: p[1], color: .black, label: "fit")
            figure.axes.text("step \(frame.step.step)", axesFraction: DataPoint(x: 0.03, y: 0.97), anchor: .topLeft)
        }
        let output = folder
        try animation.render(to: output, progress: .quiet)
        print("wrote \(animation.frameCount) frames to \(output)")
        // END docs/recording.md example
        return animation
    }

    /// Lines that differ on purpose: where the rate and the folder come from.
    static func comparable(_ lines: [String]) -> [String] {
        let kept = lines.filter { !$0.hasPrefix("import ") && !$0.hasPrefix("let learningRate =") && !$0.hasPrefix("let output =") }
        return Array(kept.drop { $0.isEmpty }.reversed().drop { $0.isEmpty }.reversed())
    }

    @Test func theTestRunsTheDocsCode() throws {
        let source = try String(contentsOfFile: #filePath, encoding: .utf8).components(separatedBy: "\n")
        let begin = try #require(source.firstIndex { $0.contains("// BEGIN docs/recording.md example") })
        let end = try #require(source.firstIndex { $0.contains("// END docs/recording.md example") })
        let indent = source[begin].prefix { $0 == " " }.count
        let here = source[(begin + 1)..<end].map { String($0.dropFirst(Swift.min(indent, $0.prefix { $0 == " " }.count))) }
        let block = try #require(try DocBlock.all(root: Self.root).first { $0.file == "docs/recording.md" })
        #expect(Self.comparable(here) == Self.comparable(block.lines))
    }

    @Test func aHandWrittenLoopAnimatesAndASecondRateReplacesTheFrames() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("frameplot-example-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let first = try Self.runExample(rate: 0.01, folder: folder)
        #expect(first.frameCount == 31)
        #expect(first.run.steps.map(\.step) == Array(stride(from: 0, through: 300, by: 10)))
        #expect(first.layout.panels[0].legend?.rows.map(\.entry.label) == ["data", "fit"])
        let frames = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("frame_") }
        #expect(frames.count == 31)
        func bytes(_ index: Int) -> Data? { FileManager.default.contents(atPath: folder + String(format: "/frame_%05d.png", index)) }
        let before = (0..<31).map(bytes)
        #expect(before[0] != before[30])                                      // the line moves
        _ = try Self.runExample(rate: 0.04, folder: folder)
        let after = (0..<31).map(bytes)
        // Step 0 is the same picture; its bytes differ only by the render identity every frame
        // carries in a PNG text chunk (the run changed, so the identity did).
        func pixels(_ data: Data?) throws -> RasterImage { try PNGReader.decode([UInt8](try #require(data))) }
        #expect(try pixels(after[0]) == pixels(before[0]))
        #expect(zip(before, after).dropFirst().allSatisfy { $0 != $1 })       // every later frame replaced
        let resumed = try Self.runExample(rate: 0.04, folder: folder)
        #expect((0..<31).map(bytes) == after && resumed.frameCount == 31)
    }

    /// A brand-new package outside the repository, built by SwiftPM: zero warnings, 31 frames,
    /// and a second learning rate replaces the frames. Slow (a full build of Frameplot in the
    /// new package), so it runs only with FRAMEPLOT_DEPENDENT_PACKAGE=1.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["FRAMEPLOT_DEPENDENT_PACKAGE"] == "1"))
    func aNewSwift6PackageBuildsWithoutWarningsAndRendersTheExample() throws {
        let package = FileManager.default.temporaryDirectory.appendingPathComponent("fp-user-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: package) }
        let sources = package.appendingPathComponent("Sources/DocsExample")
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        let identity = Self.root.standardizedFileURL.lastPathComponent.lowercased()
        let manifest = """
            // swift-tools-version: 6.0
            import PackageDescription

            let package = Package(
                name: "DocsExample",
                dependencies: [.package(path: "\(Self.root.standardizedFileURL.path)")],
                targets: [
                    .executableTarget(name: "DocsExample", dependencies: [.product(name: "Frameplot", package: "\(identity)")]),
                ]
            )
            """
        try manifest.write(to: package.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        let block = try #require(try DocBlock.all(root: Self.root).first { $0.file == "docs/recording.md" })
        try block.code.write(to: sources.appendingPathComponent("main.swift"), atomically: true, encoding: .utf8)

        let swift = try #require(["/usr/bin/swift", "/opt/swift/usr/bin/swift"].first { FileManager.default.isExecutableFile(atPath: $0) })
        let (status, output) = try SwiftTypeChecker.run(swift, ["build"], in: package)
        #expect(status == 0, "\(output)")
        let warnings = output.split(separator: "\n").filter { $0.contains("warning:") }
        #expect(warnings.isEmpty, "\(warnings.joined(separator: "\n"))")

        let binary = package.appendingPathComponent(".build/debug/DocsExample").path
        let frame = package.appendingPathComponent("Output/fit/frame_00030.png").path
        let (first, firstOutput) = try SwiftTypeChecker.run(binary, ["0.01"], in: package)
        #expect(first == 0 && firstOutput.contains("wrote 31 frames"), "\(firstOutput)")
        let before = FileManager.default.contents(atPath: frame)
        let (second, _) = try SwiftTypeChecker.run(binary, ["0.04"], in: package)
        #expect(second == 0)
        #expect(before != nil && FileManager.default.contents(atPath: frame) != before)
    }
}
