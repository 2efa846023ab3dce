import Foundation
import Testing
import FrameplotAnimation
import FrameplotCanvas
import FrameplotModel
import FrameplotPlot

/// The README's "animate your own training loop" example, kept compiling and working.
@Suite struct ReadmeExampleTests {
    @Test func animateYourOwnTrainingLoopExampleWritesEveryFrame() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("frameplot-readme-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }

        // --- README code, as printed (output path aside) ---
        let recorder = AnimationRecorder(schedule: .every(200))
        let objective = LinearRegressionObjective.line(dataset: .fourPoints)
        _ = try Trainer(configuration: ReferenceRuns.fourPointsConfiguration())
            .train(objective, from: [0, 0], observer: recorder)

        var figure = Figure(width: 640, height: 480)
        figure.axes.scatter(xs: [1, 3, 6, 8], ys: [3, 6, 5, 7])
        let animation = try FigureAnimation(run: recorder.run, figure: figure) { frame, figure in
            let p = frame.step.parameters
            figure.axes.straightLine(slope: p[0], intercept: p[1], color: .black, layer: .dynamic)
        }
        try animation.render(to: folder, progress: .quiet)
        // --- end of README code ---

        let frames = try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.hasPrefix("frame_") && $0.hasSuffix(".png") }
        #expect(recorder.run.steps.count == 101)
        #expect(frames.count == 101)
        let last = try #require(recorder.run.steps.last)
        #expect(abs(last.parameters[0] - 12.5 / 29) < 0.05)
    }
}
