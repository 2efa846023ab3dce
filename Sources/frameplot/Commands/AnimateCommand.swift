import ArgumentParser
import Foundation
import FrameplotAnimation
import FrameplotModel
import FrameplotScenes

/// Options shared by `animate` and `render`: where to write and the settings every scene shares.
struct AnimationOutputOptions: ParsableArguments {
    @Option(name: [.short, .customLong("output")], help: ArgumentHelp(
        "A folder for PNG frames (frame_00000.png … and manifest.json), a .mp4 or .gif file, or a .pdf with one vector page per frame (for LaTeX Beamer).",
        valueName: "dir|file.mp4|file.gif|file.pdf"))
    var output: String

    @Option(help: ArgumentHelp("The frame files of a folder: png, or svg for one vector SVG per frame (default: png).", valueName: "png|svg"))
    var format: String?

    @Option(help: ArgumentHelp("Frame size in pixels at scale 1, each side 16 to 8192 (default: the scene's).", valueName: "WxH"),
            transform: FrameSize.init(parsing:))
    var size: FrameSize?

    @Option(help: ArgumentHelp("Pixel density: 2 draws twice the pixels with the same layout, 0.25 to 8 (default: 1).", valueName: "S"),
            transform: RenderScale.init(parsing:))
    var scale: RenderScale = .one

    @Option(help: ArgumentHelp("Look of the frames: default, slides or dark (default: default).", valueName: "name"), transform: ThemeName.init(parsing:))
    var theme: ThemeName = .default

    @Option(help: ArgumentHelp("Frames per second of the video, more than 0 and at most 240 (default: the scene's).", valueName: "F"),
            transform: FrameRate.init(parsing:))
    var fps: FrameRate?

    @Option(help: ArgumentHelp("Render only these frames (PNG folders), e.g. 0..49 or 50.. .", valueName: "A..B"))
    var frames: String?

    @Option(help: ArgumentHelp("Interpolated frames between every two recorded states, 1 to 100: (n−1)(K+1)+1 frames in all (default: none).",
                               valueName: "K"), transform: { try Tween(parsing: $0) })
    var tween: Tween?

    @Option(help: ArgumentHelp("How --tween's frames move: linear or cubic (slow in and out) (default: linear).", valueName: "name"),
            transform: Tween.easing(parsing:))
    var easing: TweenEasing?

    @Flag(help: "Print nothing but errors (no progress bar).")
    var quiet = false

    /// The settings every scene shares.
    var settings: SceneSettings {
        var eased = tween
        eased?.easing = easing ?? .linear
        return SceneSettings(size: size, scale: scale, theme: theme, framesPerSecond: fps, tween: eased)
    }
}

/// `frameplot animate`: train a built-in scene and render it.
struct AnimateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "animate",
        abstract: "Train a built-in scene and render it as PNG or SVG frames, MP4, GIF or a PDF of vector pages.",
        discussion: """
        Each scene takes its own options, written after its name; an option the scene does not use is refused with the list of those it does take. `frameplot scenes` lists every scene with its options and the columns of its history.

        \(SceneListing.optionSummary(SceneCatalog.standard, rendering: false))

        PNG frames go into a folder with a manifest; rendering again keeps the frames that would be drawn the same, and --frames renders a part only. MP4 and GIF need ffmpeg (Debian package: ffmpeg). A .pdf gets one vector page per frame, the page size in points equal to --size, and the command prints the \\animategraphics line (LaTeX package animate) that plays it in Beamer; --format svg writes one SVG per frame into the folder, sized in pixels like the PNG frames. --log writes the recorded training history (CSV, or JSON lines for .jsonl), which `frameplot render` draws again without training.

        Examples:
          frameplot animate gd-locus -o Output/gd-locus.mp4
          frameplot animate gd-locus -o Output/gd-locus.pdf
          frameplot animate gd-locus --sgd --seed 3 --log sgd.csv -o Output/sgd
          frameplot animate linreg --data heights.csv --x 身長 --y 体重 -o linreg.gif
          frameplot animate logistic --data points.csv --x x1 --y x2 --label class --log run.csv -o logistic
        """
    )

    @Argument(help: ArgumentHelp("The scene (see `frameplot scenes`).", valueName: "scene"))
    var scene: String

    @Option(help: ArgumentHelp("Also write the recorded history: step,loss,<parameters>,<metrics> as CSV, or JSON lines for a .jsonl file.",
                               valueName: "history.csv"))
    var log: String?

    @OptionGroup var common: AnimationOutputOptions

    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The scene's own options, e.g. --steps 400 --lr 0.1 (see `frameplot scenes`).",
                                                            valueName: "scene options"))
    var sceneOptions: [String] = []

    func run() throws {
        try SceneRendering.animate(self)
    }
}

/// `frameplot render`: draw a scene from a recorded history without training.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw a recorded training history (from animate --log or your own loop) with a scene, without training.",
        discussion: """
        The history is a CSV or JSON-lines file with a column per value: step, loss and the scene's parameters, by name and in any order; other columns are ignored, and a step may be written 0.0. `frameplot scenes` lists each scene's columns and what they mean; docs/history-format.md has a numpy example.

        A scene that draws data draws the built-in data only for a history recorded on it (its loss column must be the built-in data's loss at every row); for a history of your own data give that data with --data FILE --x COL --y COL (and --label COL for classifiers). Options that shape the training (--steps, --lr, …) do not apply.

        \(SceneListing.optionSummary(SceneCatalog.standard, rendering: true))

        Examples:
          frameplot animate gd-locus --log run.csv -o Output/gd-locus
          frameplot render run.csv --scene gd-locus --size 1600x800 --theme dark -o gd-locus-dark.mp4
          frameplot render numpy-history.csv --scene gd-locus --data data.csv --x hours --y score -o mine.gif
        """
    )

    @Argument(help: ArgumentHelp("The history: CSV or JSON lines.", valueName: "history.csv"))
    var history: String

    @Option(help: ArgumentHelp("The scene to draw it with (see `frameplot scenes`).", valueName: "scene"))
    var scene: String

    @OptionGroup var common: AnimationOutputOptions

    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The scene's drawing options, e.g. --data FILE --x COL --y COL.",
                                                            valueName: "scene options"))
    var sceneOptions: [String] = []

    func run() throws {
        try SceneRendering.render(self)
    }
}
