import Foundation
import Testing
import FrameplotCanvas
import FrameplotModel
import FrameplotPlot
@testable import FrameplotAnimation

/// `--tween K`: interpolated states between recorded ones, and legend texts that change per frame.
@Suite("Tweening and per-frame legend texts")
struct TweenTests {
    /// `count` states of steps 0, 10, 20, … with w = step / 10, b = −step, loss 100 − step.
    static func run(count: Int) -> RecordedRun {
        var run = RecordedRun(parameterNames: ["w", "b"], metricNames: ["accuracy"])
        for k in 0..<count {
            run.append(step: 10 * k, epoch: k, loss: 100 - 10 * Double(k), parameters: [Double(k), -10 * Double(k)],
                       metrics: k == 1 ? [:] : ["accuracy": Double(k) / 100])
        }
        return run
    }

    @Test func threeInBetweenFramesOverTwentyOneStatesAreEightyOneFrames() throws {
        let tween = try Tween(frames: 3)
        #expect(FrameTimeline(recordedCount: 21, tween: tween).frameCount == 81)
        #expect(FrameTimeline(recordedCount: 21).frameCount == 21)
        #expect(FrameTimeline(recordedCount: 1, tween: tween).frameCount == 1)
        #expect(FrameTimeline(recordedCount: 0, tween: tween).frameCount == 0)
        #expect(Self.run(count: 21).tweened(by: 3).steps.count == 81)
        let animation = try FigureAnimation(run: Self.run(count: 21), figure: Figure(width: 120, height: 90), tween: tween) { _, _ in }
        #expect(animation.frameCount == 81)
        #expect(animation.recorded.steps.count == 21)
    }

    @Test func inBetweenStatesInterpolateParametersLossAndMetricsWithTheNearerStep() throws {
        let tweened = Self.run(count: 3).tweened(by: 3)
        let states = tweened.steps.map(\.trainingStep)
        #expect(states.map(\.parameters[0]) == [0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2])
        #expect(states.map(\.loss) == [100, 97.5, 95, 92.5, 90, 87.5, 85, 82.5, 80])
        #expect(states.map(\.step) == [0, 0, 10, 10, 10, 10, 20, 20, 20], "the nearer recorded step (a half way goes on)")
        // Recorded states stay exact; a metric missing on one side is the nearer state's.
        #expect(tweened.steps[4] == Self.run(count: 3).steps[1])
        #expect(states[1].metrics["accuracy"] == 0 && states[3].metrics["accuracy"] == nil)
        #expect(abs((states[6].metrics["accuracy"] ?? 0) - 0.02) < 1e-15 && states[5].metrics["accuracy"] == nil)
        // Cubic in-out: slow out of a state, fast between, the middle in the middle.
        let cubic = Self.run(count: 2).tweened(by: 3, easing: .cubic).steps.map { $0.parameters[0] }
        #expect(cubic == [0, 0.0625, 0.5, 0.9375, 1])
        #expect(TweenEasing.linear.ease(0.3) == 0.3)
        // A NaN on either side stays NaN (an optimizer that diverged has no state in between).
        var broken = RecordedRun(parameterNames: ["x"])
        broken.append(step: 0, epoch: 0, loss: 1, parameters: [1])
        broken.append(step: 1, epoch: 1, loss: .nan, parameters: [.nan])
        #expect(broken.tweened(by: 1).steps[1].parameters[0].isNaN)
        #expect(Self.run(count: 1).tweened(by: 5).steps.count == 1)
    }

    @Test func aFrameKnowsItsNearestRecordedStateAndTheStepBetween() throws {
        let recorded = Self.run(count: 3)
        let timeline = FrameTimeline(recordedCount: 3, tween: try Tween(frames: 3, easing: .linear))
        func frame(_ index: Int) -> AnimationFrame {
            AnimationFrame(index: index, run: recorded.tweened(by: 3), recorded: recorded, timeline: timeline)
        }
        let five = frame(5)
        #expect(five.step.step == 10 && five.nearestRecorded.step == 10 && five.stepPosition == 12.5)
        #expect(five.nextRecorded?.step == 20 && five.pastStepPositions == [0, 2.5, 5, 7.5, 10, 12.5] && five.recordedPast.count == 2)
        #expect(frame(2).nearestRecorded.step == 10 && frame(2).stepPosition == 5 && frame(2).recordedPast.count == 1)
        #expect(frame(8).nearestRecorded.step == 20 && frame(8).nextRecorded == nil && frame(8).stepPosition == 20 && frame(8).isLast)
        // Without a tween a frame is its recorded state.
        let plain = AnimationFrame(index: 1, run: recorded)
        #expect(plain.nearestRecorded == plain.step && plain.stepPosition == 10 && plain.nextRecorded?.step == 20)
    }

    @Test func tweenOptionsAreCheckedAndEncodeAsPlainValues() throws {
        #expect(throws: InvalidOptionValue.self) { try Tween(parsing: "0") }
        #expect(throws: InvalidOptionValue.self) { try Tween(parsing: "101") }
        #expect(throws: InvalidOptionValue.self) { try Tween(parsing: "2.5") }
        #expect(throws: InvalidOptionValue.self) { try Tween.easing(parsing: "bounce") }
        #expect(try Tween(parsing: "4", easing: "Cubic") == Tween(frames: 4, easing: .cubic))
        let settings = SceneSettings(tween: try Tween(frames: 2, easing: .cubic))
        let data = try JSONEncoder().encode(settings)
        #expect(try JSONDecoder().decode(SceneSettings.self, from: data) == settings)
        let bad = Data(#"{"scale":1,"theme":"default","tween":{"frames":0,"easing":"linear"}}"#.utf8)
        #expect(throws: InvalidOptionValue.self) { try JSONDecoder().decode(SceneSettings.self, from: bad) }
        // No tween: the settings encode as before (identities of untweened renders unchanged).
        #expect(!String(decoding: try JSONEncoder().encode(SceneSettings()), as: UTF8.self).contains("tween"))
    }

    @Test func aKeyedLegendRowShowsEachFramesTextWithRoomForTheWidestOfAllFrames() throws {
        // The widest text comes at a frame the layout does not sample (9 of 40).
        var run = RecordedRun(parameterNames: ["w"])
        for k in 0..<40 { run.append(step: k, epoch: k, loss: 1, parameters: [k == 5 ? 123_456_789 : Double(k)]) }
        var figure = Figure(width: 320, height: 200)
        figure.axes.x.limits = AxisLimits(lower: 0, upper: 1)
        figure.axes.y.limits = AxisLimits(lower: 0, upper: 1)
        figure.axes.legendPlacement = .lowerLeft
        let animation = try FigureAnimation(run: run, figure: figure) { frame, figure in
            figure.axes.line(xs: [0, 1], ys: [0.5, 0.5], color: .black, label: "w = \(Int(frame.step.parameters[0]))", legendKey: "w")
        }
        let rows = try #require(animation.layout.panels[0].legend?.rows)
        #expect(rows.map(\.entry.label) == ["w = 123456789"])
        for index in [3, 5, 39] {
            let canvas = RecordingCanvas(width: 320, height: 200)
            try animation.renderStatic(on: canvas)
            try animation.renderFrame(index, on: canvas)
            let texts = canvas.texts.map(\.text).filter { $0.hasPrefix("w = ") }
            #expect(texts == ["w = \(index == 5 ? 123_456_789 : index)"], "frame \(index): \(texts)")
        }
    }
}
