import FrameplotModel

/// In-between frames of an animation (`--tween K --easing linear|cubic`): `frames`
/// interpolated states between every two recorded ones, moving with `easing`.
///
/// Parameters are interpolated, not pixels (``RecordedRun/tweened(by:easing:)``), so every
/// frame is drawn from a state like any other and stays a pure function of the recorded run.
///
/// ```swift
/// let tween = try Tween(frames: 3, easing: .cubic)
/// FrameTimeline(recordedCount: 21, tween: tween).frameCount   // 81
/// ```
public struct Tween: Hashable, Codable, Sendable, CustomStringConvertible {
    /// In-between frames per gap between recorded states.
    public let frames: Int
    /// How the in-between frames move (linear by default).
    public var easing: TweenEasing

    /// The in-between frames a gap may have.
    public static let range = 1...100

    /// - Throws: ``InvalidOptionValue`` for `--tween` outside ``range``.
    public init(frames: Int, easing: TweenEasing = .linear) throws {
        guard Self.range.contains(frames) else {
            throw InvalidOptionValue(option: "--tween", value: String(frames),
                                     reason: "must be from \(Self.range.lowerBound) to \(Self.range.upperBound) in-between frames")
        }
        self.frames = frames
        self.easing = easing
    }

    /// Parses `--tween K` and, if given, `--easing NAME`.
    ///
    /// - Throws: ``InvalidOptionValue`` naming the option whose text cannot be used.
    public init(parsing text: String, easing easingText: String? = nil) throws {
        guard let frames = Int(text.trimmingCharacters(in: .whitespaces)) else {
            throw InvalidOptionValue(option: "--tween", value: text, reason: "expected a whole number of in-between frames, e.g. 3")
        }
        try self.init(frames: frames, easing: easingText.map(Self.easing(parsing:)) ?? .linear)
    }

    /// An easing by name, case-insensitive (`cubic-in-out` is `cubic`).
    ///
    /// - Throws: ``InvalidOptionValue`` for `--easing`, naming the known easings.
    public static func easing(parsing text: String) throws -> TweenEasing {
        let name = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let easing = TweenEasing(rawValue: name) ?? (name == "cubic-in-out" ? .cubic : nil) { return easing }
        throw InvalidOptionValue(option: "--easing", value: text,
                                 reason: "unknown easing; use \(TweenEasing.allCases.map(\.rawValue).joined(separator: " or "))")
    }

    private enum CodingKeys: String, CodingKey { case frames, easing }

    /// Read from JSON and checked like a typed value.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(frames: container.decode(Int.self, forKey: .frames), easing: container.decode(TweenEasing.self, forKey: .easing))
    }

    public var description: String { "\(frames) (\(easing.rawValue))" }
}

/// Which recorded state each frame of an animation shows: one frame per recorded state, or
/// with a ``Tween`` also the in-between frames, (n − 1)(K + 1) + 1 in all.
///
/// ```swift
/// let timeline = FrameTimeline(recordedCount: 3, tween: try Tween(frames: 1))
/// timeline.frameCount              // 5
/// timeline.position(ofFrame: 3)    // (recorded: 1, fraction: 0.5)
/// timeline.nearestRecorded(ofFrame: 3)   // 2
/// ```
public struct FrameTimeline: Sendable, Hashable {
    /// The number of recorded states.
    public let recordedCount: Int
    public let tween: Tween?

    public init(recordedCount: Int, tween: Tween? = nil) {
        self.recordedCount = Swift.max(0, recordedCount)
        self.tween = tween
    }

    /// Frames per gap between two recorded states (the recorded one and its in-betweens).
    var framesPerGap: Int { (tween?.frames ?? 0) + 1 }

    /// The number of frames.
    public var frameCount: Int { recordedCount == 0 ? 0 : (recordedCount - 1) * framesPerGap + 1 }

    /// The recorded state at or before frame `index`, and how far the frame has moved from
    /// it towards the next (eased; 0 on a recorded state).
    public func position(ofFrame index: Int) -> (recorded: Int, fraction: Double) {
        let clamped = Swift.min(Swift.max(0, index), Swift.max(0, frameCount - 1))
        let k = clamped / framesPerGap, s = clamped % framesPerGap
        guard s > 0, let tween else { return (k, 0) }
        return (k, tween.easing.ease(Double(s) / Double(framesPerGap)))
    }

    /// The recorded state nearest to frame `index` (the one whose step its captions show).
    public func nearestRecorded(ofFrame index: Int) -> Int {
        let (k, t) = position(ofFrame: index)
        return t < 0.5 ? k : k + 1
    }
}
