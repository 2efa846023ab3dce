/// Whether dense marks become an embedded image in PDF and SVG output, like matplotlib's
/// `rasterized=True`: a scatter of a million points is then a small file that opens at once,
/// while axes, ticks, text and legend stay vectors. PNG output is pixels anyway.
///
/// Set it for the whole figure (``Figure/rasterization``) or per mark (`rasterization:` of
/// ``Axes/scatter(xs:ys:marker:size:color:coloring:edgeColor:alpha:label:layer:rasterization:)``
/// and ``Axes/line(xs:ys:color:width:dash:alpha:marker:markerSize:label:layer:rasterization:)``);
/// a mark's own setting wins. The image has the figure's resolution (``Figure/scale`` device
/// pixels per point) and lies on the same pixel grid as the figure's PNG, so it matches it
/// pixel for pixel under the vector axes.
///
/// ```swift
/// var fig = Figure(width: 640, height: 480, scale: 2)   // 144-dpi images in the PDF
/// fig.axes.scatter(xs: xs, ys: ys)                      // 1,000,000 points: an image
/// fig.rasterization = .never                            // or: every point a vector
/// try fig.save(to: "Output/dense.pdf")
/// ```
public enum Rasterization: String, Sendable, Hashable, CaseIterable {
    /// Marks with more than ``automaticThreshold`` points become images; others stay vectors.
    case automatic
    /// Every scatter and line mark becomes an image.
    case always
    /// Everything stays vector (large files for dense marks).
    case never

    /// Scatter points, line markers or line vertices (after ``LineDecimation``) above which
    /// ``automatic`` draws an image. Past it a vector page grows by about 30 bytes per point
    /// and viewers slow down drawing every one.
    public static let automaticThreshold = 10_000
}
