import Foundation
import Testing

/// `animate` and `render`, run as a user would.
@Suite("frameplot animate")
struct CLIAnimateTests {
    static var ffmpegInstalled: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/ffmpeg")
        }
    }

    func pngFrames(_ box: CLISandbox, _ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: box.path(folder))) ?? [])
            .filter { $0.hasPrefix("frame_") && $0.hasSuffix(".png") }.sorted()
    }

    @Test func backpropFramesIntoAFolder() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        let result = try box.run("animate", "backprop", "--example", "shopping", "--quiet", "-o", "frames")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty && result.stdout.isEmpty)
        let frames = pngFrames(box, "frames")
        #expect(frames.count > 5)
        #expect(frames.first == "frame_00000.png")
        #expect(OutputFormat.pngSize(box.bytes("frames/frame_00000.png")) != nil)
        #expect(box.exists("frames/manifest.json"))

        // A part only: --frames renders the range into a fresh folder.
        let part = try box.run("animate", "backprop", "--example", "shopping", "--frames", "0..2", "-o", "part")
        #expect(part.status == 0, "\(part.stderr)")
        #expect(pngFrames(box, "part") == ["frame_00000.png", "frame_00001.png", "frame_00002.png"])
        #expect(part.stdout.contains("3 frames"))
    }

    @Test func backpropGIFWhenFFmpegExists() throws {
        guard Self.ffmpegInstalled else { return }
        let box = try CLISandbox()
        defer { box.remove() }
        let result = try box.run("animate", "backprop", "--example", "shopping", "--size", "320x200", "--quiet", "-o", "bp.gif")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(box.bytes("bp.gif").starts(with: Array("GIF8".utf8)))
        #expect(box.entries() == ["bp.gif"])
    }

    @Test func animationUsageErrors() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        expectFailure(try box.run("animate", "no-such-scene", "-o", "f"), status: 2, ["unknown scene \"no-such-scene\"", "backprop"])
        expectFailure(try box.run("animate", "backprop", "--frames", "0..3", "-o", "x.mp4"), status: 2, ["--frames", "folder"])
        expectFailure(try box.run("animate", "backprop", "--frames", "5..900", "-o", "f"), status: 2, ["5..900"])
        expectFailure(try box.run("animate", "backprop", "--fps", "0", "-o", "f"), status: 2, ["--fps 0"])
        expectFailure(try box.run("animate", "backprop", "--size", "8x8", "-o", "f"), status: 2, ["--size 8x8"])
        expectFailure(try box.run("animate", "backprop", "--log", "h.txt", "-o", "f"), status: 2, ["--log h.txt", ".csv"])
        expectFailure(try box.run("animate", "backprop", "-o", "nowhere/f.mp4"), status: 1, ["does not exist"])
        expectFailure(try box.run("render", "missing.csv", "--scene", "backprop", "-o", "f"), status: 2, ["backprop"])
        #expect(box.entries().isEmpty)
    }
}
