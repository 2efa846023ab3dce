import ArgumentParser
import Foundation
import Frameplot
import FrameplotAnimation
import FrameplotFiles
import FrameplotModel

/// `frameplot`: plots and training animations from the command line.
struct FrameplotCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frameplot",
        abstract: "Plots and training animations for machine learning, from CSV files and training logs.",
        discussion: """
        Start with `frameplot demo`, which renders the gallery and every built-in animation into Output/.

        Exit status: 0 done, 1 bad data or a failed write, 2 wrong usage, 130 or 143 stopped by Ctrl-C (SIGINT) or SIGTERM. Errors are one line on stderr. Output files are written to a temporary file and renamed, so a failed or interrupted run never leaves a half-written file and never touches an existing one; an interrupted PNG render resumes when run again.
        """,
        version: FrameplotVersion.string,
        subcommands: [
            DemoCommand.self, ScatterCommand.self, LineCommand.self, CurveCommand.self,
            RegionsCommand.self, AnimateCommand.self, RenderCommand.self, ScenesCommand.self,
        ]
    )

    /// Parses `arguments`, runs the command and exits with the documented status.
    static func main(_ arguments: [String]) -> Never {
        var status = ExitStatus.success
        do {
            let expanded = OptionalValueOptions.expand(arguments)
            var command = try parseAsRoot(expanded)
            let commandType = type(of: command)
            if commandType != FrameplotCLI.self, let name = expanded.firstIndex(of: commandType._commandName) {
                try RepeatedOptions.check(Array(expanded[(name + 1)...]), command: commandType)
            }
            try command.run()
        } catch {
            status = report(error, arguments: arguments)
        }
        // A signal handler may be exiting already: then it alone prints and exits.
        guard ExitGate.claim() else { while true { pause() } }
        Foundation.exit(status)
    }

    /// Prints `error` as one line (help and version go to stdout) and returns the exit status.
    static func report(_ error: Error, arguments: [String]) -> Int32 {
        if let signal = StopRequest.shared.signal, let line = interruption(error, signal: signal, arguments: arguments) {
            guard ExitGate.claim() else { while true { pause() } }
            printError(line)
            Foundation.exit(128 + signal)
        }
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
        message = OptionValueMessage.projectStyle(message)
        guard code == .validationFailure else {
            printError(message.isEmpty ? String(describing: error) : message)
            return ExitStatus.failure
        }
        let command = arguments.first { name in
            configuration.subcommands.contains { $0._commandName == name }
        }
        let help = command.map { "frameplot \($0) --help" } ?? "frameplot --help"
        if (command == "animate" || command == "render"), message.hasPrefix("Unknown option") {
            // ArgumentParser meets a scene's option before the scene name and guesses another one.
            let option = message.split(separator: "'").dropFirst().first.map(String.init) ?? "the option"
            message = "Unknown option '\(option)': a scene's own options go after its name, e.g. frameplot \(command ?? "animate") gd-locus --sgd"
        }
        printError("\(message) (see '\(help)')")
        return ExitStatus.usage
    }

    /// The one line for a render that stopped on `signal`, naming how to resume; nil when
    /// `error` is not a stop.
    static func interruption(_ error: Error, signal: Int32, arguments: [String]) -> String? {
        let name = SignalHandling.name(of: signal)
        let again = "frameplot " + arguments.map(ShellWords.quote).joined(separator: " ")
        switch error {
        case AnimationError.cancelled(let done):
            return "interrupted by \(name) after \(done) new frame\(done == 1 ? "" : "s"); finished frames are kept; to resume, run: \(again)"
        case AnimationError.videoCancelled(let path), AnimationError.outputCancelled(let path):
            return "interrupted by \(name); \(path) was not written (an existing file is unchanged); to render it, run: \(again)"
        case let error as FileWriteError where error.reason == .shuttingDown:
            return "interrupted by \(name); nothing half-written was left behind; run the same command again to start over"
        default:
            return nil
        }
    }

    /// Writes `frameplot: message` as one line on stderr: line breaks become spaces, and bytes
    /// of file names that are not UTF-8 and control characters are shown as `\xFF`.
    static func printError(_ message: String, newLineFirst: Bool = false) {
        let flat = message.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
        // A progress bar may be mid-line on a terminal.
        let start = newLineFirst && isatty(STDERR_FILENO) != 0 ? "\n" : ""
        // One printable line of at most about 300 characters, whatever it quotes.
        let line = start + "frameplot: " + DisplayText.oneLine(PathEncoding.display(flat)) + "\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
}
