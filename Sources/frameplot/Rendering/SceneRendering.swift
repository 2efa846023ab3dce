import Foundation

/// Runs the animation commands through the scene catalog and the frame renderer.
enum SceneRendering {
    static func animate(_ command: AnimateCommand) throws {
        throw CLIError.failure("animations are not available yet")
    }

    static func render(_ command: RenderCommand) throws {
        throw CLIError.failure("animations are not available yet")
    }
}
