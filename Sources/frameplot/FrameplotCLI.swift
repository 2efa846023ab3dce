import ArgumentParser
import Foundation
import Frameplot
import FrameplotModel

/// `frameplot`: plots and training animations from the command line.
struct FrameplotCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frameplot",
        abstract: "Plots and training animations for machine learning, from CSV files and training logs.",
        discussion: """
        Start with `frameplot demo`, which renders the gallery and every built-in animation into Output/.

        Exit status: 0 done, 1 bad data or a failed write, 2 wrong usage. Errors are one line on stderr. Output files are written to a temporary file and renamed, so a failed run never leaves a half-written file and never touches an existing one.
        """,
        version: FrameplotVersion.string,
        subcommands: [
            DemoCommand.self, ScatterCommand.self, LineCommand.self, CurveCommand.self,
            RegionsCommand.self, AnimateCommand.self, RenderCommand.self,
        ]
    )

    /// Parses `arguments`, runs the command and exits with the documented status.
    static func main(_ arguments: [String]) -> Never {
        do {
            var command = try parseAsRoot(OptionalValueOptions.expand(arguments))
            try command.run()
            Foundation.exit(ExitStatus.success)
        } catch {
            Foundation.exit(report(error, arguments: arguments))
        }
    }

    /// Prints `error` as one line (help and version go to stdout) and returns the exit status.
    static func report(_ error: Error, arguments: [String]) -> Int32 {
        if let error = error as? CLIError {
            printError(error.message)
            return error.exitStatus
        }
        if let mapped = ErrorMapping.map(error) {
            printError(mapped.message)
            return mapped.exitStatus
        }
        // ArgumentParser's own errors: help and version (success), usage errors (exit 2).
        let code = exitCode(for: error)
        if code == .success {
            print(fullMessage(for: error))
            return ExitStatus.success
        }
        var message = message(for: error)
            .split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
        if message.hasPrefix("Error: ") { message.removeFirst(7) }
        guard code == .validationFailure else {
            printError(message.isEmpty ? String(describing: error) : message)
            return ExitStatus.failure
        }
        let command = arguments.first { name in
            configuration.subcommands.contains { $0._commandName == name }
        }
        let help = command.map { "frameplot \($0) --help" } ?? "frameplot --help"
        printError("\(message) (see '\(help)')")
        return ExitStatus.usage
    }

    static func printError(_ message: String) {
        // One printable line, whatever the message quotes from users' files or arguments.
        let line = "frameplot: " + DisplayText.oneLine(message) + "\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
}
