import Foundation
import FrameplotAnimation
import FrameplotFiles
import FrameplotModel
import FrameplotPlot
import FrameplotScenes

/// `frameplot demo`: the gallery figures, the backprop diagrams and every catalog animation.
enum DemoRendering {
    static func run(_ command: DemoCommand) throws {
        let catalog = SceneCatalog.standard
        let parts = ["gallery"] + catalog.names
        for name in command.only where !parts.contains(name) {
            throw CLIError.usage("--only \(name): unknown part; use one of \(parts.joined(separator: ", "))")
        }
        let selected = command.only.isEmpty ? parts : parts.filter { command.only.contains($0) }
        let out = command.out
        try prepareFolder(out)
        let ffmpeg = ffmpegAvailable()
        let start = Date()
        var summary: [String] = []
        var fileCount = 0

        for part in selected {
            let partStart = Date()
            if part == "gallery" {
                let gallery = try Gallery.render(into: out + "/gallery")
                let commands = try renderGallery(into: out + "/commands")
                fileCount += gallery.count + commands.count
                summary.append(line("gallery", "\(gallery.count) files in \(out)/gallery and \(commands.count) in \(out)/commands (PNG, PDF, SVG)", since: partStart))
                continue
            }
            var notes: [String] = []
            if part == "backprop" {
                let diagrams = try BackpropDiagrams.render(into: out + "/backprop-diagrams")
                fileCount += diagrams.count
                notes.append("\(diagrams.count) diagrams in \(out)/backprop-diagrams")
            }
            var variants: [(String, [String])] = [(part, [])]
            if part == "gd-locus" { variants.append(("gd-locus-sgd", ["--sgd"])) }
            if part == "backprop" { variants.append(("backprop-shopping", ["--example", "shopping"])) }
            if part == "optimizers" { variants = DemoRendering.raceVariants }
            for (name, arguments) in variants {
                let scene = try catalog.makeScene(part, arguments: arguments)
                let renderer = FrameRenderer(scene: scene, progress: command.quiet ? .quiet : .automatic)
                let frames = try renderer.renderPNGSequence(to: "\(out)/\(name)")
                fileCount += scene.frameCount
                var text = "\(Report.count(scene.frameCount, "frame")) in \(out)/\(name)"
                if frames.framesSkipped > 0 { text += " (\(frames.framesSkipped) kept)" }
                Report.notes(frames.notes, quiet: command.quiet)
                if ffmpeg {
                    for ext in ["mp4", "gif"] {
                        _ = try renderer.renderVideo(to: "\(out)/\(name).\(ext)")
                        fileCount += 1
                    }
                    text += ", \(name).mp4, \(name).gif"
                }
                notes.append(text)
            }
            summary.append(line(part, notes.joined(separator: "; "), since: partStart))
        }
        if !ffmpeg { summary.append("(ffmpeg not found: no MP4/GIF; install the Debian package ffmpeg)") }
        print(summary.joined(separator: "\n"))
        print(String(format: "demo: wrote %d files into %@ in %.1f s", fileCount, out, Date().timeIntervalSince(start)))
    }

    /// The optimizer race's demos: Beale in 2-D, Rosenbrock in 3-D, and the saddle, where
    /// gradient descent stalls at the saddle point while momentum (and later Adam) escape.
    /// About 60 recorded states each instead of the scene's 150, so that the demo stays quick
    /// (its MP4 and GIF encode every frame again).
    static let raceVariants: [(String, [String])] = [
        ("optimizers", ["--every", "5"]),
        ("optimizers-rosenbrock-3d", ["--function", "rosenbrock", "--view", "3d", "--every", "8"]),
        ("optimizers-saddle", ["--function", "saddle", "--optimizers", "gd,momentum,adam", "--start", "-1.9,0.001", "--lr", "0.02",
                               "--steps", "160", "--every", "4", "--view", "both"]),
    ]

    private static func line(_ part: String, _ text: String, since start: Date) -> String {
        String(format: "%@: %@ (%.1f s)", part, text, Date().timeIntervalSince(start))
    }

    /// Creates `folder` (and its parents) or explains why it cannot.
    static func prepareFolder(_ folder: String) throws {
        if let kind = FileKind.at(folder), kind != .folder {
            throw CLIError.failure("--out \(folder): is \(kind.phrase), not a folder")
        }
        do {
            try OutputFolder.create(folder)
        } catch let error as FileWriteError {
            throw CLIError.failure("--out \(folder): cannot create the folder: \(error.reason.explanation)")
        }
        if let blocker = FileKind.writeBlocker(inFolder: folder) {
            throw CLIError.failure("--out \(folder): cannot write into this folder: \(blocker.explanation)")
        }
    }

    static func ffmpegAvailable() -> Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/ffmpeg") }
    }

    /// Figures drawn by the CLI's own commands from built-in data, each as PNG, PDF and SVG.
    static func renderGallery(into folder: String) throws -> [String] {
        try prepareFolder(folder)
        var written: [String] = []
        func options(_ path: String, title: String?, xlabel: String?, ylabel: String?, logY: Bool = false) throws -> CheckedPlotOptions {
            CheckedPlotOptions(
                output: try OutputTarget.figure(path), size: PlotSize(width: 640, height: 480), scale: 1,
                theme: .default, title: title, xlabel: xlabel, ylabel: ylabel, xlim: nil, ylim: nil,
                logX: false, logY: logY, quiet: true, dropInvalid: false)
        }
        // 1. Height and weight (slides 002) with the least-squares line.
        let heights = [166.0, 176, 171, 173, 169], weights = [58.7, 75.7, 62.1, 70.4, 60.1]
        let fit = PolynomialFit(xs: heights, ys: weights, degree: 1)
        // 2. The learning curve of the slides' gradient descent.
        let history = try ReferenceRuns.heightWeightHistory()
        let steps = history.steps.map { Double($0.step) }, losses = history.steps.map(\.loss)
        // 3. Decision regions of a small network on three seeded classes.
        let data = try Dataset.threeClassGaussian(count: 150, seed: 7)
        let problem = ClassificationProblem(xs: data.column(0), ys: data.column(1), labels: data.labels,
                                            classNames: data.classNames.isEmpty ? ["0", "1", "2"] : data.classNames)
        let trained = try ClassifierTraining.train(problem, model: .mlp(hidden: 8), steps: 800, learningRate: 0.5, seed: 1)
        for ext in ["png", "pdf", "svg"] {
            let scatter = "\(folder)/height-weight.\(ext)"
            try FigureRendering.scatter(
                ScatterRequest(xs: heights, ys: weights, xName: "身長 (cm)", yName: "体重 (kg)", classes: nil, fit: fit),
                options: try options(scatter, title: "身長と体重: 最小二乗法", xlabel: "身長 (cm)", ylabel: "体重 (kg)"))
            let curve = "\(folder)/learning-curve.\(ext)"
            try FigureRendering.lines(
                LineRequest(series: [Series(name: "損失関数値", xName: "繰り返し回数", xs: steps, ys: losses)], xName: "繰り返し回数", smooth: nil),
                options: try options(curve, title: "学習曲線", xlabel: "繰り返し回数", ylabel: "損失関数値", logY: true), kind: .curve)
            let regions = "\(folder)/decision-regions.\(ext)"
            try FigureRendering.regions(
                RegionsRequest(problem: problem, trained: trained, xName: "$x_1$", yName: "$x_2$", modelName: "mlp:8"),
                options: try options(regions, title: nil, xlabel: "$x_1$", ylabel: "$x_2$"))
            written += [scatter, curve, regions]
        }
        return written
    }
}
