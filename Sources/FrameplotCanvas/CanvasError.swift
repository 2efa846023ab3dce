/// Why drawing or encoding a canvas failed.
///
/// Every case describes itself in one line that names what failed, for example
/// `invalid canvas size 0x10 at scale 1: width and height must be positive`. Writing the
/// result to a file fails with ``FileWriteError`` instead (the one writer of every output).
///
/// ```swift
/// do { _ = try ImageCanvas(width: 0, height: 10) }
/// catch let error as CanvasError { print(error) }
/// ```
public enum CanvasError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The requested canvas size is empty, negative, not finite, or too large for memory.
    case invalidSize(width: Double, height: Double, scale: Double, reason: String)
    /// Cairo reported a failure (`status` is cairo's own description) while doing `operation`.
    case cairo(operation: String, status: String)
    /// Pango could not provide fonts or a layout context.
    case text(String)
    /// libpng could not encode the image.
    case pngEncoding(String)
    /// A vector canvas was drawn on after its document was finished by `data()` or `write(to:)`.
    case documentFinished

    public var description: String {
        switch self {
        case let .invalidSize(width, height, scale, reason):
            return "invalid canvas size \(Self.format(width))x\(Self.format(height)) at scale \(Self.format(scale)): \(reason)"
        case let .cairo(operation, status):
            return "cairo failed to \(operation): \(status)"
        case let .text(reason):
            return "text rendering failed: \(reason) (run scripts/setup.sh to install the fonts and libraries)"
        case let .pngEncoding(reason):
            return "PNG encoding failed: \(reason)"
        case .documentFinished:
            return "the vector document was already finished; draw everything before calling data() or write(to:)"
        }
    }

    private static func format(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}
