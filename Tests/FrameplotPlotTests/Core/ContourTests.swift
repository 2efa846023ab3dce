import Foundation
import FrameplotCanvas
import Testing
@testable import FrameplotPlot

@Suite("Core: marching squares contours")
struct ContourTests {
    static let distance = Grid2D(x: -2...2, y: -2...2, nx: 81, ny: 81) { x, y in (x * x + y * y).squareRoot() }

    @Test(arguments: [0.5, 1.0, 1.7])
    func circleLengthIsTwoPiR(r: Double) throws {
        let lines = Contour.lines(in: Self.distance, level: r)
        #expect(lines.count == 1)
        let line = try #require(lines.first)
        #expect(line.isClosed)
        #expect(abs(line.length / (2 * .pi * r) - 1) < 0.01, "length \(line.length)")
        for p in line.points { #expect(abs((p.x * p.x + p.y * p.y).squareRoot() - r) < 0.01) }
    }

    @Test func openLinesEndOnTheBoundary() throws {
        // A circle of radius 2.5 centred at a corner leaves the grid: one open arc.
        let grid = Grid2D(x: 0...4, y: 0...4, nx: 41, ny: 41) { x, y in (x * x + y * y).squareRoot() }
        let lines = Contour.lines(in: grid, level: 2.5)
        #expect(lines.count == 1)
        let arc = try #require(lines.first)
        #expect(!arc.isClosed)
        #expect(abs(arc.length / (.pi / 2 * 2.5) - 1) < 0.01)
        let ends = [try #require(arc.points.first), try #require(arc.points.last)]
        #expect(ends.allSatisfy { abs($0.x) < 1e-12 || abs($0.y) < 1e-12 })
    }

    @Test func saddleIsResolvedByCentreValue() throws {
        // Corners high, low, high, low: centre 0.5. Level 0.4 < centre: the high corners
        // join through the centre, so the two lines cut off the low corners.
        let grid = try #require(Grid2D(xs: [0, 1], ys: [0, 1], values: [1, 0, 0, 1]))
        let lines = Contour.lines(in: grid, level: 0.4)
        #expect(lines.count == 2)
        // Each line separates a low corner: (1, 0) and (0, 1).
        let nearLowCorners = lines.map { line in line.points.allSatisfy { $0.x > 0.5 && $0.y < 0.5 } || line.points.allSatisfy { $0.x < 0.5 && $0.y > 0.5 } }
        #expect(nearLowCorners == [true, true])
        let above = try #require(Grid2D(xs: [0, 1], ys: [0, 1], values: [1, 0, 0, 1]))
        let high = Contour.lines(in: above, level: 0.6)
        #expect(high.count == 2)
        #expect(high.allSatisfy { l in l.points.allSatisfy { ($0.x < 0.5 && $0.y < 0.5) || ($0.x > 0.5 && $0.y > 0.5) } })
    }

    @Test func missingValuesBreakLines() throws {
        var values = Self.distance.values
        values[40 * 81 + 70] = .nan  // on the circle of radius 1.5 (x = 1.5, y = 0)
        let grid = try #require(Grid2D(xs: Self.distance.xs, ys: Self.distance.ys, values: values))
        let lines = Contour.lines(in: grid, level: 1.5)
        #expect(lines.count == 1)
        #expect(lines.first?.isClosed == false)
    }

    @Test func degenerateGridsGiveNothing() throws {
        let one = try #require(Grid2D(xs: [0], ys: [0], values: [1]))
        #expect(Contour.lines(in: one, level: 1).isEmpty)
        #expect(Contour.bands(in: one, levels: [0, 1]).allSatisfy { $0.polygons.isEmpty })
        let flat = Grid2D(x: 0...1, y: 0...1, nx: 5, ny: 5) { _, _ in 3 }
        #expect(Contour.lines(in: flat, level: 3).isEmpty)
        #expect(Contour.lines(in: flat, level: .nan).isEmpty)
        let allNaN = Grid2D(x: 0...1, y: 0...1, nx: 5, ny: 5) { _, _ in .nan }
        #expect(Contour.lines(in: allNaN, level: 0).isEmpty)
    }

    @Test func filledBandsCoverTheRightCells() throws {
        let grid = Grid2D(x: -1...1, y: -1...1, nx: 41, ny: 31) { x, y in x * x + 0.5 * y * y + 0.3 * sin(3 * x * y) }
        let range = try #require(grid.finiteRange())
        let levels = ContourLevels.bands(min: range.min, max: range.max, count: 6)
        #expect(try #require(levels.first) <= range.min && levels.last! >= range.max)
        let bands = Contour.bands(in: grid, levels: levels)
        #expect(bands.count == levels.count - 1)
        // Together the bands tile the grid exactly.
        let total = bands.reduce(0) { $0 + $1.area }
        #expect(abs(total - 4) < 1e-9, "area \(total)")
        // Every grid sample lies in (or on the edge of) the band holding its value.
        for j in 0..<grid.height {
            for i in 0..<grid.width {
                let v = grid[i, j]
                let k = try #require(bands.firstIndex { v >= $0.lower && (v < $0.upper || $0 == bands.last!) })
                let p = Point(x: grid.xs[i], y: grid.ys[j])
                #expect(bands[k].polygons.contains { Self.contains($0, p) }, "sample (\(i), \(j)) = \(v)")
            }
        }
    }

    @Test func bandAreaOfDistanceFieldIsAnnulus() {
        let band = Contour.band(in: Self.distance, lower: 0.5, upper: 1.5)
        let expected = Double.pi * (1.5 * 1.5 - 0.5 * 0.5)
        #expect(abs(band.area / expected - 1) < 0.01, "area \(band.area)")
        // All pieces turn the same way, so one winding fill paints their union.
        let orientations = Set(band.polygons.map { Self.signedArea($0) > 0 })
        #expect(orientations.count == 1)
    }

    @Test func autoLevels() {
        #expect(ContourLevels.auto(min: 0.3, max: 9.6, count: 8) == [1, 2, 3, 4, 5, 6, 7, 8, 9])
        let log = ContourLevels.auto(min: 0.8, max: 300, count: 8, log: true)
        #expect(log == [1, 2, 5, 10, 20, 50, 100, 200])
        let decades = ContourLevels.auto(min: 1e-3, max: 1e5, count: 8, log: true)
        #expect(decades == [1e-2, 1e-1, 1, 10, 100, 1000, 10000].map { $0 } || decades.count <= 9)
        #expect(decades.allSatisfy { $0 > 1e-3 && $0 < 1e5 })
        #expect(ContourLevels.auto(min: 1, max: 1, count: 5).isEmpty)
        #expect(ContourLevels.auto(min: .nan, max: 1).isEmpty)
        #expect(ContourLevels.bands(min: 0.3, max: 9.6, count: 5) == [0, 2, 4, 6, 8, 10])
        let logBands = ContourLevels.bands(min: 2, max: 300, count: 6, log: true)
        #expect(logBands.first! <= 2 && logBands.last! >= 300)
    }

    @Test func randomGridsAndLevelsNeverMisbehave() throws {
        var g = SplitMix64(seed: 9)
        for _ in 0..<200 {
            let nx = 2 + Int(g.nextUniform() * 12), ny = 2 + Int(g.nextUniform() * 12)
            let values = (0..<(nx * ny)).map { _ in (g.nextUniform() * 4).rounded() / 2 }  // many exact ties
            let grid = try #require(Grid2D(xs: (0..<nx).map(Double.init), ys: (0..<ny).map(Double.init), values: values))
            let levels = [0.5, 1.0, 1.25]
            for line in Contour.lines(in: grid, levels: levels) {
                #expect(line.points.count >= 2)
            }
            let bands = Contour.bands(in: grid, levels: [0, 0.5, 1, 1.5, 2])
            let total = bands.reduce(0) { $0 + $1.area }
            #expect(abs(total - Double((nx - 1) * (ny - 1))) < 1e-9)
        }
        for _ in 0..<500 {
            let lo = (g.nextUniform() - 0.5) * pow(10, 20 * g.nextUniform() - 10)
            let hi = lo + pow(10, 20 * g.nextUniform() - 10)
            let n = 1 + Int(g.nextUniform() * 12)
            let levels = ContourLevels.auto(min: lo, max: hi, count: n)
            #expect(levels.count <= n + 1)
            #expect(levels.allSatisfy { $0 > lo && $0 < hi })
            if hi > 0 {
                let logLevels = ContourLevels.auto(min: Swift.max(lo, hi / 1e6), max: hi, count: n, log: true)
                #expect(logLevels.allSatisfy { $0 > 0 })
            }
        }
    }

    static func signedArea(_ p: [Point]) -> Double {
        var twice = 0.0
        for k in p.indices { let a = p[k], b = p[(k + 1) % p.count]; twice += a.x * b.y - b.x * a.y }
        return twice / 2
    }

    /// Point in convex-or-rectangle polygon, edges included.
    static func contains(_ poly: [Point], _ p: Point) -> Bool {
        let s = signedArea(poly) >= 0 ? 1.0 : -1.0
        for k in poly.indices {
            let a = poly[k], b = poly[(k + 1) % poly.count]
            let cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x)
            if s * cross < -1e-12 { return false }
        }
        return true
    }
}
