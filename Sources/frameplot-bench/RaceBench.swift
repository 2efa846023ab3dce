import Foundation
import Frameplot

/// Prints the optimizer-race figures (never a pass/fail test).
///
/// - `frameplot-bench race`: typed-formula evaluation (values and reverse-mode gradients of
///   Beale on a 512×512 grid), a six-optimizer race of 500 steps, and the 3-D frame at
///   800×600: the static surface layer once, then a frame drawn over the cached layer
///   (composite, six paths on the surface with their heads, legend). CPU times of one core.
/// - `frameplot-bench race preview [DIR]`: 3-D and 2-D race pictures (Rosenbrock with log
///   height, Beale, Himmelblau, the saddle, side by side) for looking at them.
/// - `frameplot-bench race scenes`: the `optimizers` and `gd-locus` scenes as the CLI renders
///   them: CPU time of the static layer once, and per frame (compositing it and drawing the
///   frame) over twenty frames spread over the run, still and turning cameras. Also printed
///   by `frameplot-bench race`.
func runRaceBenchmarks() {
    let arguments = Array(CommandLine.arguments.dropFirst(2))
    do {
        if arguments.first == "preview" {
            try RacePictures.preview(into: arguments.count > 1 ? arguments[1] : "Output/race")
        } else if arguments.first == "scenes" {
            try benchmarkRaceScenes()
        } else {
            try benchmarkRace()
            try benchmarkRaceScenes()
        }
    } catch {
        print("race: failed: \(error)")
    }
}

/// CPU seconds of this process for `body`, best of `repeats`.
private func cpuSeconds(_ repeats: Int = 3, _ body: () throws -> Void) rethrows -> Double {
    func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
    var best = Double.infinity
    for _ in 0..<repeats {
        let start = now()
        try body()
        best = Swift.min(best, now() - start)
    }
    return best
}

private func benchmarkRace() throws {
    let beale = TestFunction.beale
    var sink = 0.0
    let n = 512
    let values = cpuSeconds {
        let g = Grid2D(x: beale.xDomain, y: beale.yDomain, nx: n, ny: n) { x, y in beale.value(x: x, y: y) }
        sink += g.values[7]
    }
    print(String(format: "race: Beale values on a %dx%d grid: %.1f ms (%.0f ns per value)", n, n, values * 1000, values / Double(n * n) * 1e9))
    let gradients = cpuSeconds {
        for j in 0..<n {
            for i in 0..<n { sink += beale.gradient(x: Double(i) / 100, y: Double(j) / 200)[0] }
        }
    }
    print(String(format: "race: Beale value and gradient by reverse mode: %.0f ns each", gradients / Double(n * n) * 1e9))
    let race = try OptimizerRace(function: .rosenbrock, steps: 500)
    let run = cpuSeconds(5) { sink += race.run().tracks[0].losses.last ?? 0 }
    print(String(format: "race: six optimizers x 500 steps on Rosenbrock: %.2f ms", run * 1000))

    let scene = try RacePictures.threeD(.rosenbrock, steps: 500, size: (800, 600))
    let measuring = try ImageCanvas(width: 800, height: 600)
    let layout = scene.frame(at: 500).layout(measuringWith: measuring)
    let background = try ImageCanvas(width: 800, height: 600)
    let staticLayer = cpuSeconds { scene.base.render(on: background, layout: layout, layers: .background) }
    let canvas = try ImageCanvas(width: 800, height: 600)
    var frames: [Figure] = []
    for k in stride(from: 0, through: 500, by: 25) { frames.append(scene.frame(at: k)) }
    let perFrame = cpuSeconds {
        for figure in frames {
            canvas.composite(background, at: .zero)
            figure.render(on: canvas, layout: layout, layers: .foreground)
        }
    } / Double(frames.count)
    let uncached = cpuSeconds(2) { frames[frames.count - 1].render(on: canvas, layout: layout, layers: .all) }
    print(String(format: "race: 3-D frame 800x600 (Rosenbrock, log height, 56x56 mesh): static layer %.1f ms once; "
                 + "frame over the cached layer %.2f ms (six paths up to 500 steps, heads, legend); whole frame uncached %.1f ms",
                 staticLayer * 1000, perFrame * 1000, uncached * 1000))
    if sink == 42 { print("") }
}

