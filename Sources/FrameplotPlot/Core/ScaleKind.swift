import Foundation

/// How data values are placed along an axis: evenly (`linear`) or by decades (`log10`).
///
/// A log scale has no place for zero or negative values. It refuses them on purpose:
/// ``transform(_:)`` returns `nil`, so a mark can skip the point (or break its line)
/// instead of drawing it somewhere wrong. ``Scale/pixelClipped(_:)`` offers matplotlib's
/// "clip" behaviour for lines that must continue off the bottom of the axes.
///
/// ```swift
/// ScaleKind.log10.transform(1000)  // 3
/// ScaleKind.log10.transform(0)     // nil: refused
/// ScaleKind.linear.transform(-2)   // -2
/// ```
public enum ScaleKind: Sendable, Hashable {
    case linear
    case log10

    /// The value in the scale's straight coordinate (itself, or its base-10 logarithm);
    /// `nil` when the scale cannot show it (not finite, or not positive on a log scale).
    ///
    /// ```swift
    /// ScaleKind.log10.transform(0.01)  // -2
    /// ```
    @inlinable
    public func transform(_ value: Double) -> Double? {
        guard value.isFinite else { return nil }
        switch self {
        case .linear: return value
        case .log10: return value > 0 ? Foundation.log10(value) : nil
        }
    }

    /// The data value for a straight coordinate: the inverse of ``transform(_:)``.
    ///
    /// ```swift
    /// ScaleKind.log10.inverse(2)  // 100
    /// ```
    @inlinable
    public func inverse(_ coordinate: Double) -> Double {
        switch self {
        case .linear: return coordinate
        case .log10: return Foundation.pow(10, coordinate)
        }
    }

    /// Whether the scale can show `value` at all.
    ///
    /// ```swift
    /// ScaleKind.log10.accepts(-1)  // false
    /// ```
    @inlinable
    public func accepts(_ value: Double) -> Bool { transform(value) != nil }
}
