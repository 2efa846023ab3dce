import Testing
@testable import FrameplotCanvas

@Suite struct TextTests {
    @Test func extentsGrowWithFontSize() throws {
        let canvas = try ImageCanvas(width: 10, height: 10)
        let small = canvas.measureText("Loss 0.25", style: TextStyle(size: 10))
        let large = canvas.measureText("Loss 0.25", style: TextStyle(size: 20))
        #expect(small.logical.width > 20 && small.logical.height > 8)
        #expect(large.logical.width > 1.8 * small.logical.width)
        #expect(large.logical.height > 1.8 * small.logical.height)
        #expect(small.baseline > 0 && small.baseline < small.logical.height)
    }

    @Test func rotationSwapsWidthAndHeight() throws {
        let canvas = try ImageCanvas(width: 10, height: 10)
        let style = TextStyle(size: 12)
        let flat = canvas.textBounds("繰り返し回数", at: Point(x: 50, y: 50), style: style, anchor: .center)
        let turned = canvas.textBounds("繰り返し回数", at: Point(x: 50, y: 50), style: style, anchor: .center,
                                       rotation: -Double.pi / 2)
        #expect(abs(flat.width - turned.height) < 1e-6 && abs(flat.height - turned.width) < 1e-6)
        #expect(flat.width > flat.height)
    }

    @Test func rotatedTextPaintsAVerticalStrip() throws {
        let canvas = try ImageCanvas(width: 60, height: 200)
        canvas.clear(.white)
        canvas.drawText("損失関数値 loss", at: Point(x: 30, y: 100), style: TextStyle(size: 14),
                        anchor: .center, rotation: -Double.pi / 2)
        let ink = inkBox(canvas)
        #expect(ink.height > 2 * ink.width)
        #expect(abs(ink.midX - 30) < 4 && abs(ink.midY - 100) < 6)
    }

    @Test func japaneseHasNoUnknownGlyphsAndLeavesInk() throws {
        let canvas = try ImageCanvas(width: 300, height: 40)
        canvas.clear(.white)
        let style = TextStyle(size: 16)
        let metrics = canvas.measureText("損失関数値 繰り返し回数", style: style)
        #expect(metrics.unknownGlyphs == 0)
        canvas.drawText("損失関数値 繰り返し回数", at: Point(x: 10, y: 20), style: style, anchor: .centerLeft)
        let box = inkBox(canvas)
        #expect(box.width > 150 && box.height > 10)
    }

    @Test func missingGlyphsAreCounted() throws {
        let canvas = try ImageCanvas(width: 10, height: 10)
        // U+10FFFD is a private-use code point no installed font draws.
        let metrics = canvas.measureText("a\u{10FFFD}b", style: TextStyle(size: 12))
        #expect(metrics.unknownGlyphs == 1)
    }

    @Test func subscriptSitsLowerThanBaseText() throws {
        let canvas = try ImageCanvas(width: 10, height: 10)
        let style = TextStyle(size: 20, markup: true)
        let plain = canvas.measureText("x", style: style)
        let sub = canvas.measureText("x<sub>1</sub>", style: style)
        let sup = canvas.measureText("x<sup>2</sup>", style: style)
        // Ink boxes relative to the baseline.
        #expect(sub.ink.maxY - sub.baseline > plain.ink.maxY - plain.baseline + 2)
        #expect(sup.ink.minY - sup.baseline < plain.ink.minY - plain.baseline - 2)
    }

    @Test func brokenMarkupIsDrawnLiterally() throws {
        let canvas = try ImageCanvas(width: 200, height: 30)
        canvas.clear(.white)
        let style = TextStyle(size: 12, markup: true)
        let broken = canvas.measureText("a < b & <i>c", style: style)
        let literal = canvas.measureText("a < b & <i>c", style: TextStyle(size: 12))
        #expect(broken.logical.width == literal.logical.width)
        canvas.drawText("a < b & <i>c", at: Point(x: 5, y: 15), style: style, anchor: .centerLeft)
        #expect(inkBox(canvas).width > 40)
    }

    @Test func escapeMakesMarkupLiteral() throws {
        #expect(TextMarkup.escape("a<b & \"c\"") == "a&lt;b &amp; &quot;c&quot;")
        let canvas = try ImageCanvas(width: 10, height: 10)
        let escaped = canvas.measureText(TextMarkup.escape("<i>x</i> & y"), style: TextStyle(size: 12, markup: true))
        let literal = canvas.measureText("<i>x</i> & y", style: TextStyle(size: 12))
        #expect(escaped.logical.width == literal.logical.width)
    }

    @Test func anchorsPlaceTheBox() throws {
        let canvas = try ImageCanvas(width: 200, height: 100)
        canvas.clear(.white)
        canvas.drawText("HHHH", at: Point(x: 150, y: 50), style: TextStyle(size: 20), anchor: TextAnchor(.right, .baseline))
        let box = inkBox(canvas)
        #expect(abs(box.maxX - 150) < 3)          // ink ends at the anchor (side bearing only)
        #expect(abs(box.maxY - 50) < 1.5)         // H sits on the baseline
    }

    @Test func measurementDoesNotDependOnScale() throws {
        let one = try ImageCanvas(width: 10, height: 10, scale: 1)
        let two = try ImageCanvas(width: 10, height: 10, scale: 2)
        let style = TextStyle(size: 11)
        #expect(one.measureText("Epoch #2000: MSE=1.01418", style: style)
            == two.measureText("Epoch #2000: MSE=1.01418", style: style))
    }
}

/// The bounding box (pixels) of everything that is not white.
func inkBox(_ canvas: ImageCanvas) -> Rect {
    var minX = Int.max, minY = Int.max, maxX = -1, maxY = -1
    for y in 0..<canvas.pixelHeight {
        for x in 0..<canvas.pixelWidth {
            let p = canvas.pixel(x: x, y: y)
            if p.r < 200 || p.g < 200 || p.b < 200 {
                minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
            }
        }
    }
    guard maxX >= 0 else { return Rect(x: 0, y: 0, width: 0, height: 0) }
    return Rect(x: Double(minX), y: Double(minY), width: Double(maxX - minX + 1), height: Double(maxY - minY + 1))
}

@Suite struct FontCheckTests {
    @Test func defaultFontsDrawTheSample() {
        #expect(FontCheck.missingGlyphs() == 0)
        #expect(FontCheck.warning() == nil)
    }

    @Test func missingGlyphsProduceAWarningNamingTheRemedy() throws {
        let warning = try #require(FontCheck.warning(for: "x\u{10FFFD}"))
        #expect(warning.contains("1 character") && warning.contains("scripts/setup.sh"))
    }
}

@Suite struct PangoDeclarationTests {
    /// The hand-written Pango declarations agree with the installed library (a layout round trip).
    @Test func declaredPangoMatchesTheLibrary() {
        #expect(TextEngine.declarationsMatchInstalledPango())
    }
}
