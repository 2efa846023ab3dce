import Foundation
import Frameplot
@_spi(Benchmark) import FrameplotCanvas

/// Prints the animation benchmark figures.
///
/// - `frameplot-bench animation`: renders the 101 gd-locus frames (800x400) and the
///   200-frame logistic scene (800x600) as PNG sequences into `Output/bench/` and prints
///   frames/s, the split of time per frame (training, drawing, compositing, encoding,
///   writing) and peak memory (VmHWM).
/// - `frameplot-bench animation memory`: 100 frames, then 10,000 frames of gd-locus, and the
///   peak memory after each (flat memory check).
/// - `frameplot-bench animation video`: gd-locus as MP4 and GIF (time per format).
/// - `frameplot-bench animation preview [DIR]`: the first, middle and last frame of every
///   built-in scene, for looking at them.
/// - `frameplot-bench animation split`: one core, CPU time per frame of compositing, drawing
///   and PNG encoding (the old row-by-row libpng `.fast` next to the one-shot encoder), steady
///   on a loaded machine where wall-clock splits are not.
func runAnimationBenchmarks() {
    let arguments = Array(CommandLine.arguments.dropFirst(2))
    switch arguments.first {
    case "preview": previewScenes(into: arguments.count > 1 ? arguments[1] : "Output/preview")
    case "memory": benchmarkFlatMemory()
    case "video": benchmarkVideo()
    case "split": benchmarkSplit()
    default:
        benchmarkScene("gd-locus", label: "gd-locus (101 frames, 800x400)")
        benchmarkScene("logistic", label: "logistic (200 frames, 800x600)")
        print(String(format: "animation: peak memory %.1f MB", Double(peakMemoryKB()) / 1024))
    }
}

/// Trains, renders a fresh PNG sequence and prints the figures.
private func benchmarkScene(_ name: String, arguments: [String] = [], label: String) {
    let folder = "Output/bench/\(name)"
    try? FileManager.default.removeItem(atPath: folder)
    do {
        let t0 = Date()
        let scene = try SceneCatalog.standard.makeScene(name, arguments: arguments)
        let training = Date().timeIntervalSince(t0)
        let summary = try FrameRenderer(scene: scene, progress: .quiet).renderPNGSequence(to: folder)
        let total = training + summary.seconds
        let frames = Double(summary.framesRendered)
        let t = summary.timing
        let ms = { (seconds: Double) in String(format: "%.2f", 1000 * seconds / frames) }
        print("animation: \(label): \(summary.framesRendered) frames in \(String(format: "%.2f", total)) s = "
              + String(format: "%.1f", frames / total) + " frames/s (all cores, training included)")
        print("animation:   per frame (CPU ms, summed over workers): training \(ms(training)), static layer \(ms(t.staticLayer)), "
              + "compositing \(ms(t.composite)), drawing \(ms(t.draw)), PNG encoding \(ms(t.encode)), writing \(ms(t.write))")
        print("FPS \(name) frameplot " + String(format: "%.2f", frames / total))
    } catch {
        print("animation: \(label): failed: \(error)")
    }
}

