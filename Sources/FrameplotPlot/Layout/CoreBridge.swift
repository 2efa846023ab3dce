import Foundation
import FrameplotCanvas

/// The plot layer's single point of contact with the Core algorithms whose API is still
/// settling (tick location and formatting, norms), so that it is used in one place.
enum CoreBridge {
    /// Ticks of `scale` whose labels (measured by `measure` along the axis) do not collide.
    static func ticks(scale: Scale, fontSize: Double, horizontal: Bool, integers: Bool = false,
                      measure: @escaping (String) -> Double) -> AxisTickSet {
        AxisTicks.make(scale: scale, fontSize: fontSize, orientation: horizontal ? .horizontal : .vertical,
                       minor: true, integers: integers, labelExtent: measure)
    }
}

extension CoreBridge {
    /// The scale kind and value range of a colour norm.
    static func normRange(_ norm: ColorNorm) -> (ScaleKind, Double, Double) {
        (norm.kind, norm.vmin, norm.vmax)
    }

    /// The colour of `value` under `scale` (out-of-range values get the end colours),
    /// or `nil` for values the norm refuses (NaN, ≤ 0 on log).
    static func color(of value: Double, in scale: ColorScale) -> Color? {
        guard let t = scale.norm.fraction(value) else { return nil }
        return scale.colormap.color(at: Swift.min(1, Swift.max(0, t)))
    }
}

extension CoreBridge {
    /// Contour polylines of `grid` at `level`, in data coordinates.
    static func contourLines(_ grid: Grid2D, level: Double) -> [[DataPoint]] {
        Contour.lines(in: grid, level: level).map { $0.points.map { DataPoint(x: $0.x, y: $0.y) } }
    }

    /// Closed polygons of the region `lower <= value < upper`, in data coordinates (fill even-odd).
    static func contourBands(_ grid: Grid2D, lower: Double, upper: Double) -> [[DataPoint]] {
        Contour.band(in: grid, lower: lower, upper: upper, includeUpper: true).polygons.map { $0.map { DataPoint(x: $0.x, y: $0.y) } }
    }

    /// The value in the middle of a band as the norm sees it (geometric mean on log).
    static func bandMiddle(_ lo: Double, _ hi: Double, norm: ColorNorm) -> Double {
        if norm.kind == .log10, lo > 0, hi > 0 { return (lo * hi).squareRoot() }
        return (lo + hi) / 2
    }
}

extension CoreBridge {
    /// A grid over node coordinates `xs`, `ys` with `values[j * xs.count + i]` at (`xs[i]`, `ys[j]`).
    static func makeGrid(xs: [Double], ys: [Double], values: [Double]) -> Grid2D? {
        Grid2D(xs: xs, ys: ys, values: values)
    }
}

extension CoreBridge {
    /// The exponential moving average (debiased; gaps stay gaps) of a noisy series.
    static func smoothed(_ values: [Double], weight: Double) -> [Double] {
        Smoothing.exponentialMovingAverage(values, weight: weight)
    }
}
