import FrameplotAnimation

/// The text of `frameplot scenes` and of the scene lists in `animate --help` and `render --help`,
/// made from the catalog so that it never drifts from what the scenes take.
enum SceneListing {
    /// One line per scene with the options it takes (drawing options only when `rendering`).
    static func optionSummary(_ catalog: SceneCatalog, rendering: Bool) -> String {
        var lines = [rendering ? "Scenes that draw a history, and their drawing options:" : "Scenes and their options:"]
        for name in catalog.names {
            guard let entry = catalog.entry(name), !rendering || entry.rendersHistory else { continue }
            let options = entry.options.filter { !rendering || $0.use == .drawing }.map(\.usage)
            lines.append("  \(name): " + (options.isEmpty ? "(no options)" : options.joined(separator: " ")))
        }
        return lines.joined(separator: "\n")
    }

    /// The full description of one scene: summary, options with defaults, history columns.
    static func describe(_ entry: SceneCatalog.Entry) -> String {
        var lines = ["\(entry.name) — \(entry.summary)"]
        let width = min(24, (entry.options.map(\.usage.count).max() ?? 0) + 2)
        if entry.options.isEmpty {
            lines.append("  options: none")
        } else {
            lines.append("  options (after the scene name):")
            for option in entry.options {
                var text = option.help
                if let defaultText = option.defaultText { text += " (default: \(defaultText))" }
                if entry.rendersHistory && option.use == .drawing { text += " [also render]" }
                lines.append("    " + pad(option.usage, width) + text)
            }
        }
        if entry.rendersHistory {
            lines.append("  history columns (--log writes them; render reads them by name, in any order):")
            let columnWidth = min(14, (entry.historyColumns.map(\.name.count).max() ?? 0) + 2)
            for column in entry.historyColumns {
                lines.append("    " + pad(column.name, columnWidth) + column.meaning + (column.required ? "" : " (optional)"))
            }
        } else {
            lines.append("  history: none (it records no training run, so no --log and no render)")
        }
        return lines.joined(separator: "\n")
    }

    /// `frameplot scenes`: every scene, or the one named.
    static func text(_ catalog: SceneCatalog, only name: String?) throws -> String {
        let names = try name.map { name -> [String] in
            guard catalog.entry(name) != nil else {
                throw CLIError.usage("unknown scene \"\(SceneText.clipped(name))\"; known scenes: \(catalog.names.joined(separator: ", "))")
            }
            return [name]
        } ?? catalog.names
        var parts = names.compactMap { catalog.entry($0).map(describe) }
        if name == nil {
            parts.append("""
            Every scene also takes the shared settings: -o PATH, --size WxH, --scale S, --theme default|slides|dark, --fps F, --frames A..B, --quiet, and (all but backprop) --tween K --easing linear|cubic.
            A history is CSV or JSON lines: a header of column names, one row per recorded state (see docs/history-format.md).
            """)
        }
        return parts.joined(separator: "\n\n")
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + "  " : text + String(repeating: " ", count: width - text.count)
    }
}
