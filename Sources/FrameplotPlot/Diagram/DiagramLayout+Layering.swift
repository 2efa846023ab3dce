/// The graph part of the layout: validation, layers, virtual nodes for long edges and the
/// ordering within layers (barycenter sweeps). Pure integer work, no geometry.
struct DiagramLayering {
    /// A node of the layered graph: a real diagram node or a point where a long edge
    /// passes through an intermediate layer.
    struct VirtualNode {
        var layer: Int
        /// The diagram node, or nil for a pass-through point.
        var real: Int?
    }

    let nodeCount: Int
    /// For each diagram edge, its (source, target) node indices.
    let edgeEnds: [(source: Int, target: Int)]
    let preds: [[Int]]
    let succs: [[Int]]
    /// Diagram nodes in an order where every edge goes forward.
    let topologicalOrder: [Int]

    private(set) var vnodes: [VirtualNode] = []
    /// Virtual nodes from source to target, per diagram edge.
    private(set) var chains: [[Int]] = []
    private(set) var vPreds: [[Int]] = []
    private(set) var vSuccs: [[Int]] = []
    /// Virtual node indices per layer, in their final top-to-bottom order.
    private(set) var layers: [[Int]] = []

    init(_ diagram: GraphDiagram) throws {
        guard !diagram.nodes.isEmpty else { throw DiagramError.empty }
        var index: [String: Int] = [:]
        for (i, node) in diagram.nodes.enumerated() {
            guard index[node.id] == nil else { throw DiagramError.duplicateNode(id: node.id) }
            index[node.id] = i
        }
        let n = diagram.nodes.count
        var ends: [(source: Int, target: Int)] = []
        var preds = [[Int]](repeating: [], count: n)
        var succs = [[Int]](repeating: [], count: n)
        for edge in diagram.edges {
            guard let s = index[edge.from] else { throw DiagramError.unknownNode(id: edge.from) }
            guard let t = index[edge.to] else { throw DiagramError.unknownNode(id: edge.to) }
            if s == t { throw DiagramError.cycle(through: edge.from) }
            ends.append((s, t))
            preds[t].append(s)
            succs[s].append(t)
        }
        // Kahn's algorithm; nodes that never become free lie on a cycle.
        var indegree = preds.map(\.count)
        var ready = (0..<n).filter { indegree[$0] == 0 }
        var order: [Int] = []
        var cursor = 0
        while cursor < ready.count {
            let v = ready[cursor]; cursor += 1
            order.append(v)
            for s in succs[v] {
                indegree[s] -= 1
                if indegree[s] == 0 { ready.append(s) }
            }
        }
        if order.count < n, let stuck = (0..<n).first(where: { indegree[$0] > 0 }) {
            throw DiagramError.cycle(through: diagram.nodes[stuck].id)
        }
        self.nodeCount = n
        self.edgeEnds = ends
        self.preds = preds
        self.succs = succs
        self.topologicalOrder = order
        buildVirtualGraph(layers: assignLayers())
        orderLayers()
    }

    /// Longest path from the sources, then every source moved right next to its first
    /// consumer, so that inputs such as a tax rate sit beside the operation that uses them.
    func assignLayers() -> [Int] {
        var layer = [Int](repeating: 0, count: nodeCount)
        for v in topologicalOrder {
            for p in preds[v] { layer[v] = max(layer[v], layer[p] + 1) }
        }
        for v in topologicalOrder.reversed() where preds[v].isEmpty {
            if let first = succs[v].map({ layer[$0] }).min() { layer[v] = max(layer[v], first - 1) }
        }
        let lowest = layer.min() ?? 0
        return layer.map { $0 - lowest }
    }

    private mutating func buildVirtualGraph(layers layerOf: [Int]) {
        vnodes = (0..<nodeCount).map { VirtualNode(layer: layerOf[$0], real: $0) }
        vPreds = [[Int]](repeating: [], count: nodeCount)
        vSuccs = [[Int]](repeating: [], count: nodeCount)
        chains = []
        for (s, t) in edgeEnds {
            var chain = [s]
            var previous = s
            for layer in (layerOf[s] + 1)..<max(layerOf[s] + 1, layerOf[t]) {
                vnodes.append(VirtualNode(layer: layer, real: nil))
                vPreds.append([]); vSuccs.append([])
                let dummy = vnodes.count - 1
                vSuccs[previous].append(dummy); vPreds[dummy].append(previous)
                chain.append(dummy)
                previous = dummy
            }
            vSuccs[previous].append(t); vPreds[t].append(previous)
            chain.append(t)
            chains.append(chain)
        }
        let layerCount = (vnodes.map(\.layer).max() ?? 0) + 1
        layers = [[Int]](repeating: [], count: layerCount)
        for (v, node) in vnodes.enumerated() { layers[node.layer].append(v) }
    }

    /// Barycenter sweeps (down then up, a dozen times), keeping the ordering with the fewest crossings.
    private mutating func orderLayers() {
        guard layers.count > 1 else { return }
        var best = layers
        var bestCrossings = crossings(layers)
        var current = layers
        for sweep in 0..<12 where bestCrossings > 0 {
            let downward = sweep % 2 == 0
            let range: [Int] = downward ? Array(1..<current.count) : Array((0..<(current.count - 1)).reversed())
            for l in range {
                let neighbourLayer = current[downward ? l - 1 : l + 1]
                var position: [Int: Int] = [:]
                for (i, v) in neighbourLayer.enumerated() { position[v] = i }
                let keyed = current[l].enumerated().map { (i, v) -> (Double, Int, Int) in
                    let neighbours = downward ? vPreds[v] : vSuccs[v]
                    let ps = neighbours.compactMap { position[$0] }
                    let scale = Double(max(1, neighbourLayer.count)) / Double(max(1, current[l].count))
                    let bary = ps.isEmpty ? Double(i) * scale : Double(ps.reduce(0, +)) / Double(ps.count)
                    return (bary, i, v)
                }
                current[l] = keyed.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
            }
            let c = crossings(current)
            if c < bestCrossings { bestCrossings = c; best = current }
        }
        layers = best
    }

    /// The number of pairs of edges that cross between adjacent layers.
    func crossings(_ layers: [[Int]]) -> Int {
        var total = 0
        for l in 0..<(layers.count - 1) {
            var position: [Int: Int] = [:]
            for (i, v) in layers[l].enumerated() { position[v] = i }
            for (i, v) in layers[l + 1].enumerated() { position[v] = i }
            var pairs: [(Int, Int)] = []
            for u in layers[l] {
                for v in vSuccs[u] { if let a = position[u], let b = position[v] { pairs.append((a, b)) } }
            }
            for i in 0..<pairs.count {
                for j in (i + 1)..<max(i + 1, pairs.count) {
                    if (pairs[i].0 - pairs[j].0) * (pairs[i].1 - pairs[j].1) < 0 { total += 1 }
                }
            }
        }
        return total
    }

    /// The crossing count of the final ordering.
    var crossingCount: Int { crossings(layers) }
}
