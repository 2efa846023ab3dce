import Foundation
import FrameplotAnimation
import FrameplotCanvas
import FrameplotFiles
import FrameplotModel

/// Turns the library's typed errors into one-line messages with the right exit status.
enum ErrorMapping {
    static func map(_ error: Error) -> CLIError? {
        if let error = error as? CSVError {
            var message = error.description
            switch error {
            case .nonFinite, .tooLarge, .missingValue: message += " (use --drop-invalid to drop such rows)"
            case .notUTF8: message += ", or name its encoding with --encoding (\(CSVEncoding.names))"
            default: break
            }
            return .failure(message)
        }
        if let error = error as? InvalidOptionValue {
            return .usage(error.description)
        }
        if let error = error as? TrainingError {
            return .failure(error.description)
        }
        if let error = error as? AnimationError {
            switch error {
            case .unknownScene, .invalidOption, .invalidFrameRange:
                return .usage(error.description)
            default:
                return .failure(error.description)
            }
        }
        if let error = error as? CanvasError {
            return .failure(String(describing: error))
        }
        if let error = error as? FileWriteError {
            // A full disk, no permission, a read-only file system and a missing folder each in
            // their own words; a refused target (a device, a FIFO) is named and left alone.
            return .failure(shortened(error).description)
        }
        return nil
    }

    /// `error` with its paths cut in the middle when long, so that a 300-character file
    /// name never pushes the reason off the one-line message.
    static func shortened(_ error: FileWriteError) -> FileWriteError {
        func cut(_ path: String) -> String { DisplayText.middle(path, limit: 100) }
        var reason = error.reason
        switch reason {
        case let .permissionDenied(folder): reason = .permissionDenied(folder: cut(folder))
        case let .missingFolder(folder): reason = .missingFolder(cut(folder))
        case let .notAFolder(folder): reason = .notAFolder(cut(folder))
        default: break
        }
        return FileWriteError(path: cut(error.path), reason: reason, isFolder: error.isFolder)
    }
}
