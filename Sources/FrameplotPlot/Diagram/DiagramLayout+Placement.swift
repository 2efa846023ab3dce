import Foundation
import FrameplotCanvas

/// The geometric part of the layout: node sizes from measured text, layer positions,
/// vertical placement, edge routes and label boxes, grown until nothing overlaps.
struct DiagramLayoutEngine {
    struct Result {
        var size: Size
        var nodes: [DiagramLayout.PlacedNode]
        var edges: [DiagramLayout.PlacedEdge]
        var layers: [[Int]]
        /// Layers whose edge labels found no spot clear of nodes and other labels.
        var crowdedLayers: Set<Int> = []
    }

    /// A measured piece of text: its logical size and ink box (relative to the logical top-left).
    struct Measured {
        var size: Size
        var ink: Rect
        init(_ m: TextMetrics) { size = m.logical.size; ink = m.ink }
    }

    let diagram: GraphDiagram
    let style: DiagramStyle
    let layering: DiagramLayering
    let shapes: [DiagramLayout.Shape]
    let nodeSizes: [Size]
    let labels: [Measured]
    let annotations: [Measured?]
    let forwardLabels: [Measured?]
    let gradientLabels: [Measured?]
    /// Height of a typical edge label, for spacing.
    let labelHeight: Double

    init(diagram: GraphDiagram, style: DiagramStyle, measure: (String, TextStyle) -> TextMetrics) throws {
        self.diagram = diagram
        self.style = style
        self.layering = try DiagramLayering(diagram)
        var shapes: [DiagramLayout.Shape] = []
        var sizes: [Size] = []
        var labels: [Measured] = []
        for node in diagram.nodes {
            let m = Measured(measure(node.label, DiagramStyle.textStyle(for: node.kind, in: style)))
            labels.append(m)
            let pad = style.nodePadding
            switch node.kind {
            case .input, .constant:
                shapes.append(.text)
                sizes.append(Size(width: m.size.width + pad.width, height: m.size.height))
            case .parameter:
                shapes.append(.roundedBox)
                sizes.append(Size(width: m.size.width + 2 * pad.width, height: m.size.height + 2 * pad.height))
            case .output:
                shapes.append(.outputBox)
                sizes.append(Size(width: m.size.width + 2.4 * pad.width, height: m.size.height + 2.4 * pad.height))
            case .operation:
                // Fit the ink (not the generous line box) in the circle; long names get a capsule.
                let fit = (m.size.width * m.size.width + m.ink.height * m.ink.height).squareRoot() + 8
                let d = max(style.minimumCircleDiameter, fit)
                if d > style.minimumCircleDiameter * 1.25 {
                    let h = max(style.minimumCircleDiameter, m.ink.height + 2 * pad.height + 8)
                    shapes.append(.capsule)
                    sizes.append(Size(width: m.size.width + 0.7 * h, height: h))
                } else {
                    shapes.append(.circle)
                    sizes.append(Size(width: d, height: d))
                }
            }
        }
        self.shapes = shapes
        self.nodeSizes = sizes
        self.labels = labels
        self.annotations = diagram.nodes.map { node in
            node.annotation.map { Measured(measure($0, style.annotationText)) }
        }
        self.forwardLabels = diagram.edges.map { e in e.forwardLabel.map { Measured(measure($0, style.forwardText)) } }
        self.gradientLabels = diagram.edges.map { e in e.gradientLabel.map { Measured(measure($0, style.gradientText)) } }
        self.labelHeight = Measured(measure("0.5", style.forwardText)).size.height
    }

    static let annotationGap = 3.0

    mutating func run() -> Result {
        var verticalScale = 1.0
        var extraGap = [Double](repeating: 0, count: max(0, layering.layers.count - 1))
        var result = place(verticalScale: verticalScale, extraGap: extraGap)
        // Sloped edges move their labels; where something collides, widen the gaps between
        // the columns involved (longer edges are flatter and keep labels closer), and every
        // other time spread the rows too.
        for attempt in 0..<12 {
            let layers = collidingLayers(result).union(result.crowdedLayers)
            if layers.isEmpty { break }
            for l in layers where l < extraGap.count { extraGap[l] += labelHeight * 1.5 }
            if attempt % 2 == 1 || layers.allSatisfy({ $0 >= extraGap.count }) { verticalScale *= 1.15 }
            result = place(verticalScale: verticalScale, extraGap: extraGap)
        }
        return result
    }

