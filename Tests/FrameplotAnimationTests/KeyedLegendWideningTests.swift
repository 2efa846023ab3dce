import Synchronization
import Testing
import FrameplotCanvas
import FrameplotModel
import FrameplotPlot
@testable import FrameplotAnimation

/// With `legendLabels`, the layout finds the widest text of keyed legend rows with one call
/// per frame and builds only the frames it samples; where the labels do not stand for the
/// frames, it builds them as before. Either way the legend is the same.
@Suite("FigureAnimation: keyed legend texts without building every frame")
struct KeyedLegendWideningTests {
    /// 40 states of w; the widest value at frame 5, which the layout does not sample.
    static let run: RecordedRun = {
        var run = RecordedRun(parameterNames: ["w"])
        for k in 0..<40 { run.append(step: k, epoch: k, loss: 1, parameters: [k == 5 ? 123_456_789 : Double(k)]) }
        return run
    }()

    static let figure: Figure = {
        var figure = Figure(width: 320, height: 200)
        figure.axes.x.limits = AxisLimits(lower: 0, upper: 1)
        figure.axes.y.limits = AxisLimits(lower: 0, upper: 1)
        figure.axes.legendPlacement = .lowerLeft
        return figure
    }()

    static func label(_ frame: AnimationFrame) -> String { "w = \(Int(frame.step.parameters[0]))" }

    /// An animation whose frame closure records the frames it builds (and, at frame `extraAt`,
    /// adds a second keyed row), and whose `legendLabels` records the frames it is asked for.
    static func animation(labels: (@Sendable (AnimationFrame) -> [String: String])?, extraAt: Int? = nil)
        throws -> (animation: FigureAnimation, built: [Int], labelled: [Int]) {
        let built = Calls(), labelled = Calls()
        var counted: FigureAnimation.LegendLabels?
        if let labels {
            counted = { frame in labelled.add(frame.index); return labels(frame) }
        }
        let animation = try FigureAnimation(run: run, figure: figure, legendLabels: counted) { frame, figure in
            built.add(frame.index)
            figure.axes.line(xs: [0, 1], ys: [0.5, 0.5], color: .black, label: label(frame), legendKey: "w")
            if frame.index == extraAt {
                figure.axes.line(xs: [0, 1], ys: [0.2, 0.2], color: .red, label: "extra \(frame.index)", legendKey: "extra")
            }
        }
        return (animation, built.indices, labelled.indices)
    }

    /// The frame indices a closure was called with, in order.
    final class Calls: Sendable {
        private let list = Mutex<[Int]>([])
        func add(_ index: Int) { list.withLock { $0.append(index) } }
        var indices: [Int] { list.withLock { $0 } }
    }

    static func legend(_ animation: FigureAnimation) throws -> (labels: [String], box: Rect) {
        let legend = try #require(animation.layout.panels[0].legend)
        return (legend.rows.map(\.entry.label), legend.box)
    }

    @Test func labelsSizeTheLegendFromEachFramesTextOnceAndBuildOnlyTheSampledFrames() throws {
        let reference = try Self.animation(labels: nil)
        #expect(reference.built.count == 40)   // without labels every frame is built
        let fast = try Self.animation(labels: { ["w": Self.label($0)] })
        #expect(fast.built == FigureAnimation.samples(count: 40, at: 9))
        #expect(fast.labelled.sorted() == Array(0..<40))   // each frame's texts asked for once
        #expect(try Self.legend(fast.animation).labels == ["w = 123456789"])
        #expect(try Self.legend(fast.animation).box == Self.legend(reference.animation).box)
        #expect(fast.animation.identity == reference.animation.identity)
    }

    @Test func labelsThatDisagreeWithTheFramesAreNotTrusted() throws {
        let reference = try Self.animation(labels: nil)
        let wrong = try Self.animation(labels: { _ in ["w": "w = 0"] })
        #expect(wrong.built.count == reference.built.count)
        #expect(try Self.legend(wrong.animation).labels == ["w = 123456789"])
        #expect(try Self.legend(wrong.animation).box == Self.legend(reference.animation).box)
    }

    @Test func aFrameNamingAKeyNoSampledFrameShowsIsBuilt() throws {
        let reference = try Self.animation(labels: nil, extraAt: 5)
        let fast = try Self.animation(labels: { frame in
            var labels = ["w": Self.label(frame)]
            if frame.index == 5 { labels["extra"] = "extra 5" }
            return labels
        }, extraAt: 5)
        #expect(fast.built == FigureAnimation.samples(count: 40, at: 9) + [5])
        #expect(try Self.legend(fast.animation).labels == ["w = 123456789", "extra 5"])
        #expect(try Self.legend(fast.animation).labels == Self.legend(reference.animation).labels)
        #expect(try Self.legend(fast.animation).box == Self.legend(reference.animation).box)
    }
}