/// Per-frame CPU time of each phase on this thread, and bytes per frame, for the scenes.
private func benchmarkSplit() {
    func cpuMilliseconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) * 1000 + Double(ts.tv_nsec) / 1e6
    }
    print("animation: split per frame, one core, CPU ms (every frame of the scene)")
    print("  scene        composite   draw   encode old .fast   encode new .fast   KB old   KB new")
    for name in ["gd-locus", "logistic", "mlp"] {
        do {
            let scene = try SceneCatalog.standard.makeScene(name)
            let layer = try ImageCanvas(width: scene.size.width, height: scene.size.height)
            layer.clear(.white)
            try scene.renderStatic(on: layer)
            let frame = try ImageCanvas(width: scene.size.width, height: scene.size.height)
            var composite = 0.0, draw = 0.0, old = 0.0, new = 0.0, oldBytes = 0, newBytes = 0
            for index in 0..<scene.frameCount {
                let t0 = cpuMilliseconds()
                try frame.copyPixels(from: layer)      // as FrameRenderer starts a frame (opaque layer)
                let t1 = cpuMilliseconds()
                try scene.renderFrame(index, on: frame)
                let t2 = cpuMilliseconds()
                oldBytes += try frame.pngDataThroughLibpng(options: PNGOptions(compressionLevel: 1, filter: .none)).count
                let t3 = cpuMilliseconds()
                newBytes += try frame.pngData(options: .fast).count
                let t4 = cpuMilliseconds()
                composite += t1 - t0; draw += t2 - t1; old += t3 - t2; new += t4 - t3
            }
            let n = Double(scene.frameCount)
            print("  " + name.padding(toLength: 12, withPad: " ", startingAt: 0)
                  + String(format: "%9.2f %7.2f %18.2f %18.2f %8.1f %8.1f", composite / n, draw / n, old / n, new / n,
                           Double(oldBytes) / n / 1024, Double(newBytes) / n / 1024))
        } catch {
            print("animation: split \(name): failed: \(error)")
        }
    }
}

/// Encodes gd-locus as MP4 and GIF through ffmpeg and prints the time of each.
private func benchmarkVideo() {
    do {
        try FileManager.default.createDirectory(atPath: "Output/bench", withIntermediateDirectories: true)
        let scene = try SceneCatalog.standard.makeScene("gd-locus")
        for path in ["Output/bench/gd-locus.mp4", "Output/bench/gd-locus.gif"] {
            let summary = try FrameRenderer(scene: scene, progress: .quiet).renderVideo(to: path)
            let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            print(String(format: "animation: %@: %d frames in %.2f s, %d kB", path, summary.framesRendered, summary.seconds, bytes / 1024))
        }
    } catch {
        print("animation: video: failed: \(error)")
    }
}

/// Renders 100 and then 10,000 frames and prints the peak memory after each.
private func benchmarkFlatMemory() {
    let folder = "Output/bench/memory"
    do {
        for (frames, every) in [(100, 200), (10_000, 2)] {
            try? FileManager.default.removeItem(atPath: folder)
            let scene = try SceneCatalog.standard.makeScene("gd-locus", arguments: ["--steps", "\((frames - 1) * every)", "--every", "\(every)"])
            let summary = try FrameRenderer(scene: scene, progress: .automatic).renderPNGSequence(to: folder)
            print(String(format: "animation: %d frames in %.1f s (%.1f frames/s), peak memory so far %.1f MB",
                         summary.framesRendered, summary.seconds, summary.framesPerSecond, Double(peakMemoryKB()) / 1024))
        }
        try? FileManager.default.removeItem(atPath: folder)
    } catch {
        print("animation: memory: failed: \(error)")
    }
}

/// Peak resident memory of this process (VmHWM) in kB.
private func peakMemoryKB() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
    }
    return 0
}

private func previewScenes(into folder: String) {
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let catalog = SceneCatalog.standard
    var variants: [(String, String, [String])] = catalog.names.map { ($0, $0, []) }
    if catalog.entry("gd-locus") != nil { variants.append(("gd-locus-sgd", "gd-locus", ["--sgd"])) }
    for (label, name, arguments) in variants {
        do {
            let t0 = Date()
            let scene = try catalog.makeScene(name, arguments: arguments)
            let t1 = Date()
            let renderer = FrameRenderer(scene: scene, progress: .quiet)
            for index in Set([0, scene.frameCount / 2, scene.frameCount - 1]).sorted() {
                let frame = try renderer.renderFrame(index)
                try frame.writePNG(to: "\(folder)/\(label)_\(index).png", options: .fast)
            }
            print("preview: \(label): \(scene.frameCount) frames, \(Int(scene.size.width))x\(Int(scene.size.height)); "
                  + String(format: "make %.2f s, 3 frames %.2f s", t1.timeIntervalSince(t0), Date().timeIntervalSince(t1)))
        } catch {
            print("preview: \(label): \(error)")
        }
    }
}
