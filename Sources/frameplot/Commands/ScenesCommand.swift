import ArgumentParser
import Foundation
import FrameplotAnimation
import FrameplotScenes

/// `frameplot scenes`: what every scene takes and records.
struct ScenesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenes",
        abstract: "List the animation scenes with their options and the columns of their histories.",
        discussion: """
        For each scene: what it shows, the options it takes after its name in `frameplot animate` (and which of them `frameplot render` takes too), and the columns of the history that --log writes and render reads, with what each column means.

        Examples:
          frameplot scenes
          frameplot scenes gd-locus
        """
    )

    @Argument(help: ArgumentHelp("Only this scene.", valueName: "scene"))
    var scene: String?

    func run() throws {
        print(try SceneListing.text(SceneCatalog.standard, only: scene))
    }
}
