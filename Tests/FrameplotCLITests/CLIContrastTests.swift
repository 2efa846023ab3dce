import Foundation
import Synchronization
import Testing
import FrameplotCanvas
import FrameplotModel
import FrameplotPlot
@testable import frameplot

/// Every plotting command's figure, in every theme, keeps each mark at 3:1 against what is
/// around it (``ContrastAudit``): run in process, with the figures observed before saving.
@Suite("CLI: contrast of every command's figure")
struct CLIContrastTests {
    /// Runs `frameplot arguments…` in this process and returns the figures it drew.
    func figures(_ arguments: [String]) throws -> [Figure] {
        let seen = Mutex<[Figure]>([])
        try FigureRendering.$observer.withValue({ figure in seen.withLock { $0.append(figure) } }) {
            var command = try FrameplotCLI.parseAsRoot(arguments)
            try command.run()
        }
        return seen.withLock { $0 }
    }

    static let commands: [(String, [String])] = [
        ("scatter --by --fit line", ["scatter", "classes.csv", "--x", "x", "--y", "y", "--by", "kind", "--fit", "line"]),
        ("scatter --by --fit poly:2", ["scatter", "classes.csv", "--x", "x", "--y", "y", "--by", "kind", "--fit", "poly:2"]),
        ("scatter --fit line", ["scatter", "classes.csv", "--x", "x", "--y", "y", "--fit", "line"]),
        ("line", ["line", "log.csv", "--x", "step", "--y", "loss,val_loss"]),
        ("curve", ["curve", "log.csv", "--x", "step", "--y", "loss,val_loss"]),
        ("curve --smooth", ["curve", "log.csv", "--x", "step", "--y", "loss,val_loss", "--smooth", "0.8"]),
        ("curve --smooth-window", ["curve", "log.csv", "--x", "step", "--y", "loss", "--smooth-window", "20", "--log-y"]),
        ("regions", ["regions", "classes.csv", "--x", "x", "--y", "y", "--label", "kind", "--model", "softmax"]),
    ]

    @Test(arguments: ["default", "slides", "dark"])
    func everyCommandInEveryTheme(theme: String) throws {
        let sandbox = try CLISandbox()
        defer { sandbox.remove() }
        try sandbox.write("classes.csv", Fixtures.classes)
        try sandbox.write("log.csv", Fixtures.log)
        for (name, arguments) in Self.commands {
            let out = sandbox.path("out.png")
            let drawn = try figures(arguments.map { $0.hasSuffix(".csv") ? sandbox.path($0) : $0 }
                                    + ["--theme", theme, "--quiet", "-o", out])
            #expect(drawn.count == 1, "\(name)")
            for figure in drawn {
                let audit = try ContrastAudit(figure: figure)
                #expect(!audit.findings.isEmpty)
                #expect(audit.failures.isEmpty, "\(name) --theme \(theme): \(audit.failures)")
            }
        }
    }

    /// The smoothed line over its own faint raw series: a halo in the panel's colour parts
    /// them, so the line stands out in the dark theme too (same hue as its band).
    @Test func smoothedLineHasAHaloOverItsRawBand() throws {
        let sandbox = try CLISandbox()
        defer { sandbox.remove() }
        try sandbox.write("log.csv", Fixtures.log)
        let arguments = Self.commands[5].1.map { $0.hasSuffix(".csv") ? sandbox.path($0) : $0 }
        let figure = try #require(try figures(arguments + ["--theme", "dark", "--quiet", "-o", sandbox.path("s.png")]).first)
        let lines = figure.axes.marks.compactMap { $0 as? LineMark }
        let smoothed = lines.indices.filter { lines[$0].label?.contains("smoothed") ?? false }
        #expect(smoothed.count == 2)
        for i in smoothed {
            let halo = lines[i - 1]
            #expect(halo.ys == lines[i].ys && halo.emphasis == .deemphasized)
            #expect((halo.width ?? 0) >= (lines[i].width ?? 0) + 2)
            let raw = lines[i - 2]
            #expect(raw.ys != lines[i].ys && raw.emphasis == .deemphasized, "the raw series first, then the halo")
        }
    }

