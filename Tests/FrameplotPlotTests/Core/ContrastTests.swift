import Testing
import FrameplotCanvas
@testable import FrameplotPlot

@Suite("Core: WCAG contrast and theme roles")
struct ContrastTests {
    @Test func relativeLuminanceAndRatiosMatchWCAG() {
        #expect(Color.black.relativeLuminance == 0)
        #expect(abs(Color.white.relativeLuminance - 1) < 1e-12)
        #expect(abs(Color.black.contrastRatio(against: .white) - 21) < 1e-9)
        #expect(abs(Color.white.contrastRatio(against: .white) - 1) < 1e-12)
        // Published values: #777777 on white is 4.48:1, #767676 is 4.54:1 (the WebAIM examples).
        #expect(abs(Color(hex: 0x777777).contrastRatio(against: .white) - 4.48) < 0.01)
        #expect(abs(Color(hex: 0x767676).contrastRatio(against: .white) - 4.54) < 0.01)
        // Symmetric for opaque colours.
        let a = Color(hex: 0xd62728), b = Color(hex: 0x262626)
        #expect(abs(a.contrastRatio(against: b) - b.contrastRatio(against: a)) < 1e-12)
        // The case: the old fitted-line grey on the dark panel.
        #expect(Color(hex: 0x222222).contrastRatio(against: Theme.dark.colors.axesFace) < 1.1)
    }

    @Test func translucentColoursAreCompositedFirst() {
        let half = Color.black.withAlpha(0.5).composited(over: .white)
        #expect(abs(half.red - 0.5) < 1e-12 && half.alpha == 1)
        #expect(Color.black.withAlpha(0).contrastRatio(against: .white) == 1)
        #expect(Color.black.withAlpha(0.5).contrastRatio(against: .white) < Color.black.contrastRatio(against: .white))
        // A translucent background is seen over white.
        #expect(Color.black.contrastRatio(against: Color.black.withAlpha(0)) > 20)
    }

    @Test func ensuringContrastMovesJustFarEnough() {
        let orange = Color(hex: 0xE69F00)
        #expect(orange.contrastRatio(against: .white) < 3)
        let darker = orange.ensuringContrast(3, against: .white)
        #expect(darker.contrastRatio(against: .white) >= 3)
        #expect(darker.contrastRatio(against: .white) < 3.05)
        #expect(darker.red < orange.red && darker.red > 0.5)   // still an orange, not black
        let blue = Color(hex: 0x0072B2), face = Color(hex: 0x262626)
        let lighter = blue.ensuringContrast(3, against: face)
        #expect(lighter.contrastRatio(against: face) >= 3 && lighter.blue > blue.blue)
        // Already enough: unchanged.
        #expect(Color.black.ensuringContrast(3, against: .white) == .black)
    }

    @Test("every preset keeps its roles and palette at 3:1 on its panels and background", arguments: ["default", "slides", "dark"])
    func presetRolesContrast(name: String) throws {
        let theme = try #require(Theme.named(name))
        let c = theme.colors
        var roles: [(String, Color)] = [("ink", c.ink), ("accent", c.accent), ("fit", c.fit), ("text", c.text),
                                        ("tick labels", c.tickLabel), ("spine", c.spine), ("ticks", c.tick)]
        roles += theme.palette.colors.enumerated().map { ("palette \($0.offset)", $0.element) }
        for (role, color) in roles {
            for (surface, under) in [("panel", c.axesFace), ("background", c.background), ("legend", c.legendFace)] {
                let ratio = color.contrastRatio(against: under)
                #expect(ratio >= 3, "\(name) \(role) on \(surface): \(ratio)")
            }
        }
        // Text reads at WCAG's body-text level.
        #expect(c.text.contrastRatio(against: c.axesFace) >= 4.5)
        // Roles resolve to the theme's colours.
        #expect(MarkColor.ink.resolved(in: theme) == c.ink)
        #expect(MarkColor.accent.resolved(in: theme) == c.accent)
        #expect(MarkColor.fit.resolved(in: theme) == c.fit)
        #expect(MarkColor.cycle(2).resolved(in: theme) == theme.palette.color(2))
        #expect(MarkColor.deemphasized(MarkColor.accent).resolved(in: theme) == c.accent)
    }

    @Test func paintsAcceptColoursAndRoles() {
        func paint(_ p: any MarkPaint) -> MarkColor { p.markColor }
        #expect(paint(.black) == MarkColor.fixed(.black))
        #expect(paint(Color(hex: 0x123456)) == MarkColor.fixed(Color(hex: 0x123456)))
        #expect(paint(.ink) == MarkColor.ink && !paint(.ink).isDeemphasized)
        #expect(paint(.deemphasized(.red)).isDeemphasized)
        #expect(paint(.deemphasized(.red)).resolved(in: .default) == .red)
    }

    @Test func paletteContrastKeepsUnchangedPalettesAsTheyAre() {
        let p = Palette(name: "dark-only", colors: [.black, Color(hex: 0x333333)])
        #expect(p.ensuringContrast(3, against: .white) == p)
        let light = Palette.okabeIto.ensuringContrast(3, against: .white)
        #expect(light.colors.count == Palette.okabeIto.colors.count && light.name != Palette.okabeIto.name)
        #expect(light.colors.allSatisfy { $0.contrastRatio(against: .white) >= 3 })
    }
}
