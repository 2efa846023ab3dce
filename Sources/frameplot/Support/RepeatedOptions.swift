import ArgumentParser
import Foundation
import FrameplotModel

/// Refuses a single-valued option given twice (`--x a --x b`, `-o a.png --output b.png`),
/// which ArgumentParser would quietly settle by keeping the last value.
///
/// Which options take one value is learnt from the command's own definitions, as
/// ArgumentParser describes them in its help dump (the JSON of `--experimental-dump-help`):
/// nothing here lists options by hand, so a new option is covered the day it is declared.
/// Options that repeat by design (arrays such as `demo --only`) and flags are left alone, as
/// are the scene options after a scene's name, which the scene checks itself.
///
/// ```swift
/// try RepeatedOptions.check(["--x", "a", "--x", "b"], command: ScatterCommand.self)
/// // throws: --x is given twice ("a", then "b"); give it once
/// ```
enum RepeatedOptions {
    /// One option of a command, as its help dump describes it.
    struct Definition: Equatable {
        /// Its names with their dashes: `["-o", "--output"]`.
        var names: [String]
        /// Whether the next argument is its value even when it starts with a dash.
        var takesAnyValue: Bool
    }

    /// Throws a usage error when `arguments` (everything after the command name) give a
    /// single-valued option of `command` more than once.
    static func check(_ arguments: [String], command: ParsableCommand.Type) throws {
        // Cheap test first: with fewer than two options nothing can repeat.
        guard arguments.prefix(while: { $0 != "--" }).compactMap(optionName).count > 1 else { return }
        try check(arguments, definitions: singleValued(command))
    }

    /// The check against known definitions.
    static func check(_ arguments: [String], definitions: [Definition]) throws {
        var byName: [String: Int] = [:]
        for (index, definition) in definitions.enumerated() {
            for name in definition.names { byName[name] = index }
        }
        var seen: [Int: (name: String, value: String?)] = [:]
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--" { return }
            guard let name = optionName(argument), let slot = byName[name] else { continue }
            var value: String? = nil
            if let equals = argument.firstIndex(of: "=") {
                value = String(argument[argument.index(after: equals)...])
            } else if index < arguments.count,
                      definitions[slot].takesAnyValue || optionName(arguments[index]).flatMap({ byName[$0] }) == nil {
                value = arguments[index]
                index += 1
            }
            if let first = seen[slot] {
                let values = [first.value, value].compactMap { $0 }.map { "\"\(DisplayText.escaped($0, limit: 40))\"" }
                let shown = values.count == 2 ? " (\(values[0]), then \(values[1]))" : ""
                let alias = first.name == name ? name : "\(first.name) and \(name)"
                let subject = first.name == name ? "\(name) is given twice" : "\(alias) are the same option, given twice"
                throw CLIError.usage("\(subject)\(shown); give it once")
            }
            seen[slot] = (name, value)
        }
    }

    /// The option name an argument spells (`--x` for `--x=a`), or nil for a value.
    static func optionName(_ argument: String) -> String? {
        guard argument.count > 1, argument.hasPrefix("-") else { return nil }
        let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
        // A negative number is a value, never an option.
        if Double(name) != nil { return nil }
        return name
    }

    /// The single-valued options of `command`, from its help dump.
    static func singleValued(_ command: ParsableCommand.Type) throws -> [Definition] {
        let dump = Data(command._dumpHelp().utf8)
        let info = try JSONDecoder().decode(ToolInfo.self, from: dump)
        return (info.command.arguments ?? []).compactMap { argument in
            guard argument.kind == "option", !argument.isRepeating else { return nil }
            let names = (argument.names ?? []).map { ($0.kind == "long" ? "--" : "-") + $0.name }
            guard !names.isEmpty else { return nil }
            return Definition(names: names, takesAnyValue: argument.parsingStrategy == "unconditional")
        }
    }

    /// The part of ArgumentParser's help dump (`ToolInfoV0`) that the check reads.
    private struct ToolInfo: Decodable {
        struct Command: Decodable {
            var arguments: [Argument]?
        }
        struct Argument: Decodable {
            struct Name: Decodable {
                var kind: String
                var name: String
            }
            var kind: String
            var isRepeating: Bool
            var parsingStrategy: String?
            var names: [Name]?
        }
        var command: Command
    }
}