    // MARK: - Placement

    /// Half heights above and below the node centre, and the full width, including its annotation.
    private func footprint(_ v: Int) -> (above: Double, below: Double, width: Double) {
        guard let real = layering.vnodes[v].real else {
            return (labelHeight / 2, labelHeight / 2, 0)
        }
        let s = nodeSizes[real]
        var below = s.height / 2
        var width = s.width
        if let a = annotations[real] {
            below += Self.annotationGap + a.size.height
            width = max(width, a.size.width)
        }
        return (s.height / 2, below, width)
    }

    private func place(verticalScale: Double, extraGap: [Double]) -> Result {
        let vn = layering.vnodes
        let layers = layering.layers
        // Columns: wide enough for the widest node, gaps wide enough for the widest label.
        var layerWidth = [Double](repeating: 0, count: layers.count)
        for (l, layer) in layers.enumerated() {
            layerWidth[l] = layer.map { footprint($0).width }.max() ?? 0
        }
        var gap = (0..<max(0, layers.count - 1)).map { style.minimumLayerGap + extraGap[$0] }
        for (e, ends) in layering.edgeEnds.enumerated() {
            let l = vn[ends.source].layer
            guard l < gap.count else { continue }
            let widest = max(forwardLabels[e]?.size.width ?? 0, gradientLabels[e]?.size.width ?? 0)
            gap[l] = max(gap[l], widest + 4 * style.labelGap + style.arrowLength + 12 + extraGap[l])
        }
        var layerX = [Double](repeating: 0, count: layers.count)
        for l in 1..<max(1, layers.count) {
            layerX[l] = layerX[l - 1] + layerWidth[l - 1] / 2 + gap[l - 1] + layerWidth[l] / 2
        }

        // Rows: keep order, keep separation, pull nodes towards their neighbours (isotonic fit).
        let labelRoom = 2 * labelHeight + 3 * style.labelGap + style.gradientArrowOffset + 4
        let nodeGap = (style.minimumNodeGap + labelRoom) * verticalScale
        func separations(_ layer: [Int]) -> [Double] {
            zip(layer, layer.dropFirst()).map { a, b in
                let gapHere = (vn[a].real == nil && vn[b].real == nil) ? nodeGap * 0.6 : nodeGap
                return footprint(a).below + footprint(b).above + gapHere
            }
        }
        var y = [Double](repeating: 0, count: vn.count)
        for layer in layers {
            let seps = separations(layer)
            var acc = 0.0
            for (i, v) in layer.enumerated() {
                y[v] = acc
                if i < seps.count { acc += seps[i] }
            }
            for v in layer { y[v] -= acc / 2 }
        }
        func mean(_ vs: [Int]) -> Double? {
            vs.isEmpty ? nil : vs.map { y[$0] }.reduce(0, +) / Double(vs.count)
        }
        for round in 0..<8 {
            let downward = round % 2 == 0
            let order: [Int] = downward ? Array(0..<layers.count) : Array((0..<layers.count).reversed())
            for l in order {
                let layer = layers[l]
                let desired = layer.map { v -> Double in
                    let primary = downward ? layering.vPreds[v] : layering.vSuccs[v]
                    let secondary = downward ? layering.vSuccs[v] : layering.vPreds[v]
                    if round >= 6, let both = mean(primary + secondary) { return both }
                    return mean(primary) ?? mean(secondary) ?? y[v]
                }
                let placed = Self.isotonicPlacement(desired: desired, separations: separations(layer))
                for (v, value) in zip(layer, placed) { y[v] = value }
            }
        }

        // Geometry.
        var placedNodes: [DiagramLayout.PlacedNode] = []
        for i in 0..<diagram.nodes.count {
            let c = Point(x: layerX[vn[i].layer], y: y[i])
            let s = nodeSizes[i]
            let frame = Rect(x: c.x - s.width / 2, y: c.y - s.height / 2, width: s.width, height: s.height)
            let ls = labels[i].size
            let labelBox = Rect(x: c.x - ls.width / 2, y: c.y - ls.height / 2, width: ls.width, height: ls.height)
            let annotationBox = annotations[i].map { a in
                Rect(x: c.x - a.size.width / 2, y: frame.maxY + Self.annotationGap, width: a.size.width, height: a.size.height)
            }
            placedNodes.append(.init(index: i, frame: frame, shape: shapes[i], layer: vn[i].layer,
                                     labelBox: labelBox, annotationBox: annotationBox))
        }
        var routes: [[Point]] = []
        for (e, chain) in layering.chains.enumerated() {
            let (s, t) = layering.edgeEnds[e]
            var points = chain.map { Point(x: layerX[vn[$0].layer], y: y[$0]) }
            if points.count >= 2 {
                points[0] = boundaryPoint(of: placedNodes[s], toward: points[1])
                let last = points.count - 1
                points[last] = boundaryPoint(of: placedNodes[t], toward: points[last - 1])
            }
            routes.append(points)
        }
        // Labels sit at the middle of their edge unless that hits a node, another label or
        // another edge; then they slide along their edge to the first free position.
        // Nodes count a little larger so labels keep a visible distance from them.
        var obstacles: [Rect] = placedNodes.flatMap { n in
            [n.frame.insetBy(dx: -8, dy: -2)] + (n.annotationBox.map { [$0] } ?? [])
        }
        var placedEdges: [DiagramLayout.PlacedEdge] = []
        var crowded: Set<Int> = []
        for (e, points) in routes.enumerated() {
            let (s, t) = layering.edgeEnds[e]
            var best: DiagramLayout.PlacedEdge?
            var bestCost = Int.max
            for position in [0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78] {
                let candidate = edgeLabels(edge: e, source: s, target: t, points: points, at: position)
                let boxes = [candidate.forwardLabelBox, candidate.gradientLabelBox].compactMap { $0 }
                var cost = 0
                for box in boxes {
                    cost += 10 * obstacles.filter { $0.intersects(box) }.count
                    let inner = box.insetBy(dx: 1, dy: 1)
                    for (other, route) in routes.enumerated() where other != e {
                        for (a, b) in zip(route, route.dropFirst()) where DiagramGeometry.segment(a, b, intersects: inner) {
                            cost += 1
                        }
                    }
                }
                if cost < bestCost { bestCost = cost; best = candidate }
                if cost == 0 { break }
            }
            let chosen = best ?? edgeLabels(edge: e, source: s, target: t, points: points, at: 0.5)
            if bestCost >= 10 { crowded.insert(vn[s].layer) }
            // Labels keep a clear distance from each other, so neighbouring numbers never read as one.
            obstacles.append(contentsOf: [chosen.forwardLabelBox, chosen.gradientLabelBox].compactMap { $0?.insetBy(dx: -7, dy: -2) })
            placedEdges.append(chosen)
        }
        let realLayers = layers.map { $0.filter { vn[$0].real != nil } }
        var result = Self.normalised(nodes: placedNodes, edges: placedEdges, layers: realLayers, margin: style.margin)
        result.crowdedLayers = crowded
        return result
    }

