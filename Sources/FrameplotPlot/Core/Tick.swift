/// One labelled tick on an axis.
///
/// `label` is Pango markup (draw it with `TextStyle(markup: true)`): it may hold
/// `<sup>` for exponents and uses the true minus sign U+2212.
///
/// ```swift
/// let t = Tick(value: -0.5, label: "\u{2212}0.5", isMajor: true)
/// ```
public struct Tick: Sendable, Hashable {
    /// The data value where the tick sits.
    public var value: Double
    /// The label as Pango markup; empty for an unlabelled tick.
    public var label: String
    /// Major ticks carry labels and grid lines; minor ticks are shorter and unlabelled.
    public var isMajor: Bool

    public init(value: Double, label: String, isMajor: Bool = true) {
        self.value = value; self.label = label; self.isMajor = isMajor
    }
}

/// Which way an axis runs; it decides how much room a tick label needs along it.
///
/// ```swift
/// AxisTicks.make(scale: x, fontSize: 10, orientation: .horizontal)
/// ```
public enum AxisOrientation: Sendable, Hashable {
    /// An x axis: labels sit side by side, so each needs about three font sizes of room.
    case horizontal
    /// A y axis: labels are stacked, so each needs about two font sizes of room.
    case vertical

    /// Room along the axis per tick label, in multiples of the font size (matplotlib's rule).
    var emsPerTick: Double {
        switch self {
        case .horizontal: return 3
        case .vertical: return 2
        }
    }
}

/// The ticks of one axis: labelled major ticks, minor tick positions, and an optional
/// annotation for the whole axis (a common multiplier such as "×10<sup>−7</sup>" and/or an
/// offset such as "+10<sup>6</sup>") to draw at the end of the axis, as matplotlib does.
///
/// ```swift
/// let set = AxisTicks.make(scale: x, fontSize: 10, orientation: .horizontal)
/// for tick in set.major { /* draw tick mark, label, grid line */ }
/// if let note = set.annotation { /* draw note beside the axis end */ }
/// ```
public struct AxisTickSet: Sendable, Hashable {
    /// Labelled ticks, in increasing value.
    public var major: [Tick]
    /// Unlabelled minor tick values, in increasing value, none at a major tick.
    public var minor: [Double]
    /// Pango markup to show once per axis, or `nil` when the labels are the values themselves.
    public var annotation: String?
    /// The value subtracted from every tick before labelling (0 for none).
    public var offset: Double
    /// Labels show `(value − offset) / 10^multiplierExponent` (0 for none).
    public var multiplierExponent: Int

    public init(major: [Tick], minor: [Double], annotation: String? = nil, offset: Double = 0,
                multiplierExponent: Int = 0) {
        self.major = major; self.minor = minor; self.annotation = annotation
        self.offset = offset; self.multiplierExponent = multiplierExponent
    }
}
