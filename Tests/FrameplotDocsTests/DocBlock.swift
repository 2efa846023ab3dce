import Foundation

/// A fenced ```swift block of a Markdown file, with where it starts.
struct DocBlock: CustomStringConvertible, Sendable {
    /// The file, relative to the repository root (e.g. `docs/plot.md`).
    var file: String
    /// The 1-based line of the block's first code line.
    var line: Int
    var code: String

    var description: String { "\(file):\(line)" }

    /// A `Package.swift` manifest rather than a program.
    var isManifest: Bool { code.contains("import PackageDescription") }

    /// The block's lines.
    var lines: [String] { code.components(separatedBy: "\n") }

    /// Every ```swift block of `text` (fences of backticks or tildes, possibly indented; the
    /// info string's first word must be `swift`).
    static func blocks(in text: String, file: String) -> [DocBlock] {
        var out: [DocBlock] = []
        var open: (fence: String, indent: Int, start: Int, isSwift: Bool)?
        var body: [String] = []
        for (offset, raw) in text.components(separatedBy: "\n").enumerated() {
            let indent = raw.prefix { $0 == " " }.count
            let line = raw.dropFirst(indent)
            if let current = open {
                if line.hasPrefix(current.fence) && line.drop(while: { $0 == current.fence.first }).trimmingCharacters(in: .whitespaces).isEmpty {
                    if current.isSwift { out.append(DocBlock(file: file, line: current.start, code: body.joined(separator: "\n"))) }
                    open = nil
                    body = []
                } else {
                    body.append(String(raw.dropFirst(Swift.min(current.indent, indent))))
                }
                continue
            }
            guard let marker = line.first, marker == "`" || marker == "~" else { continue }
            let fence = String(line.prefix { $0 == marker })
            guard fence.count >= 3 else { continue }
            let info = line.dropFirst(fence.count).trimmingCharacters(in: .whitespaces)
            let language = info.split(whereSeparator: { $0 == " " || $0 == "{" || $0 == "," }).first.map(String.init) ?? ""
            open = (fence, indent, offset + 2, language.lowercased() == "swift")
        }
        return out
    }

    /// Every block of README.md and docs/*.md under `root`.
    static func all(root: URL) throws -> [DocBlock] {
        let docs = root.appendingPathComponent("docs")
        let names = try FileManager.default.contentsOfDirectory(atPath: docs.path).filter { $0.hasSuffix(".md") }.sorted()
        return try (["README.md"] + names.map { "docs/" + $0 }).flatMap { file in
            blocks(in: try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8), file: file)
        }
    }
}
