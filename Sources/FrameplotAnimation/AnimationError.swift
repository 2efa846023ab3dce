/// What can go wrong while rendering or encoding an animation, worded for the person running it.
public enum AnimationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No scene with that name is registered; `known` lists the ones that are.
    case unknownScene(String, known: [String])
    /// An option value the scene cannot use.
    case invalidOption(String)
    /// A frame range that is empty or outside the animation.
    case invalidFrameRange(String, frameCount: Int)
    /// ffmpeg is not installed (or not at the given path).
    case ffmpegMissing(path: String)
    /// ffmpeg ran but failed; `message` is the last line it printed.
    case ffmpegFailed(status: Int32, message: String)
    /// The video format could not be chosen from the file name.
    case unsupportedVideoFormat(String)
    /// A PNG-sequence render was cancelled before it finished; the frames written so far are
    /// complete and listed in the manifest, so running it again resumes.
    case cancelled(framesDone: Int)
    /// A video render was cancelled: nothing was written, an existing file is unchanged.
    case videoCancelled(path: String)
    /// A render into one file (a PDF) or a stream of frames (``FrameWriter``) was cancelled:
    /// nothing was written; the file or folder that was there is unchanged.
    case outputCancelled(path: String)
    /// A recorded history cannot drive this scene (wrong parameter columns, no rows).
    case unusableHistory(String)

    public var description: String {
        switch self {
        case let .unknownScene(name, known):
            return "unknown scene \"\(name)\"; known scenes: \(known.joined(separator: ", "))"
        case let .invalidOption(message):
            return message
        case let .invalidFrameRange(text, count):
            return "frame range \"\(text)\" is not within 0..\(max(count - 1, 0))"
        case let .ffmpegMissing(path):
            return "ffmpeg not found (\(path)); install the Debian package `ffmpeg` (sudo apt-get install ffmpeg) or write PNG frames instead"
        case let .ffmpegFailed(status, message):
            return "ffmpeg failed with status \(status): \(message)"
        case let .unsupportedVideoFormat(path):
            return "cannot tell the video format of \(path): use .mp4 or .gif"
        case let .cancelled(done):
            return "render cancelled after \(done) new frame\(done == 1 ? "" : "s"); the finished frames are kept, and the same render resumes from them"
        case let .videoCancelled(path):
            return "video render cancelled; \(path) was not written (an existing file is unchanged)"
        case let .outputCancelled(path):
            return "cancelled; \(path) was not written (what was there is unchanged)"
        case let .unusableHistory(message):
            return "cannot animate this history: \(message)"
        }
    }
}
