import FrameplotAnimation
import FrameplotPlot

/// How a scene with a loss surface shows it: `--view 2d|3d|both`, the 3-D camera
/// (`--azimuth`, `--elevation`, `--rotate`) and the height scale (`--z-scale`).
///
/// The 2-D view is a map of the surface seen from above; the 3-D view a shaded mesh with the
/// paths on it; `both` puts them side by side. Heights and colours follow one scale: by
/// decades (`log`) or `linear`; `auto` takes the function's own preference (log for Beale,
/// Rosenbrock, Himmelblau, the quadratic and gd-locus's mean squared error).
///
/// ```swift
/// var view = SurfaceView()
/// view.kind = .both
/// view.azimuth = -120
/// view.rotates = true
/// try view.check()
/// ```
public struct SurfaceView: Codable, Hashable, Sendable {
    /// Which views are drawn.
    public enum Kind: String, Codable, CaseIterable, Sendable {
        case twoD = "2d"
        case threeD = "3d"
        case both
    }

    /// How heights (and the colours of the map) are scaled.
    public enum HeightScale: String, Codable, CaseIterable, Sendable {
        /// The function's own choice.
        case auto
        /// By decades: for losses that span many orders of magnitude.
        case log
        case linear
    }

    public var kind = Kind.twoD
    /// The camera's azimuth in degrees (nil: the scene's choice for the function).
    public var azimuth: Double?
    /// The camera's elevation in degrees, −90…90 (nil: the scene's choice).
    public var elevation: Double?
    /// Whether the camera turns by ``rotation`` degrees over the animation.
    public var rotates = false
    public var heights = HeightScale.auto

    public init() {}

    /// How far `--rotate` turns the camera over the whole animation: a quarter turn, slow
    /// enough to follow the paths.
    public static let rotation = 90.0

    /// Whether the map seen from above is drawn.
    public var shows2D: Bool { kind != .threeD }
    /// Whether the 3-D view is drawn.
    public var shows3D: Bool { kind != .twoD }

    /// Checks that the camera options come with a 3-D view.
    ///
    /// - Throws: ``AnimationError/invalidOption(_:)`` naming the option that has no 3-D view to act on.
    public func check() throws {
        guard !shows3D else { return }
        let given = [("azimuth", azimuth != nil), ("elevation", elevation != nil), ("rotate", rotates)].filter(\.1).map { "--\($0.0)" }
        if !given.isEmpty {
            throw AnimationError.invalidOption("\(given.joined(separator: ", ")) \(given.count == 1 ? "sets" : "set") the 3-D camera; give --view 3d or --view both too")
        }
    }

    /// The camera of the first frame: the options' angles, else `standard`.
    public func camera(standard: Camera3D) -> Camera3D {
        Camera3D(azimuth: azimuth ?? standard.azimuth, elevation: elevation ?? standard.elevation)
    }

    /// The camera of frame `index` of `count`: turned by ``rotation`` over the animation when
    /// rotating, else the first frame's.
    public func camera(standard: Camera3D, frame index: Int, of count: Int) -> Camera3D {
        let first = camera(standard: standard)
        guard rotates, count > 1 else { return first }
        return first.turned(by: Self.rotation * Double(index) / Double(count - 1))
    }

    /// Whether heights are drawn by decades: the option, or `preferred` for `auto`.
    public func logHeights(preferred: Bool) -> Bool {
        switch heights {
        case .auto: return preferred
        case .log: return true
        case .linear: return false
        }
    }
}

extension SceneOption {
    /// `--view 2d|3d|both`, `--azimuth DEG`, `--elevation DEG`, `--rotate` and
    /// `--z-scale auto|log|linear`: drawing options (`render` takes them too).
    ///
    /// ```swift
    /// static let options: [SceneOption<Options>] = [.steps(\.steps)] + SceneOption.surfaceView(\.view, standardCamera: "−60°, 30°")
    /// ```
    static func surfaceView(_ field: WritableKeyPath<Options, SurfaceView> & Sendable, standardCamera: String) -> [SceneOption] {
        func option<Value: Sendable>(_ name: String, _ valueName: String?, _ help: String, defaultText: String?,
                                     _ key: WritableKeyPath<SurfaceView, Value> & Sendable,
                                     _ parse: @escaping @Sendable (String) throws -> Value) -> SceneOption {
            .updating(name, valueName: valueName, help: help, use: .drawing, defaultText: defaultText) { options, text in
                options[keyPath: field][keyPath: key] = try parse(text)
            }
        }
        @Sendable func choice<Value: RawRepresentable & CaseIterable & Sendable>(_ name: String, _ text: String) throws -> Value
        where Value.RawValue == String {
            guard let value = Value(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) else {
                throw AnimationError.invalidOption("--\(name) \(SceneText.clipped(text)): use \(Value.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return value
        }
        func angle(_ name: String, _ range: ClosedRange<Double>) -> @Sendable (String) throws -> Double? {
            { text in
                let value = try Double(optionText: text, option: name)
                guard range.contains(value) else {
                    throw AnimationError.invalidOption("--\(name) \(SceneText.clipped(text)): must be from \(SceneText.number(range.lowerBound)) to \(SceneText.number(range.upperBound)) degrees")
                }
                return value
            }
        }
        return [
            option("view", "2d|3d|both", "The map seen from above (2d), the 3-D surface (3d), or both side by side.",
                   defaultText: "2d", \.kind) { try choice("view", $0) },
            option("azimuth", "DEG", "3-D camera: degrees around the vertical axis (matplotlib's azim).",
                   defaultText: standardCamera, \.azimuth, angle("azimuth", -360...360)),
            option("elevation", "DEG", "3-D camera: degrees above the floor (matplotlib's elev).",
                   defaultText: nil, \.elevation, angle("elevation", -90...90)),
            option("rotate", nil, "3-D camera: turn a quarter of the way round (90°) over the animation.",
                   defaultText: nil, \.rotates) { _ in true },
            option("z-scale", "auto|log|linear", "Heights and map colours by decades (log) or linear; auto follows the function.",
                   defaultText: "auto", \.heights) { try choice("z-scale", $0) },
        ]
    }
}
