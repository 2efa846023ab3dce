import Foundation
import FrameplotCanvas
import FrameplotPlot

/// A value given for an option that cannot be used: which option, the text, and why.
///
/// Its description names all three (`--size 8x8: width must be at least 16`); as a
/// `LocalizedError` it gives the reason alone, for argument parsers that print the option and
/// the value themselves.
public struct InvalidOptionValue: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    /// The option, with its dashes (`--size`).
    public let option: String
    /// The text as given (clipped to one short line).
    public let value: String
    public let reason: String

    public init(option: String, value: String, reason: String) {
        self.option = option; self.value = SceneText.clipped(value); self.reason = reason
    }

    public var description: String { "\(option) \(value): \(reason)" }
    public var errorDescription: String? { reason }

    /// The strictly decimal number in `text` (see ``SceneText/decimal(_:)``), or this error.
    static func decimal(_ text: String, option: String, expected: String) throws -> Double {
        guard let value = SceneText.decimal(text) else {
            throw InvalidOptionValue(option: option, value: text, reason: "expected \(expected)")
        }
        return value
    }
}

/// A frame or figure size a person asked for: whole layout units (pixels at scale 1), each side
/// within ``CanvasLimits/requestedSides``.
///
/// ```swift
/// let size = try FrameSize(parsing: "1280x720")   // also "1280×720", "1280*720"
/// size.size                                        // Size(width: 1280, height: 720)
/// ```
public struct FrameSize: Hashable, Codable, Sendable, CustomStringConvertible {
    public let width: Int
    public let height: Int

    /// A checked size.
    ///
    /// - Throws: ``InvalidOptionValue`` for `--size` when a side is outside 16…8192.
    public init(width: Int, height: Int) throws {
        try self.init(width: width, height: height, typed: "\(width)x\(height)")
    }

    /// Parses `WxH` (`x`, `×` or `*` between the numbers).
    public init(parsing text: String) throws {
        let parts = text.lowercased().split(whereSeparator: { $0 == "x" || $0 == "×" || $0 == "*" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]) else {
            throw InvalidOptionValue(option: "--size", value: text, reason: "expected WIDTHxHEIGHT, e.g. 800x600")
        }
        try self.init(width: width, height: height, typed: text)
    }

    private init(width: Int, height: Int, typed: String) throws {
        let sides = CanvasLimits.requestedSides
        for (name, value) in [("width", width), ("height", height)] where !sides.contains(value) {
            let bound = value < sides.lowerBound ? "at least \(sides.lowerBound)" : "at most \(sides.upperBound)"
            throw InvalidOptionValue(option: "--size", value: typed, reason: "\(name) must be \(bound)")
        }
        self.width = width
        self.height = height
    }

    private init(unchecked width: Int, _ height: Int) { self.width = width; self.height = height }

    /// 800x600, the plot commands' default figure size.
    public static let standardFigure = FrameSize(unchecked: 800, 600)

    private enum CodingKeys: String, CodingKey { case width, height }

    /// Read from JSON and checked like a typed size.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(width: container.decode(Int.self, forKey: .width), height: container.decode(Int.self, forKey: .height))
    }

    /// The size in layout units.
    public var size: Size { Size(width: Double(width), height: Double(height)) }

    public var description: String { "\(width)x\(height)" }
}

/// The themes every command knows, by name.
///
/// ```swift
/// let theme = try ThemeName(parsing: "dark").theme
/// ```
public enum ThemeName: String, CaseIterable, Codable, Sendable {
    case `default`, slides, dark

    /// A theme by name, case-insensitive.
    ///
    /// - Throws: ``InvalidOptionValue`` for `--theme`, naming the known themes.
    public init(parsing text: String) throws {
        guard let theme = ThemeName(rawValue: text.lowercased()) else {
            let names = Self.allCases.map(\.rawValue).joined(separator: ", ")
            throw InvalidOptionValue(option: "--theme", value: text, reason: "unknown theme; use one of \(names)")
        }
        self = theme
    }

    /// The plot layer's theme of this name.
    public var theme: Theme {
        switch self {
        case .default: return .default
        case .slides: return .slides
        case .dark: return .dark
        }
    }
}

/// Frames per second of a video: more than 0, at most 240.
///
/// ```swift
/// let rate = try FrameRate(parsing: "30")
/// ```
public struct FrameRate: CheckedNumberSetting, Hashable, Sendable, CustomStringConvertible {
    public let value: Double

    public static let range = 0.0...240.0

    /// - Throws: ``InvalidOptionValue`` for `--fps` outside (0, 240].
    public init(_ value: Double) throws {
        try self.init(value, typed: SceneText.number(value))
    }

