import Dispatch
import FrameplotCanvas
import FrameplotFiles

/// An MP4 or GIF fed frame by frame through ffmpeg as a ``FrameWriter`` draws them.
///
/// ffmpeg writes into a temporary file next to the video, which replaces it only when
/// complete and checked (``VideoFileCheck``); a discarded stream leaves an existing video as
/// it was. An MP4 is encoded as the frames come. A GIF needs one palette for all its frames,
/// which a stream only knows at its end: the first ffmpeg computes the palette and keeps a
/// lossless copy of the frames (QuickTime Animation, a few tens of kilobytes a frame) as they
/// come, and ``finish(frameCount:)`` makes the GIF from the copy, with the same filters as
/// ``FrameRenderer/renderVideo(to:options:)`` (the bytes are the same as that two-pass GIF).
final class VideoFrameSink: FrameSink {
    private let path: String
    private let format: VideoOptions.Format
    private let options: VideoOptions
    private let framesPerSecond: Double
    private let ffmpeg: String
    private let output: AtomicFile.Replacement
    /// GIF only: the palette and the lossless copy of the frames.
    private var palette: ScratchFile?
    private var copy: ScratchFile?
    private var encoder: RawVideoEncoder?

    init(path: String, format: VideoOptions.Format, options: VideoOptions, framesPerSecond: Double) throws {
        ffmpeg = try FFmpeg.locate(options.ffmpegPath)
        try OutputFolder.create(FrameRenderer.folder(of: path))
        output = try AtomicFile.Replacement(replacing: path)
        FrameRenderer.removeAbandonedVideoTemporaries(of: output.destination)
        self.path = path; self.format = format; self.options = options; self.framesPerSecond = framesPerSecond
    }

    func append(_ frame: ImageCanvas, index: Int) throws -> Double {
        if encoder == nil { encoder = try start(width: frame.pixelWidth, height: frame.pixelHeight) }
        let started = DispatchTime.now()
        try encoder?.append(frame)
        return FrameRenderer.seconds(since: started)
    }

    /// Starts ffmpeg for frames of `width` x `height` pixels.
    private func start(width: Int, height: Int) throws -> RawVideoEncoder {
        switch format {
        case .mp4:
            // yuv420p needs even sizes: the frames are padded by repeating their edge pixels.
            let input = VideoArguments.rawInput(width: width + width % 2, height: height + height % 2, fps: framesPerSecond)
            return try RawVideoEncoder(ffmpeg: ffmpeg, arguments: input + VideoArguments.mp4(options: options, fps: framesPerSecond,
                                                                                             output: output.temporaryPath),
                                       output: path, padToEven: true)
        case .gif:
            let palette = try ScratchFile(nextTo: output.destination, purpose: "palette", suffix: ".png")
            let copy = try ScratchFile(nextTo: output.destination, purpose: "frames", suffix: ".mov")
            self.palette = palette; self.copy = copy
            let input = VideoArguments.rawInput(width: width, height: height, fps: framesPerSecond)
            return try RawVideoEncoder(ffmpeg: ffmpeg, arguments: input + VideoArguments.paletteAndLosslessCopy(palette: palette.path, copy: copy.path),
                                       output: path, padToEven: false)
        }
    }

    func finish(frameCount: Int) throws {
        defer { removeScratch() }
        do {
            try encoder?.finish()
            encoder = nil
            if format == .gif, let palette, let copy {
                try RawVideoEncoder.run(ffmpeg: ffmpeg, arguments: ["-i", copy.path]
                                        + VideoArguments.gif(palette: palette.path, options: options, output: output.temporaryPath),
                                        output: path)
            }
            try VideoFileCheck.verify(output.temporaryPath, format: format, output: path)
            try output.commit()
        } catch {
            discard()
            throw error
        }
    }

    func discard() {
        encoder?.terminate()
        encoder = nil
        output.discard()
        removeScratch()
    }

    private func removeScratch() {
        palette?.remove(); copy?.remove()
        palette = nil; copy = nil
    }
}
