import Dispatch
import FrameplotCanvas
import FrameplotFiles

/// One ffmpeg process fed raw BGRA frames through its standard input, in order: the encoder
/// behind ``FrameRenderer/renderVideo(to:options:)`` and ``FrameWriter``.
///
/// A frame goes to ffmpeg as the canvas's own pixel rows (no PNG round trip), padded to even
/// width and height by repeating its last column and row when asked (H.264 in yuv420p needs
/// even sizes; repeating the edge keeps a dark frame free of a light border).
///
/// ```swift
/// let encoder = try RawVideoEncoder(ffmpeg: path, arguments: VideoArguments.rawInput(width: 640, height: 480, fps: 20)
///                                   + VideoArguments.mp4(crf: 18, fps: 20, output: temporary), output: "run.mp4", padToEven: true)
/// try encoder.append(frame)     // every frame, in order
/// try encoder.finish()          // waits for ffmpeg; its error in its own words
/// ```
final class RawVideoEncoder {
    /// The output named in errors.
    let output: String
    private let ffmpeg: FFmpeg
    private let padToEven: Bool
    private var padded = EvenFrame()

    /// Starts ffmpeg with `arguments` (which read raw frames from `pipe:0`).
    init(ffmpeg path: String, arguments: [String], output: String, padToEven: Bool) throws {
        self.output = output
        self.padToEven = padToEven
        ffmpeg = FFmpeg(executable: path, arguments: arguments)
        try ffmpeg.start()
    }

    /// Hands `frame`'s pixels to ffmpeg; when ffmpeg has quit, throws its own reason.
    func append(_ frame: ImageCanvas) throws {
        try frame.checkStatus()
        do {
            try frame.withUnsafeBGRABytes { buffer, stride in
                try padded.write(buffer, stride: stride, width: frame.pixelWidth, height: frame.pixelHeight,
                                 padToEven: padToEven, to: ffmpeg)
            }
        } catch is ChildProcess.PipeClosed {
            throw ffmpeg.failure(status: ffmpeg.finish(), output: output)
        }
    }

    /// Closes ffmpeg's input and waits for it; throws its failure.
    func finish() throws {
        let status = ffmpeg.finish()
        if status != 0 { throw ffmpeg.failure(status: status, output: output) }
    }

    /// Kills and reaps ffmpeg (cancellation, or a failure on our side).
    func terminate() {
        ffmpeg.terminate()
    }

    /// Runs ffmpeg with `arguments` that read no frames from us (a second pass over files),
    /// and waits for it.
    static func run(ffmpeg path: String, arguments: [String], output: String) throws {
        let encoder = try RawVideoEncoder(ffmpeg: path, arguments: ["-nostdin"] + arguments, output: output, padToEven: false)
        try encoder.finish()
    }
}

/// Hands a frame to ffmpeg as tightly packed rows, padded to even width and height by
/// repeating the last column and row when asked (the buffer is kept between frames).
private struct EvenFrame {
    private var buffer: [UInt8] = []

    mutating func write(_ pixels: UnsafeRawBufferPointer, stride: Int, width: Int, height: Int, padToEven: Bool,
                        to ffmpeg: FFmpeg) throws {
        let rowBytes = width * 4
        let padWidth = padToEven && width % 2 == 1, padHeight = padToEven && height % 2 == 1
        if !padWidth && !padHeight && stride == rowBytes {
            try ffmpeg.write(UnsafeRawBufferPointer(rebasing: pixels[0..<(rowBytes * height)]))
            return
        }
        let outRow = rowBytes + (padWidth ? 4 : 0)
        let outHeight = height + (padHeight ? 1 : 0)
        if buffer.count != outRow * outHeight { buffer = [UInt8](repeating: 0, count: outRow * outHeight) }
        guard let source = pixels.baseAddress else { return }
        buffer.withUnsafeMutableBytes { out in
            guard let target = out.baseAddress else { return }
            for y in 0..<outHeight {
                let from = min(y, height - 1) * stride
                let to = y * outRow
                target.advanced(by: to).copyMemory(from: source.advanced(by: from), byteCount: rowBytes)
                if padWidth {
                    target.advanced(by: to + rowBytes).copyMemory(from: source.advanced(by: from + rowBytes - 4), byteCount: 4)
                }
            }
        }
        try buffer.withUnsafeBytes { try ffmpeg.write($0) }
    }
}

/// The ffmpeg arguments of each kind of video Frameplot writes.
enum VideoArguments {
    /// Raw BGRA frames of `width` x `height` at `fps` from standard input.
    static func rawInput(width: Int, height: Int, fps: Double) -> [String] {
        ["-f", "rawvideo", "-pix_fmt", "bgra", "-s", "\(width)x\(height)", "-framerate", FFmpeg.number(fps), "-i", "pipe:0"]
    }

    /// H.264 in yuv420p that plays everywhere (frames must already have even sizes).
    static func mp4(options: VideoOptions, fps: Double, output: String) -> [String] {
        ["-c:v", "libx264", "-preset", "medium", "-crf", String(options.crf), "-pix_fmt", "yuv420p",
         "-r", FFmpeg.number(fps), "-movflags", "+faststart", "-f", "mp4", output]
    }

    /// One palette for all the input's frames, written as a PNG.
    static func palette(to path: String) -> [String] {
        ["-vf", paletteGeneration, "-frames:v", "1", "-update", "1", "-c:v", "png", "-f", "image2", path]
    }

    /// The input's frames as a GIF through `palette` (a second input, after the frames).
    static func gif(palette: String, options: VideoOptions, output: String) -> [String] {
        let hold = Int((options.gifHoldLastFrame * 100).rounded())
        return ["-i", palette, "-lavfi", "[0:v][1:v]paletteuse=dither=sierra2_4a:diff_mode=rectangle",
                "-loop", String(options.gifLoop), "-final_delay", String(max(hold, -1)), "-f", "gif", output]
    }

    /// In one pass over streamed frames: their palette (as ``palette(to:)``) and a lossless copy
    /// to make the GIF from afterwards. QuickTime Animation (run-length) is the cheapest lossless
    /// codec for plots here: 0.3 s of CPU and 4 MB for 101 frames of 800x400, where FFV1
    /// takes 1 s and 7 MB, and the GIF made from it is byte-identical to the two-pass one.
    static func paletteAndLosslessCopy(palette: String, copy: String) -> [String] {
        ["-filter_complex", "[0:v]split[frames][stats];[stats]\(paletteGeneration)[palette]",
         "-map", "[palette]", "-frames:v", "1", "-update", "1", "-c:v", "png", "-f", "image2", palette,
         "-map", "[frames]", "-c:v", "qtrle", "-f", "mov", copy]
    }

    private static let paletteGeneration = "palettegen=stats_mode=full:max_colors=256"
}
