// swift-tools-version: 6.0
import PackageDescription

/// Frameplot: plots and training animations for teaching machine learning.
///
/// Dependency direction (one way):
/// C wrappers <- FrameplotCanvas <- FrameplotPlot <- FrameplotAnimation <- FrameplotScenes <- frameplot (CLI)
/// FrameplotModel (datasets, models, optimizers, training loops) imports no drawing code.
let package = Package(
    name: "Frameplot",
    products: [
        .library(name: "Frameplot", targets: ["Frameplot"]),
        .executable(name: "frameplot", targets: ["frameplot"]),
        .executable(name: "frameplot-bench", targets: ["frameplot-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // MARK: C edge (only FrameplotCanvas imports these)
        .systemLibrary(
            name: "CFrameplotCairo",
            pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev"])]
        ),
        // Pango's few functions are declared in our own header (see frameplot_pango.h): its
        // pkg-config flags carry -pthread, which SwiftPM rejects in packages that depend on us.
        .target(
            name: "CFrameplotPango",
            dependencies: ["CFrameplotCairo"],
            linkerSettings: [
                .linkedLibrary("pangocairo-1.0"), .linkedLibrary("pango-1.0"),
                .linkedLibrary("gobject-2.0"), .linkedLibrary("glib-2.0"),
            ]
        ),
        .systemLibrary(
            name: "CFrameplotPNG",
            pkgConfig: "libpng",
            providers: [.apt(["libpng-dev"])]
        ),
        // libdeflate: whole-buffer DEFLATE, faster and smaller than zlib for PNG frames.
        .systemLibrary(
            name: "CFrameplotDeflate",
            pkgConfig: "libdeflate",
            providers: [.apt(["libdeflate-dev"])]
        ),
        .target(
            name: "CFrameplotPNGEncoder",
            dependencies: ["CFrameplotPNG", "CFrameplotDeflate"]
        ),

        // MARK: Swift layers
        // Atomic file replacement, output-folder locks and exit cleanup: no dependencies, so
        // that both the drawing side and FrameplotModel (no drawing code) write the same way.
        .target(name: "FrameplotFiles"),
        .target(
            name: "FrameplotCanvas",
            dependencies: ["CFrameplotCairo", "CFrameplotPango", "CFrameplotPNGEncoder", "FrameplotFiles"]
        ),
        .target(name: "FrameplotModel", dependencies: ["FrameplotFiles"]),
        .target(name: "FrameplotPlot", dependencies: ["FrameplotCanvas"]),
        .target(name: "FrameplotAnimation",
                dependencies: ["FrameplotCanvas", "FrameplotPlot", "FrameplotModel", "FrameplotFiles"]),
        .target(
            name: "FrameplotScenes",
            dependencies: ["FrameplotAnimation", "FrameplotCanvas", "FrameplotPlot", "FrameplotModel"]
        ),
        .target(
            name: "Frameplot",
            dependencies: ["FrameplotCanvas", "FrameplotPlot", "FrameplotModel", "FrameplotAnimation", "FrameplotScenes",
                           "FrameplotFiles"]
        ),
        .executableTarget(
            name: "frameplot",
            dependencies: [
                "Frameplot", "FrameplotAnimation", "FrameplotCanvas", "FrameplotFiles", "FrameplotModel", "FrameplotPlot",
                "FrameplotScenes", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "frameplot-bench",
            dependencies: ["Frameplot"]
        ),

        // MARK: Tests (swift-testing)
        .testTarget(name: "FrameplotFilesTests", dependencies: ["FrameplotFiles"]),
        .testTarget(name: "FrameplotCanvasTests", dependencies: ["FrameplotCanvas"]),
        .testTarget(name: "FrameplotModelTests", dependencies: ["FrameplotModel", "FrameplotFiles"]),
        .testTarget(name: "FrameplotPlotTests", dependencies: ["FrameplotCanvas", "FrameplotPlot"]),
        .testTarget(name: "FrameplotAnimationTests",
                    dependencies: ["FrameplotAnimation", "FrameplotCanvas", "FrameplotFiles", "FrameplotModel", "FrameplotScenes"]),
        .testTarget(name: "FrameplotScenesTests",
                    dependencies: ["FrameplotScenes", "FrameplotAnimation", "FrameplotCanvas", "FrameplotModel", "FrameplotPlot"]),
        .testTarget(name: "FrameplotCLITests", dependencies: ["frameplot", "FrameplotCanvas", "FrameplotModel", "FrameplotPlot"]),
        // Compiles every ```swift block of README.md and docs/*.md against the built modules.
        // (The umbrella is built for those blocks; the tests import the layers themselves.)
        .testTarget(name: "FrameplotDocsTests",
                    dependencies: ["Frameplot", "FrameplotAnimation", "FrameplotCanvas", "FrameplotModel", "FrameplotPlot"]),
    ],
    swiftLanguageModes: [.v6]
)
