import ArgumentParser
import Foundation

/// `frameplot demo`: the gallery and every built-in animation.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Render the gallery and every built-in animation into Output/.",
        discussion: """
        Writes the gallery figures (PNG, PDF, SVG), the frames of every built-in animation with an MP4 and a GIF of each (when ffmpeg is installed), and the backpropagation diagrams and animation. Prints a summary of what it wrote.

        Examples:
          frameplot demo
          frameplot demo --out /tmp/frameplot --only gallery --only gd-locus
        """
    )

    @Option(help: ArgumentHelp("The folder to write into (created if missing).", valueName: "dir"))
    var out: String = "Output"

    @Option(help: ArgumentHelp("Render only this part (repeatable): gallery, backprop, or a scene name.", valueName: "name"))
    var only: [String] = []

    @Flag(help: "Print only the final summary.")
    var quiet = false

    func run() throws {
        try DemoRendering.run(self)
    }
}

