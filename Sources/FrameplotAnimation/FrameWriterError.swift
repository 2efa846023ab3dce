/// Mistakes in the use of a ``FrameWriter``, worded for the programmer who made them.
///
/// What goes wrong on disk or in ffmpeg is reported as for the renderer:
/// ``FrameplotFiles/FileWriteError`` and ``AnimationError``.
///
/// ```swift
/// do { try writer.write(biggerFigure) }
/// catch let error as FrameWriterError { print(error) }   // frame 3 is 800x600 pixels, …
/// ```
public enum FrameWriterError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A frame of another size than the first (`expected` and `actual` as `WxH`, in pixels,
    /// or in points for a PDF).
    case frameSizeChanged(frame: Int, expected: String, actual: String)
    /// ``FrameWriter/finish()`` before any frame: nothing was written.
    case noFrames(path: String)
    /// A frame or ``FrameWriter/finish()`` after the writer was finished, discarded, or failed.
    case closed(path: String)
    /// A frame drawn with a closure before the writer knew the frame size.
    case sizeNeeded(path: String)
    /// A target the writer cannot write.
    case unsupportedTarget(path: String, reason: String)

    public var description: String {
        switch self {
        case let .frameSizeChanged(frame, expected, actual):
            return "frame \(frame) is \(actual) but the first frame was \(expected); every frame of an animation has one size"
        case let .noFrames(path):
            return "no frame was written to \(path), so nothing was written"
        case let .closed(path):
            return "the frame writer of \(path) was already finished or discarded (or failed), and takes no more frames"
        case let .sizeNeeded(path):
            return "drawing a frame of \(path) with a closure needs the frame size: pass size: to FrameWriter, or write a figure or canvas first"
        case let .unsupportedTarget(path, reason):
            return "cannot write frames to \(path): \(reason)"
        }
    }
}
