import Foundation
import FrameplotFiles
import FrameplotModel

/// The record of a PNG-sequence render: which render (its identity), and the size and hash
/// of every finished frame. Written next to the frames as `manifest.json`.
///
/// A later render reuses a frame on disk only when the identity recorded here equals its own
/// and the frame's byte count and hash still match, so a frame drawn with other options, by
/// another version, or damaged since, is drawn again. Entries are trusted as names only:
/// an entry counts only if its file is `frame_NNNNN.png` of its own index, in this folder.
///
/// The manifest is saved after the first finished frame and then about once a second, each
/// time after the frames it lists were flushed to disk; frames finished since the last save
/// are still recognised by the identity in their own PNG text chunks (see ``FrameFolder``).
public struct FrameManifest: Codable, Equatable, Sendable {
    /// One finished frame.
    public struct Frame: Codable, Equatable, Sendable {
        public var index: Int
        public var file: String
        public var bytes: Int
        /// FNV-1a 64-bit hash of the PNG bytes (see ``FrameHash``).
        public var hash: String

        public init(index: Int, file: String, bytes: Int, hash: String) {
            self.index = index; self.file = file; self.bytes = bytes; self.hash = hash
        }
    }

    public var scene: String
    /// The render identity (32 hex digits): the scene's identity, device scale, pixel size,
    /// PNG options, Frameplot version and the hash of the drawn static layer. Empty in
    /// manifests written before identities existed (their frames are never reused).
    public var identity: String
    /// The Frameplot version that wrote the frames.
    public var version: String
    public var options: [String: String]
    public var pixelWidth: Int
    public var pixelHeight: Int
    public var scale: Double
    public var framesPerSecond: Double
    public var frameCount: Int
    /// Finished frames, sorted by index.
    public var frames: [Frame]

    /// The manifest's file name inside the frame folder.
    public static let fileName = "manifest.json"

    init(scene: String, identity: String, version: String, options: [String: String], pixelWidth: Int,
         pixelHeight: Int, scale: Double, framesPerSecond: Double, frameCount: Int, frames: [Frame]) {
        self.scene = scene; self.identity = identity; self.version = version; self.options = options
        self.pixelWidth = pixelWidth; self.pixelHeight = pixelHeight; self.scale = scale
        self.framesPerSecond = framesPerSecond; self.frameCount = frameCount; self.frames = frames
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        scene = try c.decode(String.self, forKey: .scene)
        identity = try c.decodeIfPresent(String.self, forKey: .identity) ?? ""
        version = try c.decodeIfPresent(String.self, forKey: .version) ?? ""
        options = try c.decode([String: String].self, forKey: .options)
        pixelWidth = try c.decode(Int.self, forKey: .pixelWidth)
        pixelHeight = try c.decode(Int.self, forKey: .pixelHeight)
        scale = try c.decode(Double.self, forKey: .scale)
        framesPerSecond = try c.decode(Double.self, forKey: .framesPerSecond)
        frameCount = try c.decode(Int.self, forKey: .frameCount)
        frames = try c.decode([Frame].self, forKey: .frames)
    }

    /// The file name of PNG frame `index`: `frame_00042.png`.
    public static func frameFileName(_ index: Int) -> String {
        frameFileName(index, extension: "png")
    }

    /// The file name of frame `index` with the extension `ext`: `frame_00042.svg`.
    public static func frameFileName(_ index: Int, extension ext: String) -> String {
        let digits = String(index)
        return "frame_" + String(repeating: "0", count: max(0, 5 - digits.count)) + digits + "." + ext
    }

    /// The index of a PNG frame file name, or nil unless `name` is exactly
    /// ``frameFileName(_:)`` of that index (no folder part, no other padding).
    public static func frameIndex(fromFileName name: String) -> Int? {
        frameIndex(fromFileName: name, extension: "png")
    }

    /// The index of a frame file name with the extension `ext` (see ``frameIndex(fromFileName:)``).
    public static func frameIndex(fromFileName name: String, extension ext: String) -> Int? {
        guard name.hasPrefix("frame_"), name.hasSuffix("." + ext) else { return nil }
        let digits = name.dropFirst(6).dropLast(ext.count + 1)
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let index = Int(digits), frameFileName(index, extension: ext) == name else { return nil }
        return index
    }

    /// The entries that can be trusted as names: each file is the frame file of its own index
    /// below ``frameCount``, in this folder; the first entry of an index wins.
    func validFrames() -> [Int: Frame] {
        var valid: [Int: Frame] = [:]
        for frame in frames where frame.index >= 0 && frame.index < frameCount && valid[frame.index] == nil
            && frame.bytes > 0 && Self.frameIndex(fromFileName: frame.file) == frame.index {
            valid[frame.index] = frame
        }
        return valid
    }

    /// Reads `manifest.json` from `folder`, or nil when it is missing or unreadable
    /// (an unreadable manifest only means that no frame can be trusted by it).
    static func read(from folder: OutputFolder) -> FrameManifest? {
        guard let bytes = folder.contents(of: fileName) else { return nil }
        return try? JSONDecoder().decode(FrameManifest.self, from: Data(bytes))
    }

    /// Reads `manifest.json` from the folder at `directory`, or nil.
    static func read(from directory: String) -> FrameManifest? {
        guard let data = FileManager.default.contents(atPath: (directory as NSString).appendingPathComponent(fileName)) else {
            return nil
        }
        return try? JSONDecoder().decode(FrameManifest.self, from: data)
    }

    /// The manifest as JSON with stable key order, so equal renders give equal files.
    ///
    /// Written by hand, one frame per line, rather than through `JSONEncoder`: the manifest
    /// is saved every second or so during a render, and the encoder's intermediate tree for
    /// 10,000 frames would make memory grow with the length of the animation.
    func jsonText() -> String {
        var text = "{\n"
        text += "  \"frameCount\" : \(frameCount),\n"
        text += "  \"framesPerSecond\" : \(Self.number(framesPerSecond)),\n"
        text += "  \"identity\" : \(JSONStringLiteral.quoted(identity)),\n"
        text += "  \"options\" : {"
        text += options.keys.sorted().map { "\n    \(JSONStringLiteral.quoted($0)) : \(JSONStringLiteral.quoted(options[$0] ?? ""))" }.joined(separator: ",")
        text += options.isEmpty ? "},\n" : "\n  },\n"
        text += "  \"pixelHeight\" : \(pixelHeight),\n"
        text += "  \"pixelWidth\" : \(pixelWidth),\n"
        text += "  \"scale\" : \(Self.number(scale)),\n"
        text += "  \"scene\" : \(JSONStringLiteral.quoted(scene)),\n"
        text += "  \"version\" : \(JSONStringLiteral.quoted(version)),\n"
        text += "  \"frames\" : ["
        var first = true
        for frame in frames {
            text += first ? "\n" : ",\n"
            first = false
            text += "    { \"bytes\" : \(frame.bytes), \"file\" : \(JSONStringLiteral.quoted(frame.file)), \"hash\" : \(JSONStringLiteral.quoted(frame.hash)), \"index\" : \(frame.index) }"
        }
        text += frames.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return text
    }

    /// Writes the manifest into `directory` with the atomic writer (flushed to disk).
    func write(to directory: String) throws {
        try AtomicFile.write(text: jsonText(), to: (directory as NSString).appendingPathComponent(FrameManifest.fileName))
    }

    /// A JSON number (finite values only; others become 0).
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
