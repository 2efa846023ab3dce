import Foundation

extension TrainingHistory {
    /// The history as JSON lines: one flat object per recorded state, the same columns as the
    /// CSV (the same columns in the same order), so `frameplot curve` and pandas (`read_json(lines=True)`) read it too.
    ///
    /// ```
    /// {"step":0,"epoch":0,"loss":29.75,"a":0,"b":0}
    /// {"step":200,"epoch":200,"loss":1.0177,"a":0.6612,"b":1.2839}
    /// ```
    /// Non-finite numbers are written as null; numbers use the shortest round-trip form. A metric
    /// missing from a state is left out of its line.
    ///
    /// ```swift
    /// let text = history.jsonLinesText()
    /// ```
    public func jsonLinesText() -> String {
        let parameterKeys = parameterNames.map(JSONStringLiteral.quoted)
        let metricKeys = metricNames.map(JSONStringLiteral.quoted)
        var out = ""
        for s in steps {
            out += "{\"step\":\(s.step),\"epoch\":\(s.epoch),\"loss\":\(jsonNumber(s.loss))"
            for (i, key) in parameterKeys.enumerated() {
                out += "," + key + ":" + jsonNumber(i < s.parameters.count ? s.parameters[i] : .nan)
            }
            for (m, key) in metricKeys.enumerated() {
                if let value = s.metrics[metricNames[m]] { out += "," + key + ":" + jsonNumber(value) }
            }
            out += "}\n"
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

    /// Reads a JSON-lines history (flat objects, as `jsonLinesText()` writes them or Python's
    /// `json.dumps` per line), taking the columns by name; see ``read(from:parameters:metrics:)-(String,_,_)``.
    ///
    /// ```swift
    /// let h = try TrainingHistory.readJSONLines(from: "run.jsonl", parameters: ["a", "b"])
    /// ```
    public static func readJSONLines(from path: String, parameters: [String], metrics: [String] = []) throws -> TrainingHistory {
        try read(from: CSVTable(jsonLinesAt: path), parameters: parameters, metrics: metrics)
    }
}

func jsonNumber(_ value: Double) -> String {
    value.isFinite ? formatNumber(value) : "null"
}
