import Foundation

/// Runs the animation commands through the scene catalog and the frame renderer.
enum SceneRendering {
    static func animate(_ command: AnimateCommand) throws {
        _ = try OutputTarget.animation(command.common.output)
        throw CLIError.failure("animations are not available yet")
    }

    static func render(_ command: RenderCommand) throws {
        _ = try OutputTarget.animation(command.common.output)
        throw CLIError.failure("animations are not available yet")
    }
}
