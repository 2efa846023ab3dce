import Testing
@testable import FrameplotModel

@Suite("Training loop")
struct TrainerTests {
    final class StopAfter: TrainingObserver {
        let limit: Int
        var seen: [Int] = []
        init(_ limit: Int) { self.limit = limit }
        func trainingDidRecord(_ step: TrainingStep, of run: TrainingRunInfo) -> TrainingControl {
            seen.append(step.step)
            return step.step >= limit ? .stop : .continue
        }
    }

    @Test func observerCanStopTheRun() throws {
        let observer = StopAfter(30)
        let result = try Trainer(configuration: .init(steps: 1000, recordEvery: 10))
            .train(ReferenceRuns.fourPointsObjective(), from: [0, 0], observer: observer)
        #expect(observer.seen == [0, 10, 20, 30])
        #expect(result.stopReason == .observer)
        #expect(result.steps == 30)
    }

    @Test func lastStateIsRecordedEvenOffTheInterval() throws {
        let history = try Trainer(configuration: .init(steps: 25, recordEvery: 10)).record(ReferenceRuns.fourPointsObjective(), from: [0, 0])
        #expect(history.steps.map(\.step) == [0, 10, 20, 25])
    }

    @Test func toleranceStopsEarly() throws {
        let config = TrainingConfiguration(steps: 100_000, recordEvery: 1000, learningRate: .constant(0.02), tolerance: 1e-10)
        let result = try Trainer(configuration: config).train(ReferenceRuns.fourPointsObjective(), from: [0, 0])
        #expect(result.stopReason == .tolerance)
        #expect(result.steps < 100_000)
        #expect(abs(result.parameters[0] - ReferenceRuns.fourPointsMinimizer[0]) < 1e-6)
    }

    @Test func tooLargeLearningRateDiverges() {
        let config = TrainingConfiguration(steps: 5000, recordEvery: 100, learningRate: .constant(0.5))
        #expect(throws: TrainingError.self) {
            try Trainer(configuration: config).train(ReferenceRuns.fourPointsObjective(), from: [0, 0])
        }
        do {
            _ = try Trainer(configuration: config).train(ReferenceRuns.fourPointsObjective(), from: [0, 0])
        } catch let TrainingError.diverged(step) {
            #expect(step > 0 && step < 5000)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    /// Gradient descent with a far too large rate on a line fit: the loss grows by orders of
    /// magnitude each step and stays finite for a long time, yet it has plainly diverged; the
    /// loop must say so rather than hand such states to the frames.
    @Test func finiteButExplodingLossCountsAsDivergence() throws {
        let data = try Dataset(features: [[0], [1]], targets: [5, 5])
        let objective = LinearRegressionObjective.line(dataset: data)
        let config = TrainingConfiguration(steps: 40, recordEvery: 1, learningRate: .constant(5))
        do {
            _ = try Trainer(configuration: config).train(objective, from: [0, 0])
            Issue.record("expected divergence")
        } catch let TrainingError.diverged(step) {
            #expect(step > 1 && step < 40)
        }
    }

    @Test func badSettingsAreTypedErrors() {
        let o = ReferenceRuns.fourPointsObjective()
        #expect(throws: TrainingError.mismatchedLengths(what: "number of initial parameters", expected: 2, actual: 3)) {
            try Trainer(configuration: .init(steps: 1)).train(o, from: [0, 0, 0])
        }
        #expect(throws: TrainingError.nonFinite(what: "the initial parameters", row: 0, column: 1)) {
            try Trainer(configuration: .init(steps: 1)).train(o, from: [0, .nan])
        }
        #expect(throws: TrainingError.self) { try Trainer(configuration: .init(steps: 1, recordEvery: 0)).train(o, from: [0, 0]) }
    }

    @Test func schedules() {
        #expect(LearningRateSchedule.inverseSquareRoot(0.03).rate(at: 3) == 0.015)
        #expect(LearningRateSchedule.stepDecay(initial: 1, factor: 0.5, every: 10).rate(at: 25) == 0.25)
        #expect(LearningRateSchedule.constant(0.1).rate(at: 99) == 0.1)
    }

    @Test func momentumAndAdamReachTheMinimiser() throws {
        for optimizer in [Optimizer.momentum(0.9), .adam()] {
            let config = TrainingConfiguration(steps: 4000, recordEvery: 4000, learningRate: .constant(0.01), optimizer: optimizer)
            let result = try Trainer(configuration: config).train(ReferenceRuns.fourPointsObjective(), from: [0, 0])
            #expect(abs(result.parameters[0] - ReferenceRuns.fourPointsMinimizer[0]) < 1e-3, "\(optimizer)")
            #expect(abs(result.parameters[1] - ReferenceRuns.fourPointsMinimizer[1]) < 1e-2, "\(optimizer)")
        }
    }

    @Test func miniBatchEpochsCount() throws {
        let config = TrainingConfiguration(steps: 8, recordEvery: 2, learningRate: .constant(0.01), batching: .miniBatch(size: 3), seed: 3)
        let history = try Trainer(configuration: config).record(ReferenceRuns.fourPointsObjective(), from: [0, 0])
        // 4 samples in batches of 3 -> 2 steps per epoch.
        #expect(history.steps.map(\.epoch) == [0, 1, 2, 3, 4])
    }
}
