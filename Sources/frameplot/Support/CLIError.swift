import ArgumentParser
import Foundation
import FrameplotModel

/// A failure worded for the person at the terminal, with its exit status.
struct CLIError: Error, CustomStringConvertible {
    enum Kind {
        /// Wrong usage: a bad option value or combination (exit status 2).
        case usage
        /// Bad data, a failed training run or a failed write (exit status 1).
        case failure
    }

    var kind: Kind
    var message: String

    var description: String { message }

    var exitStatus: Int32 { kind == .usage ? 2 : 1 }

    static func usage(_ message: String) -> CLIError { CLIError(kind: .usage, message: message) }
    static func failure(_ message: String) -> CLIError { CLIError(kind: .failure, message: message) }
}

/// The exit statuses of `frameplot`.
enum ExitStatus {
    static let success: Int32 = 0
    static let failure: Int32 = 1
    static let usage: Int32 = 2
}
