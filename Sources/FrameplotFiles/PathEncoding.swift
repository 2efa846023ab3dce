#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// File names as the operating system stores them (bytes) carried losslessly in Swift strings.
///
/// A Linux file name is any byte string, but `CommandLine.arguments` and `String(cString:)`
/// replace bytes that are not UTF-8 with U+FFFD, so `frameplot … -o $'x\xff.png'` used to
/// write `x\u{FFFD}.png`. Frameplot decodes its arguments with ``decode(_:)`` instead: every
/// byte of an invalid UTF-8 sequence becomes one of 128 private-use code points
/// (U+10FD80–U+10FDFF, byte 0x80 + n ↦ U+10FD80 + n), and every system call that takes a
/// path converts back with ``fileSystemBytes(_:)``, so the name on disk is exactly the one
/// typed. The convention is Python's `surrogateescape` moved to a private-use block (Swift
/// strings cannot hold lone surrogates). Those 128 code points therefore stand for raw bytes
/// in paths and cannot name a file literally.
///
/// Foundation's `FileManager` converts paths as plain UTF-8: code that should reach such a
/// name must open it through ``withFileSystemPath(_:_:)`` (FrameplotFiles does everywhere).
///
/// ```swift
/// let name = PathEncoding.decode([0x78, 0xFF, 0x2E, 0x70, 0x6E, 0x67])  // "x\u{10FDFF}.png"
/// PathEncoding.fileSystemBytes(name)                                 // [0x78, 0xFF, 0x2E, 0x70, 0x6E, 0x67]
/// PathEncoding.display(name)                                         // "x\\xFF.png"
/// ```
public enum PathEncoding {
    /// U+10FD00 + byte: the escape of a raw byte 0x80…0xFF.
    static let escapeBase: UInt32 = 0x10_FD00
    static let escapes: ClosedRange<UInt32> = 0x10_FD80...0x10_FDFF

    /// Decodes bytes as UTF-8, escaping each byte of an invalid sequence (see the type's summary).
    public static func decode<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let input = Array(bytes)
        var scalars = String.UnicodeScalarView()
        var i = 0
        while i < input.count {
            if let (scalar, length) = scalar(in: input, at: i), !escapes.contains(scalar.value) {
                scalars.append(scalar)
                i += length
            } else {
                // An invalid sequence, or a literal escape code point: keep its bytes one by one.
                scalars.append(Unicode.Scalar(escapeBase + UInt32(input[i])) ?? "?")
                i += 1
            }
        }
        return String(scalars)
    }

    /// Decodes a NUL-terminated C string (a command-line argument, a directory entry).
    public static func decode(cString: UnsafePointer<CChar>) -> String {
        decode(UnsafeBufferPointer(start: UnsafeRawPointer(cString).assumingMemoryBound(to: UInt8.self),
                                   count: strlen(cString)))
    }

    /// The process's arguments after the program name, decoded losslessly (use instead of
    /// `CommandLine.arguments`, which replaces non-UTF-8 bytes).
    public static func arguments() -> [String] {
        (1..<Int(CommandLine.argc)).compactMap { index in
            CommandLine.unsafeArgv[index].map { decode(cString: $0) }
        }
    }

    /// The bytes the file system should see for `path` (no trailing NUL).
    public static func fileSystemBytes(_ path: String) -> [UInt8] {
        // Fast path: an escape code point is encoded with the lead byte 0xF4.
        guard path.utf8.contains(0xF4) else { return Array(path.utf8) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(path.utf8.count)
        for scalar in path.unicodeScalars {
            if escapes.contains(scalar.value) {
                bytes.append(UInt8(scalar.value - escapeBase))
            } else {
                bytes.append(contentsOf: String(scalar).utf8)
            }
        }
        return bytes
    }

    /// Calls `body` with `path` as a NUL-terminated C string in file-system bytes.
    public static func withFileSystemPath<T>(_ path: String, _ body: (UnsafePointer<CChar>) throws -> T) rethrows -> T {
        var bytes = fileSystemBytes(path)
        bytes.append(0)
        return try bytes.withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { try body($0.baseAddress!) }
        }
    }

    /// `text` for a one-line message: raw-byte escapes as `\xFF`, control characters as `\x0A`.
    public static func display(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if escapes.contains(scalar.value) {
                out += "\\x" + hex(UInt8(scalar.value - escapeBase))
            } else if scalar.value < 0x20 || scalar.value == 0x7F {
                out += "\\x" + hex(UInt8(scalar.value))
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }

    /// The scalar encoded at `i` and its length, or nil when the bytes there are not valid
    /// UTF-8 (overlong forms, surrogates and values past U+10FFFF are invalid).
    private static func scalar(in bytes: [UInt8], at i: Int) -> (Unicode.Scalar, Int)? {
        let lead = bytes[i]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length: Int, minimum: UInt32
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; minimum = 0x80; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; minimum = 0x800; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; minimum = 0x10000; value = UInt32(lead & 0x07)
        default: return nil
        }
        guard i + length <= bytes.count else { return nil }
        for k in 1..<length {
            let byte = bytes[i + k]
            guard byte & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }
}
