import FrameplotCanvas
import FrameplotModel
import FrameplotPlot
import Testing
@testable import FrameplotScenes

@Suite("Backprop trace and diagram")
struct BackpropTraceTests {
    @Test("the shopping trace carries the graph's own values and gradients")
    func shoppingValues() throws {
        let trace = BackpropTrace.shopping()
        var graph = ComputationGraph.shoppingExample()
        graph.forward(); graph.backward()
        #expect(trace.nodes.count == graph.nodes.count)
        for (t, g) in zip(trace.nodes, graph.nodes) {
            #expect(t.label == g.label)
            #expect(t.value == g.value.values)
            #expect(t.gradient == g.gradient.values)
            #expect(t.inputs == g.inputs.map { String($0) })
        }
        let apple = try #require(trace.node(labelled: "apple price"))
        #expect(abs((apple.gradient?.first ?? 0) - 5.4) < 1e-12)
        #expect(trace.outputLabel == "total")
        #expect(trace.events.count == graph.events.count)
    }

    @Test("diagram edges: forward label = source value, gradient label = source gradient")
    func edgeLabels() throws {
        let trace = BackpropTrace.shopping()
        let diagram = trace.diagram()
        #expect(diagram.nodes.count == trace.nodes.count, "the graph's own output node is reused")
        let edgeCount = trace.nodes.reduce(0) { $0 + $1.inputs.count }
        #expect(diagram.edges.count == edgeCount)
        for edge in diagram.edges {
            let source = try #require(trace.node(edge.from))
            #expect(edge.forwardLabel == DiagramNumberFormat.compact(source.value[0]))
            #expect(edge.gradientLabel == source.gradient.map { DiagramNumberFormat.compact($0[0]) })
        }
        let appleID = try #require(trace.node(labelled: "apple price")?.id)
        let appleEdge = try #require(diagram.edges.first { $0.from == appleID })
        #expect(appleEdge.forwardLabel == "100" && appleEdge.gradientLabel == "5.4")
        let totalEdge = try #require(diagram.edges.first { $0.to == trace.nodes.last?.id })
        #expect(totalEdge.forwardLabel == "1026" && totalEdge.gradientLabel == "1")
    }

    @Test("logistic neuron: update annotations, no gradient on the target, values match the graph")
    func logistic() throws {
        let trace = try BackpropTrace.logisticNeuron(learningRate: 0.5)
        var graph = try ComputationGraph.logisticNeuron(features: Matrix(rows: 1, cols: 2, values: [1.5, 2]),
                                                        targets: [1], weights: [0.5, -0.3], bias: 0.2)
        graph.forward(); graph.backward()
        let w = try #require(trace.node(labelled: "w"))
        let gw = try #require(graph.node(named: "w"))
        #expect(w.gradient == gw.gradient.values)
        let updated = try #require(w.updatedValue)
        for (u, (v, g)) in zip(updated, zip(gw.value.values, gw.gradient.values)) { #expect(abs(u - (v - 0.5 * g)) < 1e-15) }
        #expect(trace.node(labelled: "t")?.gradient == nil)
        // σ'(a) chain: ∂L/∂a = y − t for sigmoid + cross-entropy.
        let sigma = try #require(trace.node(labelled: "σ"))
        let affine = try #require(trace.node(labelled: "affine"))
        #expect(abs((affine.gradient?[0] ?? 0) - (sigma.value[0] - 1)) < 1e-12)
        let diagram = trace.diagram()
        let wNode = try #require(diagram.nodes.first { $0.label == "<i>w</i>" })
        #expect(wNode.annotation == "<i>w</i> ← " + BackpropTrace.format(updated, rows: 2, cols: 1))
        #expect(BackpropTrace.displayLabel("W1", kind: .parameter) == "<i>W</i><sub>1</sub>")
        #expect(BackpropTrace.displayLabel("a<b", kind: .input) == "a&lt;b")
        #expect(BackpropTrace.displayLabel("σ", kind: .operation) == "σ")
        #expect(trace.events.filter { if case .update = $0 { return true } else { return false } }.count == 2)
    }

    @Test("matrix labels")
    func matrixFormat() {
        #expect(BackpropTrace.format([1.5, 2], rows: 1, cols: 2) == "[1.5, 2]")
        #expect(BackpropTrace.format([0.5, -0.3], rows: 2, cols: 1) == "[0.5, \u{2212}0.3]ᵀ")
        #expect(BackpropTrace.format([1, 2, 3, 4], rows: 2, cols: 2) == "[1, 2; 3, 4]")
        #expect(BackpropTrace.format(Array(repeating: 0, count: 6), rows: 3, cols: 2) == "3×2")
        #expect(BackpropTrace.format([5.4], rows: 1, cols: 1) == "5.4")
    }

    @Test("reveal follows the events: forward values first, gradients after the backward step of their source")
    func revealOrder() throws {
        let trace = BackpropTrace.shopping()
        let diagram = trace.diagram()
        let none = trace.reveal(afterEvents: 0, in: diagram)
        #expect(none.forwardEdges.isEmpty && none.gradientEdges.isEmpty && none.highlightedNodes.isEmpty)
        let forwardCount = trace.events.filter { if case .forward = $0 { return true } else { return false } }.count
        let afterForward = trace.reveal(afterEvents: forwardCount, in: diagram)
        #expect(afterForward.forwardEdges == Set(diagram.edges.indices))
        #expect(afterForward.gradientEdges.isEmpty)
        let all = trace.reveal(afterEvents: trace.events.count, in: diagram, highlightLast: false)
        #expect(all.forwardEdges == Set(diagram.edges.indices))
        #expect(all.gradientEdges == Set(diagram.edges.indices))
        // Monotone: nothing disappears from one event to the next.
        var previous = none
        for k in 1...trace.events.count {
            let r = trace.reveal(afterEvents: k, in: diagram)
            #expect(previous.forwardEdges.isSubset(of: r.forwardEdges) && previous.gradientEdges.isSubset(of: r.gradientEdges))
            #expect(r.highlightedNodes.count == 1)
            previous = r
        }
    }

    @Test("a huge or tiny --lr reads as a number in the title, not as markup")
    func learningRateInTitle() throws {
        #expect(try BackpropTrace.logisticNeuron(learningRate: 1e300).title.hasSuffix("(η = 10³⁰⁰)"))
        #expect(try BackpropTrace.logisticNeuron(learningRate: 1.5e-7).title.hasSuffix("(η = 1.5×10⁻⁷)"))
        #expect(try BackpropTrace.logisticNeuron().title.hasSuffix("(η = 0.5)"))
        for rate in [1e300, 1e-300, 123456.0, 0.5] {
            let title = try BackpropTrace.logisticNeuron(learningRate: rate).title
            #expect(!title.contains("<") && !title.contains(">"), "\(title)")
        }
    }
}
