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
        .systemLibrary(
            name: "CFrameplotPango",
            pkgConfig: "pangocairo",
            providers: [.apt(["libpango1.0-dev"])]
        ),
        .systemLibrary(
            name: "CFrameplotPNG",
            pkgConfig: "libpng",
            providers: [.apt(["libpng-dev"])]
        ),
        .target(
            name: "CFrameplotPNGEncoder",
            dependencies: ["CFrameplotPNG"]
        ),

        // MARK: Swift layers
        .target(
            name: "FrameplotCanvas",
            dependencies: ["CFrameplotCairo", "CFrameplotPango", "CFrameplotPNGEncoder"]
        ),
        .target(name: "FrameplotModel"),
        .target(name: "FrameplotPlot", dependencies: ["FrameplotCanvas"]),
        .target(name: "FrameplotAnimation", dependencies: ["FrameplotPlot", "FrameplotModel"]),
        .target(
            name: "FrameplotScenes",
            dependencies: ["FrameplotAnimation", "FrameplotPlot", "FrameplotModel"],
            resources: []
        ),
        .target(
            name: "Frameplot",
            dependencies: ["FrameplotCanvas", "FrameplotPlot", "FrameplotModel", "FrameplotAnimation", "FrameplotScenes"]
        ),
        .executableTarget(
            name: "frameplot",
            dependencies: [
                "Frameplot",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "frameplot-bench",
            dependencies: ["Frameplot"]
        ),

        // MARK: Tests (swift-testing)
        .testTarget(name: "FrameplotCanvasTests", dependencies: ["FrameplotCanvas"]),
        .testTarget(name: "FrameplotModelTests", dependencies: ["FrameplotModel"]),
        .testTarget(name: "FrameplotPlotTests", dependencies: ["FrameplotPlot"]),
        .testTarget(name: "FrameplotAnimationTests", dependencies: ["FrameplotAnimation", "FrameplotScenes"]),
        .testTarget(name: "FrameplotScenesTests", dependencies: ["FrameplotScenes"]),
        .testTarget(name: "FrameplotCLITests", dependencies: ["frameplot"]),
    ],
    swiftLanguageModes: [.v5]
)
