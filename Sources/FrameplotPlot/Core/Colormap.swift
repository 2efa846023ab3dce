import FrameplotCanvas

/// A continuous colour scale: 256 colours looked up by a fraction `t` in 0...1,
/// with colours for missing ("bad"), too-low and too-high values.
///
/// Lookup follows matplotlib exactly (entry `⌊t·N⌋`, the last entry for `t = 1`), so
/// `Colormap.viridis.color(at: 0.5)` is matplotlib's `#21918c`. The built-in maps are
/// perceptually uniform (viridis, plasma, magma, cividis) or a colour-blind-safe
/// diverging map (``redBlue``, matplotlib's `RdBu_r`).
///
/// ```swift
/// let c = Colormap.viridis.color(at: 0.25)   // #3b528b
/// let lossColors = Colormap.viridis.withBad(.clear)
/// ```
public struct Colormap: Sendable, Hashable {
    /// A short lowercase name ("viridis"), as accepted by ``named(_:)``.
    public let name: String
    /// The lookup colours, from `t = 0` to `t = 1` (at least one).
    public let colors: [Color]
    /// The colour for NaN and values a norm refuses (default: transparent).
    public var bad: Color
    /// The colour below `t = 0`; `nil` uses the first colour.
    public var under: Color?
    /// The colour above `t = 1`; `nil` uses the last colour.
    public var over: Color?

    /// A colormap from a list of colours, looked up without interpolation.
    ///
    /// ```swift
    /// let steps = Colormap(name: "traffic", colors: [.red, Color(hex: 0xffcc00), Color(hex: 0x00aa00)])
    /// ```
    public init(name: String, colors: [Color], bad: Color = .clear, under: Color? = nil, over: Color? = nil) {
        self.name = name
        self.colors = colors.isEmpty ? [.black] : colors
        self.bad = bad; self.under = under; self.over = over
    }

    /// A 256-entry colormap interpolating evenly between `stops` (in sRGB).
    ///
    /// ```swift
    /// let grey = Colormap(name: "grey", interpolating: [.black, .white])
    /// ```
    public init(name: String, interpolating stops: [Color], count: Int = 256) {
        guard stops.count >= 2 else {
            self.init(name: name, colors: stops)
            return
        }
        let n = Swift.max(2, count)
        let colors = (0..<n).map { i -> Color in
            let x = Double(i) / Double(n - 1) * Double(stops.count - 1)
            let k = Swift.min(Int(x), stops.count - 2)
            return stops[k].mixed(with: stops[k + 1], x - Double(k))
        }
        self.init(name: name, colors: colors)
    }

    /// The colour at fraction `t`: NaN gives ``bad``, values outside 0...1 give
    /// ``under``/``over`` (or the end colours).
    ///
    /// ```swift
    /// Colormap.viridis.color(at: 0)    // #440154
    /// Colormap.viridis.color(at: 1)    // #fde725
    /// Colormap.viridis.color(at: .nan) // transparent
    /// ```
    public func color(at t: Double) -> Color {
        if t.isNaN { return bad }
        if t < 0 { return under ?? colors[0] }
        if t > 1 { return over ?? colors[colors.count - 1] }
        return colors[index(t)]
    }

    /// matplotlib's lookup index for `t` in 0...1.
    @inline(__always)
    func index(_ t: Double) -> Int {
        Swift.min(Int(t * Double(colors.count)), colors.count - 1)
    }

    /// The same map running the other way ("viridis_r").
    ///
    /// ```swift
    /// Colormap.viridis.reversed().color(at: 0)  // #fde725
    /// ```
    public func reversed() -> Colormap {
        let name = self.name.hasSuffix("_r") ? String(self.name.dropLast(2)) : self.name + "_r"
        return Colormap(name: name, colors: colors.reversed(), bad: bad, under: over, over: under)
    }

    /// The same map with another colour for missing values.
    public func withBad(_ color: Color) -> Colormap {
        var copy = self; copy.bad = color; return copy
    }

    /// The same map with colours for values below and above the norm's range.
    public func withExtremes(under: Color?, over: Color?) -> Colormap {
        var copy = self; copy.under = under; copy.over = over; return copy
    }
}

extension Colormap {
    private static func table(_ name: String, _ flat: [Double]) -> Colormap {
        let colors = stride(from: 0, to: flat.count - 2, by: 3).map {
            Color(red: flat[$0], green: flat[$0 + 1], blue: flat[$0 + 2])
        }
        return Colormap(name: name, colors: colors)
    }

    /// Perceptually uniform blue–green–yellow; matplotlib's default and ours.
    public static let viridis = table("viridis", ColormapTables.viridis)
    /// Perceptually uniform blue–magenta–yellow.
    public static let plasma = table("plasma", ColormapTables.plasma)
    /// Perceptually uniform black–magenta–cream.
    public static let magma = table("magma", ColormapTables.magma)
    /// Perceptually uniform blue–yellow, designed for colour-vision deficiency.
    public static let cividis = table("cividis", ColormapTables.cividis)
    /// Diverging blue–white–red (matplotlib's `RdBu_r`, ColorBrewer RdBu reversed):
    /// colour-blind safe; use it with a norm centred on zero.
    public static let redBlue = table("redblue", ColormapTables.redBlue)

    /// The built-in maps, by name.
    public static let builtIn: [Colormap] = [.viridis, .plasma, .magma, .cividis, .redBlue]

    /// A built-in map by name, case-insensitive; a `_r` suffix reverses it. "rdbu_r"
    /// (matplotlib's name) is accepted for ``redBlue``. `nil` for unknown names.
    ///
    /// ```swift
    /// Colormap.named("Viridis")    // .viridis
    /// Colormap.named("magma_r")    // magma reversed
    /// ```
    public static func named(_ name: String) -> Colormap? {
        let key = name.lowercased()
        if key == "rdbu_r" { return .redBlue }
        if key == "rdbu" { return Colormap.redBlue.reversed() }
        if let map = builtIn.first(where: { $0.name == key }) { return map }
        if key.hasSuffix("_r"), let map = builtIn.first(where: { $0.name == String(key.dropLast(2)) }) {
            return map.reversed()
        }
        return nil
    }
}
