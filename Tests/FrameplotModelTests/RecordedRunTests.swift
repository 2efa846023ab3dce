import Testing
@testable import FrameplotModel

@Suite("Recorded runs stored as columns")
struct RecordedRunTests {
    func sample() -> RecordedRun {
        RecordedRun(parameterNames: ["a", "b"], metricNames: ["accuracy"], steps: [
            TrainingStep(step: 0, epoch: 0, parameters: [0, 0], loss: 29.75, metrics: ["accuracy": 0.5]),
            TrainingStep(step: 10, epoch: 2, parameters: [1, -1], loss: 3),
            TrainingStep(step: 20, epoch: 4, parameters: [2, -2], loss: .nan, metrics: ["accuracy": .nan]),
        ])
    }

    @Test func statesReadBackAsRecorded() {
        let run = sample()
        #expect(run.steps.count == 3)
        #expect(run.steps.map(\.step) == [0, 10, 20])
        #expect(run.steps.map(\.epoch) == [0, 2, 4])
        #expect(run.steps[1].parameters == [1, -1])
        #expect(run.steps.map { $0.parameters[1] } == [0, -1, -2])
        #expect(run.column("b") == [0, -1, -2])
        #expect(run.column("c") == nil)
        #expect(run.steps[0].trainingStep == TrainingStep(step: 0, epoch: 0, parameters: [0, 0], loss: 29.75, metrics: ["accuracy": 0.5]))
        // A metric the state lacks is nil; a NaN the program recorded is a value.
        #expect(run.steps[1].metrics["accuracy"] == nil)
        #expect(run.steps[1].metrics.isEmpty)
        #expect(run.steps[2].metrics["accuracy"]?.isNaN == true)
        #expect(run.steps[2].metrics.keys == ["accuracy"])
        #expect(run.steps[0].metrics["unknown"] == nil)
    }

    @Test func slicesShareTheColumnsAndKeepTheirIndices() {
        let run = sample()
        let past = run.steps[...1]
        #expect(past.columns === run.steps.columns)
        #expect(past.indices == 0..<2)
        #expect(past.map(\.loss) == [29.75, 3])
        #expect(past.last?.step == 10)
        #expect(run.steps[1...].first?.step == 10)
        #expect(run.steps[1...].parameterValues(0) == [1, 2])
    }

    @Test func copiesAreIndependent() {
        var a = sample()
        let b = a
        a.append(TrainingStep(step: 30, epoch: 6, parameters: [3, -3], loss: 1))
        #expect(a.steps.count == 4 && b.steps.count == 3)
        #expect(a.steps.columns !== b.steps.columns)
        // Appending to a slice copies only what it needs, leaving the run alone.
        var head = RecordedRun(b.steps[...0])
        head.append(TrainingStep(step: 5, epoch: 1, parameters: [9, 9], loss: 2))
        #expect(head.steps.map(\.step) == [0, 5])
        #expect(b.steps.map(\.step) == [0, 10, 20])
        // A run made from a slice that does not start at 0 is re-indexed from 0.
        let tail = RecordedRun(b.steps[1...])
        #expect(tail.steps.startIndex == 0 && tail.steps.map(\.step) == [10, 20])
    }

    @Test func newMetricsAddColumnsAndParametersAreMatchedByPosition() {
        var run = RecordedRun(parameterNames: ["w"])
        run.append(TrainingStep(step: 0, epoch: 0, parameters: [1], loss: 1))
        run.append(TrainingStep(step: 1, epoch: 0, parameters: [2, 99], loss: 1, metrics: ["f1": 0.5]))
        run.append(TrainingStep(step: 2, epoch: 0, parameters: [], loss: 1))
        #expect(run.metricNames == ["f1"])
        #expect(run.steps.map { $0.metrics["f1"] } == [nil, 0.5, nil])
        #expect(run.column("w")?.prefix(2) == [1, 2])
        #expect(run.column("w")?.last?.isNaN == true)
    }

    @Test func renamingKeepsValuesAndReshapingPadsWithNaN() {
        var run = sample()
        run.parameterNames = ["x", "y"]
        #expect(run.column("y") == [0, -1, -2])
        run.parameterNames = ["x", "y", "z"]
        #expect(run.column("z")?.allSatisfy(\.isNaN) == true)
        #expect(run.column("x") == [0, 1, 2])
        run.metricNames = ["loss2", "accuracy"]
        #expect(run.steps[0].metrics["accuracy"] == 0.5)
        #expect(run.steps[0].metrics["loss2"] == nil)
    }

    @Test func equalityComparesBitsSoNaNRunsAreEqualToThemselves() {
        #expect(sample() == sample())
        #expect(sample().steps == sample().steps)
        var other = sample()
        other.append(TrainingStep(step: 30, epoch: 6, parameters: [3, -3], loss: 1))
        #expect(other != sample())
        let signed = RecordedRun(parameterNames: ["a"], steps: [TrainingStep(step: 0, epoch: 0, parameters: [-0.0], loss: 1)])
        let unsigned = RecordedRun(parameterNames: ["a"], steps: [TrainingStep(step: 0, epoch: 0, parameters: [0.0], loss: 1)])
        #expect(signed != unsigned)
        #expect(Set([sample(), sample()]).count == 1)
    }

    @Test func historySharesTheRunAndRecordsEveryReport() throws {
        let history = TrainingHistory()
        _ = try Trainer(configuration: .init(steps: 25, recordEvery: 10)).train(ReferenceRuns.fourPointsObjective(), from: [0, 0], observer: history)
        #expect(history.steps.map(\.step) == [0, 10, 20, 25])
        #expect(history.run.steps.columns === history.steps.columns)
        #expect(RecordedRun(history) == history.run)
        #expect(history.run.makeHistory().steps == history.steps)
        history.append(TrainingStep(step: 26, epoch: 0, parameters: [0, 0], loss: 1))
        #expect(history.steps.count == 5)
    }

    /// A million states of two parameters fit in tens of megabytes (an array of TrainingStep
    /// values took about 176 bytes a state).
    @Test func aMillionStatesTakeTensOfMegabytes() {
        var run = RecordedRun(parameterNames: ["a", "b"])
        for step in 0..<1_000_000 {
            run.append(step: step, epoch: step / 4, loss: 1 / Double(step + 1), parameters: [Double(step), -Double(step)])
        }
        #expect(run.steps.count == 1_000_000)
        #expect(run.steps[999_999].parameters[1] == -999_999)
        #expect(run.steps.allocatedBytes < 64_000_000, "\(run.steps.allocatedBytes) bytes")
        #expect(run.steps.allocatedBytes >= 40_000_000)
    }
}
