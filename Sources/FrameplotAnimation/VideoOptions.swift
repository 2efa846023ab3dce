/// How ``FrameRenderer/renderVideo(to:options:)`` encodes a video.
///
/// ```swift
/// var options = VideoOptions()
/// options.gifHoldLastFrame = 2   // seconds
/// try FrameRenderer(scene: scene).renderVideo(to: "Output/sgd.gif", options: options)
/// ```
public struct VideoOptions: Sendable, Hashable {
    /// The container and codec.
    public enum Format: String, Sendable, Hashable {
        /// H.264 (libx264), yuv420p, even dimensions: plays everywhere.
        case mp4
        /// One palette for the whole animation, per-frame delays, optional hold and loop.
        case gif

        /// The format named by the file's extension, if any.
        public init?(path: String) {
            let lower = path.lowercased()
            if lower.hasSuffix(".mp4") { self = .mp4 } else if lower.hasSuffix(".gif") { self = .gif } else { return nil }
        }
    }

    /// The ffmpeg executable: a path, or a bare name searched in `PATH`.
    public var ffmpegPath: String = "ffmpeg"
    /// Overrides the scene's frame rate.
    public var framesPerSecond: Double?
    /// H.264 quality (lower is better; 18 is visually lossless for plots).
    public var crf: Int = 18
    /// GIF: how many times to loop (0 forever, -1 play once).
    public var gifLoop: Int = 0
    /// GIF: seconds to hold the last frame.
    public var gifHoldLastFrame: Double = 1

    public init() {}
}
