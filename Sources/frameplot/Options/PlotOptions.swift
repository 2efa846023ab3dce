import ArgumentParser
import Foundation
import FrameplotAnimation
import FrameplotModel
import FrameplotPlot

/// Options shared by the plotting commands (`scatter`, `line`, `curve`, `regions`).
struct PlotOptions: ParsableArguments {
    @Option(name: [.short, .customLong("output")], help: ArgumentHelp(
        "The file to write; the format comes from the extension: .png, .pdf or .svg.",
        valueName: "file"))
    var output: String

    @Option(parsing: .unconditional, help: ArgumentHelp("Figure size in layout units (pixels at scale 1), from 16 to 8192 (default: 800x600).", valueName: "WxH"),
            transform: FrameSize.init(parsing:))
    var size: FrameSize?

    @Option(help: ArgumentHelp("Pixel density: 2 draws twice the pixels with the same layout (PNG, and the images of rasterized marks in PDF/SVG), 0.25 to 8 (default: 1).", valueName: "S"),
            transform: RenderScale.init(parsing:))
    var scale: RenderScale = .one

    @Option(help: ArgumentHelp("Look of the figure: default, slides or dark (default: default).", valueName: "name"), transform: ThemeName.init(parsing:))
    var theme: ThemeName = .default

    @Option(help: ArgumentHelp("Title; any Unicode, with $…$ for simple maths such as $x_1^2$.", valueName: "text"))
    var title: String?

    @Option(help: ArgumentHelp("Label of the x axis (default: the column name).", valueName: "text"))
    var xlabel: String?

    @Option(help: ArgumentHelp("Label of the y axis (default: the column name).", valueName: "text"))
    var ylabel: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Limits of the x axis, e.g. --xlim=-1,7.", valueName: "A,B"))
    var xlim: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Limits of the y axis, e.g. --ylim 0,10.", valueName: "A,B"))
    var ylim: String?

    @Flag(name: .customLong("log-x"), help: "Logarithmic x axis (values must be positive).")
    var logX = false

    @Flag(name: .customLong("log-y"), help: "Logarithmic y axis (values must be positive).")
    var logY = false

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Flag(name: .customLong("drop-invalid"), help: "Drop rows with an empty, NaN, infinite or too large (beyond ±1e100) value in a column used (class labels included) instead of stopping.")
    var dropInvalid = false

    @Option(help: ArgumentHelp("PDF/SVG only: draw dense points and lines as an embedded image under vector axes: auto (over 10000 points), always or never.", valueName: "auto|always|never"))
    var rasterize: String?

    @Option(help: ArgumentHelp(
        "The data file's encoding: utf-8, utf-16 (utf-16le, utf-16be), shift_jis or cp932 (Japanese Excel). Default: detected.",
        valueName: "name"))
    var encoding: String?
}

/// The checked form of ``PlotOptions``.
struct CheckedPlotOptions {
    var output: OutputTarget
    var size: PlotSize
    var scale: Double
    var theme: ThemeName
    var title: String?
    var xlabel: String?
    var ylabel: String?
    var xlim: ClosedRange<Double>?
    var ylim: ClosedRange<Double>?
    var logX: Bool
    var logY: Bool
    var quiet: Bool
    var dropInvalid: Bool
    var rasterization: Rasterization = .automatic
    var encoding: CSVEncoding = .automatic
}

extension PlotOptions {
    /// Checks every option before any data is read or anything is drawn.
    func checked() throws -> CheckedPlotOptions {
        let output = try OutputTarget.figure(output)
        let size = size ?? .standardFigure
        _ = try SceneSettings.pixelSize(of: size.size, scale: scale)
        let plotSize = PlotSize(size)
        let xlim = try xlim.map { try AxisRangeOption.parse($0, option: "--xlim", logarithmic: logX) }
        let ylim = try ylim.map { try AxisRangeOption.parse($0, option: "--ylim", logarithmic: logY) }
        let rasterization = try rasterize.map { try Self.rasterization($0, output: output) } ?? .automatic
        let encoding = try encoding.map(EncodingOption.parse) ?? .automatic
        return CheckedPlotOptions(
            output: output, size: plotSize, scale: scale.value, theme: theme, title: title,
            xlabel: xlabel, ylabel: ylabel, xlim: xlim, ylim: ylim,
            logX: logX, logY: logY, quiet: quiet, dropInvalid: dropInvalid,
            rasterization: rasterization, encoding: encoding)
    }

    /// `--rasterize auto|always|never`, which only vector output can use.
    static func rasterization(_ text: String, output: OutputTarget) throws -> Rasterization {
        let value = text.lowercased() == "auto" ? Rasterization.automatic : Rasterization(rawValue: text.lowercased())
        guard let value else { throw CLIError.usage("--rasterize \(text): expected auto, always or never") }
        guard output.format == .pdf || output.format == .svg else {
            throw CLIError.usage("--rasterize applies to PDF and SVG output; \(output.path) is a PNG, which is pixels anyway")
        }
        return value
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
