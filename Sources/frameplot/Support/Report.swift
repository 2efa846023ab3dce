import Foundation
import FrameplotCanvas

/// Short summaries on stdout (silenced by `--quiet`).
enum Report {
    static func wrote(_ path: String, options: CheckedPlotOptions, detail: String) {
        guard !options.quiet else { return }
        var pixels = ""
        if options.output.format == .png,
           let size = try? CanvasLimits.pixelSize(width: Double(options.size.width), height: Double(options.size.height), scale: options.scale) {
            pixels = " (\(size.width)x\(size.height) px)"
        }
        print("wrote \(path)\(pixels): \(detail)")
    }

    /// `n` and a noun in the right number: "1 point", "2 points", "1 class", "3 classes".
    ///
    /// ```swift
    /// Report.count(1, "point")   // "1 point"
    /// ```
    static func count(_ n: Int, _ noun: String) -> String {
        guard n != 1 else { return "1 \(noun)" }
        let plural = noun.hasSuffix("s") || noun.hasSuffix("x") || noun.hasSuffix("ch") || noun.hasSuffix("sh") ? noun + "es" : noun + "s"
        return "\(n) \(plural)"
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
