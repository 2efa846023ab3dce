import FrameplotCanvas

/// An animation as a pure function from a frame index to a picture.
///
/// A scene owns everything a frame needs (the recorded training states, the data, the
/// layout); drawing a frame never calls back into training, so frames can be drawn in any
/// order, on any core, again later at another size, and always give the same pixels.
///
/// The renderer draws ``renderStatic(on:)`` once per worker into a cached layer, then for
/// every frame clears the frame canvas, composites the cached layer and calls
/// ``renderFrame(_:on:)`` to draw only the moving parts on top.
///
/// ```swift
/// struct Dot: AnimationScene {
///     var name: String { "dot" }
///     var size: Size { Size(width: 200, height: 100) }
///     var framesPerSecond: Double { 10 }
///     var frameCount: Int { 20 }
///     func renderStatic(on canvas: Canvas) throws { canvas.clear(.white) }
///     func renderFrame(_ index: Int, on canvas: Canvas) throws {
///         canvas.fill(.circle(center: Point(x: 10 + 9 * Double(index), y: 50), radius: 5), color: .black)
///     }
/// }
/// try FrameRenderer(scene: Dot()).renderPNGSequence(to: "Output/dot")
/// ```
public protocol AnimationScene: Sendable {
    /// The catalog name, e.g. `gd-locus`; written into the manifest.
    var name: String { get }
    /// The frame size in layout units (pixels at scale 1).
    var size: Size { get }
    /// Frames per second of the video.
    var framesPerSecond: Double { get }
    /// How many frames the animation has.
    var frameCount: Int { get }
    /// Everything that identifies the picture besides the name and size (steps, learning
    /// rate, seed, theme …), written into the manifest so that a resumed render only reuses
    /// frames drawn with the same options.
    var fingerprint: [String: String] { get }
    /// A hash of everything that changes a pixel of any frame: options, data, the recorded
    /// run, size, theme. Frames on disk are reused only under an equal identity (the renderer
    /// adds the device scale and Frameplot's version). Build it with ``RenderIdentityHasher``.
    var identity: RenderIdentity { get }

    /// Draws the parts that never change (background, heatmaps, axes, data points).
    func renderStatic(on canvas: Canvas) throws
    /// Draws the moving parts of frame `index` (0-based) over the static layer.
    func renderFrame(_ index: Int, on canvas: Canvas) throws
}

extension AnimationScene {
    public var fingerprint: [String: String] { [:] }

    /// By default: the name, size, frame rate, frame count and ``fingerprint``. Scenes that draw
    /// data should hash that data too.
    public var identity: RenderIdentity {
        var hasher = RenderIdentityHasher(kind: name)
        hasher.combine("size", [size.width, size.height])
        hasher.combine("fps", framesPerSecond)
        hasher.combine("frames", frameCount)
        for key in fingerprint.keys.sorted() { hasher.combine(key, fingerprint[key] ?? "") }
        return hasher.finalize()
    }
}
