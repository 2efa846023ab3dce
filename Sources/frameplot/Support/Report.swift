import Foundation

/// Short summaries on stdout (silenced by `--quiet`).
enum Report {
    static func wrote(_ path: String, options: CheckedPlotOptions, detail: String) {
        guard !options.quiet else { return }
        let pixels = options.output.format == .png
            ? " (\(Int(Double(options.size.width) * options.scale))x\(Int(Double(options.size.height) * options.scale)) px)"
            : ""
        print("wrote \(path)\(pixels): \(detail)")
    }

    static func line(_ text: String, quiet: Bool) {
        guard !quiet else { return }
        print(text)
    }

    /// Something the person should know about a finished render (one line each, on stderr).
    static func notes(_ notes: [String], quiet: Bool) {
        guard !quiet else { return }
        for note in notes { FrameplotCLI.printError("note: " + note) }
    }
}
