import Foundation
import FrameplotCanvas
import Testing
@testable import FrameplotPlot

@Suite("Core: colormaps, norms and palettes")
struct ColormapTests {
    static func hex(_ c: Color) -> UInt32 {
        func b(_ v: Double) -> UInt32 { UInt32((v * 255).rounded()) }
        return b(c.red) << 16 | b(c.green) << 8 | b(c.blue)
    }

    // Expected values printed by matplotlib 3.11.2: matplotlib.colors.to_hex(colormaps[name](t)).
    @Test(arguments: [
        ("viridis", [0x440154, 0x3b528b, 0x21918c, 0x5ec962, 0xfde725] as [UInt32]),
        ("plasma", [0x0d0887, 0x7e03a8, 0xcc4778, 0xf89540, 0xf0f921]),
        ("magma", [0x000004, 0x51127c, 0xb73779, 0xfc8961, 0xfcfdbf]),
        ("cividis", [0x00224e, 0x434e6c, 0x7d7c78, 0xbcae6c, 0xfee838]),
        ("rdbu_r", [0x053061, 0x6bacd1, 0xf7f6f6, 0xe48066, 0x67001f]),
    ])
    func publishedValues(name: String, expected: [UInt32]) throws {
        let map = try #require(Colormap.named(name))
        #expect(map.colors.count == 256)
        let got = [0, 0.25, 0.5, 0.75, 1].map { Self.hex(map.color(at: $0)) }
        #expect(got == expected, "\(got.map { String($0, radix: 16) })")
    }

    @Test func viridisTableEntriesMatchMatplotlibSource() {
        // First, middle and last rows of matplotlib's _viridis_data.
        let c0 = Colormap.viridis.colors[0], c128 = Colormap.viridis.colors[128], c255 = Colormap.viridis.colors[255]
        #expect(c0 == Color(red: 0.267004, green: 0.004874, blue: 0.329415))
        #expect(c128 == Color(red: 0.127568, green: 0.566949, blue: 0.550556))
        #expect(c255 == Color(red: 0.993248, green: 0.906157, blue: 0.143936))
    }

    @Test func badUnderOverAndReversal() {
        let map = Colormap.viridis
        #expect(map.color(at: .nan) == .clear)
        #expect(map.color(at: -1) == map.colors[0])
        #expect(map.color(at: 2) == map.colors[255])
        let extreme = map.withExtremes(under: .black, over: .white).withBad(.red)
        #expect(extreme.color(at: -0.01) == .black)
        #expect(extreme.color(at: 1.01) == .white)
        #expect(extreme.color(at: 1) == map.colors[255])
        #expect(extreme.color(at: .nan) == .red)
        #expect(map.reversed().color(at: 0) == map.colors[255])
        #expect(map.reversed().name == "viridis_r")
        #expect(Colormap.named("VIRIDIS_R")?.colors.first == map.colors[255])
        #expect(Colormap.named("jet") == nil)
    }

    @Test func norms() throws {
        let lin = ColorNorm(vmin: 2, vmax: 6)
        #expect(lin.fraction(4) == 0.5)
        #expect(lin.fraction(8) == 1.5)
        #expect(lin.fraction(.nan) == nil)
        #expect(ColorNorm(vmin: 2, vmax: 6, clip: true).fraction(8) == 1)
        let log = ColorNorm(kind: .log10, vmin: 0.01, vmax: 100)
        #expect(abs(try #require(log.fraction(1)) - 0.5) < 1e-12)
        #expect(log.fraction(0) == nil)
        #expect(log.fraction(-3) == nil)
        #expect(abs(log.value(at: 0.75) - 10) < 1e-9)
        let auto = ColorNorm.auto(values: [3, 1, .nan, 7, .infinity])
        #expect(auto.vmin == 1 && auto.vmax == 7)
        let autoLog = ColorNorm.auto(values: [0, -1, 0.1, 1000], kind: .log10)
        #expect(abs(autoLog.vmin - 0.1) < 1e-12 && abs(autoLog.vmax - 1000) < 1e-9)
        let flat = ColorNorm.auto(values: [5, 5, 5])
        #expect(flat.vmin < 5 && flat.vmax > 5)
        let centred = ColorNorm.centered(values: [-0.2, 1.5])
        #expect(centred.vmin == -1.5 && centred.vmax == 1.5)
        let empty = ColorNorm.auto(values: [Double]())
        #expect(empty.fraction(0.5) == 0.5)
    }