    /// Twelve classes: twelve different colours, each at 3:1 in every theme.
    @Test func moreClassesThanThePaletteKeepContrastAndStayDistinct() throws {
        let sandbox = try CLISandbox()
        defer { sandbox.remove() }
        var text = "x,y,kind\n"
        for k in 0..<12 { for i in 0..<4 { text += "\(i + k * 5),\(k * 2 + i % 2),c\(k)\n" } }
        try sandbox.write("many.csv", text)
        for theme in ["default", "slides", "dark"] {
            let figure = try #require(try figures(["scatter", sandbox.path("many.csv"), "--x", "x", "--y", "y", "--by", "kind",
                                                   "--theme", theme, "--quiet", "-o", sandbox.path("m.png")]).first)
            let colors = (0..<12).map { figure.theme.palette.color($0) }
            #expect(Set(colors).count == 12, "--theme \(theme)")
            let audit = try ContrastAudit(figure: figure)
            #expect(audit.failures.isEmpty, "--theme \(theme): \(audit.failures)")
        }
    }

    /// A decision-region figure full of points: the class legend (titled by the label column)
    /// goes beside the plot rather than over them.
    @Test func regionsLegendCoversNoPoint() throws {
        let sandbox = try CLISandbox()
        defer { sandbox.remove() }
        var text = "長さ,幅,種類\n"
        for i in 0...24 { for j in 0...24 { text += "\(i),\(j),\(i + j < 24 ? "a" : "b")\n" } }
        try sandbox.write("filled.csv", text)
        let figure = try #require(try figures(["regions", sandbox.path("filled.csv"), "--x", "長さ", "--y", "幅", "--label", "種類",
                                               "--quiet", "-o", sandbox.path("r.png")]).first)
        let legend = try #require(figure.layout(measuringWith: try ImageCanvas(width: 8, height: 8)).panels[0].legend)
        #expect(legend.placement == .outsideRight)
        #expect(legend.title?.text == "種類" && legend.rows.map(\.label.text) == ["a", "b"])
    }

    /// Issue 14's case: the fitted line over class-coloured points, alone, in every theme.
    @Test func fittedLineOverClassesStandsOut() throws {
        let sandbox = try CLISandbox()
        defer { sandbox.remove() }
        try sandbox.write("classes.csv", Fixtures.classes)
        for theme in ["default", "slides", "dark"] {
            let arguments = Self.commands[0].1.map { $0.hasSuffix(".csv") ? sandbox.path($0) : $0 }
            let figure = try #require(try figures(arguments + ["--theme", theme, "--quiet", "-o", sandbox.path("f.png")]).first)
            let audit = try ContrastAudit(figure: figure)
            let fit = try #require(audit.findings.first { $0.subject == "StraightLineMark" })
            #expect(fit.medianRatio >= 3 && fit.passingShare >= 0.9, "--theme \(theme): \(fit)")
        }
    }
}

/// Small deterministic data sets for the commands.
enum Fixtures {
    /// Three classes of 30 points along a rising trend.
    static let classes: String = {
        var rng = SeededGenerator(seed: 1)
        var rows = ["x,y,kind"]
        for (k, (cx, cy)) in [(0.0, 0.0), (3.0, 2.0), (1.0, 4.0)].enumerated() {
            for _ in 0..<30 {
                let x = cx + rng.nextNormal()
                rows.append(String(format: "%.3f,%.3f,%@", x, 0.5 * x + cy + 0.7 * rng.nextNormal(), ["a", "b", "c"][k]))
            }
        }
        return rows.joined(separator: "\n") + "\n"
    }()

    /// A noisy training log with two loss columns.
    static let log: String = {
        var rng = SeededGenerator(seed: 2)
        var rows = ["step,loss,val_loss"]
        for s in 0..<200 {
            let t = Double(s)
            rows.append(String(format: "%d,%.4f,%.4f", s, 2 * exp(-t / 50) + 0.1 + 0.2 * rng.nextUniform(),
                               2.2 * exp(-t / 60) + 0.2 + 0.1 * rng.nextUniform()))
        }
        return rows.joined(separator: "\n") + "\n"
    }()
}
