import Testing
import FrameplotModel
@testable import FrameplotAnimation

@Suite("Render identity") struct RenderIdentityTests {
    func identity(_ build: (inout RenderIdentityHasher) -> Void) -> RenderIdentity {
        var hasher = RenderIdentityHasher(kind: "test")
        build(&hasher)
        return hasher.finalize()
    }

    @Test func stableAcrossRunsAndMachines() {
        // A fixed value: the encoding and the mixing must never change silently, or every
        // user's frames would be redrawn (and a weaker change could reuse wrong frames).
        let id = identity { $0.combine("lr", 0.03); $0.combine("theme", "dark"); $0.combine("steps", 200) }
        #expect(id.hex == "62ea85825ec4c0aa9dd64c435fe42dd9")
        #expect(id == identity { $0.combine("lr", 0.03); $0.combine("theme", "dark"); $0.combine("steps", 200) })
        #expect(RenderIdentity(hex: id.hex) == id)
    }

    @Test func everyChangeChangesTheIdentity() {
        let base = identity { $0.combine("a", "bc") }
        #expect(identity { $0.combine("ab", "c") } != base)
        #expect(identity { $0.combine("a", "bd") } != base)
        #expect(identity { $0.combine("x", 0.0) } != identity { $0.combine("x", -0.0) })
        #expect(identity { $0.combine("x", 1) } != identity { $0.combine("x", 1.0) })
        let bytes: [UInt8] = Array(0..<100)
        var changed = bytes; changed[57] ^= 1
        #expect(identity { $0.combine("f", bytes: bytes) } != identity { $0.combine("f", bytes: changed) })
        // Byte-by-byte and word-at-a-time paths agree: a leading odd-length value shifts alignment.
        let odd = identity { $0.combine("p", "xyz"); $0.combine("f", bytes: bytes) }
        #expect(odd == identity { $0.combine("p", "xyz"); $0.combine("f", bytes: bytes) })
        #expect(identity { $0.combine("n", nil as String?) } != identity { $0.combine("n", "") })
    }

    @Test func runContentsAreHashed() {
        let steps = [TrainingStep(step: 0, epoch: 0, parameters: [0, 0], loss: 2),
                     TrainingStep(step: 1, epoch: 0, parameters: [0.5, 1], loss: 1, metrics: ["accuracy": 0.5])]
        let run = RecordedRun(parameterNames: ["a", "b"], metricNames: ["accuracy"], steps: steps)
        var movedSteps = steps; movedSteps[1].parameters[1] = 1.0000001
        let moved = RecordedRun(parameterNames: ["a", "b"], metricNames: ["accuracy"], steps: movedSteps)
        var renamed = run; renamed.parameterNames = ["w0", "w1"]
        var metricSteps = steps; metricSteps[1].metrics["accuracy"] = 0.75
        let metric = RecordedRun(parameterNames: ["a", "b"], metricNames: ["accuracy"], steps: metricSteps)
        let ids = [run, moved, renamed, metric].map { r in identity { $0.combine("run", run: r) } }
        #expect(Set(ids).count == 4)
    }

    @Test func rejectsMalformedHex() {
        #expect(RenderIdentity(hex: "xyz") == nil)
        #expect(RenderIdentity(hex: String(repeating: "A", count: 32)) == nil)
        #expect(RenderIdentity(hex: String(repeating: "0", count: 32)) != nil)
    }
}
