import Foundation
import Testing

/// The reliability trial as tests: renders killed or interrupted midway resume to exactly the
/// folder an uninterrupted render writes, and interrupted videos leave nothing behind.
@Suite("Interrupted renders")
struct CLIInterruptTests {
    /// A render long enough to interrupt (about 100 frames at 1600x800).
    static let render = ["animate", "gd-locus", "--scale", "2", "--quiet", "-o"]

    /// The folder an uninterrupted render writes, made once.
    static let reference: [String: [UInt8]] = {
        guard let box = try? CLISandbox() else { return [:] }
        defer { box.remove() }
        guard (try? box.run(render + ["frames"]))?.status == 0 else { return [:] }
        return box.snapshot(of: "frames")
    }()

    /// Starts the render into `frames` and stops it with `signal` once a few frames exist.
    func interrupt(with signal: Int32, in box: CLISandbox) throws -> CLIResult {
        let running = try RunningCLI(in: box, Self.render + ["frames"])
        #expect(running.wait { box.frameCount(in: "frames") >= 6 }, "the render ended before it could be interrupted")
        running.send(signal)
        return running.finish()
    }

    @Test("SIGINT and SIGTERM: exit 130/143, one line on how to resume, complete frames only; the resume is byte-identical",
          arguments: [SIGINT, SIGTERM])
    func signalThenResume(_ signal: Int32) throws {
        let box = try CLISandbox()
        defer { box.remove() }
        let stopped = try interrupt(with: signal, in: box)
        #expect(stopped.status == 128 + signal, "\(stopped.stderr)")
        #expect(stopped.errorLines.count == 1, "\(stopped.stderr)")
        #expect(stopped.stderr.contains(signal == SIGINT ? "interrupted by SIGINT" : "interrupted by SIGTERM"))
        #expect(stopped.stderr.contains("to resume, run: frameplot animate gd-locus --scale 2 --quiet -o frames"))
        let left = box.entries(of: "frames")
        #expect(left.allSatisfy { $0 == "manifest.json" || $0.hasPrefix("frame_") && $0.hasSuffix(".png") }, "\(left)")
        // The manifest lists every frame on disk, with its hash.
        let manifest = String(decoding: box.bytes("frames/manifest.json"), as: UTF8.self)
        for name in left where name.hasPrefix("frame_") { #expect(manifest.contains("\"\(name)\""), "\(name) missing from the manifest") }

        let resumed = try box.run(Self.render + ["frames"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(!Self.reference.isEmpty)
        #expect(box.snapshot(of: "frames") == Self.reference, "the resumed folder differs from an uninterrupted render")
    }

    @Test("kill -9 midway, then a resume, gives a byte-identical folder")
    func killThenResume() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        let killed = try interrupt(with: SIGKILL, in: box)
        #expect(killed.status == 128 + SIGKILL)
        let firstFrame = box.path("frames/frame_00000.png")
        let written = try FileManager.default.attributesOfItem(atPath: firstFrame)[.modificationDate] as? Date
        let resumed = try box.run(Self.render + ["frames"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        // The frames finished before the kill were kept, not drawn again.
        #expect(try FileManager.default.attributesOfItem(atPath: firstFrame)[.modificationDate] as? Date == written)
        #expect(box.snapshot(of: "frames") == Self.reference, "the resumed folder differs from an uninterrupted render")
    }

    @Test("an interrupted video keeps the old file, leaves no temporary file, no log and no ffmpeg behind",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/ffmpeg")))
    func interruptedVideo() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        try box.write("run.mp4", "old video")
        let logsBefore = Self.ffmpegLogs()
        let running = try RunningCLI(in: box, Self.render + ["run.mp4"])
        #expect(running.wait { box.entries().contains { $0.hasPrefix(".run.mp4.tmp-") } })
        usleep(300_000)
        running.send(SIGINT)
        let result = running.finish()
        #expect(result.status == 130, "\(result.stderr)")
        #expect(result.errorLines.count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("run.mp4 was not written"))
        #expect(box.entries() == ["run.mp4"])
        #expect(box.bytes("run.mp4") == Array("old video".utf8))
        #expect(Self.ffmpegLogs() == logsBefore)
        #expect(Self.processes(mentioning: box.folder).isEmpty, "ffmpeg still runs")

        // kill -9 leaves a temporary file; the next render removes it and replaces the video.
        let killed = try RunningCLI(in: box, ["animate", "gd1d", "--scale", "2", "--quiet", "-o", "run.mp4"])
        killed.wait { box.entries().contains { $0.hasPrefix(".run.mp4.tmp-") } }
        killed.send(SIGKILL)
        _ = killed.finish()
        let again = try box.run("animate", "gd1d", "--quiet", "-o", "run.mp4")
        #expect(again.status == 0, "\(again.stderr)")
        #expect(box.entries() == ["run.mp4"])
        #expect(box.bytes("run.mp4") != Array("old video".utf8))
    }

    @Test("a second render into a folder in use stops at once with a clear line")
    func busyFolder() throws {
        let box = try CLISandbox()
        defer { box.remove() }
        let first = try RunningCLI(in: box, Self.render + ["frames"])
        #expect(first.wait { box.frameCount(in: "frames") >= 1 })
        let second = try box.run("animate", "gd1d", "--quiet", "-o", "frames")
        first.send(SIGINT)
        _ = first.finish()
        expectFailure(second, status: 1, ["frames", "another render is writing into it"])
    }

    static func ffmpegLogs() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())) ?? [])
            .filter { $0.hasPrefix("frameplot-ffmpeg-") }.sorted()
    }

    /// Process ids whose command line mentions `text`.
    static func processes(mentioning text: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).filter { pid in
            guard Int(pid) != nil, let cmdline = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
            return String(decoding: cmdline, as: UTF8.self).contains(text)
        }
    }
}