/// The scenes' frames as the renderer draws them, on one core: the static layer once, then
/// per frame the composite of that layer and the frame's drawing.
private func benchmarkRaceScenes() throws {
    let cases: [(String, [String], String)] = [
        ("optimizers", ["--function", "rosenbrock", "--view", "3d"], "800x600"),
        ("optimizers", ["--function", "rosenbrock", "--view", "3d", "--rotate"], "800x600"),
        ("optimizers", [], "1120x520"),
        ("optimizers", ["--function", "rosenbrock", "--view", "both"], "1560x520"),
        ("gd-locus", ["--view", "3d"], "800x400"),
        ("gd-locus", ["--view", "both", "--rotate"], "1200x400"),
    ]
    for (name, arguments, size) in cases {
        let scene = try SceneCatalog.standard.makeScene(name, arguments: arguments, settings: SceneSettings(size: try FrameSize(parsing: size)))
        let layer = try ImageCanvas(width: scene.size.width, height: scene.size.height)
        let staticLayer = try cpuSeconds(1) { layer.clear(.white); try scene.renderStatic(on: layer) }
        let canvas = try ImageCanvas(width: scene.size.width, height: scene.size.height)
        let frames = (0..<20).map { $0 * (scene.frameCount - 1) / 19 }
        let perFrame = try cpuSeconds(1) {
            for index in frames {
                canvas.clear(.white)
                canvas.composite(layer, at: .zero)
                try scene.renderFrame(index, on: canvas)
            }
        } / Double(frames.count)
        print(String(format: "race: %@ %@ %@: static layer %.1f ms once; frame %.1f ms (composite and draw, %d frames in the run)",
                     name, arguments.joined(separator: " "), size, staticLayer * 1000, perFrame * 1000, scene.frameCount))
    }
}

/// Race pictures built from the model's race and the plot layer's 3-D and 2-D marks.
enum RacePictures {
    /// A static figure and the per-frame marks of a race.
    struct Scene {
        var base: Figure
        var run: OptimizerRaceRun
        var panels: [(index: Int, threeD: Bool)]
        /// Opacity of path parts a surface hides (0: not drawn).
        var hiddenAlpha = 0.0

        /// The figure at row `k`: every optimizer's path up to k and its head.
        func frame(at k: Int) -> Figure {
            var figure = base
            for (index, threeD) in panels {
                var axes = figure.panels[index]
                for (n, track) in run.tracks.enumerated() {
                    let count = Swift.min(k + 1, track.count)
                    let xs = Array(track.xs[..<count]), ys = Array(track.ys[..<count])
                    let color = RacePictures.colors[n % RacePictures.colors.count]
                    let label = String(format: "%@  %.2e", track.optimizer.displayName, track.losses[count - 1])
                    if threeD {
                        axes.line3D(xs: xs, ys: ys, color: color, width: 2, outline: Color(hex: 0x000000, alpha: 0.55),
                                    hiddenAlpha: hiddenAlpha, label: label, layer: .dynamic)
                        axes.scatter3D(xs: [xs[count - 1]], ys: [ys[count - 1]], size: 8, color: color, layer: .dynamic)
                    } else {
                        axes.line(xs: xs, ys: ys, color: color, width: 2, label: label, layer: .dynamic)
                        axes.scatter(xs: [xs[count - 1]], ys: [ys[count - 1]], size: 8, color: color, edgeColor: .white, layer: .dynamic)
                    }
                }
                figure.panels[index] = axes
            }
            return figure
        }
    }

    static let colors: [Color] = [Color(hex: 0xff3b30), Color(hex: 0xff9f0a), Color(hex: 0xffe14d),
                                  Color(hex: 0xff2d95), Color(hex: 0x00e5ff), Color(hex: 0x8e6cff)]

    static func grid(_ f: TestFunction, _ n: Int = 300) -> Grid2D {
        Grid2D(x: f.xDomain, y: f.yDomain, nx: n, ny: n) { x, y in f.value(x: x, y: y) }
    }

    static func add3D(_ f: TestFunction, to axes: inout Axes, camera: Camera3D, colorbar: Bool = false) {
        axes.view3D = View3D(camera: camera, z: AxisSpec(label: "f(x, y)", scale: f.prefersLogScale ? .log10 : .linear, margin: 0))
        axes.x.label = "x"; axes.y.label = "y"
        axes.surface(grid(f, 200), colormap: .viridis, colorbarLabel: colorbar ? "f(x, y)" : nil)
        if !f.minima.isEmpty {
            axes.scatter3D(xs: f.minima.map { $0[0] }, ys: f.minima.map { $0[1] }, marker: .cross, size: 11, color: .black)
        }
        axes.title = f.title
        axes.legendPlacement = .best
    }

