import Foundation
import FrameplotCanvas
import FrameplotModel

/// The record of a PNG-sequence render: which scene, with which options, and the hash of
/// every finished frame. Written next to the frames as `manifest.json`.
///
/// A later render with the same scene, options and pixel size trusts a frame on disk only
/// when its byte count and hash still match this record, so a truncated or changed frame is
/// drawn again and a complete one is skipped.
public struct FrameManifest: Codable, Equatable, Sendable {
    /// One finished frame.
    public struct Frame: Codable, Equatable, Sendable {
        public var index: Int
        public var file: String
        public var bytes: Int
        /// FNV-1a 64-bit hash of the PNG bytes (see ``FrameHash``).
        public var hash: String
    }

    public var scene: String
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

    /// The file name of frame `index`: `frame_00042.png`.
    public static func frameFileName(_ index: Int) -> String {
        let digits = String(index)
        return "frame_" + String(repeating: "0", count: max(0, 5 - digits.count)) + digits + ".png"
    }

    /// Whether this manifest describes the same picture as `other` (frames aside).
    func describesSameRender(as other: FrameManifest) -> Bool {
        scene == other.scene && options == other.options && pixelWidth == other.pixelWidth
            && pixelHeight == other.pixelHeight && scale == other.scale && frameCount == other.frameCount
    }

    /// Reads `manifest.json` from `directory`, or nil when it is missing or unreadable
    /// (an unreadable manifest only means that no frame can be trusted).
    static func read(from directory: String) -> FrameManifest? {
        let path = (directory as NSString).appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(FrameManifest.self, from: data)
    }

    /// Writes the manifest atomically with stable key order, so equal renders give equal files.
    ///
    /// Written by hand, one frame per line, rather than through `JSONEncoder`: the manifest
    /// is saved every second or so during a render, and the encoder's intermediate tree for
    /// 10,000 frames would make memory grow with the length of the animation.
    func write(to directory: String) throws {
        var text = "{\n"
        text += "  \"frameCount\" : \(frameCount),\n"
        text += "  \"framesPerSecond\" : \(Self.number(framesPerSecond)),\n"
        text += "  \"options\" : {"
        text += options.keys.sorted().map { "\n    \(JSONStringLiteral.quoted($0)) : \(JSONStringLiteral.quoted(options[$0] ?? ""))" }.joined(separator: ",")
        text += options.isEmpty ? "},\n" : "\n  },\n"
        text += "  \"pixelHeight\" : \(pixelHeight),\n"
        text += "  \"pixelWidth\" : \(pixelWidth),\n"
        text += "  \"scale\" : \(Self.number(scale)),\n"
        text += "  \"scene\" : \(JSONStringLiteral.quoted(scene)),\n"
        text += "  \"frames\" : ["
        var first = true
        for frame in frames {
            text += first ? "\n" : ",\n"
            first = false
            text += "    { \"bytes\" : \(frame.bytes), \"file\" : \(JSONStringLiteral.quoted(frame.file)), \"hash\" : \(JSONStringLiteral.quoted(frame.hash)), \"index\" : \(frame.index) }"
        }
        text += frames.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        let path = (directory as NSString).appendingPathComponent(FrameManifest.fileName)
        try AtomicFile.write(Array(text.utf8), to: path)
    }

    /// A JSON number (finite values only; others become 0).
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
