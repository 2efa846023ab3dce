import Foundation
import FrameplotCanvas

extension DiagramLayout {
    /// Draws the diagram onto `canvas` with its top-left at `origin`; labels not in `reveal`
    /// are left out (their space stays reserved, so animation frames never jump).
    ///
    /// The background is not painted; clear the canvas first.
    ///
    /// ```swift
    /// let canvas = try ImageCanvas(width: layout.size.width, height: layout.size.height, scale: 2)
    /// canvas.clear(.white)
    /// layout.draw(on: canvas)
    /// ```
    public func draw(on canvas: Canvas, reveal: DiagramReveal? = nil, origin: Point = .zero) {
        drawStructure(on: canvas, origin: origin)
        drawValues(on: canvas, reveal: reveal ?? .everything(of: diagram), origin: origin)
    }

    /// Draws what never changes between animation frames: edges and nodes, nothing highlighted.
    ///
    /// ``draw(on:reveal:origin:)`` is this followed by ``drawValues(on:reveal:origin:)``;
    /// an animation draws the structure once into a cached layer and the values per frame.
    public func drawStructure(on canvas: Canvas, origin: Point = .zero) {
        canvas.withSavedState {
            canvas.translate(dx: origin.x, dy: origin.y)
            for edge in edges { drawEdge(edge, on: canvas) }
            for node in nodes { drawNode(node, highlighted: false, on: canvas) }
        }
    }

    /// Draws the revealed labels, backward arrows and annotations, and the highlighted
    /// nodes again in the highlight colours, over ``drawStructure(on:origin:)``.
    public func drawValues(on canvas: Canvas, reveal: DiagramReveal, origin: Point = .zero) {
        canvas.withSavedState {
            canvas.translate(dx: origin.x, dy: origin.y)
            for edge in edges where reveal.gradientEdges.contains(edge.index) { drawGradientArrow(edge, on: canvas) }
            for node in nodes where reveal.highlightedNodes.contains(node.index) {
                drawNode(node, highlighted: true, on: canvas)
            }
            for edge in edges {
                let e = diagram.edges[edge.index]
                if reveal.forwardEdges.contains(edge.index), let text = e.forwardLabel, let box = edge.forwardLabelBox {
                    canvas.drawText(text, at: box.center, style: style.forwardText, anchor: .center)
                }
                if reveal.gradientEdges.contains(edge.index), let text = e.gradientLabel, let box = edge.gradientLabelBox {
                    canvas.drawText(text, at: box.center, style: style.gradientText, anchor: .center)
                }
            }
            for node in nodes where reveal.annotatedNodes.contains(node.index) {
                if let text = diagram.nodes[node.index].annotation, let box = node.annotationBox {
                    canvas.drawText(text, at: box.center, style: style.annotationText, anchor: .center)
                }
            }
        }
    }

    private func drawEdge(_ edge: PlacedEdge, on canvas: Canvas) {
        guard edge.points.count >= 2 else { return }
        var points = edge.points
        let tip = points[points.count - 1]
        let from = points[points.count - 2]
        let head = Self.arrowHead(from: from, tip: tip, length: style.arrowLength, width: style.arrowWidth)
        points[points.count - 1] = head.base
        var path = Path()
        path.addPolyline(points)
        canvas.stroke(path, style: StrokeStyle(color: style.edgeColor, width: style.edgeWidth, cap: .butt, join: .round))
        canvas.fill(head.path, color: style.edgeColor)
    }

    private func drawGradientArrow(_ edge: PlacedEdge, on canvas: Canvas) {
        guard style.drawsGradientArrows, let tail = edge.gradientArrowTail, let tip = edge.gradientArrowTip else { return }
        let head = Self.arrowHead(from: tail, tip: tip, length: style.arrowLength * 0.75, width: style.arrowWidth * 0.75)
        canvas.stroke(.segment(tail, head.base), style: StrokeStyle(color: style.gradientColor, width: style.edgeWidth * 0.9))
        canvas.fill(head.path, color: style.gradientColor)
    }

    private func drawNode(_ node: PlacedNode, highlighted: Bool, on canvas: Canvas) {
        let kind = diagram.nodes[node.index].kind
        let stroke = highlighted ? style.highlightStroke : style.nodeStroke
        let width = highlighted ? style.nodeStrokeWidth * 1.6 : style.nodeStrokeWidth
        let fill: Color
        switch kind {
        case .parameter: fill = style.parameterFill
        case .output: fill = style.outputFill
        default: fill = style.nodeFill
        }
        let f = node.frame
        switch node.shape {
        case .circle:
            let path = Path.circle(center: f.center, radius: f.width / 2)
            canvas.fill(path, color: highlighted ? style.highlightFill : fill)
            canvas.stroke(path, style: StrokeStyle(color: stroke, width: width))
        case .capsule, .roundedBox:
            let radius = node.shape == .capsule ? f.height / 2 : min(6, f.height / 3)
            let path = Path.roundedRect(f, radius: radius)
            canvas.fill(path, color: highlighted ? style.highlightFill : fill)
            canvas.stroke(path, style: StrokeStyle(color: stroke, width: width))
        case .outputBox:
            let path = Path.roundedRect(f, radius: 4)
            canvas.fill(path, color: highlighted ? style.highlightFill : fill)
            canvas.stroke(path, style: StrokeStyle(color: stroke, width: width * 1.4))
            canvas.stroke(Path.roundedRect(f.insetBy(dx: 3.5, dy: 3.5), radius: 2),
                          style: StrokeStyle(color: stroke, width: max(0.8, width * 0.6)))
        case .text:
            if highlighted {
                let path = Path.roundedRect(f.insetBy(dx: -2, dy: -1), radius: 4)
                canvas.fill(path, color: style.highlightFill)
                canvas.stroke(path, style: StrokeStyle(color: stroke, width: width * 0.8))
            }
        }
        let text = diagram.nodes[node.index].label
        canvas.drawText(text, at: node.labelBox.center, style: DiagramStyle.textStyle(for: kind, in: style), anchor: .center)
    }

    /// An arrowhead with its tip at `tip`, pointing away from `from`, and the point where the shaft should stop.
    static func arrowHead(from: Point, tip: Point, length: Double, width: Double) -> (path: Path, base: Point) {
        let dx = tip.x - from.x, dy = tip.y - from.y
        let d = max(1e-9, (dx * dx + dy * dy).squareRoot())
        let ux = dx / d, uy = dy / d
        let l = min(length, d)
        let base = Point(x: tip.x - ux * l, y: tip.y - uy * l)
        let nx = -uy * width / 2, ny = ux * width / 2
        var path = Path()
        path.move(to: tip)
        path.line(to: Point(x: base.x + nx, y: base.y + ny))
        path.line(to: Point(x: tip.x - ux * l * 0.8, y: tip.y - uy * l * 0.8))
        path.line(to: Point(x: base.x - nx, y: base.y - ny))
        path.close()
        // The shaft stops inside the notch so no square end shows past the head.
        return (path, Point(x: tip.x - ux * l * 0.7, y: tip.y - uy * l * 0.7))
    }
}
