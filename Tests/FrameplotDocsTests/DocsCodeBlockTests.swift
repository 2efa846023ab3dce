import Dispatch
import Foundation
import Testing

/// Every ```swift block of README.md and docs/*.md compiles, without a warning, in Swift 6 mode
/// against the modules this `swift test` just built:
///
/// - a block with `import PackageDescription` is type-checked as a `Package.swift` manifest;
/// - any other block is type-checked as the `main.swift` of a package that depends on
///   Frameplot (top-level code, as a new user pastes it), with `import Frameplot` added when
///   the block imports nothing. `#sourceLocation` makes errors point at the Markdown line.
///
/// Blocks must therefore be complete programs: define the data they use.
@Suite("Code blocks of the docs")
struct DocsCodeBlockTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test func theDocsHaveSwiftBlocks() throws {
        let blocks = try DocBlock.all(root: Self.root)
        #expect(blocks.count >= 8)
        #expect(blocks.contains { $0.file == "README.md" && $0.isManifest })
        #expect(blocks.contains { $0.file == "docs/recording.md" })
        // The parser sees fences of every kind, and only swift ones.
        let sample = "text\n```swift\nlet a = 1\n```\n```sh\nls\n```\n  ~~~swift\n  let b = 2\n  ~~~\n"
        let parsed = DocBlock.blocks(in: sample, file: "x.md")
        #expect(parsed.map(\.code) == ["let a = 1", "let b = 2"])
        #expect(parsed.map(\.line) == [3, 9])
    }

    @Test func everySwiftBlockCompiles() throws {
        let blocks = try DocBlock.all(root: Self.root)
        let checker = try SwiftTypeChecker.fromBuildDescription(root: Self.root)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("frameplot-docs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let results = Results(count: blocks.count)
        DispatchQueue.concurrentPerform(iterations: blocks.count) { i in
            let block = blocks[i]
            let folder = scratch.appendingPathComponent("block\(i)")
            if block.isManifest {
                results.set(i, checker.checkManifest(block.code, in: folder))
            } else {
                results.set(i, checker.checkProgram(Self.program(block), in: folder))
            }
        }
        for (block, failure) in zip(blocks, results.values) {
            if let failure { Issue.record("\(block) does not compile cleanly:\n\(failure)") }
        }
    }

    /// The block as a `main.swift` whose diagnostics point at the Markdown file.
    static func program(_ block: DocBlock) -> String {
        let importsSomething = block.lines.contains { $0.hasPrefix("import ") }
        return (importsSomething ? "" : "import Frameplot\n")
            + "#sourceLocation(file: \"\(block.file)\", line: \(block.line))\n" + block.code + "\n"
    }

    /// Results written by parallel workers, one slot each.
    final class Results: @unchecked Sendable {
        // `@unchecked Sendable`: every access to `values` holds `lock`.
        private let lock = NSLock()
        private var slots: [String?]
        init(count: Int) { slots = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ value: String?) { lock.lock(); slots[index] = value; lock.unlock() }
        var values: [String?] { lock.lock(); defer { lock.unlock() }; return slots }
    }
}
