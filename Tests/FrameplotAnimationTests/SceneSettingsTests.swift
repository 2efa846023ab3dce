import Foundation
import Testing
import FrameplotAnimation
import FrameplotCanvas

/// The shared settings parse and check themselves once; size and scale are checked together
/// against the canvas limits with the canvas's own pixel formula.
@Suite("Scene settings")
struct SceneSettingsTests {
    @Test func sizes() throws {
        #expect(try FrameSize(parsing: "800x600") == FrameSize(width: 800, height: 600))
        #expect(try FrameSize(parsing: "16×16") == FrameSize(width: 16, height: 16))
        #expect(throws: InvalidOptionValue(option: "--size", value: "15x600", reason: "width must be at least 16")) {
            try FrameSize(parsing: "15x600")
        }
        #expect(throws: InvalidOptionValue.self) { try FrameSize(parsing: "800x") }
        #expect(throws: InvalidOptionValue(option: "--size", value: "8193x600", reason: "width must be at most 8192")) {
            try FrameSize(parsing: "8193x600")
        }
        #expect(InvalidOptionValue(option: "--size", value: "8x8", reason: "width must be at least 16").description
                == "--size 8x8: width must be at least 16")
    }

    @Test func sizeAndScaleTogether() throws {
        let settings = SceneSettings(size: try FrameSize(parsing: "8192x8192"), scale: try RenderScale(parsing: "4"))
        #expect(throws: InvalidOptionValue.self) { try settings.pixelSize(of: Size(width: 8192, height: 8192)) }
        let pixels = try SceneSettings(scale: try RenderScale(1.5)).pixelSize(of: Size(width: 801, height: 400))
        let canvas = try ImageCanvas(width: 801, height: 400, scale: 1.5)
        #expect(pixels.width == canvas.pixelWidth && pixels.height == canvas.pixelHeight)
    }

    @Test func ratesScalesAndThemes() throws {
        #expect(throws: InvalidOptionValue.self) { try RenderScale(parsing: "0x10") }
        #expect(throws: InvalidOptionValue.self) { try RenderScale(parsing: "9") }
        #expect(throws: InvalidOptionValue.self) { try FrameRate(parsing: "nan") }
        #expect(throws: InvalidOptionValue.self) { try FrameRate(parsing: "0") }
        #expect(try FrameRate(parsing: "240").value == 240)
        #expect(try ThemeName(parsing: "Dark") == .dark)
        #expect(throws: InvalidOptionValue.self) { try ThemeName(parsing: "neon") }
    }

    @Test func settingsAreCodableAndCheckedWhenRead() throws {
        let settings = SceneSettings(size: try FrameSize(width: 640, height: 360), scale: try RenderScale(2), theme: .slides,
                                     framesPerSecond: try FrameRate(30))
        let data = try JSONEncoder().encode(settings)
        #expect(try JSONDecoder().decode(SceneSettings.self, from: data) == settings)
        #expect(String(decoding: data, as: UTF8.self).contains("\"scale\":2"))
        #expect(throws: InvalidOptionValue.self) {
            try JSONDecoder().decode(SceneSettings.self, from: Data(#"{"scale":100,"theme":"default"}"#.utf8))
        }
        #expect(throws: InvalidOptionValue.self) {
            try JSONDecoder().decode(SceneSettings.self, from: Data(#"{"size":{"width":1,"height":9},"scale":1,"theme":"dark"}"#.utf8))
        }
    }

    @Test func decimalsAreStrict() {
        #expect(SceneText.decimal("1e-3") == 0.001)
        #expect(SceneText.decimal("-2.5") == -2.5)
        for text in ["0x10", "1\u{0}9", "nan", "inf", "1e", "--1", "1.2.3", "", " "] {
            #expect(SceneText.decimal(text) == nil, "\(text)")
        }
        #expect(SceneText.clipped("a\u{1b}b") == "a\\u{1b}b")
        #expect(SceneText.list(["a", "b", "c"], limit: 2) == "a, b and 1 more")
    }
}
