import Foundation
import FrameplotFiles
import FrameplotModel

/// Where a command writes, checked before any work is done.
struct OutputTarget: Equatable {
    enum Format: String {
        case png, pdf, svg, mp4, gif
        /// A folder of PNG frames (`frame_00000.png …`) with a manifest.
        case folder
        /// A folder of SVG frames (`frame_00000.svg …`) with a manifest.
        case svgFolder = "svg frames"

        /// Whether the output is a folder of frame files.
        var isFolder: Bool { self == .folder || self == .svgFolder }

        /// "an MP4 file", "a folder of SVG frames", … for messages.
        var phrase: String {
            switch self {
            case .folder: return "a folder of PNG frames"
            case .svgFolder: return "a folder of SVG frames"
            case .mp4, .svg: return "an \(rawValue.uppercased()) file"
            case .png, .pdf, .gif: return "a \(rawValue.uppercased()) file"
            }
        }
    }

    var path: String
    var format: Format

    /// A still figure: `.png`, `.pdf` or `.svg`, in an existing, writable folder.
    static func figure(_ path: String) throws -> OutputTarget {
        let format = try format(of: path, allowed: [.png, .pdf, .svg], hint: ".png, .pdf or .svg")
        let target = OutputTarget(path: path, format: format)
        try target.checkWritable()
        return target
    }

    /// The extensions of the files an animation can be written as.
    static let animationFileFormats: [Format] = [.mp4, .gif, .pdf]

    /// An animation: a folder for PNG frames (SVG frames with `--format svg`), or `.mp4`,
    /// `.gif` or `.pdf` (one vector page per frame).
    ///
    /// A name ending in `.mp4`, `.gif` or `.pdf` is always a file, so an existing folder of
    /// that name is an error rather than a place to put frames in; any other name (no
    /// extension, a trailing slash, or an existing folder) is a folder of frames.
    static func animation(_ path: String, frameFormat: String? = nil) throws -> OutputTarget {
        let kind = FileKind.at(path)
        let fileFormat = path.hasSuffix("/") ? nil : Format(rawValue: pathExtension(path)).flatMap {
            animationFileFormats.contains($0) ? $0 : nil
        }
        if fileFormat == nil, kind == .folder || path.hasSuffix("/") || Self.pathExtension(path).isEmpty {
            if let kind, kind != .folder {
                throw CLIError.failure("-o \(shown(path)): is \(kind.phrase); give a folder for PNG frames, or a .mp4, .gif or .pdf file")
            }
            let target = OutputTarget(path: path, format: try folderFormat(frameFormat))
            if kind != nil {
                if let blocker = FileKind.writeBlocker(inFolder: path) {
                    throw CLIError.failure("-o \(shown(path)): cannot write into this folder: \(blocker.explanation)")
                }
            } else {
                try target.checkWritable()
            }
            return target
        }
        let format = try fileFormat ?? format(
            of: path, allowed: animationFileFormats,
            hint: ".mp4, .gif or .pdf, or a folder name (no extension) for PNG frames")
        if let frameFormat {
            throw CLIError.usage("--format \(frameFormat): chooses the files of a folder of frames, and -o \(shown(path)) is a file")
        }
        let target = OutputTarget(path: path, format: format)
        try target.checkWritable()
        return target
    }

    /// `--format png|svg` of a folder of frames.
    private static func folderFormat(_ name: String?) throws -> Format {
        switch name?.lowercased() {
        case nil, "png": return .folder
        case "svg": return .svgFolder
        case let other?:
            throw CLIError.usage("--format \(other): frames are png or svg (for PDF pages, write -o NAME.pdf)")
        }
    }

    static func pathExtension(_ path: String) -> String {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...]).lowercased()
    }

    private static func format(of path: String, allowed: [Format], hint: String) throws -> Format {
        let ext = pathExtension(path)
        guard !ext.isEmpty else {
            throw CLIError.usage("-o \(shown(path)): no file extension; use \(hint)")
        }
        guard let format = Format(rawValue: ext), allowed.contains(format) else {
            throw CLIError.usage("-o \(shown(path)): unknown extension \".\(DisplayText.escaped(ext, limit: 20))\"; use \(hint)")
        }
        return format
    }

    /// The folder that will hold the output.
    var folder: String {
        var trimmed = path
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        let folder = String(trimmed[..<slash])
        return folder.isEmpty ? "/" : folder
    }

    /// Checks that the containing folder exists and is writable, and that the path itself is
    /// not a folder (for files); `option` names the option in messages (`-o`, `--log`).
    /// Paths are checked in file-system bytes (``FrameplotFiles/PathEncoding``), and a folder
    /// that cannot be written says why: no permission, a read-only file system, …
    func checkWritable(option: String = "-o") throws {
        let subject = "\(option) \(Self.shown(path))"
        let folderShown = DisplayText.middle(folder, limit: 100)
        guard let kind = FileKind.at(folder) else {
            throw CLIError.failure("\(subject): the folder \"\(folderShown)\" does not exist")
        }
        guard kind == .folder else {
            throw CLIError.failure("\(subject): \"\(folderShown)\" is a file, not a folder")
        }
        if let blocker = FileKind.writeBlocker(inFolder: folder) {
            throw CLIError.failure("\(subject): cannot write into the folder \"\(folderShown)\": \(blocker.explanation)")
        }
        if !format.isFolder, let kind = FileKind.at(path), kind != .regular {
            // A device such as /dev/null, a FIFO or a socket is never replaced (nor is a folder).
            throw CLIError.failure(kind == .folder ? "\(subject): is a folder; give the name of a file to write"
                                   : "\(subject): is \(kind.phrase), not a regular file; it was left unchanged")
        }
    }

    /// A path as messages show it: escaped, and cut in the middle when long, so the reason
    /// after it always fits on the line.
    static func shown(_ path: String) -> String { DisplayText.middle(path, limit: 120) }
}