    @Test func byteFillMatchesColorLookup() throws {
        var g = SplitMix64(seed: 7)
        var values = (0..<5000).map { _ in -0.2 + 1.4 * g.nextUniform() }
        values += [.nan, .infinity, -.infinity, 0, 1]
        for (map, norm) in [(Colormap.viridis, ColorNorm(vmin: 0, vmax: 1)),
                            (Colormap.magma.withExtremes(under: .black, over: .white), ColorNorm(vmin: 0, vmax: 1)),
                            (Colormap.plasma, ColorNorm(kind: .log10, vmin: 0.01, vmax: 1)),
                            (Colormap.cividis, ColorNorm(vmin: 0, vmax: 1, clip: true))] {
            var bytes = [UInt8](repeating: 0, count: values.count * 4)
            values.withUnsafeBufferPointer { v in
                bytes.withUnsafeMutableBytes { map.fillRGBA(values: v, norm: norm, into: $0) }
            }
            for (k, v) in values.enumerated() {
                let c = map.color(at: norm.fraction(v) ?? .nan)
                let expected = [c.red, c.green, c.blue, c.alpha].map { UInt8(($0 * 255).rounded()) }
                #expect(Array(bytes[4 * k..<4 * k + 4]) == expected, "value \(v)")
            }
        }
    }

    @Test func logBinSearchMatchesLookupAtBinEdges() {
        // Values right at, just below and just above every bin edge of a log norm, plus
        // out-of-range, zero, negative and non-finite values: enough to take the bin-search path.
        for norm in [ColorNorm(kind: .log10, vmin: 0.37, vmax: 1234), ColorNorm(kind: .log10, vmin: 1e-5, vmax: 3e4, clip: true)] {
            var values: [Double] = [0, -1, .nan, .infinity, -.infinity, norm.vmin, norm.vmax, 1e-300, 1e300]
            for k in 0...256 {
                let v = norm.value(at: Double(k) / 256)
                values += [v, v.nextUp, v.nextDown, v.nextUp.nextUp, v.nextDown.nextDown]
            }
            while values.count < LogBins.worthwhileCount { values.append(norm.value(at: Double(values.count % 300) / 256 - 0.1)) }
            let map = Colormap.magma.withExtremes(under: .black, over: .white)
            var bytes = [UInt8](repeating: 0, count: values.count * 4)
            values.withUnsafeBufferPointer { v in
                bytes.withUnsafeMutableBytes { map.fillRGBA(values: v, norm: norm, into: $0) }
            }
            var mismatches = 0
            for (k, v) in values.enumerated() {
                let c = map.color(at: norm.fraction(v) ?? .nan)
                let expected = [c.red, c.green, c.blue, c.alpha].map { UInt8(($0 * 255).rounded()) }
                if Array(bytes[4 * k..<4 * k + 4]) != expected { mismatches += 1 }
            }
            #expect(mismatches == 0)
        }
    }

    @Test func gridImagePutsLargestYOnTop() throws {
        let grid = try #require(Grid2D(xs: [0, 1, 2], ys: [0, 1], values: [0, 0.5, 1, .nan, 1, 1]))
        let image = Colormap.viridis.image(of: grid, norm: ColorNorm(vmin: 0, vmax: 1))
        #expect(image.width == 3 && image.height == 2)
        #expect(image[0, 0] == RGBA8(r: 0, g: 0, b: 0, a: 0))          // NaN at (x 0, y 1) is bad: transparent
        #expect(image[0, 1] == RGBA8(r: 0x44, g: 0x01, b: 0x54))       // 0 at (x 0, y 0), bottom row
        #expect(image[2, 0] == RGBA8(r: 0xfd, g: 0xe7, b: 0x25))
    }

    @Test func palettes() {
        #expect(Palette.classes.color(0) == Color(hex: 0x0072B2))
        #expect(Palette.classes.color(8) == Palette.classes.color(0))
        #expect(Palette.classes.color(-1) == Palette.classes.colors.last)
        #expect(Palette.tab10.color(1) == Color(hex: 0xff7f0e))
        #expect(Set(Palette.okabeIto.colors).count == 8)
        #expect(Palette.named("TAB10") == .tab10)
    }
}
