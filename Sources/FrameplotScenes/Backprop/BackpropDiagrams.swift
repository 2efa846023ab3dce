import Foundation
import FrameplotCanvas
import FrameplotPlot

/// The still computation-graph figures of the backprop post, for slides: the shopping
/// example and the logistic neuron, each as PNG, PDF and SVG.
///
/// For the CLI demo: `try BackpropDiagrams.render(into: "Output/demo/backprop")` writes
/// `shopping.png/.pdf/.svg` and `logistic.png/.pdf/.svg` (creating the folder) and returns
/// the paths written.
///
/// ```swift
/// let paths = try BackpropDiagrams.render(into: "Output/diagrams")
/// try BackpropDiagrams.write(.shopping(), to: "Output/shopping.svg")
/// ```
public enum BackpropDiagrams {
    /// The example names: `shopping` and `logistic`.
    public static let exampleNames = ["shopping", "logistic"]

    /// The trace of the example called `name` (`shopping` or `logistic`).
    ///
    /// - Throws: ``BackpropError/unknownExample(_:)`` for any other name.
    public static func trace(named name: String) throws -> BackpropTrace {
        switch name {
        case "shopping": return .shopping()
        case "logistic": return try .logisticNeuron()
        default: throw BackpropError.unknownExample(name)
        }
    }

    /// Writes both examples as PNG (at device `scale`), PDF and SVG into `directory`.
    ///
    /// - Returns: the paths written, in order.
    /// - Throws: ``CanvasError`` when the folder cannot be created or a file cannot be written.
    @discardableResult
    public static func render(into directory: String, scale: Double = 2) throws -> [String] {
        try createDirectory(directory)
        var written: [String] = []
        for name in exampleNames {
            let figure = try BackpropFigure(trace: try trace(named: name))
            for ext in ["png", "pdf", "svg"] {
                let path = (directory as NSString).appendingPathComponent("\(name).\(ext)")
                try write(figure, to: path, scale: scale)
                written.append(path)
            }
        }
        return written
    }

    /// Writes the still figure of `trace` to `path`; the format comes from the extension
    /// (`.png`, `.pdf`, `.svg`).
    public static func write(_ trace: BackpropTrace, to path: String, scale: Double = 2) throws {
        try write(try BackpropFigure(trace: trace), to: path, scale: scale)
    }

    static func write(_ figure: BackpropFigure, to path: String, scale: Double) throws {
        let ext = (path as NSString).pathExtension.lowercased()
        switch ext {
        case "png":
            let canvas = try ImageCanvas(width: figure.size.width, height: figure.size.height, scale: scale)
            figure.drawStill(on: canvas)
            try canvas.writePNG(to: path, options: .small)
        case "pdf", "svg":
            let canvas = try VectorCanvas(format: ext == "pdf" ? .pdf : .svg,
                                          width: figure.size.width, height: figure.size.height)
            figure.drawStill(on: canvas)
            try canvas.write(to: path)
        default:
            throw BackpropError.unsupportedFormat(path)
        }
    }

    private static func createDirectory(_ directory: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw BackpropError.notADirectory(directory) }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw BackpropError.cannotCreateDirectory(directory)
        }
    }
}

/// Why a backprop figure or scene cannot be made.
public enum BackpropError: Error, Equatable, CustomStringConvertible {
    case unknownExample(String)
    case unsupportedFormat(String)
    case notADirectory(String)
    case cannotCreateDirectory(String)

    public var description: String {
        switch self {
        case .unknownExample(let name):
            return "backprop: unknown example '\(name)'; choose one of: \(BackpropDiagrams.exampleNames.joined(separator: ", "))"
        case .unsupportedFormat(let path):
            return "backprop: cannot tell the format of '\(path)'; use .png, .pdf or .svg"
        case .notADirectory(let path):
            return "backprop: '\(path)' exists and is not a folder"
        case .cannotCreateDirectory(let path):
            return "backprop: cannot create the folder '\(path)'"
        }
    }
}
