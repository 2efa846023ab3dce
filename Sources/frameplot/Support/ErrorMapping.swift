import Foundation
import FrameplotModel

/// Turns the library's typed errors into one-line messages with the right exit status.
enum ErrorMapping {
    static func map(_ error: Error) -> CLIError? {
        if let error = error as? CSVError {
            var message = error.description
            if case .nonFinite = error { message += " (use --drop-invalid to drop such rows)" }
            return .failure(message)
        }
        return nil
    }
}
