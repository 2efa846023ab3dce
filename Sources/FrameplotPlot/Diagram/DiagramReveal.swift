/// Which labels of a diagram are shown: everything for a still figure, a growing subset
/// for the frames of an animation. Indices refer to the diagram's `edges` and `nodes`.
///
/// ```swift
/// var reveal = DiagramReveal.nothing
/// reveal.forwardEdges = [0, 1]          // the first two forward values
/// reveal.highlightedNodes = [2]         // the node being evaluated
/// layout.draw(on: canvas, reveal: reveal)
/// ```
public struct DiagramReveal: Sendable, Hashable {
    /// Edges whose forward label is drawn.
    public var forwardEdges: Set<Int>
    /// Edges whose gradient label (and backward arrow) is drawn.
    public var gradientEdges: Set<Int>
    /// Nodes whose annotation is drawn.
    public var annotatedNodes: Set<Int>
    /// Nodes drawn in the highlight colours.
    public var highlightedNodes: Set<Int>

    public init(forwardEdges: Set<Int> = [], gradientEdges: Set<Int> = [],
                annotatedNodes: Set<Int> = [], highlightedNodes: Set<Int> = []) {
        self.forwardEdges = forwardEdges; self.gradientEdges = gradientEdges
        self.annotatedNodes = annotatedNodes; self.highlightedNodes = highlightedNodes
    }

    /// Only the structure: nodes and edges without values.
    public static let nothing = DiagramReveal()

    /// Every label and annotation of `diagram`, nothing highlighted.
    public static func everything(of diagram: GraphDiagram) -> DiagramReveal {
        DiagramReveal(forwardEdges: Set(diagram.edges.indices), gradientEdges: Set(diagram.edges.indices),
                      annotatedNodes: Set(diagram.nodes.indices), highlightedNodes: [])
    }
}
