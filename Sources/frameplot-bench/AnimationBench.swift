import Foundation
import Frameplot

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
func runAnimationBenchmarks() {
    let arguments = Array(CommandLine.arguments.dropFirst(2))
    switch arguments.first {
    case "preview": previewScenes(into: arguments.count > 1 ? arguments[1] : "Output/preview")
    case "memory": benchmarkFlatMemory()
    case "video": benchmarkVideo()
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