    /// Labels and the backward arrow on the first segment of an edge.
    private func edgeLabels(edge e: Int, source: Int, target: Int, points: [Point], at position: Double) -> DiagramLayout.PlacedEdge {
        var placed = DiagramLayout.PlacedEdge(index: e, source: source, target: target, points: points,
                                              forwardLabelBox: nil, gradientLabelBox: nil)
        guard points.count >= 2 else { return placed }
        let p0 = points[0]
        var p1 = points[1]
        if points.count == 2 {
            // Leave the arrowhead free of labels.
            let dx = p1.x - p0.x, dy = p1.y - p0.y
            let length = max(1e-9, (dx * dx + dy * dy).squareRoot())
            let back = min(style.arrowLength, length / 3)
            p1 = Point(x: p1.x - dx / length * back, y: p1.y - dy / length * back)
        }
        let dx = p1.x - p0.x
        guard abs(dx) > 1e-9 else { return placed }
        func lineY(_ x: Double) -> Double {
            let t = min(1, max(0, (x - p0.x) / dx))
            return p0.y + t * (p1.y - p0.y)
        }
        let cx = p0.x + position * dx
        if let f = forwardLabels[e] {
            let w = f.size.width
            let lineTop = min(lineY(cx - w / 2), lineY(cx + w / 2))
            let top = lineTop - style.labelGap - f.ink.maxY
            placed.forwardLabelBox = Rect(x: cx - w / 2, y: top, width: w, height: f.size.height)
        }
        if let g = gradientLabels[e] {
            let w = g.size.width
            let lineBottom = max(lineY(cx - w / 2), lineY(cx + w / 2))
            var below = lineBottom + style.labelGap
            if style.drawsGradientArrows {
                let offset = style.gradientArrowOffset
                let segment = abs(dx)
                let half = min(max(w, segment * 0.45), segment * 0.8) / 2
                let sign: Double = dx > 0 ? 1 : -1
                let tail = Point(x: cx + sign * half, y: lineY(cx + sign * half) + offset)
                let tip = Point(x: cx - sign * half, y: lineY(cx - sign * half) + offset)
                placed.gradientArrowTail = tail
                placed.gradientArrowTip = tip
                below = max(lineY(cx - w / 2), lineY(cx + w / 2)) + offset + style.arrowWidth * 0.35 + style.labelGap
            }
            let top = below - g.ink.minY
            placed.gradientLabelBox = Rect(x: cx - w / 2, y: top, width: w, height: g.size.height)
        }
        return placed
    }

