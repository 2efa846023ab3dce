import FrameplotCanvas
import FrameplotFiles
import FrameplotPlot

extension FrameWriter {
    /// Opens a writer, runs `body` with it and finishes it; when `body` throws, the stream is
    /// discarded (nothing written, the target unchanged) and the error rethrown. Like
    /// matplotlib's `with writer.saving(fig, "run.mp4", dpi):`, except that a failed loop leaves
    /// no half-written video.
    ///
    /// While `body` runs, a ``FrameplotFiles/StopRequest`` (a program's Ctrl-C handler) stops the
    /// stream at its next frame, which throws ``AnimationError/outputCancelled(path:)``.
    ///
    /// ```swift
    /// try FrameWriter.writing(to: "Output/run.gif", size: Size(width: 320, height: 240)) { writer in
    ///     for step in 0..<20 {
    ///         try writer.write { canvas in
    ///             canvas.fill(.circle(center: Point(x: 16 * Double(step), y: 120), radius: 8), color: .red)
    ///         }
    ///     }
    /// }
    /// ```
    ///
    /// - Parameters: as ``init(to:size:scale:framesPerSecond:theme:video:pngOptions:progress:)``.
    /// - Returns: the summary of ``finish()``.
    @discardableResult
    public static func writing(to path: String, size: Size? = nil, scale: Double? = nil, framesPerSecond: Double = 20,
                               theme: Theme? = nil, video: VideoOptions = VideoOptions(), pngOptions: PNGOptions = .fast,
                               progress: ProgressStyle = .quiet, _ body: (FrameWriter) throws -> Void) throws -> RenderSummary {
        try StopRequest.shared.whileCancellable {
            let writer = try FrameWriter(to: path, size: size, scale: scale, framesPerSecond: framesPerSecond, theme: theme,
                                         video: video, pngOptions: pngOptions, progress: progress)
            do {
                try body(writer)
            } catch {
                writer.discard()
                throw error
            }
            return try writer.finish()
        }
    }
}
