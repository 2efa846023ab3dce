import Foundation
import FrameplotAnimation
import FrameplotCanvas
import FrameplotModel
import FrameplotScenes

/// The scene catalog the CLI uses (the built-in scenes of FrameplotScenes).
enum SceneCatalogSource {
    static var catalog: SceneCatalog {
        var catalog = SceneCatalog.standard
        if catalog.entry("backprop") == nil { catalog.registerBackprop() }
        return catalog
    }
}

/// Runs the animation commands through the scene catalog and the frame renderer.
enum SceneRendering {
    /// Animation options after checking, before any training or drawing.
    struct Checked {
        var output: OutputTarget
        var size: PlotSize?
        var scale: Double
        var theme: ThemeName?
        var fps: Double?
        var frames: String?
        var quiet: Bool
    }

    static func check(_ options: AnimationOutputOptions) throws -> Checked {
        let output = try OutputTarget.animation(options.output)
        let size = try options.size.map { try PlotSize.parse($0) }
        guard options.scale.isFinite, options.scale >= 0.25, options.scale <= 8 else {
            throw CLIError.usage("--scale \(PlotOptions.format(options.scale)): must be between 0.25 and 8")
        }
        let theme = try options.theme.map { try ThemeName.parse($0) }
        if let fps = options.fps, !(fps.isFinite && fps > 0 && fps <= 240) {
            throw CLIError.usage("--fps \(PlotOptions.format(fps)): must be more than 0 and at most 240")
        }
        if options.frames != nil && output.format != .folder {
            throw CLIError.usage("--frames works with a folder of PNG frames, not a \(output.format.rawValue.uppercased()) file")
        }
        return Checked(output: output, size: size, scale: options.scale, theme: theme, fps: options.fps,
                       frames: options.frames, quiet: options.quiet)
    }

    static func sceneOptions(_ checked: Checked) -> SceneOptions {
        var options = SceneOptions()
        options.size = checked.size.map { Size(width: Double($0.width), height: Double($0.height)) }
        options.theme = checked.theme?.rawValue
        options.framesPerSecond = checked.fps
        return options
    }

    static func animate(_ command: AnimateCommand) throws {
        let checked = try check(command.common)
        try TrainingOptionCheck.steps(command.steps)
        try TrainingOptionCheck.learningRate(command.lr)
        if let every = command.every, every < 1 { throw CLIError.usage("--every \(every): must be at least 1") }
        if command.data.count > 1 {
            throw CLIError.usage("--data: give one data file (got \(command.data.count))")
        }
        let logTarget = try command.log.map { try logOutput($0) }
        let catalog = SceneCatalogSource.catalog
        guard catalog.entry(command.scene) != nil else {
            throw CLIError.usage("unknown scene \"\(command.scene)\"; known scenes: \(catalog.names.joined(separator: ", "))")
        }
        if let data = command.data.first {
            // Read it once here so a bad file gets the CSV reader's precise message.
            _ = try CSVTable(contentsOf: data)
        }
        var options = sceneOptions(checked)
        options.steps = command.steps
        options.every = command.every
        options.learningRate = command.lr
        options.seed = command.seed
        options.dataPath = command.data.first
        options.sgd = command.sgd
        options.example = command.example

        let scene: any AnimationScene
        do {
            scene = try catalog.makeScene(command.scene, options: options)
        } catch TrainingError.diverged(let step) {
            let rate = command.lr.map { " than \(PlotOptions.format($0))" } ?? ""
            throw CLIError.failure("training diverged at step \(step) (the loss exploded or became NaN or infinite); try a smaller learning rate\(rate) with --lr")
        }
        let run = recordedRun(of: scene)
        if logTarget != nil && run == nil {
            throw CLIError.usage("--log: scene \"\(command.scene)\" does not record a training history")
        }
        try render(scene, checked: checked)
        if let logTarget, let run {
            try run.makeHistory().writeCSV(to: logTarget)
            Report.line("wrote \(logTarget): \(run.steps.count) recorded steps (step,loss,\((run.parameterNames + run.metricNames).joined(separator: ",")))", quiet: checked.quiet)
        }
    }

