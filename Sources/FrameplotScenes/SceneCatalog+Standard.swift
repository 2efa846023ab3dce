import FrameplotAnimation

extension SceneCatalog {
    /// Every built-in scene: what `frameplot animate NAME`, `frameplot render --scene NAME`
    /// and `frameplot scenes` use.
    ///
    /// To add a built-in scene, write a type conforming to ``SceneDefinition`` (its options,
    /// history columns and `prepare`) and add one `register` line here.
    ///
    /// ```swift
    /// let scene = try SceneCatalog.standard.makeScene("gd-locus", arguments: ["--sgd", "--seed", "3"])
    /// ```
    public static let standard: SceneCatalog = {
        var catalog = SceneCatalog()
        catalog.register(BackpropScene.self)
        catalog.register(GD1DScene.self)
        catalog.register(GDLocusScene.self)
        catalog.register(LinregScene.self)
        catalog.register(LogisticScene.self)
        catalog.register(MLPScene.self)
        catalog.register(OptimizersScene.self)
        return catalog
    }()
}
