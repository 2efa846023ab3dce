import Foundation
import Testing
@testable import FrameplotModel
import FrameplotFiles

@Suite("Training history files")
struct TrainingHistoryTests {
    func sample() -> TrainingHistory {
        TrainingHistory(parameterNames: ["a", "b"], metricNames: ["accuracy", "validation loss"], steps: [
            TrainingStep(step: 0, epoch: 0, parameters: [0, 0], loss: 29.75, metrics: ["accuracy": 0.5]),
            TrainingStep(step: 200, epoch: 200, parameters: [0.1 + 0.2, -1e-300], loss: 1.0 / 3,
                         metrics: ["accuracy": 0.75, "validation loss": 2.5]),
        ])
    }

    @Test func csvHasTheContractHeaderAndEmptyCellsForMissingMetrics() {
        let text = sample().csvText()
        let lines = text.split(separator: "\n")
        #expect(lines[0] == "step,loss,a,b,accuracy,validation loss")
        #expect(lines[1] == "0,29.75,0,0,0.5,")
        #expect(lines.count == 3)
    }

    @Test func csvRoundTripIsBitExact() throws {
        let original = sample()
        let back = try TrainingHistory.parseCSV(original.csvText(), parameterCount: 2)
        #expect(back.parameterNames == ["a", "b"])
        #expect(back.metricNames == ["accuracy", "validation loss"])
        #expect(back.steps == original.steps)  // epochs equal steps here
    }

    @Test func jsonLinesRoundTripKeepsEpochs() throws {
        let steps = sample().steps.map(\.trainingStep)
        let original = TrainingHistory(parameterNames: ["a", "b"], metricNames: ["accuracy", "validation loss"],
                                       steps: [steps[0], TrainingStep(step: 200, epoch: 50, parameters: Array(steps[1].parameters),
                                                                      loss: steps[1].loss, metrics: steps[1].metrics)])
        #expect(original.steps[1].epoch == 50)
        let back = try TrainingHistory.parseJSONLines(original.jsonLinesText())
        #expect(back.parameterNames == original.parameterNames)
        #expect(back.metricNames == original.metricNames)
        #expect(back.steps == original.steps)
    }

    @Test func filesAreWrittenAndReadBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("frameplot-model-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let history = try ReferenceRuns.fourPointsHistory()
        try history.writeCSV(to: folder + "/run.csv")
        try history.writeJSONLines(to: folder + "/run.jsonl")
        #expect(try TrainingHistory.readCSV(from: folder + "/run.csv", parameterCount: 2).steps == history.steps)
        #expect(try TrainingHistory.readJSONLines(from: folder + "/run.jsonl").steps == history.steps)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["run.csv", "run.jsonl"])
        // Written by the shared atomic writer: its error names the missing folder.
        #expect(throws: FileWriteError(path: folder + "/missing/run.csv", reason: .missingFolder(folder + "/missing"))) {
            try history.writeCSV(to: folder + "/missing/run.csv")
        }
    }

    @Test func badCSVNamesTheLine() {
        #expect(throws: TrainingError.historyFile(path: "<text>", line: 3, message: "column 2 (loss): \"x\" is not a number")) {
            try TrainingHistory.parseCSV("step,loss,a\n0,1,2\n1,x,3\n")
        }
        #expect(throws: TrainingError.self) { try TrainingHistory.parseCSV("") }
        #expect(throws: TrainingError.self) { try TrainingHistory.parseCSV("loss,step\n") }
    }
}
