import Foundation
import FrameplotAnimation
import FrameplotCanvas
import FrameplotModel
import FrameplotScenes

/// Runs the animation commands through the scene catalog and the frame renderer.
enum SceneRendering {
    /// Animation options after checking, before any training or drawing.
    struct Checked {
        var output: OutputTarget
        var settings: SceneSettings
        var frames: String?
        var quiet: Bool
    }

    static func check(_ options: AnimationOutputOptions) throws -> Checked {
        if let frames = options.frames { try FrameRangeOption.check(frames) }
        let output = try OutputTarget.animation(options.output, frameFormat: options.format)
        if options.frames != nil && output.format != .folder {
            throw CLIError.usage("--frames works with a folder of PNG frames, not \(output.format.phrase)")
        }
        if options.scale != .one && (output.format == .pdf || output.format == .svgFolder) {
            throw CLIError.usage("--scale \(options.scale): PDF pages and SVG frames are vectors, which have no pixel density; --size sets their size")
        }
        if options.easing != nil && options.tween == nil {
            throw CLIError.usage("--easing sets how the in-between frames of --tween move; give --tween K too")
        }
        if let size = options.size { _ = try options.settings.pixelSize(of: size.size) }
        return Checked(output: output, settings: options.settings, frames: options.frames, quiet: options.quiet)
    }

    /// The catalog entry of `name`, or a usage error listing the known scenes.
    static func entry(_ name: String) throws -> SceneCatalog.Entry {
        let catalog = SceneCatalog.standard
        guard let entry = catalog.entry(name) else {
            throw CLIError.usage("unknown scene \"\(SceneText.clipped(name))\"; known scenes: \(catalog.names.joined(separator: ", ")) (see 'frameplot scenes')")
        }
        return entry
    }

    static func animate(_ command: AnimateCommand) throws {
        let checked = try check(command.common)
        let entry = try entry(command.scene)
        let logTarget = try command.log.map { try logOutput($0) }
        if logTarget != nil && !entry.rendersHistory {
            throw CLIError.usage("--log: scene \(entry.name) records no training history")
        }
        let scene: PreparedScene
        do {
            scene = try entry.makeScene(arguments: command.sceneOptions, settings: checked.settings)
        } catch TrainingError.diverged(let step) {
            throw CLIError.failure("training diverged at step \(step) (the loss exploded or became NaN or infinite); try a smaller learning rate with --lr")
        } catch let error as CSVError {
            throw dataError(error)
        }
        try render(scene, checked: checked)
        guard let logTarget else { return }
        let jsonLines = OutputTarget.pathExtension(logTarget) == "jsonl"
        let columns: [String], rows: Int
        if let log = scene.historyLog {
            try jsonLines ? log.writeJSONLines(to: logTarget) : log.writeCSV(to: logTarget)
            (columns, rows) = (["step"] + log.columnNames, log.rowCount)
        } else if let run = scene.recordedRun {
            let history = run.makeHistory()
            try jsonLines ? history.writeJSONLines(to: logTarget) : history.writeCSV(to: logTarget)
            (columns, rows) = (["step", "loss"] + run.parameterNames + run.metricNames, run.steps.count)
        } else {
            return
        }
        Report.line("wrote \(logTarget): \(rows) recorded steps (\(SceneText.clipped(columns.joined(separator: ","), limit: 120)))", quiet: checked.quiet)
    }

    static func render(_ command: RenderCommand) throws {
        let checked = try check(command.common)
        let entry = try entry(command.scene)
        guard entry.rendersHistory else {
            let able = SceneCatalog.standard.names.filter { SceneCatalog.standard.entry($0)?.rendersHistory == true }
            throw CLIError.usage("--scene \(entry.name): records no training history, so it cannot draw one; use one of \(able.joined(separator: ", "))")
        }
        // Usage errors first: the options are checked before the history is read.
        try entry.checkArguments(command.sceneOptions, rendering: true)
        let scene: PreparedScene
        do {
            let history = try HistoryInput(file: command.history)
            scene = try entry.makeScene(arguments: command.sceneOptions, settings: checked.settings, history: history)
        } catch let error as CSVError {
            throw dataError(error)
        }
        try render(scene, checked: checked)
    }

    /// A data or history file's cell problem as it is: scenes have no --drop-invalid to suggest.
    static func dataError(_ error: CSVError) -> CLIError {
        .failure(error.description)
    }

    /// Renders to the checked output and prints a summary.
    static func render(_ scene: PreparedScene, checked: Checked) throws {
        let scale = checked.settings.scale.value
        let renderer = FrameRenderer(scene: scene, scale: scale, progress: checked.quiet ? .quiet : .automatic)
        let summary: RenderSummary
        switch checked.output.format {
        case .folder:
            let range = try checked.frames.map { try FrameRange.parse($0, frameCount: scene.frameCount) }
            summary = try renderer.renderPNGSequence(to: checked.output.path, frames: range)
        case .pdf, .svgFolder:
            return try renderVector(scene, renderer: renderer, checked: checked)
        default:
            var video = VideoOptions()
            video.framesPerSecond = checked.settings.framesPerSecond?.value
            summary = try renderer.renderVideo(to: checked.output.path, options: video)
        }
        let pixels = try checked.settings.pixelSize(of: scene.size)
        var text = "wrote \(checked.output.path): \(scene.name), \(summary.framesRendered) frame\(summary.framesRendered == 1 ? "" : "s") \(pixels.width)x\(pixels.height)"
        if summary.framesSkipped > 0 { text += " (\(summary.framesSkipped) already complete, kept)" }
        text += String(format: " in %.1f s", summary.seconds)
        Report.line(text, quiet: checked.quiet)
        Report.notes(summary.notes, quiet: checked.quiet)
    }

    /// Renders PDF pages or SVG frames and prints a summary; for a PDF also the LaTeX line
    /// that plays it.
    static func renderVector(_ scene: PreparedScene, renderer: FrameRenderer, checked: Checked) throws {
        let path = checked.output.path
        let pdf = checked.output.format == .pdf
        let summary = pdf ? try renderer.renderPDF(to: path) : try renderer.renderSVGSequence(to: path)
        let count = summary.framesRendered
        let size = "\(SceneText.number(scene.size.width))x\(SceneText.number(scene.size.height)) pt"
        let what = pdf ? "\(count) page\(count == 1 ? "" : "s") of \(size)" : "\(count) SVG frame\(count == 1 ? "" : "s") of \(size)"
        Report.line("wrote \(path): \(scene.name), \(what)" + String(format: " in %.1f s", summary.seconds), quiet: checked.quiet)
        if pdf {
            let fps = checked.settings.framesPerSecond?.value ?? scene.framesPerSecond
            Report.line("play it in LaTeX Beamer (\\usepackage{animate}): "
                        + FrameRenderer.animateGraphicsLine(forPDF: path, framesPerSecond: fps, pageCount: count), quiet: checked.quiet)
        }
    }

    /// `--log FILE.csv` or `FILE.jsonl`: checked like an output file.
    static func logOutput(_ path: String) throws -> String {
        let ext = OutputTarget.pathExtension(path)
        guard ext == "csv" || ext == "jsonl" else {
            throw CLIError.usage("--log \(OutputTarget.shown(path)): the history is written as CSV or JSON lines; use a .csv or .jsonl file name")
        }
        try OutputTarget(path: path, format: .png).checkWritable(option: "--log")
        return path
    }
}
