import Foundation
import Testing
import FrameplotAnimation
import FrameplotCanvas

/// A small scene with a static part and a moving part, for renderer tests.
struct SlidingBoxScene: AnimationScene {
    var name: String { "sliding-box" }
    var size: Size
    var framesPerSecond: Double { 10 }
    var frameCount: Int
    var fingerprint: [String: String] { ["frames": String(frameCount)] }

    init(frameCount: Int = 12, size: Size = Size(width: 64, height: 48)) {
        self.frameCount = frameCount; self.size = size
    }

    func renderStatic(on canvas: Canvas) throws {
        canvas.clear(Color(hex: 0xeeeeee))
        canvas.fill(.rect(Rect(x: 0, y: size.height - 8, width: size.width, height: 8)), color: Color(hex: 0x1f77b4))
    }

    func renderFrame(_ index: Int, on canvas: Canvas) throws {
        let x = Double(index) / Double(max(1, frameCount - 1)) * (size.width - 10)
        canvas.fill(.rect(Rect(x: x, y: 10, width: 10, height: 10)), color: .red)
        canvas.drawText("\(index)", at: Point(x: 2, y: 2), style: TextStyle(size: 8))
    }
}

/// A fresh empty folder under the system temporary directory, removed by `cleanup()`.
struct TemporaryFolder {
    let path: String
    init(_ label: String = #function) {
        let safe = label.filter { $0.isLetter || $0.isNumber }
        path = (NSTemporaryDirectory() as NSString)
            .appendingPathComponent("frameplot-anim-\(safe)-\(UInt32.random(in: 0...UInt32.max))")
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }
    func contents() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }
    func bytes(_ name: String) -> [UInt8]? { FileManager.default.contents(atPath: file(name)).map { [UInt8]($0) } }
    func cleanup() { try? FileManager.default.removeItem(atPath: path) }
}

/// Reads the width and height from a PNG's IHDR chunk.
func pngSize(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
    guard bytes.count > 24, bytes[0] == 0x89, bytes[1] == 0x50 else { return nil }
    func u32(_ i: Int) -> Int { Int(bytes[i]) << 24 | Int(bytes[i + 1]) << 16 | Int(bytes[i + 2]) << 8 | Int(bytes[i + 3]) }
    return (u32(16), u32(20))
}

/// Runs a program and returns its standard output, or nil when it cannot run.
func runProgram(_ path: String, _ arguments: [String]) -> String? {
    runProgramBytes(path, arguments).map { String(decoding: $0, as: UTF8.self) }
}

/// Runs a program and returns its standard output as bytes, or nil when it cannot run.
func runProgramBytes(_ path: String, _ arguments: [String]) -> [UInt8]? {
    guard FileManager.default.isExecutableFile(atPath: path) else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return [UInt8](data)
}

/// Writes an executable shell script standing in for ffmpeg.
///
/// Written with O_CLOEXEC: a child another test forks meanwhile must not inherit a write
/// descriptor of the script, or running it fails with ETXTBSY ("text file busy").
func writeFakeFFmpeg(at path: String, script: String) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
    try #require(fd >= 0)
    let bytes = Array(("#!/bin/sh\n" + script).utf8)
    #expect(write(fd, bytes, bytes.count) == bytes.count)
    close(fd)
}
