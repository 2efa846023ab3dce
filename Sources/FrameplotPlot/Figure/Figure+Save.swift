import FrameplotCanvas

/// Errors of the plot layer, worded for the person who runs the program.
public enum PlotError: Error, Equatable, CustomStringConvertible {
    /// The file name's extension is not one Frameplot writes.
    case unsupportedFormat(path: String)

    public var description: String {
        switch self {
        case .unsupportedFormat(let path):
            return "cannot save '\(path)': use a file name ending in .png, .pdf or .svg"
        }
    }
}

/// An output format chosen from a file name.
public enum FigureFormat: String, Sendable, CaseIterable {
    case png, pdf, svg

    /// The format for `path`'s extension (case-insensitive), or `nil`.
    ///
    /// ```swift
    /// FigureFormat(path: "out/fig.SVG")  // .svg
    /// ```
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        self.init(rawValue: path[path.index(after: dot)...].lowercased())
    }
}

extension Figure {
    /// Renders the figure to a new raster canvas of its pixel size.
    ///
    /// ```swift
    /// let canvas = try fig.makeImage()
    /// let pixel = canvas.pixel(x: 10, y: 10)
    /// ```
    public func makeImage() throws -> ImageCanvas {
        let canvas = try ImageCanvas(width: size.width, height: size.height, scale: scale)
        render(on: canvas)
        return canvas
    }

    /// Writes the figure as PNG, PDF or SVG, chosen by `path`'s extension, with the same
    /// layout in all three. The file appears atomically (temp file + rename) or not at all.
    ///
    /// ```swift
    /// try fig.save(to: "Output/gallery/scatter.png")
    /// try fig.save(to: "Output/gallery/scatter.pdf")
    /// ```
    public func save(to path: String) throws {
        guard let format = FigureFormat(path: path) else { throw PlotError.unsupportedFormat(path: path) }
        try save(to: path, format: format)
    }

    /// Writes the figure in `format` to `path` (atomically).
    public func save(to path: String, format: FigureFormat) throws {
        switch format {
        case .png:
            try makeImage().writePNG(to: path)
        case .pdf, .svg:
            let canvas = try VectorCanvas(format: format == .pdf ? .pdf : .svg, width: size.width, height: size.height)
            render(on: canvas)
            try canvas.write(to: path)
        }
    }
}