    /// Where a ray from the node's centre towards `point` leaves the node's outline.
    private func boundaryPoint(of node: DiagramLayout.PlacedNode, toward point: Point) -> Point {
        let c = node.center
        let dx = point.x - c.x, dy = point.y - c.y
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > 1e-12 else { return c }
        let ux = dx / length, uy = dy / length
        let hw = node.frame.width / 2, hh = node.frame.height / 2
        switch node.shape {
        case .circle:
            return Point(x: c.x + ux * hw, y: c.y + uy * hw)
        case .capsule:
            // Straight top/bottom of half-length a, round ends of radius hh.
            let r = hh, a = max(0, hw - hh)
            if abs(uy) > 1e-12 {
                let t = r / abs(uy)
                if abs(t * ux) <= a { return Point(x: c.x + t * ux, y: c.y + t * uy) }
            }
            let ex = ux >= 0 ? a : -a
            // |t·u − (ex, 0)| = r  →  t² − 2t·ux·ex + ex² − r² = 0
            let b = ux * ex
            let t = b + (b * b - ex * ex + r * r).squareRoot()
            return Point(x: c.x + t * ux, y: c.y + t * uy)
        case .text, .roundedBox, .outputBox:
            let tx = abs(ux) > 1e-12 ? hw / abs(ux) : Double.infinity
            let ty = abs(uy) > 1e-12 ? hh / abs(uy) : Double.infinity
            let t = min(tx, ty)
            return Point(x: c.x + t * ux, y: c.y + t * uy)
        }
    }

    /// Positions closest (least squares) to `desired` that keep order and minimum separations:
    /// pool-adjacent-violators on the positions minus the cumulative separations.
    static func isotonicPlacement(desired: [Double], separations: [Double]) -> [Double] {
        guard !desired.isEmpty else { return [] }
        var offsets = [0.0]
        for s in separations { offsets.append((offsets.last ?? 0) + s) }
        var blocks: [(sum: Double, count: Int)] = []
        for (d, o) in zip(desired, offsets) {
            blocks.append((d - o, 1))
            while blocks.count >= 2 {
                let last = blocks[blocks.count - 1], prev = blocks[blocks.count - 2]
                guard prev.sum / Double(prev.count) > last.sum / Double(last.count) else { break }
                blocks.removeLast(2)
                blocks.append((prev.sum + last.sum, prev.count + last.count))
            }
        }
        var z: [Double] = []
        for b in blocks { z.append(contentsOf: repeatElement(b.sum / Double(b.count), count: b.count)) }
        return zip(z, offsets).map { $0 + $1 }
    }

    // MARK: - Collisions and bounds

