import ArgumentParser
import Foundation

/// Options shared by `animate` and `render`.
struct AnimationOutputOptions: ParsableArguments {
    @Option(name: [.short, .customLong("output")], help: ArgumentHelp(
        "A folder for PNG frames (frame_00000.png … and manifest.json), or a .mp4 or .gif file.",
        valueName: "dir|file.mp4|file.gif"))
    var output: String

    @Option(help: ArgumentHelp("Frame size in pixels at scale 1 (default: the scene's).", valueName: "WxH"))
    var size: String?

    @Option(help: ArgumentHelp("Pixel density: 2 draws twice the pixels with the same layout.", valueName: "S"))
    var scale: Double = 1

    @Option(help: ArgumentHelp("Look of the frames: default, slides or dark.", valueName: "name"))
    var theme: String?

    @Option(help: ArgumentHelp("Frames per second of the video (default: the scene's).", valueName: "F"))
    var fps: Double?

    @Option(help: ArgumentHelp("Render only these frames (PNG folders), e.g. 0..49 or 50.. .", valueName: "A..B"))
    var frames: String?

    @Flag(help: "Print nothing but errors (no progress bar).")
    var quiet = false
}

/// `frameplot animate`: render a built-in scene.
struct AnimateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "animate",
        abstract: "Render a built-in training animation as PNG frames, MP4 or GIF.",
        discussion: """
        Scenes: gd-locus (gradient descent on the loss surface of a line fit; --sgd for one-sample SGD), linreg, logistic, mlp, gd1d, backprop (--example shopping for the shopping example).

        PNG frames go into a folder with a manifest; rendering again skips frames that are already complete, and --frames renders a part only. MP4 and GIF need ffmpeg (Debian package: ffmpeg).

        Examples:
          frameplot animate gd-locus -o Output/gd-locus.mp4
          frameplot animate gd-locus --sgd --seed 3 --log sgd.csv -o Output/sgd
          frameplot animate logistic --steps 400 --every 2 --lr 0.1 --fps 30 -o logistic.gif
        """
    )

    @Argument(help: ArgumentHelp("The scene: gd-locus, linreg, logistic, mlp, gd1d or backprop.", valueName: "scene"))
    var scene: String

    @Flag(help: "One-sample stochastic gradient descent instead of full batch (gd-locus).")
    var sgd = false

    @Option(help: ArgumentHelp("A named variant, e.g. shopping for backprop.", valueName: "name"))
    var example: String?

    @Option(help: ArgumentHelp("A CSV file with the data to train on instead of the built-in set.", valueName: "file.csv"))
    var data: [String] = []

    @Option(help: ArgumentHelp("Training steps.", valueName: "N"))
    var steps: Int?

    @Option(help: ArgumentHelp("Record every K-th step as a frame.", valueName: "K"))
    var every: Int?

    @Option(help: ArgumentHelp("Learning rate.", valueName: "rate"))
    var lr: Double?

    @Option(help: ArgumentHelp("Seed for data, initial weights and SGD order.", valueName: "S"))
    var seed: UInt64?

    @Option(help: ArgumentHelp("Also write the recorded history as CSV (step,loss,<parameters>,<metrics>).", valueName: "history.csv"))
    var log: String?

    @OptionGroup var common: AnimationOutputOptions

    func run() throws {
        try SceneRendering.animate(self)
    }
}

/// `frameplot render`: draw a scene from a recorded history without training.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Re-render a recorded training history (from animate --log) without training.",
        discussion: """
        Draws the frames of a scene from a history CSV (header step,loss,<parameters>,<metrics>), for example at another size, theme or frame rate.

        Example:
          frameplot animate gd-locus --log run.csv -o Output/gd-locus
          frameplot render run.csv --scene gd-locus --size 1600x800 --theme dark -o gd-locus-dark.mp4
        """
    )

    @Argument(help: ArgumentHelp("The history CSV written by animate --log.", valueName: "history.csv"))
    var history: String

    @Option(help: ArgumentHelp("The scene to draw it with.", valueName: "scene"))
    var scene: String

    @OptionGroup var common: AnimationOutputOptions

    func run() throws {
        try SceneRendering.render(self)
    }
}
