import Dispatch
import FrameplotCanvas
import FrameplotFiles

/// Where a ``FrameWriter`` puts raster frames as they come: a PNG folder, an MP4 or a GIF.
///
/// A sink is made when the writer is (so a bad target fails before any drawing), sees the
/// first frame's pixel size with the first ``append(_:index:)``, and ends with exactly one of
/// ``finish()`` (the target appears, complete) or ``discard()`` (the target is unchanged).
protocol FrameSink: AnyObject {
    /// Takes frame `index` (0, 1, … in order); returns the seconds spent encoding it.
    func append(_ frame: ImageCanvas, index: Int) throws -> Double
    /// Completes the output and puts it in place.
    func finish(frameCount: Int) throws
    /// Removes everything written so far; the target stays as it was.
    func discard()
}

/// PNG frames streamed into a folder: staged as they come, moved in all at once by ``finish(frameCount:)``.
///
/// A stream cannot resume (its frames come from a loop that runs again), so the folder keeps
/// its previous render until the stream finishes, and then holds exactly the new frames and
/// their manifest. The frames carry the stream's identity and their index in PNG text chunks,
/// like rendered frames, and the identity depends only on the frame size, scale, frame rate,
/// PNG options and Frameplot's version: the same stream gives the same bytes.
final class PNGFolderSink: FrameSink {
    private let folder: StagedFrameFolder
    private let options: PNGOptions
    private let framesPerSecond: Double
    /// The manifest's header and the stream's identity, from the first frame.
    private var header: FrameManifest?
    private var identity = RenderIdentityHasher(kind: "frameplot-stream").finalize()
    private var frames: [FrameManifest.Frame] = []

    init(directory: String, options: PNGOptions, framesPerSecond: Double) throws {
        folder = try StagedFrameFolder(locking: directory)
        self.options = options
        self.framesPerSecond = framesPerSecond
    }

    func append(_ frame: ImageCanvas, index: Int) throws -> Double {
        if header == nil { start(with: frame) }
        let started = DispatchTime.now()
        let bytes = try frame.pngData(options: options, text: FrameFolder.textChunks(identity: identity, index: index))
        let encoded = FrameRenderer.seconds(since: started)
        let name = FrameManifest.frameFileName(index)
        try AtomicFile.write(bytes, to: folder.stagingPath + "/" + name, sync: false)
        frames.append(FrameManifest.Frame(index: index, file: name, bytes: bytes.count, hash: FrameHash.fnv1a(bytes)))
        return encoded
    }

    func finish(frameCount: Int) throws {
        guard var manifest = header else { return discard() }
        manifest.frameCount = frameCount
        manifest.frames = frames
        try folder.commit(frames: frames.map(\.file), manifest: manifest)
    }

    func discard() { folder.discard() }

    /// Sets the identity and manifest header of a stream of frames like `frame`. The identity
    /// covers everything but the drawing itself: pixel size, scale, frame rate, PNG options and
    /// Frameplot's version.
    private func start(with frame: ImageCanvas) {
        var hasher = RenderIdentityHasher(kind: "frameplot-stream")
        hasher.combine("pixels", [Double(frame.pixelWidth), Double(frame.pixelHeight)])
        hasher.combine("scale", frame.scale)
        hasher.combine("fps", framesPerSecond)
        hasher.combine("png", options.identityValues)
        hasher.combine("version", FrameplotVersion.string)
        identity = hasher.finalize()
        header = FrameManifest(scene: "stream", identity: identity.hex, version: FrameplotVersion.string, options: [:],
                             pixelWidth: frame.pixelWidth, pixelHeight: frame.pixelHeight, scale: frame.scale,
                             framesPerSecond: framesPerSecond, frameCount: 0, frames: [])
    }
}

extension PNGOptions {
    /// The options as numbers for a render identity (a frame encoded otherwise has other bytes).
    var identityValues: [Double] {
        [Double(compressionLevel), Double(Filter.allCases.firstIndex(of: filter) ?? 0), recordsResolution ? 1 : 0]
    }
}