    static func add2D(_ f: TestFunction, to axes: inout Axes) {
        let g = grid(f, 300)
        axes.x.label = "x"; axes.y.label = "y"
        axes.x.limits = AxisLimits(lower: f.xDomain.lowerBound, upper: f.xDomain.upperBound)
        axes.y.limits = AxisLimits(lower: f.yDomain.lowerBound, upper: f.yDomain.upperBound)
        if f.prefersLogScale, let r = g.finiteRange(positive: true) {
            let lo = Swift.max(r.min, r.max * 1e-6)
            let levels = ContourLevels.auto(min: lo, max: r.max, count: 14, log: true)
            let scale = ColorScale(colormap: .viridis, norm: ColorNorm(kind: .log10, vmin: lo, vmax: r.max))
            axes.filledContour(g, levels: levels, coloring: .scale(scale))
            axes.contour(g, levels: levels, coloring: .single(Color(hex: 0xffffff, alpha: 0.35)), width: 0.5)
            axes.colorbar = ColorbarSpec(label: "f(x, y)", scale: scale)
        } else if let r = g.finiteRange() {
            let levels = ContourLevels.auto(min: r.min, max: r.max, count: 14, log: false)
            let scale = ColorScale(colormap: .viridis, norm: ColorNorm(vmin: r.min, vmax: r.max))
            axes.filledContour(g, levels: levels, coloring: .scale(scale))
            axes.contour(g, levels: levels, coloring: .single(Color(hex: 0xffffff, alpha: 0.35)), width: 0.5)
            axes.colorbar = ColorbarSpec(label: "f(x, y)", scale: scale)
        }
        if !f.minima.isEmpty {
            axes.scatter(xs: f.minima.map { $0[0] }, ys: f.minima.map { $0[1] }, marker: .cross, size: 11, color: .white)
        }
        axes.title = f.title
        axes.legendPlacement = .upperLeft
    }

    static func threeD(_ f: TestFunction, steps: Int, size: (Double, Double), camera: Camera3D = Camera3D(),
                       optimizers: [Optimizer] = Optimizer.torchDefaults, theme: Theme = .default,
                       colorbar: Bool = false) throws -> Scene {
        var figure = Figure(width: size.0, height: size.1, theme: theme)
        add3D(f, to: &figure.axes, camera: camera, colorbar: colorbar)
        return Scene(base: figure, run: try OptimizerRace(function: f, optimizers: optimizers, steps: steps).run(), panels: [(0, true)])
    }

    static func sideBySide(_ f: TestFunction, steps: Int, camera: Camera3D = Camera3D()) throws -> Scene {
        var figure = Figure(width: 1280, height: 560, columns: 2)
        add2D(f, to: &figure[0, 0])
        add3D(f, to: &figure[0, 1], camera: camera)
        figure[0, 1].legendPlacement = .hidden
        return Scene(base: figure, run: try OptimizerRace(function: f, steps: steps).run(), panels: [(0, false), (1, true)])
    }

    static func hidden(_ scene: Scene) -> Scene {
        var s = scene
        s.hiddenAlpha = 0.35
        return s
    }

    static func preview(into folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let pictures: [(String, Scene, Int)] = [
            ("rosenbrock_3d", try threeD(.rosenbrock, steps: 500, size: (800, 600)), 500),
            ("rosenbrock_3d_early", try threeD(.rosenbrock, steps: 500, size: (800, 600)), 40),
            ("rosenbrock_3d_colorbar", try threeD(.rosenbrock, steps: 500, size: (800, 600), colorbar: true), 250),
            ("saddle_3d_dark", try threeD(.saddle, steps: 300, size: (800, 600), camera: Camera3D(azimuth: -35, elevation: 25),
                                          theme: .dark), 120),
            ("beale_3d", try threeD(.beale, steps: 300, size: (800, 600), camera: Camera3D(azimuth: -120, elevation: 35)), 300),
            ("beale_3d_gd", hidden(try threeD(.beale, steps: 300, size: (800, 600), camera: Camera3D(azimuth: -120, elevation: 35),
                                                optimizers: [.gradientDescent])), 300),
            ("beale_3d_hidden_traced", hidden(try threeD(.beale, steps: 300, size: (800, 600), camera: Camera3D(azimuth: -120, elevation: 35))), 300),
            ("himmelblau_3d", try threeD(.himmelblau, steps: 300, size: (800, 600), camera: Camera3D(azimuth: -50, elevation: 40)), 300),
            ("saddle_3d", try threeD(.saddle, steps: 300, size: (800, 600), camera: Camera3D(azimuth: -35, elevation: 25)), 300),
            ("beale_both", try sideBySide(.beale, steps: 300, camera: Camera3D(azimuth: -120, elevation: 35)), 150),
            ("rosenbrock_both", try sideBySide(.rosenbrock, steps: 500), 500),
        ]
        for (name, scene, k) in pictures {
            let path = "\(folder)/\(name).png"
            try scene.frame(at: k).makeImage().writePNG(to: path)
            print("race: wrote \(path)")
        }
        // Vector output of the 3-D view (every triangle a path).
        for format in ["svg", "pdf"] {
            let path = "\(folder)/rosenbrock_3d.\(format)"
            try pictures[0].1.frame(at: 500).save(to: path)
            let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            print("race: wrote \(path) (\(bytes / 1024) kB)")
        }
    }
}
