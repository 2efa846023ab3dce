import FrameplotCanvas

/// How much a figure's size grows its theme's sizes.
enum FigureScale {
    /// The factor a figure of `size` applies to every size of `theme` before any shrinking:
    /// the smaller of the width and height ratios to the theme's reference size, never
    /// below 1 (a smaller figure shrinks only if its texts do not fit).
    ///
    /// ```swift
    /// FigureScale.growth(of: .slides, for: Size(width: 1920, height: 1080))   // 1.5
    /// ```
    static func growth(of theme: Theme, for size: Size) -> Double {
        guard let reference = theme.referenceSize, reference.width > 0, reference.height > 0 else { return 1 }
        let factor = Swift.min(size.width / reference.width, size.height / reference.height)
        return factor.isFinite ? Swift.max(1, factor) : 1
    }
}
