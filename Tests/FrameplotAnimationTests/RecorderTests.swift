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

    // MARK: Push API

    @Test("states pushed from any loop obey the schedule exactly")
    func pushAPI() throws {
        let recorder = AnimationRecorder(schedule: .every(10), parameterNames: ["w", "b"])
        var w = 0.0
        for step in 0...300 {
            let kept = try recorder.record(step: step, loss: 1 / Double(step + 1), parameters: [w, -w])
            #expect(kept == (step % 10 == 0))
            w += 0.5
        }
        let run = recorder.run
        #expect(run.steps.map(\.step) == Array(stride(from: 0, through: 300, by: 10)))
        #expect(run.parameterNames == ["w", "b"])
        #expect(run.steps[3].parameters == [15, -15])
        #expect(run.steps.map(\.epoch) == run.steps.map(\.step))
    }

    @Test("the last state pushed ends the run; metrics are optional and may appear later")
    func pushKeepsTheLastStateAndMetrics() throws {
        let recorder = AnimationRecorder(schedule: .every(10))
        for step in 0..<25 {
            try recorder.record(step: step, loss: 1, parameters: [Double(step)],
                                metrics: step >= 10 ? ["accuracy": Double(step) / 100] : [:])
        }
        let run = recorder.run
        #expect(run.steps.map(\.step) == [0, 10, 20, 24])
        #expect(run.parameterNames == ["p0"])
        #expect(run.metricNames == ["accuracy"])
        #expect(run.steps.map { $0.metrics["accuracy"] } == [nil, 0.1, 0.2, 0.24])
        #expect(recorder.frameCount == 3)
    }

    @Test("a state that does not fit the run is an error naming the step")
    func pushErrors() throws {
        let recorder = AnimationRecorder(parameterNames: ["w", "b"])
        try recorder.record(step: 0, loss: 1, parameters: [0, 0])
        #expect(throws: RecordingError.parameterCount(step: 1, expected: ["w", "b"], actual: 3)) {
            try recorder.record(step: 1, loss: 1, parameters: [0, 0, 0])
        }
        #expect(throws: RecordingError.stepOrder(step: 0, previous: 0)) {
            try recorder.record(step: 0, loss: 1, parameters: [0, 0])
        }
        #expect(RecordingError.parameterCount(step: 1, expected: ["w", "b"], actual: 3).description
                == "step 1 has 3 parameters, the run has 2 (w, b)")
        #expect(recorder.run.steps.count == 1)
    }

    @Test("wants(step:) tells a loop which states the schedule keeps")
    func wants() throws {
        let recorder = AnimationRecorder(schedule: .steps([0, 7]), maxFrames: 2)
        #expect(recorder.wants(step: 0) && !recorder.wants(step: 1) && recorder.wants(step: 7))
        try recorder.record(step: 0, loss: 1, parameters: [0])
        try recorder.record(step: 7, loss: 1, parameters: [0])
        #expect(recorder.isFull && !recorder.wants(step: 8))
    }

    // MARK: With the Trainer

    func train(_ recorder: AnimationRecorder, steps: Int, recordEvery: Int) throws -> TrainingResult {
        let config = TrainingConfiguration(steps: steps, recordEvery: recordEvery, learningRate: .constant(0.01))
        return try Trainer(configuration: config).train(ReferenceRuns.fourPointsObjective(), from: [0, 0], observer: recorder)
    }

    @Test("a schedule overrides the trainer's interval instead of filtering after it")
    func trainerObeysTheSchedule() throws {
        let recorder = AnimationRecorder(schedule: .every(50))
        _ = try train(recorder, steps: 1_000, recordEvery: 200)
        #expect(recorder.run.steps.map(\.step) == Array(stride(from: 0, through: 1_000, by: 50)))
        #expect(recorder.run.parameterNames == ["a", "b"])
        // The states are the trainer's own: the loss is evaluated at each state's parameters.
        let objective = ReferenceRuns.fourPointsObjective()
        for state in recorder.run.steps { #expect(state.loss == objective.loss(at: Array(state.parameters))) }

        let coarse = AnimationRecorder(schedule: .every(300))
        _ = try train(coarse, steps: 1_000, recordEvery: 1)
        #expect(coarse.run.steps.map(\.step) == [0, 300, 600, 900, 1_000])
    }

    @Test("everyStep leaves the interval to the trainer; whenMoved sees every step's parameters")
    func trainerIntervalAndWhenMoved() throws {
        let every = AnimationRecorder()
        _ = try train(every, steps: 1_000, recordEvery: 200)
        #expect(every.run.steps.map(\.step) == [0, 200, 400, 600, 800, 1_000])

        let moved = AnimationRecorder(schedule: .whenMoved(atLeast: 0.05))
        _ = try train(moved, steps: 1_000, recordEvery: 200)
        let states = moved.run.steps
        #expect(states.count > 6)
        for (a, b) in zip(states.dropLast(2), states.dropFirst().dropLast()) {
            let d = zip(a.parameters, b.parameters).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
            #expect(d >= 0.05)
        }
        #expect(states.last?.step == 1_000)
    }

    @Test("maxFrames stops the trainer")
    func trainerStops() throws {
        let recorder = AnimationRecorder(schedule: .every(10), maxFrames: 5)
        let result = try train(recorder, steps: 1_000, recordEvery: 1)
        #expect(result.stopReason == .observer && result.steps == 40)
        #expect(recorder.run.steps.map(\.step) == [0, 10, 20, 30, 40])
    }
}