    /// The layers (left columns of gaps) where two boxes overlap: a node's layer, or for an
    /// edge label the layer of the edge's source. Empty when nothing overlaps.
    private func collidingLayers(_ r: Result) -> Set<Int> {
        var boxes: [(Rect, Int)] = []
        for n in r.nodes {
            boxes.append((n.frame, n.layer))
            if let a = n.annotationBox { boxes.append((a, n.layer)) }
        }
        for e in r.edges {
            let layer = r.nodes[e.source].layer
            for box in [e.forwardLabelBox, e.gradientLabelBox].compactMap({ $0 }) { boxes.append((box, layer)) }
        }
        var layers: Set<Int> = []
        for i in 0..<boxes.count {
            // A little clearance, so that neighbouring texts never touch.
            let a = boxes[i].0.insetBy(dx: -1.5, dy: -1.5)
            for j in (i + 1)..<max(i + 1, boxes.count) where a.intersects(boxes[j].0.insetBy(dx: -1.5, dy: -1.5)) {
                layers.insert(boxes[i].1); layers.insert(boxes[j].1)
            }
        }
        return layers
    }

    /// Moves everything so the top-left of the drawing sits at the margin; sizes the canvas.
    private static func normalised(nodes: [DiagramLayout.PlacedNode], edges: [DiagramLayout.PlacedEdge],
                                   layers: [[Int]], margin: Double) -> Result {
        var bounds: Rect?
        func include(_ r: Rect) { bounds = bounds.map { $0.union(r) } ?? r }
        for n in nodes { include(n.frame); n.annotationBox.map(include) }
        for e in edges {
            for p in e.points { include(Rect(origin: p, size: Size(width: 0, height: 0))) }
            e.forwardLabelBox.map(include); e.gradientLabelBox.map(include)
        }
        let b = bounds ?? Rect(x: 0, y: 0, width: 0, height: 0)
        let dx = margin - b.minX, dy = margin - b.minY
        func shift(_ p: Point) -> Point { Point(x: p.x + dx, y: p.y + dy) }
        func shift(_ r: Rect) -> Rect { Rect(origin: shift(r.origin), size: r.size) }
        let movedNodes = nodes.map { n -> DiagramLayout.PlacedNode in
            var m = n
            m.frame = shift(n.frame); m.labelBox = shift(n.labelBox); m.annotationBox = n.annotationBox.map(shift)
            return m
        }
        let movedEdges = edges.map { e -> DiagramLayout.PlacedEdge in
            var m = e
            m.points = e.points.map(shift)
            m.forwardLabelBox = e.forwardLabelBox.map(shift)
            m.gradientLabelBox = e.gradientLabelBox.map(shift)
            m.gradientArrowTail = e.gradientArrowTail.map(shift)
            m.gradientArrowTip = e.gradientArrowTip.map(shift)
            return m
        }
        let size = Size(width: (b.width + 2 * margin).rounded(.up), height: (b.height + 2 * margin).rounded(.up))
        return Result(size: size, nodes: movedNodes, edges: movedEdges, layers: layers)
    }
}

extension DiagramStyle {
    /// The text style of a node's label.
    static func textStyle(for kind: GraphDiagram.NodeKind, in style: DiagramStyle) -> TextStyle {
        switch kind {
        case .operation: return style.operatorText
        case .constant:
            var t = style.nodeText
            t.color = style.constantTextColor
            return t
        case .output:
            var t = style.nodeText
            t.weight = .bold
            return t
        case .input, .parameter: return style.nodeText
        }
    }
}

/// Small geometric predicates shared by layout, drawing and tests.
public enum DiagramGeometry {
    /// Whether the segment from `a` to `b` passes through the interior of `rect` (Liang–Barsky clipping).
    public static func segment(_ a: Point, _ b: Point, intersects rect: Rect) -> Bool {
        var t0 = 0.0, t1 = 1.0
        let dx = b.x - a.x, dy = b.y - a.y
        let checks: [(Double, Double)] = [(-dx, a.x - rect.minX), (dx, rect.maxX - a.x),
                                          (-dy, a.y - rect.minY), (dy, rect.maxY - a.y)]
        for (p, q) in checks {
            if p == 0 {
                if q <= 0 { return false }
            } else {
                let r = q / p
                if p < 0 { if r > t1 { return false }; if r > t0 { t0 = r } }
                else { if r < t0 { return false }; if r < t1 { t1 = r } }
            }
        }
        return t0 < t1
    }
}