    public init(parsing text: String) throws {
        try self.init(InvalidOptionValue.decimal(text, option: "--fps", expected: "a number of frames per second, e.g. 30"), typed: text)
    }

    private init(_ value: Double, typed: String) throws {
        guard value.isFinite, value > Self.range.lowerBound, value <= Self.range.upperBound else {
            throw InvalidOptionValue(option: "--fps", value: typed, reason: "must be more than 0 and at most 240")
        }
        self.value = value
    }

    public var description: String { SceneText.number(value) }
}

/// The device scale of raster output (2 draws twice the pixels with the same layout), within
/// ``CanvasLimits/requestedScales``.
///
/// ```swift
/// let scale = try RenderScale(parsing: "2")
/// ```
public struct RenderScale: CheckedNumberSetting, Hashable, Sendable, CustomStringConvertible {
    public let value: Double

    /// Scale 1: one pixel per layout unit.
    public static let one = RenderScale(unchecked: 1)

    /// - Throws: ``InvalidOptionValue`` for `--scale` outside 0.25…8.
    public init(_ value: Double) throws {
        try self.init(value, typed: SceneText.number(value))
    }

    public init(parsing text: String) throws {
        try self.init(InvalidOptionValue.decimal(text, option: "--scale", expected: "a number, e.g. 2"), typed: text)
    }

    private init(_ value: Double, typed: String) throws {
        let range = CanvasLimits.requestedScales
        guard value.isFinite, range.contains(value) else {
            throw InvalidOptionValue(option: "--scale", value: typed,
                                     reason: "must be between \(SceneText.number(range.lowerBound)) and \(SceneText.number(range.upperBound))")
        }
        self.value = value
    }

    private init(unchecked value: Double) { self.value = value }

    public var description: String { SceneText.number(value) }
}

/// A number setting that checks its range when made: written to JSON as a plain number and
/// checked again when read.
public protocol CheckedNumberSetting: Codable {
    /// - Throws: ``InvalidOptionValue`` outside the setting's range.
    init(_ value: Double) throws
    var value: Double { get }
}

extension CheckedNumberSetting {
    public init(from decoder: Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(Double.self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

/// The settings every scene shares: frame size, device scale, theme, frame rate and tweening.
///
/// Parsed once (each type checks its own range) and checked together once, by
/// ``pixelSize(of:)``, against the canvas limits. A shared setting is one field here: it
/// reaches every scene and, being part of this Codable value, every render identity.
///
/// ```swift
/// var settings = SceneSettings()
/// settings.size = try FrameSize(parsing: "1280x720")
/// settings.theme = .dark
/// ```
public struct SceneSettings: Hashable, Codable, Sendable {
    /// The frame size; `nil` keeps the scene's own.
    public var size: FrameSize?
    /// The device scale of raster frames.
    public var scale: RenderScale
    /// The look of the frames.
    public var theme: ThemeName
    /// Frames per second; `nil` keeps the scene's own.
    public var framesPerSecond: FrameRate?
    /// In-between frames between recorded states (`--tween`), or nil for one frame per state.
    public var tween: Tween?

    public init(size: FrameSize? = nil, scale: RenderScale = .one, theme: ThemeName = .default,
                framesPerSecond: FrameRate? = nil, tween: Tween? = nil) {
        self.size = size; self.scale = scale; self.theme = theme; self.framesPerSecond = framesPerSecond
        self.tween = tween
    }

    /// The pixel size of a frame of `layoutSize` at ``scale``: the one check of size and scale together.
    ///
    /// - Throws: ``InvalidOptionValue`` naming `--size` and `--scale` when the image would
    ///   exceed the canvas limits.
    public func pixelSize(of layoutSize: Size) throws -> (width: Int, height: Int) {
        try Self.pixelSize(of: layoutSize, scale: scale)
    }

    /// The pixel size of `layoutSize` at `scale` (see ``pixelSize(of:)``), for figures too.
    public static func pixelSize(of layoutSize: Size, scale: RenderScale) throws -> (width: Int, height: Int) {
        do {
            return try CanvasLimits.pixelSize(width: layoutSize.width, height: layoutSize.height, scale: scale.value)
        } catch let error as CanvasError {
            guard case let .invalidSize(_, _, _, reason) = error else { throw error }
            throw InvalidOptionValue(option: "--size",
                                     value: "\(SceneText.number(layoutSize.width))x\(SceneText.number(layoutSize.height)) --scale \(scale)",
                                     reason: reason)
        }
    }

    /// The size to draw at: the one asked for, or the scene's `default`.
    public func size(default defaultSize: Size) -> Size { size?.size ?? defaultSize }

    /// The frame rate: the one asked for, or the scene's `default`.
    public func framesPerSecond(default defaultRate: Double) -> Double { framesPerSecond?.value ?? defaultRate }
}
