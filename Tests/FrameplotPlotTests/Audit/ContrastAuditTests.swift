import Testing
import FrameplotCanvas
@testable import FrameplotPlot

@Suite("Contrast audit of rendered figures")
struct ContrastAuditTests {
    func figure(_ theme: Theme) -> Figure {
        var fig = Figure(width: 320, height: 240, theme: theme)
        fig.axes.x.limits = AxisLimits(lower: 0, upper: 10)
        fig.axes.y.limits = AxisLimits(lower: 0, upper: 10)
        return fig
    }

    func finding(_ audit: ContrastAudit, _ subject: String) throws -> ContrastAudit.Finding {
        try #require(audit.findings.first { $0.subject == subject }, "no \(subject) in \(audit.findings)")
    }

    @Test(arguments: [1.0, 2.0])
    func anInvisibleLineFailsAndTheThemeRolePasses(scale: Double) throws {
        var fig = figure(.dark)
        fig.scale = scale
        fig.axes.straightLine(slope: 0.5, intercept: 2, color: Color(hex: 0x222222), width: 2)
        let invisible = try finding(try ContrastAudit(figure: fig), "StraightLineMark")
        #expect(invisible.passingShare < 0.1 && invisible.medianRatio < 1.2, "\(invisible)")
        fig = figure(.dark)
        fig.scale = scale
        fig.axes.straightLine(slope: 0.5, intercept: 2, color: .fit, width: 2)
        let audit = try ContrastAudit(figure: fig)
        #expect(audit.failures.isEmpty, "\(audit.failures)")
        #expect(try finding(audit, "StraightLineMark").medianRatio > 10)
    }

    @Test func deemphasizedMarksAndBackdropsAreNotHeldToTheMinimum() throws {
        var fig = figure(.default)
        fig.axes.line(xs: [0, 10], ys: [5, 6], color: .deemphasized(Color(hex: 0xeeeeee)))
        fig.axes.verticalSpan(x: 2...4, color: .white)
        fig.axes.line(xs: [0, 10], ys: [1, 9], color: .ink)
        let audit = try ContrastAudit(figure: fig)
        #expect(audit.failures.isEmpty, "\(audit.failures)")
        #expect(audit.findings.filter { $0.subject == "LineMark" }.count == 1)
        #expect(!audit.findings.contains { $0.subject == "ReferenceMark" })
    }

    @Test func decorationsAreCheckedToo() throws {
        var fig = figure(.default)
        fig.axes.x.label = "x label"
        let audit = try ContrastAudit(figure: fig)
        #expect(audit.findings.contains { $0.subject == "text 'x label'" && $0.medianRatio > 10 })
        #expect(audit.failures.isEmpty, "\(audit.failures)")
        // A theme whose tick labels vanish is caught.
        var pale = Theme.default
        pale.colors.tickLabel = Color(hex: 0xf4f4f4)
        let faint = try ContrastAudit(figure: figure(pale))
        #expect(faint.failures.contains { $0.subject.hasPrefix("text '") }, "\(faint.failures)")
    }

    @Test func textOnABrightHeatmapFailsWhenLight() throws {
        var fig = figure(.dark)
        let grid = Grid2D(x: 0...10, y: 0...10, nx: 4, ny: 4) { _, _ in 1 }
        fig.axes.heatmap(grid, colormap: .viridis, norm: ColorNorm(vmin: 0, vmax: 1))   // all yellow
        fig.axes.text("Epoch #1: MSE=1.0", axesFraction: DataPoint(x: 0.5, y: 0.1))
        let light = try finding(try ContrastAudit(figure: fig), "TextMark")
        #expect(light.passingShare < 0.7, "\(light)")
        fig.axes.removeMarks(in: .static)
        fig.axes.heatmap(grid, colormap: .viridis, norm: ColorNorm(vmin: 0, vmax: 1))
        fig.axes.text("Epoch #1: MSE=1.0", axesFraction: DataPoint(x: 0.5, y: 0.1), color: .black)
        #expect(try finding(try ContrastAudit(figure: fig), "TextMark").passingShare > 0.9)
    }

    /// Points on a tint of their own class colour: a white halo parts them from it.
    @Test func haloedPointsStandOutFromTheirRegion() throws {
        func audit(edge: Color?) throws -> ContrastAudit.Finding {
            var fig = figure(.default)
            fig.axes.decisionRegions(classes: 2, alpha: 0.3, boundaryColor: nil) { x, _ in x < 5 ? 0 : 1 }
            fig.axes.scatter(xs: [6, 7, 8, 6.5, 7.5], ys: [2, 4, 6, 8, 5], size: 10, color: .cycle(1), edgeColor: edge)
            return try finding(try ContrastAudit(figure: fig), "ScatterMark")
        }
        let bare = try audit(edge: nil), haloed = try audit(edge: .white)
        #expect(bare.passingShare < 0.7, "\(bare)")
        #expect(haloed.passingShare >= 0.7, "\(haloed)")
    }

    /// The example of docs/plot.md ("Themes: colour roles, contrast, sizes"), in every theme.
    @Test func theDocumentedRolesExamplePasses() throws {
        for theme in [Theme.default, .slides, .dark] {
            var fig = Figure(width: 800, height: 600, theme: theme)
            fig.axes.scatter(xs: [1, 3, 6, 8], ys: [3, 6, 5, 7], coloring: .classes([0, 1, 0, 1]))
            fig.axes.straightLine(slope: 0.431, intercept: 3.31, color: .fit)
            fig.axes.scatter(xs: [6], ys: [5], size: 10, color: .accent)
            fig.axes.line(xs: [0, 10], ys: [2, 9], color: .deemphasized(Color(hex: 0x888888)), alpha: 0.4)
            let audit = try ContrastAudit(figure: fig)
            #expect(audit.failures.isEmpty, "\(audit.failures)")
            #expect(audit.findings.filter { $0.subject == "ScatterMark" }.count == 2)
        }
    }

    @Test func findingsDescribeThemselves() throws {
        var fig = figure(.default)
        fig.axes.line(xs: [0, 10], ys: [0, 10], color: Color(hex: 0xd62728))
        let f = try finding(try ContrastAudit(figure: fig), "LineMark")
        #expect(f.description.hasPrefix("LineMark #d62728: median "))
        #expect(f.pixels > 100)
    }
}
