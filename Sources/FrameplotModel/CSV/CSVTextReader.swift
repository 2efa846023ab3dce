#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FrameplotFiles

/// Reads a text file in chunks and hands them on as UTF-8, whatever the file's encoding.
///
/// The encoding is decided from the first chunk (byte-order mark, UTF-16's zero bytes)
/// unless it is given; UTF-8 passes through untouched (the consumer validates it, as it
/// knows lines and columns), other encodings are converted by ``CSVTranscoder``. The file
/// descriptor has one owner and is closed in `deinit`. The file is never held whole.
final class CSVTextReader {
    let path: String
    /// The encoding being read (never `.automatic`).
    let encoding: CSVEncoding
    /// Whether the encoding was found by detection, so a UTF-8 failure may try cp932.
    let detected: Bool
    /// Double-byte sequences seen whose lead byte is typical of Japanese text (kana and
    /// common kanji, 0x81–0x9F) and of rare kanji or other encodings (0xE0–0xFC).
    private(set) var japaneseLeads = 0
    private(set) var rareLeads = 0

    private let descriptor: Int32
    private let chunkSize: Int
    private var first: [UInt8]
    private var skip: Int
    private let transcoder: CSVTranscoder?
    private var output: [UInt8] = []
    private var pendingLead = false

    /// Opens `path` and decides the encoding from its first chunk.
    init(path: String, encoding requested: CSVEncoding, chunkSize: Int) throws {
        self.path = path
        self.chunkSize = Swift.max(1, chunkSize)
        descriptor = try Self.openDescriptor(path)
        do {
            first = try Self.readChunk(descriptor, count: self.chunkSize, path: path)
            // Detection looks at up to 4 KiB, however small the chunks.
            while first.count < 4096, !first.isEmpty {
                let more = try Self.readChunk(descriptor, count: self.chunkSize, path: path)
                if more.isEmpty { break }
                first += more
            }
            let (resolved, bomLength) = Self.resolve(requested, first: first)
            encoding = resolved
            skip = bomLength
            detected = requested == .automatic
            if let name = resolved.iconvName {
                do {
                    transcoder = try CSVTranscoder(from: name)
                } catch {
                    throw CSVError.unreadable(file: path, reason: "this system cannot convert from \(resolved.displayName)")
                }
            } else {
                transcoder = nil
            }
        } catch {
            close(descriptor)
            throw error
        }
    }

    deinit { close(descriptor) }

    /// Whether the cp932 text read so far looks like Japanese rather than another
    /// single-byte encoding misread (Latin-1's accented letters are all 0xE0–0xFF leads).
    var looksJapanese: Bool { japaneseLeads > 0 && japaneseLeads >= rareLeads }

    /// Calls `body` with each chunk of UTF-8 text and the file offset its first byte came
    /// from (exact for UTF-8; the start of the raw chunk otherwise).
    func forEachChunk(_ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void) throws {
        var chunk = first
        first = []
        var offset = 0
        var start = skip
        while true {
            let isLast: Bool
            var next: [UInt8] = []
            if chunk.isEmpty {
                isLast = true
            } else {
                next = try Self.readChunk(descriptor, count: chunkSize, path: path)
                isLast = next.isEmpty
            }
            try chunk.withUnsafeBufferPointer { raw in
                let text = UnsafeBufferPointer(rebasing: raw[start...])
                if encoding == .cp932 { countLeads(text) }
                if let transcoder {
                    do {
                        try transcoder.convert(text, final: isLast, into: &output)
                    } catch let invalid as CSVTranscoder.InvalidSequence {
                        throw CSVError.notDecodable(file: path, line: invalid.line, column: invalid.column,
                                                    encoding: encoding.displayName, bytes: invalid.bytes)
                    }
                    try output.withUnsafeBufferPointer { try body($0, offset + start) }
                } else if !text.isEmpty {
                    try body(text, offset + start)
                }
            }
            if isLast { return }
            offset += chunk.count
            start = 0
            chunk = next
        }
    }

