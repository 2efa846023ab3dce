import FrameplotCanvas

/// Where every node, edge and label of a ``GraphDiagram`` goes: a pure value computed from the
/// diagram, a style and measured text, with nothing drawn yet.
///
/// Nodes are placed in layers from left to right (inputs left, the output right), ordered
/// within a layer to reduce crossings, and spaced so that the labels above and below the
/// edges overlap neither the nodes nor each other.
///
/// ```swift
/// let canvas = try ImageCanvas(width: 1, height: 1)
/// let layout = try DiagramLayout(diagram, measuringWith: canvas)
/// let image = try ImageCanvas(width: layout.size.width, height: layout.size.height, scale: 2)
/// layout.draw(on: image)
/// ```
public struct DiagramLayout: Sendable {
    /// How a node is drawn.
    public enum Shape: Sendable, Hashable {
        /// Just its label (inputs, constants).
        case text
        /// A rounded box around the label (parameters).
        case roundedBox
        /// A circle around the label (short operator symbols).
        case circle
        /// A capsule around the label (long operator names such as "softmax").
        case capsule
        /// A box with a thick border (the output).
        case outputBox
    }

    /// A placed node.
    public struct PlacedNode: Sendable, Hashable {
        /// Index into the diagram's `nodes`.
        public var index: Int
        /// The node's shape bounds; edges start and end on this shape's outline.
        public var frame: Rect
        public var shape: Shape
        /// The layer (column) counted from the left, starting at 0.
        public var layer: Int
        /// The box of the label text, centred in `frame`.
        public var labelBox: Rect
        /// The box of the annotation text under the node, if it has one.
        public var annotationBox: Rect?
        public var center: Point { frame.center }
    }

    /// A placed edge.
    public struct PlacedEdge: Sendable, Hashable {
        /// Index into the diagram's `edges`.
        public var index: Int
        public var source: Int
        public var target: Int
        /// The route from the source's outline to the target's outline (the arrow tip);
        /// more than two points when the edge passes intermediate layers.
        public var points: [Point]
        /// Where the forward label is drawn (centred in the box), if the edge has one.
        public var forwardLabelBox: Rect?
        /// Where the gradient label is drawn, if the edge has one.
        public var gradientLabelBox: Rect?
        /// The backward arrow under the edge: from its tail (right) to its tip (left, towards the source).
        public var gradientArrowTail: Point?
        public var gradientArrowTip: Point?
    }

    public let diagram: GraphDiagram
    public let style: DiagramStyle
    /// The size of the whole diagram, margins included, in layout units.
    public let size: Size
    /// One entry per diagram node, in the diagram's order.
    public let nodes: [PlacedNode]
    /// One entry per diagram edge, in the diagram's order.
    public let edges: [PlacedEdge]
    /// Node indices per layer, top to bottom.
    public let layers: [[Int]]

    /// Lays out `diagram`, measuring text with `measure` (use a canvas's `measureText`).
    ///
    /// - Throws: ``DiagramError`` for duplicate or unknown node ids, cycles or an empty graph.
    public init(_ diagram: GraphDiagram, style: DiagramStyle = DiagramStyle(),
                measure: (String, TextStyle) -> TextMetrics) throws {
        var engine = try DiagramLayoutEngine(diagram: diagram, style: style, measure: measure)
        let result = engine.run()
        self.diagram = diagram
        self.style = style
        self.size = result.size
        self.nodes = result.nodes
        self.edges = result.edges
        self.layers = result.layers
    }

    /// Lays out `diagram` with text measured by `canvas` (any canvas measures like the others).
    public init(_ diagram: GraphDiagram, style: DiagramStyle = DiagramStyle(), measuringWith canvas: Canvas) throws {
        try self.init(diagram, style: style, measure: { canvas.measureText($0, style: $1) })
    }

    /// The placed node with `id`, if any.
    public func node(id: String) -> PlacedNode? {
        diagram.nodeIndex(of: id).map { nodes[$0] }
    }

    /// Every box that must not overlap another: node frames, annotations and edge labels.
    public var occupiedBoxes: [Rect] {
        var boxes: [Rect] = []
        for n in nodes {
            boxes.append(n.frame)
            if let a = n.annotationBox { boxes.append(a) }
        }
        for e in edges {
            if let f = e.forwardLabelBox { boxes.append(f) }
            if let g = e.gradientLabelBox { boxes.append(g) }
        }
        return boxes
    }
}
