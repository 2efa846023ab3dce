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

    /// A fresh folder, removed by the caller.
    func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("frameplot-history-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func write(_ text: String, _ name: String, in folder: String) throws -> String {
        let path = folder + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func csvHasTheContractHeaderAndEmptyCellsForMissingMetrics() {
        let text = sample().csvText()
        let lines = text.split(separator: "\n")
        #expect(lines[0] == "step,epoch,loss,a,b,accuracy,validation loss")
        #expect(lines[1] == "0,0,29.75,0,0,0.5,")
        #expect(lines.count == 3)
    }

    @Test("--log writes the same columns in the same order as CSV and as JSON lines")
    func csvAndJSONLinesAgree() throws {
        let history = sample()
        let csvHeader = history.csvText().split(separator: "\n")[0].split(separator: ",").map(String.init)
        let json = history.jsonLinesText().split(separator: "\n")[1]
        // The keys of a row with every metric, in order (no key here holds a comma or quote).
        let keys = json.dropFirst().dropLast().split(separator: ",").compactMap { pair in
            pair.split(separator: ":", maxSplits: 1).first.map { String($0.dropFirst().dropLast()) }
        }
        #expect(keys == csvHeader, "JSON lines \(keys) vs CSV \(csvHeader)")
    }

    @Test func csvAndJSONLinesRoundTripsAreBitExact() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let original = TrainingHistory(parameterNames: ["a", "b"], metricNames: ["accuracy", "validation loss"], steps: [
            TrainingStep(step: 0, epoch: 0, parameters: [0, 0], loss: 29.75, metrics: ["accuracy": 0.5]),
            TrainingStep(step: 200, epoch: 50, parameters: [0.1 + 0.2, -1e-300], loss: 1.0 / 3,
                         metrics: ["accuracy": 0.75, "validation loss": 2.5]),
        ])
        try original.writeCSV(to: dir + "/run.csv")
        try original.writeJSONLines(to: dir + "/run.jsonl")
        let csv = try TrainingHistory.readCSV(from: dir + "/run.csv", parameterCount: 2)
        #expect(csv.parameterNames == ["a", "b"])
        #expect(csv.metricNames == ["accuracy", "validation loss"])
        #expect(csv.steps.map(\.parameters) == original.steps.map(\.parameters))
        #expect(csv.steps.map(\.loss) == original.steps.map(\.loss))
        #expect(csv.steps.map(\.metrics) == original.steps.map(\.metrics))
        // JSON lines keep the epoch, and a missing metric stays missing.
        let json = try TrainingHistory.readJSONLines(from: dir + "/run.jsonl", parameters: ["a", "b"],
                                                     metrics: ["accuracy", "validation loss"])
        #expect(json.steps == original.steps)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["run.csv", "run.jsonl"])
        // Written by the shared atomic writer: its error names the missing folder.
        #expect(throws: FileWriteError(path: dir + "/missing/run.csv", reason: .missingFolder(dir + "/missing"))) {
            try original.writeCSV(to: dir + "/missing/run.csv")
        }
    }

    @Test func jsonLinesAreFlatObjectsThatLogReadersUnderstand() throws {
        let text = sample().jsonLinesText()
        let lines = text.split(separator: "\n")
        #expect(lines[0] == "{\"step\":0,\"epoch\":0,\"loss\":29.75,\"a\":0,\"b\":0,\"accuracy\":0.5}")
        #expect(lines.count == 2)
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let table = try CSVTable(jsonLinesAt: write(text, "run.jsonl", in: dir))
        #expect(table.columnNames == ["step", "epoch", "loss", "a", "b", "accuracy", "validation loss"])
    }

    @Test func columnsAreTakenByNameInAnyOrderAndStepsMayBeIntegerValuedFloats() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // As numpy's savetxt writes it: every value in exponent form, columns in its own order.
        let path = try write("""
        note,b,loss,step,a,accuracy
        x,0.000000000000000000e+00,2.975000000000000000e+01,0.000000000000000000e+00,0.0,
        y,2.5e-01,1.5,2.000000000000000000e+02,1.25,0.75
        """, "numpy.csv", in: dir)
        let history = try TrainingHistory.read(from: path, parameters: ["a", "b"], metrics: ["accuracy", "val"])
        #expect(history.parameterNames == ["a", "b"] && history.metricNames == ["accuracy"])
        #expect(history.steps.map(\.step) == [0, 200])
        #expect(history.steps.map(\.epoch) == [0, 200])
        #expect(history.steps[1].parameters == [1.25, 0.25])
        #expect(history.steps[0].metrics.isEmpty && history.steps[1].metrics.count == 1 && history.steps[1].metrics["accuracy"] == 0.75)
    }

    @Test func stepsMustBeWholeAndIncreasing() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let half = try write("step,loss,x\n0,1,2\n0.5,1,2\n", "half.csv", in: dir)
        #expect(throws: TrainingError.historyFile(path: half, line: 3, message: "step 0.5 is not a whole number")) {
            try TrainingHistory.read(from: half, parameters: ["x"])
        }
        let back = try write("step,loss,x\n0,1,2\n5,1,2\n3,1,2\n", "back.csv", in: dir)
        #expect(throws: TrainingError.historyFile(path: back, line: 4,
                                                  message: "column 1 (step): step 3 after step 5: the rows must be in increasing step order")) {
            try TrainingHistory.read(from: back, parameters: ["x"])
        }
        let text = try write("step,loss,x\n0,1,2\n1,abc,2\n", "text.csv", in: dir)
        #expect(throws: CSVError.self) { try TrainingHistory.read(from: text, parameters: ["x"]) }
    }

    @Test func aMissingColumnIsNamedInAShortMessageWhateverTheWidth() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let names = ["step", "loss"] + (0..<2_000).map { "extra_column_\($0)" }
        let row = names.indices.map { _ in "1" }.joined(separator: ",")
        let path = try write(names.joined(separator: ",") + "\n" + row + "\n", "wide.csv", in: dir)
        do {
            _ = try TrainingHistory.read(from: path, parameters: ["a", "b"])
            Issue.record("a history without a and b was read")
        } catch let error as TrainingError {
            let message = error.description
            #expect(message.contains("\"a\"") && message.contains("\"b\"") && message.contains("1994 more"))
            #expect(message.count < 400, "\(message.count) characters")
        }
    }

    @Test("negative steps, steps that do not increase and repeated columns: one line naming file, line and column")
    func badHistories() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("frameplot-bad-history-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        func message(_ text: String, _ name: String) -> String {
            do {
                let path = dir + "/" + name
                try Data(text.utf8).write(to: URL(fileURLWithPath: path))
                _ = try TrainingHistory.read(from: path, parameters: ["x"])
                return ""
            } catch { return "\(error)" }
        }
        let negative = message("loss,step,x\n1,-1,2\n0.5,1,1\n", "neg.csv")
        #expect(negative.hasSuffix("neg.csv:2: column 2 (step): -1 is negative; a step counts the updates done, 0 at the start"), "\(negative)")
        let repeated = message("step,loss,x\n0,9,9\n2,1,1\n2,1,1\n", "same.csv")
        #expect(repeated.contains("same.csv:4: column 1 (step): step 2 after step 2"), "\(repeated)")
        let twice = message("step,loss,x,x\n0,9,9,9\n1,1,1,1\n", "twice.csv")
        #expect(twice.contains("twice.csv:1: column 4: \"x\" is already column 3"), "\(twice)")
        let jsonNegative = message("{\"step\":0,\"loss\":9,\"x\":9}\n{\"step\":-2,\"loss\":1,\"x\":1}\n", "neg.jsonl")
        #expect(jsonNegative.contains("neg.jsonl:2:") && jsonNegative.contains("negative"), "\(jsonNegative)")
        // A repeated column the history does not read is left alone, as every other extra column.
        #expect(message("step,loss,x,note,note\n0,9,9,a,b\n", "extra.csv").isEmpty)
        for text in [negative, repeated, twice, jsonNegative] { #expect(!text.contains("\n")) }
    }
}
