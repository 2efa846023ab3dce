import FrameplotCanvas
import FrameplotFiles

/// What an output folder holds for a render: the frames that can be kept, and the files that
/// are not part of it (frames of another render, frames past the end, abandoned temporaries).
///
/// A frame is kept when the manifest lists it under this render's identity with its size and
/// hash, or, when the manifest does not list it (it was finished after the last manifest save,
/// or the manifest is lost), when its own PNG text chunks carry this render's identity and its
/// index and the PNG decodes completely. Every other `frame_NNNNN.png`, and every
/// `frame_NNNNN.svg`, is unwanted: the folder is exactly one render.
///
/// ```swift
/// let inventory = FrameFolder.inventory(of: folder, identity: identity, frameCount: 101)
/// inventory.kept.keys.sorted()   // frames that need no drawing
/// ```
enum FrameFolder {
    /// The PNG text keyword holding the render identity of a frame.
    static let identityKeyword = "frameplot:identity"
    /// The PNG text keyword holding the index of a frame.
    static let indexKeyword = "frameplot:index"

    /// The text chunks written into frame `index` of the render `identity`.
    static func textChunks(identity: RenderIdentity, index: Int) -> [PNGTextChunk] {
        [PNGTextChunk(keyword: identityKeyword, value: identity.hex), PNGTextChunk(keyword: indexKeyword, value: String(index))]
    }

    /// The extensions of frame files: PNG frames and per-frame SVG.
    static let frameExtensions = ["png", "svg"]

    /// Whether `name` is a frame file of either kind (`frame_00007.png`, `frame_00007.svg`).
    static func isFrameFile(_ name: String) -> Bool {
        frameExtensions.contains { FrameManifest.frameIndex(fromFileName: name, extension: $0) != nil }
    }

    /// Whether `name` is a temporary file of a frame or of the manifest (`.frame_00007.png.tmp-Ab12Cd`).
    static func isTemporary(_ name: String) -> Bool {
        if TemporaryFile.isTemporary(name, for: FrameManifest.fileName) { return true }
        return frameExtensions.contains { ext in
            guard name.hasPrefix(".frame_"), let end = name.range(of: ".\(ext).tmp-") else { return false }
            let frameName = String(name[name.index(after: name.startIndex)..<end.lowerBound]) + "." + ext
            return FrameManifest.frameIndex(fromFileName: frameName, extension: ext) != nil && TemporaryFile.isTemporary(name, for: frameName)
        }
    }

    struct Inventory {
        /// Frames on disk that belong to this render, by index.
        var kept: [Int: FrameManifest.Frame] = [:]
        /// Frame files that do not (to be removed).
        var unwanted: [String] = []

        /// Moves every kept frame to the unwanted list.
        mutating func discardKept() {
            unwanted += kept.values.map(\.file)
            kept = [:]
        }
    }

    static func inventory(of folder: OutputFolder, identity: RenderIdentity, frameCount: Int) -> Inventory {
        var listed: [Int: FrameManifest.Frame] = [:]
        if let manifest = FrameManifest.read(from: folder), manifest.identity == identity.hex {
            listed = manifest.validFrames()
        }
        var inventory = Inventory()
        for name in folder.entries() {
            guard let index = FrameManifest.frameIndex(fromFileName: name) else {
                // Per-frame SVG of another render: the folder holds one render.
                if isFrameFile(name) { inventory.unwanted.append(name) }
                continue
            }
            if index < frameCount, !folder.isSymbolicLink(name), let frame = keptFrame(name, index: index, listed: listed[index],
                                                                                        folder: folder, identity: identity) {
                inventory.kept[index] = frame
            } else {
                inventory.unwanted.append(name)
            }
        }
        inventory.unwanted.sort()
        return inventory
    }

    /// The manifest entry for a frame file that belongs to the render, or nil.
    private static func keptFrame(_ name: String, index: Int, listed: FrameManifest.Frame?, folder: OutputFolder,
                                  identity: RenderIdentity) -> FrameManifest.Frame? {
        if let listed {
            // Cheap size check before reading the file.
            guard folder.size(of: name) == listed.bytes else { return nil }
            guard let bytes = folder.contents(of: name) else { return nil }
            return FrameHash.fnv1a(bytes) == listed.hash ? listed : nil
        }
        guard let bytes = folder.contents(of: name) else { return nil }
        let text = PNGTextChunk.read(from: bytes)
        guard text.contains(PNGTextChunk(keyword: identityKeyword, value: identity.hex)),
              text.contains(PNGTextChunk(keyword: indexKeyword, value: String(index))),
              (try? PNGReader.decode(bytes)) != nil else { return nil }
        return FrameManifest.Frame(index: index, file: name, bytes: bytes.count, hash: FrameHash.fnv1a(bytes))
    }
}
