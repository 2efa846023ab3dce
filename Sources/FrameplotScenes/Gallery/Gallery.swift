import Foundation
import FrameplotCanvas
import FrameplotModel
import FrameplotPlot

/// The five reference figures of the plot layer (issue 3), built from the seed documents'
/// data and real fits, rendered into a folder as PNG, PDF and SVG.
///
/// ```swift
/// let written = try Gallery.render(into: "Output/gallery", formats: [.png, .pdf, .svg])
/// ```
public enum Gallery {
    /// One gallery figure: a file name stem and the figure.
    public struct Entry: Sendable {
        public var name: String
        public var figure: Figure
    }

    /// The reference figures at `pixelWidth` x `pixelHeight` pixels and `dpi` (text in points).
    ///
    /// ```swift
    /// let small = try Gallery.figures(pixelWidth: 320, pixelHeight: 240)
    /// ```
    public static func figures(pixelWidth: Int = 800, pixelHeight: Int = 600, dpi: Double = 72,
                               theme: Theme = .default) throws -> [Entry] {
        func fig() -> Figure { Figure(pixelWidth: pixelWidth, pixelHeight: pixelHeight, dpi: dpi, theme: theme) }
        return [
            Entry(name: "1-height-weight", figure: heightWeightScatter(fig())),
            // One loss sample per ~3 device pixels of the figure's width: smooth, and cheap at small sizes.
            Entry(name: "2-loss-surface", figure: lossSurface(fig(), samples: Swift.min(300, Swift.max(60, Int(Double(pixelWidth) * 72 / dpi) / 3)))),
            Entry(name: "3-residuals", figure: residuals(fig())),
            Entry(name: "4-decision-regions", figure: decisionRegions(fig())),
            Entry(name: "5-learning-curve", figure: try learningCurve(fig())),
        ]
    }

    /// Renders every gallery figure into `directory` (created if missing) in each of
    /// `formats`, and returns the paths written.
    ///
    /// ```swift
    /// try Gallery.render(into: "Output/gallery", formats: [.png])
    /// try Gallery.render(into: "Output/gallery-dark", formats: [.png], theme: .dark)
    /// ```
    @discardableResult
    public static func render(into directory: String, formats: [FigureFormat] = FigureFormat.allCases,
                              pixelWidth: Int = 800, pixelHeight: Int = 600, dpi: Double = 72,
                              theme: Theme = .default) throws -> [String] {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var written: [String] = []
        for entry in try figures(pixelWidth: pixelWidth, pixelHeight: pixelHeight, dpi: dpi, theme: theme) {
            for format in formats {
                let path = (directory as NSString).appendingPathComponent("\(entry.name).\(format.rawValue)")
                try entry.figure.save(to: path, format: format)
                written.append(path)
            }
        }
        return written
    }
}
