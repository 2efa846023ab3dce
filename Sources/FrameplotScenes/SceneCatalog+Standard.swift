import FrameplotAnimation

extension SceneCatalog {
    /// Every built-in scene: what `frameplot animate NAME` and `frameplot render --scene NAME` use.
    ///
    /// To add a built-in scene, write a factory `(SceneOptions) throws -> any AnimationScene`
    /// next to the scene and add one `register` line here (keep them sorted by name).
    ///
    /// ```swift
    /// let scene = try SceneCatalog.standard.makeScene("gd-locus", options: SceneOptions(sgd: true))
    /// ```
    public static let standard: SceneCatalog = {
        var catalog = SceneCatalog()
        catalog.register(GDLocusScene.name,
                         summary: "gradient descent on the loss surface of a line fit (the textbook video); --sgd for one-sample SGD",
                         rendersHistory: true) { try GDLocusScene.make(options: $0) }
        catalog.register(GD1DScene.name,
                         summary: "gradient descent on f(x) = ½(x − 5)² + 1 from x = 9, η = 0.5: tangent, step, dot",
                         rendersHistory: true) { try GD1DScene.make(options: $0) }
        catalog.register(LinregScene.name,
                         summary: "height/weight regression by gradient descent: moving line and learning curve (Japanese labels)",
                         rendersHistory: true) { try LinregScene.make(options: $0) }
        catalog.register(LogisticScene.name,
                         summary: "binary logistic regression by SGD on two blobs: probability background, decision line, loss curve",
                         rendersHistory: true) { try LogisticScene.make(options: $0) }
        catalog.register(MLPScene.name,
                         summary: "two-layer network on 3-class 2-D data: class regions, boundaries, loss and accuracy curves",
                         rendersHistory: true) { try MLPScene.make(options: $0) }
        catalog.registerBackprop()
        return catalog
    }()
}
