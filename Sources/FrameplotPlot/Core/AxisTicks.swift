import Foundation

/// Builds the complete, labelled ticks of one axis from its ``Scale``.
///
/// ```swift
/// let x = Scale(kind: .linear, limits: AxisLimits(lower: 0, upper: 10), pixelStart: 60, pixelEnd: 760)
/// let ticks = AxisTicks.make(scale: x, fontSize: 10, orientation: .horizontal)
/// ticks.major.map(\.label)  // ["0", "2", "4", "6", "8", "10"]
///
/// // With real text measurement, labels are guaranteed not to collide:
/// let fitted = AxisTicks.make(scale: x, fontSize: 10, orientation: .horizontal,
///                             labelExtent: { canvas.measureText($0, style: style).logical.width })
/// ```
public enum AxisTicks {
    /// Ticks for `scale`, as many as suit an axis `lengthInPoints` long (default: the
    /// scale's pixel length) with labels of `fontSize` points.
    ///
    /// - Parameters:
    ///   - orientation: `.horizontal` for x axes (labels side by side), `.vertical` for y axes.
    ///   - minor: whether to compute minor ticks.
    ///   - integers: whether the values are whole numbers: major and minor ticks then fall
    ///     on whole numbers only (no 0.5 steps on an axis of epochs).
    ///   - labelExtent: optional measure of a label's size along the axis (its width on
    ///     an x axis, its height on a y axis), in points. When given, the nice step grows
    ///     (fewer ticks) until neighbouring labels are at least half a font size apart, down
    ///     to a single labelled tick on an axis too short for two.
    public static func make(scale: Scale, lengthInPoints: Double? = nil, fontSize: Double,
                            orientation: AxisOrientation = .horizontal, minor: Bool = true, integers: Bool = false,
                            labelExtent: ((String) -> Double)? = nil) -> AxisTickSet {
        let length = lengthInPoints ?? scale.pixelLength
        var locator = TickLocator.fitting(length: length, fontSize: fontSize, orientation: orientation)
        locator.integers = integers
        while true {
            let set = make(scale: scale, locator: locator, minor: minor)
            guard let measure = labelExtent,
                  !labelsFit(set, scale: scale, length: length, gap: fontSize / 2, measure: measure)
            else { return set }
            if locator.maxIntervals > 1 {
                locator = TickLocator(maxIntervals: locator.maxIntervals - 1, integers: integers)
            } else if locator.minimumTicks > 1 {
                // Even one interval's labels collide: a larger step with a single tick inside.
                locator.minimumTicks = 1
            } else {
                return set
            }
        }
    }

    /// Ticks for `scale` using `locator` as given (no automatic tick count).
    ///
    /// ```swift
    /// AxisTicks.make(scale: x, locator: TickLocator(maxIntervals: 4))
    /// ```
    public static func make(scale: Scale, locator: TickLocator, minor: Bool = true) -> AxisTickSet {
        let limits = scale.limits
        switch scale.kind {
        case .linear:
            let step = locator.step(for: limits)
            let values = locator.ticks(in: limits, step: step)
            let formatted = TickFormatter.linear(values)
            let major = zip(values, formatted.labels).map { Tick(value: $0, label: $1) }
            let minorValues = minor ? TickLocator.minorTicks(in: limits, step: step, integers: locator.integers) : []
            return AxisTickSet(major: major, minor: minorValues, annotation: formatted.annotation,
                               offset: formatted.offset, multiplierExponent: formatted.multiplierExponent)
        case .log10:
            let ticks = locator.logTicks(in: limits)
            let labels: [String]
            var annotation: String? = nil, offset = 0.0, power = 0
            switch ticks.kind {
            case .decades:
                labels = ticks.major.map { TickFormatter.powerOfTen(Int(Foundation.log10($0).rounded())) }
            case .mantissas:
                labels = ticks.major.map { TickFormatter.compact($0, significantDigits: 3) }
            case .linear:
                let f = TickFormatter.linear(ticks.major)
                labels = f.labels; annotation = f.annotation; offset = f.offset; power = f.multiplierExponent
            }
            return AxisTickSet(major: zip(ticks.major, labels).map { Tick(value: $0, label: $1) },
                               minor: minor ? ticks.minor : [], annotation: annotation,
                               offset: offset, multiplierExponent: power)
        }
    }

    /// Whether neighbouring labels leave at least `gap` points between them.
    static func labelsFit(_ set: AxisTickSet, scale: Scale, length: Double, gap: Double,
                          measure: (String) -> Double) -> Bool {
        let ratio = scale.pixelLength > 0 ? length / scale.pixelLength : 1
        let placed = set.major.compactMap { t in scale.pixel(t.value).map { ($0 * ratio, measure(t.label)) } }
            .sorted { $0.0 < $1.0 }
        for (a, b) in zip(placed, placed.dropFirst()) where b.0 - a.0 < (a.1 + b.1) / 2 + gap {
            return false
        }
        return true
    }
}
