import Foundation
import Testing
@testable import FrameplotModel

@Suite("Computation graph")
struct ComputationGraphTests {
    @Test func shoppingExampleValuesAndGradients() throws {
        var g = ComputationGraph.shoppingExample()
        g.forward()
        g.backward()
        let total = try #require(g.node(named: "total"))
        #expect(abs(total.value.scalar - 1026) < 1e-9)   // (500 + 450) · 1.08
        func grad(_ name: String) -> Double { g.node(named: name)?.gradient.scalar ?? .nan }
        #expect(abs(grad("apple price") - 5.4) < 1e-12)   // count · tax
        #expect(abs(grad("apple count") - 108) < 1e-12)   // price · tax
        #expect(abs(grad("orange price") - 3.24) < 1e-12)
        #expect(abs(grad("orange count") - 162) < 1e-12)
        // ∂total/∂tax is the pre-tax sum 100·5 + 150·3 = 950 (650 would need 2 apples).
        #expect(abs(grad("tax") - 950) < 1e-12)
        #expect(g.nodes.map(\.label) == ["apple price", "apple count", "orange price", "orange count", "tax", "×", "×", "+", "×", "total"])
        #expect(g.nodes.map(\.kind) == [.input, .input, .input, .input, .input, .operation, .operation, .operation, .operation, .output])
        #expect(g.nodes[7].inputs == [5, 6])
        #expect(g.nodes[8].inputs == [7, 4])
        // Add passes the gradient through; multiply multiplies by the other input.
        #expect(abs(g.nodes[5].gradient.scalar - 1.08) < 1e-15)
        #expect(abs(g.nodes[6].gradient.scalar - 1.08) < 1e-15)
        // Events: forward in node order, then backward in reverse order.
        let forward = g.events.compactMap { if case let .forward(n) = $0 { return n } else { return nil } }
        let backward = g.events.compactMap { if case let .backward(n) = $0 { return n } else { return nil } }
        #expect(forward == Array(0...9))
        #expect(backward == Array((0...9).reversed()))
        #expect(g.consumers(of: 4) == [8])
    }

    /// Central-difference check of every leaf gradient of a graph.
    func checkLeafGradients(_ graph: ComputationGraph, tolerance: Double = 1e-6) {
        var g = graph
        g.forward()
        g.backward()
        guard let result = g.resultID else { Issue.record("no result"); return }
        for node in g.nodes where node.operation == nil && node.kind != .constant {
            for j in node.value.values.indices {
                var plus = g, minus = g
                let h = 1e-6 * max(1, abs(node.value.values[j]))
                var vp = node.value, vm = node.value
                vp.values[j] += h
                vm.values[j] -= h
                try? plus.setValue(vp, of: node.id)
                try? minus.setValue(vm, of: node.id)
                plus.forward()
                minus.forward()
                let numeric = (plus.nodes[result].value.scalar - minus.nodes[result].value.scalar) / (2 * h)
                let analytic = node.gradient.values[j]
                let relative = abs(numeric - analytic) / max(1e-8, abs(numeric) + abs(analytic))
                #expect(relative < tolerance, "\(node.label)[\(j)]: numeric \(numeric) analytic \(analytic)")
            }
        }
    }

    @Test func logisticNeuronGradientsMatchNumericAndTrainingLowersLoss() throws {
        let x = Matrix(rows: 3, cols: 2, values: [1, 2, -1, 0.5, 0.3, -2])
        var g = try ComputationGraph.logisticNeuron(features: x, targets: [1, 0, 1], weights: [0.5, -0.25], bias: 0.1)
        checkLeafGradients(g)
        #expect(g.nodes.map(\.label) == ["x", "w", "b", "affine", "σ", "t", "CE", "loss"])
        g.forward()
        let before = g.node(named: "loss")?.value.scalar ?? .nan
        for _ in 0..<20 {
            g.forward(); g.backward(); g.applyGradientStep(learningRate: 0.5)
        }
        g.forward()
        let after = g.node(named: "loss")?.value.scalar ?? .nan
        #expect(after < before)
        // Closed-form check: ∂CE/∂a = (σ(a) − t)/n for the first step.
        var fresh = try ComputationGraph.logisticNeuron(features: x, targets: [1, 0, 1], weights: [0.5, -0.25], bias: 0.1)
        fresh.forward(); fresh.backward()
        let y = fresh.nodes[4].value.values
        for (i, t) in [1.0, 0, 1].enumerated() {
            #expect(abs(fresh.nodes[3].gradient.values[i] - (y[i] - t) / 3) < 1e-12)
        }
    }

    @Test func twoLayerNetworkAndOtherOperationsPassTheGradientCheck() throws {
        var rng = SeededGenerator(seed: 3)
        let x = Matrix(rows: 4, cols: 2, values: (0..<8).map { _ in rng.nextNormal() })
        let t = Matrix(rows: 4, cols: 3, values: [1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0])
        checkLeafGradients(try ComputationGraph.twoLayerNetwork(features: x, oneHotTargets: t, hiddenUnits: 3, using: &rng))

        var g = ComputationGraph()
        let a = g.parameter("a", Matrix(rows: 2, cols: 2, values: [0.3, -0.7, 1.2, 0.4]))
        let b = g.parameter("b", Matrix(rows: 2, cols: 2, values: [0.5, 0.1, -0.2, 0.9]))
        let s = g.parameter("s", Matrix(scalar: 1.5))
        let prod = try g.matrixProduct(a, b)
        let th = try g.tanh(prod)
        let r = try g.relu(try g.add(th, b))
        let scaled = try g.multiply(s, r)
        let p = try g.softmax(scaled)
        let target = g.constant("t", Matrix(rows: 2, cols: 2, values: [0, 1, 1, 0]))
        try g.output("loss", of: try g.crossEntropy(p, target))
        checkLeafGradients(g)
    }

    @Test func shapeErrorsAreTyped() {
        var g = ComputationGraph()
        let a = g.input("a", Matrix(rows: 2, cols: 3))
        let b = g.input("b", Matrix(rows: 2, cols: 2))
        #expect(throws: ComputationGraphError.shapeMismatch(operation: "matrixProduct", shapes: ["2×3", "2×2"])) {
            try g.matrixProduct(a, b)
        }
        #expect(throws: ComputationGraphError.unknownNode(id: 9)) { try g.sigmoid(9) }
        #expect(throws: ComputationGraphError.self) { try g.add(a, b) }
    }
}