    static func render(_ command: RenderCommand) throws {
        let checked = try check(command.common)
        let catalog = SceneCatalogSource.catalog
        guard let entry = catalog.entry(command.scene) else {
            throw CLIError.usage("unknown scene \"\(command.scene)\"; known scenes: \(catalog.names.joined(separator: ", "))")
        }
        guard entry.rendersHistory else {
            let able = catalog.names.filter { catalog.entry($0)?.rendersHistory == true }
            throw CLIError.usage("--scene \(command.scene): cannot be drawn from a history; use one of \(able.joined(separator: ", "))")
        }
        // Check the file with the CSV reader first: precise messages for missing, empty or broken files.
        let table = try CSVTable(contentsOf: command.history, options: CSVReadOptions(header: .present))
        guard table.columnNames.count >= 2, table.columnNames[0] == "step", table.columnNames[1] == "loss" else {
            throw CLIError.failure("\(command.history): a history starts with the columns step,loss (found \(table.columnNames.prefix(3).joined(separator: ",")))")
        }
        // The split between parameter and metric columns is not in the file: try the widest
        // parameter set first, and report the first failure if none fits the scene.
        let extra = table.columnNames.count - 2
        var firstError: Error? = nil
        for parameterCount in stride(from: extra, through: 0, by: -1) {
            let history = try TrainingHistory.readCSV(from: command.history, parameterCount: parameterCount)
            var options = sceneOptions(checked)
            options.history = RecordedRun(history)
            do {
                let scene = try catalog.makeScene(command.scene, options: options)
                try render(scene, checked: checked)
                return
            } catch let error as AnimationError {
                if case .unusableHistory = error {
                    if firstError == nil { firstError = error }
                    continue
                }
                throw error
            }
        }
        throw CLIError.failure("\(command.history): \(firstError.map { String(describing: $0) } ?? "no usable rows")")
    }

    /// Renders to the checked output and prints a summary.
    static func render(_ scene: any AnimationScene, checked: Checked) throws {
        let renderer = FrameRenderer(scene: scene, scale: checked.scale, progress: checked.quiet ? .quiet : .automatic)
        let summary: RenderSummary
        switch checked.output.format {
        case .folder:
            let range = try checked.frames.map { try FrameRange.parse($0, frameCount: scene.frameCount) }
            summary = try renderer.renderPNGSequence(to: checked.output.path, frames: range)
        default:
            var video = VideoOptions()
            video.framesPerSecond = checked.fps
            summary = try renderer.renderVideo(to: checked.output.path, options: video)
        }
        let width = Int(scene.size.width * checked.scale), height = Int(scene.size.height * checked.scale)
        var text = "wrote \(checked.output.path): \(scene.name), \(summary.framesRendered) frame\(summary.framesRendered == 1 ? "" : "s") \(width)x\(height)"
        if summary.framesSkipped > 0 { text += " (\(summary.framesSkipped) already complete, kept)" }
        text += String(format: " in %.1f s", summary.seconds)
        Report.line(text, quiet: checked.quiet)
        Report.notes(summary.notes, quiet: checked.quiet)
    }

    /// `--log FILE.csv`: checked like an output file.
    static func logOutput(_ path: String) throws -> String {
        let ext = OutputTarget.pathExtension(path)
        guard ext == "csv" else {
            throw CLIError.usage("--log \(path): the history is written as CSV; use a .csv file name")
        }
        var target = OutputTarget(path: path, format: .png)
        target.format = .png
        try target.checkWritable()
        return path
    }

    /// The training history a scene was built from, if it keeps one.
    static func recordedRun(of scene: any AnimationScene) -> RecordedRun? {
        if let animation = scene as? Animation { return animation.run }
        if let animation = scene as? FigureAnimation { return animation.run }
        for child in Mirror(reflecting: scene).children {
            if let run = child.value as? RecordedRun { return run }
        }
        return nil
    }
}
