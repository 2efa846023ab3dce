import FrameplotAnimation
import FrameplotPlot

/// Theme names accepted by the scenes' `--theme` option.
enum SceneTheme {
    /// The preset called `name` (`default`, `slides`, `dark`); the default when nil.
    static func named(_ name: String?) throws -> Theme {
        guard let name else { return .default }
        guard let theme = Theme.named(name) else {
            throw AnimationError.invalidOption("--theme \(name): use default, slides or dark")
        }
        return theme
    }
}
