import Testing
@testable import FrameplotAnimation
import FrameplotModel

@Suite("Recorder and schedules")
struct RecorderTests {
    let info = TrainingRunInfo(parameterNames: ["a", "b"])

    /// Feeds steps 0...last with parameters (step, 0) to the recorder.
    func feed(_ recorder: AnimationRecorder, through last: Int) {
        for s in 0...last {
            if recorder.trainingDidRecord(TrainingStep(step: s, epoch: 0, parameters: [Double(s) * 0.01, 0], loss: 1), of: info) == .stop {
                return
            }
        }
    }

    @Test("every k keeps step 0, multiples of k, and the final step")
    func everyK() {
        let recorder = AnimationRecorder(schedule: .every(200))
        feed(recorder, through: 1_000)
        #expect(recorder.run.steps.map(\.step) == [0, 200, 400, 600, 800, 1_000])
        let odd = AnimationRecorder(schedule: .every(300))
        feed(odd, through: 1_000)
        #expect(odd.run.steps.map(\.step) == [0, 300, 600, 900, 1_000])
        #expect(odd.run.parameterNames == ["a", "b"])
    }

    @Test("log spacing gives early steps more frames, and covers the end")
    func logSpaced() {
        let recorder = AnimationRecorder(schedule: .logSpaced(frames: 50, totalSteps: 20_000))
        feed(recorder, through: 20_000)
        let steps = recorder.run.steps.map(\.step)
        #expect(steps.first == 0 && steps.last == 20_000)
        #expect(steps.count > 30 && steps.count <= 52)
        #expect(steps.filter { $0 < 2_000 }.count > steps.filter { $0 >= 2_000 }.count)
        #expect(steps == steps.sorted())
    }

    @Test("when moved keeps a state only after the parameters moved far enough")
    func whenMoved() {
        let recorder = AnimationRecorder(schedule: .whenMoved(atLeast: 0.1))
        feed(recorder, through: 100)   // parameters move 0.01 per step
        let steps = recorder.run.steps.map(\.step)
        #expect(steps.first == 0 && steps.last == 100)
        #expect(steps.count == 11)
    }

    @Test("maxFrames stops training")
    func maxFrames() {
        let recorder = AnimationRecorder(schedule: .every(10), maxFrames: 3)
        feed(recorder, through: 1_000)
        #expect(recorder.run.steps.map(\.step) == [0, 10, 20])
    }
}
