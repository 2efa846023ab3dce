import Foundation
import Testing
import FrameplotCanvas
import FrameplotModel
import FrameplotPlot
@testable import FrameplotAnimation

/// The 8-bit pixel of an opaque colour.
func rgba(_ color: Color) -> RGBA8 {
    func byte(_ v: Double) -> UInt8 { UInt8((Swift.min(1, Swift.max(0, v)) * 255).rounded()) }
    return RGBA8(r: byte(color.red), g: byte(color.green), b: byte(color.blue), a: byte(color.alpha))
}

@Suite("FigureAnimation: per-frame marks, stacking, legend, identity")
struct FigureAnimationTests {
    static let green = Color(hex: 0x2ca02c), orange = Color(hex: 0xff7f0e), blue = Color(hex: 0x1f77b4)

    /// A run of a line y = w·x + b moving from (0, 0) to (1, 2) in `count` states.
    static func run(count: Int = 7, slope: Double = 1) -> RecordedRun {
        var run = RecordedRun(parameterNames: ["w", "b"])
        for i in 0..<count {
            let t = Double(i) / Double(count - 1)
            run.append(step: i * 10, epoch: i, loss: 1 - t, parameters: [slope * t, 2 * t])
        }
        return run
    }

    static func figure(width: Double = 240, height: Double = 180) -> Figure {
        var figure = Figure(width: width, height: height)
        figure.axes.x.limits = AxisLimits(lower: 0, upper: 10)
        figure.axes.y.limits = AxisLimits(lower: 0, upper: 10)
        figure.axes.showsGrid = false
        figure.axes.scatter(xs: [2, 5, 8], ys: [5, 5, 5], size: 14, color: green, label: "data")
        return figure
    }

    func pixel(_ canvas: ImageCanvas, _ animation: FigureAnimation, x: Double, y: Double) -> RGBA8 {
        let p = animation.layout.panels[0].transform.point(x: x, y: y)
        return canvas.pixel(x: Int(p.x * canvas.scale), y: Int(p.y * canvas.scale))
    }

    @Test func marksAddedInTheClosureArePerFrameAndListedOnceInTheLegend() throws {
        var figure = Self.figure()
        figure.axes.legendPlacement = .lowerRight
        let animation = try FigureAnimation(run: Self.run(), figure: figure) { frame, figure in
            let p = frame.step.parameters
            figure.axes.straightLine(slope: p[0], intercept: p[1] + 3, color: .black, width: 3, label: "fit")
        }
        let labels = animation.layout.panels[0].legend?.rows.map(\.entry.label)
        #expect(labels == ["data", "fit"])
        let renderer = FrameRenderer(scene: animation, progress: .quiet)
        let first = try renderer.renderFrame(0), last = try renderer.renderFrame(6)
        #expect(pixel(first, animation, x: 4, y: 3) == rgba(.black))           // y = 3 at frame 0
        #expect(pixel(first, animation, x: 3.5, y: 5 + 3.5) != rgba(.black))
        #expect(pixel(last, animation, x: 3.5, y: 5 + 3.5) == rgba(.black))   // y = x + 5 at the end
        #expect(pixel(last, animation, x: 4, y: 3) != rgba(.black))
    }

    @Test func automaticColoursAreTheSameInEveryFrameAndInTheLegend() throws {
        let animation = try FigureAnimation(run: Self.run(), figure: Self.figure()) { frame, figure in
            figure.axes.line(xs: frame.past.map { Double($0.step) / 10 }, ys: frame.past.map { $0.parameters[1] * 4 }, label: "path")
        }
        let rows = animation.layout.panels[0].legend?.rows ?? []
        #expect(rows.map(\.entry.label) == ["data", "path"])
    }

