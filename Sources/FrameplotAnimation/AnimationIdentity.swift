import FrameplotCanvas
import FrameplotModel

/// The identity shared by the animations drawn from a recorded run (``Animation``,
/// ``FigureAnimation``): cheap settings hashed on every call, plus the exact drawing of the
/// static layer and of three sample frames, hashed once.
///
/// ```swift
/// let drawing = AnimationIdentity.drawing(kind: "fit", size: size, run: run) { canvas in
///     try renderStatic(on: canvas)
///     for i in AnimationIdentity.sampleFrames(count: frameCount) { try renderFrame(i, on: canvas) }
/// }
/// ```
enum AnimationIdentity {
    /// The identity of an animation of `kind` with these settings and drawing.
    static func identity(kind: String, name: String, framesPerSecond: Double, settings: [String: String],
                         drawing: RenderIdentity) -> RenderIdentity {
        var hasher = RenderIdentityHasher(kind: kind)
        hasher.combine("name", name)
        hasher.combine("fps", framesPerSecond)
        for key in settings.keys.sorted() { hasher.combine(key, settings[key] ?? "") }
        hasher.combine("drawing", drawing)
        return hasher.finalize()
    }

    /// `settings` plus the identity, for the manifest: even a renderer that compares only the
    /// manifest's options never keeps frames of another run.
    static func fingerprint(_ settings: [String: String], identity: RenderIdentity) -> [String: String] {
        settings.merging(["identity": identity.hex]) { _, identity in identity }
    }

    /// The first, middle and last frames: the ones whose drawing is hashed.
    static func sampleFrames(count: Int) -> [Int] { FigureAnimation.samples(count: count, at: 3) }

    /// Hashes the size, `extra` numbers, the run, and every call `draw` makes on a hashing canvas.
    /// A drawing that throws is hashed up to the failure (the render itself reports the error).
    static func drawing(kind: String, size: Size, extra: [Double] = [], run: RecordedRun,
                        draw: (Canvas) throws -> Void) -> RenderIdentity {
        var hasher = RenderIdentityHasher(kind: kind)
        hasher.combine("size", [size.width, size.height] + extra)
        hasher.combine("run", run: run)
        let canvas = HashingCanvas(size: size, hasher: hasher)
        do {
            try draw(canvas)
        } catch {
            var failed = canvas.hasher
            failed.combine("error", String(describing: error))
            return failed.finalize()
        }
        return canvas.hasher.finalize()
    }
}