    /// Counts lead bytes of double-byte cp932 sequences (see ``looksJapanese``).
    private func countLeads(_ bytes: UnsafeBufferPointer<UInt8>) {
        for byte in bytes {
            if pendingLead { pendingLead = false; continue }
            switch byte {
            case 0x81...0x9F: japaneseLeads += 1; pendingLead = true
            case 0xE0...0xFC: rareLeads += 1; pendingLead = true
            default: break
            }
        }
    }

    /// The encoding to read and the length of the byte-order mark to skip.
    static func resolve(_ requested: CSVEncoding, first bytes: [UInt8]) -> (CSVEncoding, Int) {
        let utf8BOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        let littleBOM = bytes.starts(with: [0xFF, 0xFE])
        let bigBOM = bytes.starts(with: [0xFE, 0xFF])
        switch requested {
        case .automatic:
            if utf8BOM { return (.utf8, 3) }
            if littleBOM { return (.utf16LE, 2) }
            if bigBOM { return (.utf16BE, 2) }
            return (utf16WithoutBOM(bytes) ?? .utf8, 0)
        case .utf8:
            return (.utf8, utf8BOM ? 3 : 0)
        case .utf16:
            if bigBOM { return (.utf16BE, 2) }
            return (.utf16LE, littleBOM ? 2 : 0)
        case .utf16LE:
            return (.utf16LE, littleBOM ? 2 : 0)
        case .utf16BE:
            return (.utf16BE, bigBOM ? 2 : 0)
        case .shiftJIS, .cp932:
            return (requested, 0)
        }
    }

    /// UTF-16 text without a byte-order mark: mostly-ASCII text has a zero byte in every
    /// other position (after each character in little-endian, before it in big-endian).
    static func utf16WithoutBOM(_ bytes: [UInt8]) -> CSVEncoding? {
        let count = Swift.min(bytes.count, 4096) / 2 * 2
        guard count >= 4 else { return nil }
        var evenZeros = 0, oddZeros = 0
        for index in stride(from: 0, to: count, by: 2) {
            if bytes[index] == 0 { evenZeros += 1 }
            if bytes[index + 1] == 0 { oddZeros += 1 }
        }
        let pairs = count / 2
        if oddZeros * 10 >= pairs * 6 && evenZeros * 20 <= pairs { return .utf16LE }
        if evenZeros * 10 >= pairs * 6 && oddZeros * 20 <= pairs { return .utf16BE }
        return nil
    }

    /// Opens a file for reading; folders and devices are refused with a typed error.
    static func openDescriptor(_ path: String) throws -> Int32 {
        // Through the file-system bytes: a name that is not UTF-8 arrives escaped (PathEncoding).
        let descriptor = PathEncoding.withFileSystemPath(path) { open($0, O_RDONLY | O_CLOEXEC) }
        guard descriptor >= 0 else {
            let code = errno
            switch code {
            case ENOENT, ENOTDIR: throw CSVError.fileNotFound(file: path)
            case EACCES, EPERM: throw CSVError.unreadable(file: path, reason: "permission denied")
            case EISDIR: throw CSVError.isDirectory(file: path)
            default: throw CSVError.unreadable(file: path, reason: String(cString: strerror(code)))
            }
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw CSVError.unreadable(file: path, reason: reason)
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG, S_IFIFO:
            return descriptor
        case S_IFDIR:
            close(descriptor)
            throw CSVError.isDirectory(file: path)
        default:
            close(descriptor)
            throw CSVError.unreadable(file: path, reason: "not a regular file")
        }
    }

    /// Reads up to `count` bytes; an empty result is the end of the file.
    static func readChunk(_ descriptor: Int32, count: Int, path: String) throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = buffer.withUnsafeMutableBytes { raw in
                read(descriptor, raw.baseAddress?.advanced(by: filled), count - filled)
            }
            if got > 0 { filled += got; continue }
            if got == 0 { break }
            if errno == EINTR { continue }
            throw CSVError.unreadable(file: path, reason: String(cString: strerror(errno)))
        }
        buffer.removeSubrange(filled...)
        return buffer
    }
}