    /// The classifier case: per-frame regions, a per-frame boundary line and caption, static
    /// points that must not be tinted by the regions.
    @Test func perFrameRegionsSitUnderStaticPoints() throws {
        let animation = try FigureAnimation(run: Self.run(), figure: Self.figure()) { frame, figure in
            let w = frame.step.parameters[0]
            figure.axes.decisionRegions(classes: 2, colors: [Self.orange, Self.blue], alpha: 0.5) { x, _ in x < 3.5 + w ? 0 : 1 }
            figure.axes.verticalLine(x: 3.5 + w, color: .black)
            figure.axes.text("step \(frame.step.step)", axesFraction: DataPoint(x: 0.05, y: 0.9), anchor: .topLeft)
        }
        let renderer = FrameRenderer(scene: animation, progress: .quiet)
        let frame = try renderer.renderFrame(3)
        for x in [2.0, 5, 8] { #expect(pixel(frame, animation, x: x, y: 5) == rgba(Self.green), "point at \(x)") }
        #expect(pixel(frame, animation, x: 1, y: 2) != rgba(.white))           // tinted by a region
        // The static points are above every per-frame mark here, so they live in the cached
        // overlay: the composited frame matches drawing the whole figure at once.
        var whole = animation.figure
        whole.beginFrame()
        let w = animation.run.steps[3].parameters[0]
        whole.axes.decisionRegions(classes: 2, colors: [Self.orange, Self.blue], alpha: 0.5) { x, _ in x < 3.5 + w ? 0 : 1 }
        whole.axes.verticalLine(x: 3.5 + w, color: .black)
        whole.axes.text("step 30", axesFraction: DataPoint(x: 0.05, y: 0.9), anchor: .topLeft)
        let reference = try ImageCanvas(width: 240, height: 180)
        reference.clear(.white)
        whole.render(on: reference, layout: animation.layout, layers: .all)
        let difference = frame.snapshot().maximumDifference(from: reference.snapshot())
        #expect(difference != nil && difference! <= 2, "\(String(describing: difference))")
        // Scale 2 uses its own cached overlay.
        let hidpi = try FrameRenderer(scene: animation, scale: 2, progress: .quiet).renderFrame(3)
        #expect(pixel(hidpi, animation, x: 5, y: 5) == rgba(Self.green))
    }

    // MARK: Identity

    func animation(run: RecordedRun = Self.run(), figure: Figure = Self.figure(),
                   color: Color = .black) throws -> FigureAnimation {
        try FigureAnimation(run: run, figure: figure) { frame, figure in
            let p = frame.step.parameters
            figure.axes.straightLine(slope: p[0], intercept: p[1], color: color, label: "fit")
        }
    }

    @Test func identityFollowsTheRunTheFigureTheThemeAndTheFrames() throws {
        let base = try animation().identity
        #expect(try animation().identity == base)
        #expect(try animation(run: Self.run(slope: 1.0000001)).identity != base)   // another learning rate
        #expect(try animation(run: Self.run(count: 8)).identity != base)
        var moved = Self.figure()
        moved.axes.scatter(xs: [9], ys: [9.000001])
        #expect(try animation(figure: moved).identity != base)
        var dark = Self.figure()
        dark.theme = .dark
        #expect(try animation(figure: dark).identity != base)
        #expect(try animation(figure: Self.figure(width: 241)).identity != base)
        #expect(try animation(color: .red).identity != base)                         // the closure draws differently
        var renamed = try animation()
        renamed.name = "other"
        #expect(renamed.identity != base)
        #expect(try animation().fingerprint["identity"] == base.hex)
    }

    @Test func aChangedRunRendersAgainIntoTheSameFolderAndAnUnchangedOneResumes() throws {
        let folder = TemporaryFolder()
        defer { folder.cleanup() }
        let first = try animation().render(to: folder.path, progress: .quiet)
        #expect(first.framesRendered == 7)
        let before = folder.bytes("frame_00006.png")
        let again = try animation().render(to: folder.path, progress: .quiet)
        #expect(again.framesRendered == 0 && again.framesSkipped == 7)
        let changed = try animation(run: Self.run(slope: 3)).render(to: folder.path, progress: .quiet)
        #expect(changed.framesRendered == 7 && changed.framesSkipped == 0)
        #expect(folder.bytes("frame_00006.png") != before)
    }

    @Test func animationIdentityFollowsWhatItDraws() throws {
        func make(_ run: RecordedRun, shade: Double) -> Animation {
            Animation(run: run, size: Size(width: 64, height: 48)) { frame, canvas in
                canvas.fill(.rect(Rect(x: frame.step.parameters[0] * 10, y: 5, width: 8, height: 8)),
                            color: Color(red: shade, green: 0, blue: 0))
            }
        }
        let base = make(Self.run(), shade: 1).identity
        #expect(make(Self.run(), shade: 1).identity == base)
        #expect(make(Self.run(slope: 2), shade: 1).identity != base)
        #expect(make(Self.run(), shade: 0.5).identity != base)
    }

    @Test func framesSeeThePastAsAViewOfTheRun() throws {
        let run = Self.run()
        let frame = AnimationFrame(index: 4, run: run)
        #expect(frame.past.count == 5 && frame.past.startIndex == 0)
        #expect(frame.past.map { $0.parameters[1] } == run.steps[...4].map { $0.parameters[1] })
        #expect(frame.step == run.steps[4].trainingStep)
        #expect(!frame.isLast && AnimationFrame(index: 6, run: run).isLast)
        #expect(FigureAnimation.samples(count: 101, at: 3) == [0, 50, 100])
        #expect(FigureAnimation.samples(count: 2, at: 9) == [0, 1])
        #expect(FigureAnimation.samples(count: 0, at: 9) == [])
    }
}
