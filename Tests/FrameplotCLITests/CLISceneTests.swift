import Foundation
import Testing

/// The built-in training scenes through `animate` and `render`.
@Suite("frameplot scenes")
struct CLISceneTests {
    @Test func gd1dFramesLogAndRender() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        let result = try box.run("animate", "gd1d", "--steps", "4", "--size", "160x160", "--log", "h.csv", "--quiet", "-o", "frames")
        #expect(result.status == 0, "\(result.stderr)")
        let frames = ((try? FileManager.default.contentsOfDirectory(atPath: box.path("frames"))) ?? []).filter { $0.hasSuffix(".png") }
        #expect(frames.count == 5)
        #expect(OutputFormat.pngSize(box.bytes("frames/frame_00000.png"))?.width == 160)
        let log = String(decoding: box.bytes("h.csv"), as: UTF8.self)
        #expect(log.hasPrefix("step,loss,x"))
        #expect(log.split(separator: "\n").count == 6)

        let again = try box.run("render", "h.csv", "--scene", "gd1d", "--size", "200x200", "--quiet", "-o", "again")
        #expect(again.status == 0, "\(again.stderr)")
        #expect(OutputFormat.pngSize(box.bytes("again/frame_00004.png"))?.width == 200)
    }

    @Test func divergingSceneSuggestsASmallerRate() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        let result = try box.run("animate", "gd1d", "--lr", "5", "-o", "frames")
        expectFailure(result, status: 1, ["diverged", "smaller learning rate"])
        #expect(!box.exists("frames"))
    }

    @Test func renderRejectsAHistoryOfAnotherScene() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        try box.write("h.csv", "step,loss,w0,w1\n0,1,0,0\n1,0.5,0.1,0.1\n")
        expectFailure(try box.run("render", "h.csv", "--scene", "gd1d", "-o", "frames"), status: 1, ["h.csv", "x"])
        #expect(!box.exists("frames"))
    }
}
