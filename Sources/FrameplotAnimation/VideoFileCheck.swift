import Foundation
import FrameplotFiles

/// Checks that a video ffmpeg wrote is complete before it replaces anything.
///
/// ffmpeg 5 exits with status 0 when the disk fills up while it writes an MP4 (the write error
/// is not even logged at the "error" level), leaving a truncated file. So the container is
/// checked: an MP4's top-level boxes must tile the file exactly and include `ftyp`, `moov` and
/// `mdat`; a GIF must start with its signature and end with its trailer byte.
///
/// ```swift
/// try VideoFileCheck.verify(temporaryPath, format: .mp4, output: "Output/run.mp4")
/// ```
enum VideoFileCheck {
    /// Throws when the file at `path` is not a complete video of `format`: a full disk in its
    /// own words when the file system has (almost) no space left, else `ffmpegFailed`.
    static func verify(_ path: String, format: VideoOptions.Format, output: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw AnimationError.ffmpegFailed(status: 0, message: "the video it wrote cannot be read back")
        }
        defer { try? handle.close() }
        let complete: Bool
        switch format {
        case .mp4: complete = isCompleteMP4(handle)
        case .gif: complete = isCompleteGIF(handle)
        }
        guard !complete else { return }
        var info = statvfs()
        if statvfs(path, &info) == 0, UInt64(info.f_bavail) * UInt64(info.f_frsize) < 1 << 20 {
            throw FileWriteError(path: output, reason: .diskFull)
        }
        throw AnimationError.ffmpegFailed(status: 0, message: "the \(format.rawValue.uppercased()) it wrote is incomplete")
    }

    static func isCompleteMP4(_ handle: FileHandle) -> Bool {
        guard let size = try? handle.seekToEnd() else { return false }
        var offset: UInt64 = 0
        var seen = Set<String>()
        while offset < size {
            guard (try? handle.seek(toOffset: offset)) != nil, let header = try? handle.read(upToCount: 16),
                  header.count >= 8 else { return false }
            let bytes = [UInt8](header)
            var length = bytes[0..<4].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            let type = String(decoding: bytes[4..<8], as: UTF8.self)
            if length == 1 {
                guard bytes.count == 16 else { return false }
                length = bytes[8..<16].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            } else if length == 0 {
                length = size - offset   // the last box runs to the end of the file
            }
            guard length >= 8, offset + length <= size else { return false }
            seen.insert(type)
            offset += length
        }
        return offset == size && seen.isSuperset(of: ["ftyp", "moov", "mdat"])
    }

    static func isCompleteGIF(_ handle: FileHandle) -> Bool {
        guard let head = try? handle.read(upToCount: 6), head == Data("GIF89a".utf8) || head == Data("GIF87a".utf8),
              let size = try? handle.seekToEnd(), size > 13, (try? handle.seek(toOffset: size - 1)) != nil,
              let last = try? handle.read(upToCount: 1) else { return false }
        return last == Data([0x3B])
    }
}
