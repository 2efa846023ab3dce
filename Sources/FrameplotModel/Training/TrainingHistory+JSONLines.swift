import Foundation

extension TrainingHistory {
    /// The history as JSON lines: a first line with the names, then one object per state.
    ///
    /// ```
    /// {"parameterNames":["a","b"],"metricNames":[]}
    /// {"step":0,"epoch":0,"loss":29.75,"parameters":[0,0],"metrics":{}}
    /// ```
    /// Non-finite numbers are written as null. Numbers use the shortest round-trip form.
    ///
    /// ```swift
    /// let text = history.jsonLinesText()
    /// ```
    public func jsonLinesText() -> String {
        var out = "{\"parameterNames\":[" + parameterNames.map(JSONStringLiteral.quoted).joined(separator: ",")
        out += "],\"metricNames\":[" + metricNames.map(JSONStringLiteral.quoted).joined(separator: ",") + "]}\n"
        for s in steps {
            out += "{\"step\":\(s.step),\"epoch\":\(s.epoch),\"loss\":\(jsonNumber(s.loss)),\"parameters\":["
            out += s.parameters.map(jsonNumber).joined(separator: ",")
            out += "],\"metrics\":{"
            let names = metricNames.filter { s.metrics[$0] != nil } + s.metrics.keys.filter { !metricNames.contains($0) }.sorted()
            out += names.map { JSONStringLiteral.quoted($0) + ":" + jsonNumber(s.metrics[$0] ?? .nan) }.joined(separator: ",")
            out += "}}\n"
        }
        return out
    }

    /// Writes the JSON lines atomically.
    ///
    /// ```swift
    /// try history.writeJSONLines(to: "Output/run.jsonl")
    /// ```
    public func writeJSONLines(to path: String) throws {
        try writeTextAtomically(jsonLinesText(), to: path)
    }

    /// Reads a history written by `writeJSONLines(to:)`.
    ///
    /// ```swift
    /// let h = try TrainingHistory.readJSONLines(from: "run.jsonl")
    /// ```
    public static func readJSONLines(from path: String) throws -> TrainingHistory {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw TrainingError.historyFile(path: path, line: 0, message: "cannot read the file")
        }
        return try parseJSONLines(text, path: path)
    }

    /// Parses JSON-lines text as written by `jsonLinesText()`.
    ///
    /// ```swift
    /// let h = try TrainingHistory.parseJSONLines(history.jsonLinesText())
    /// ```
    public static func parseJSONLines(_ text: String, path: String = "<text>") throws -> TrainingHistory {
        let history = TrainingHistory()
        var sawHeader = false
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { continue }
            let lineNumber = offset + 1
            func fail(_ message: String) -> TrainingError {
                .historyFile(path: path, line: lineNumber, message: message)
            }
            let data = Data(line.utf8)
            let decoder = JSONDecoder()
            if !sawHeader {
                guard let header = try? decoder.decode(JSONLinesHeader.self, from: data) else {
                    throw fail("first line must be {\"parameterNames\":[...],\"metricNames\":[...]}")
                }
                history.parameterNames = header.parameterNames
                history.metricNames = header.metricNames ?? []
                sawHeader = true
                continue
            }
            let row: JSONLinesRow
            do {
                row = try decoder.decode(JSONLinesRow.self, from: data)
            } catch {
                throw fail("not a history row (needs step, loss, parameters)")
            }
            let parameters = row.parameters.map { $0 ?? .nan }
            guard parameters.count == history.parameterNames.count else {
                throw fail("expected \(history.parameterNames.count) parameters, found \(parameters.count)")
            }
            let metrics = (row.metrics ?? [:]).mapValues { $0 ?? .nan }
            history.steps.append(TrainingStep(step: row.step, epoch: row.epoch ?? row.step, parameters: parameters,
                                              loss: row.loss ?? .nan, metrics: metrics))
        }
        guard sawHeader else {
            throw TrainingError.historyFile(path: path, line: 1, message: "empty file (no header line)")
        }
        return history
    }
}

private func jsonNumber(_ value: Double) -> String {
    value.isFinite ? formatNumber(value) : "null"
}

private struct JSONLinesHeader: Decodable {
    var parameterNames: [String]
    var metricNames: [String]?
}

private struct JSONLinesRow: Decodable {
    var step: Int
    var epoch: Int?
    var loss: Double?
    var parameters: [Double?]
    var metrics: [String: Double?]?
}
