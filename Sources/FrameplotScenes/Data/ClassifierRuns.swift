import FrameplotAnimation
import FrameplotModel

/// Conversions of classifier runs: standardised parameters back to the user's units, and the
/// accuracy of a history that does not carry it.
enum ClassifierRuns {
    /// Every state's parameters passed through `transform` (names, losses and metrics kept).
    static func converted(_ run: RecordedRun, _ transform: ([Double]) -> [Double]) -> RecordedRun {
        run.mappingStates { $0.parameters = transform($0.parameters) }
    }

    /// An affine map [b, w1…wd] learnt on standardised inputs z = (x − m)/s, rewritten for x:
    /// b + Σ wᵢ zᵢ = (b − Σ wᵢ mᵢ/sᵢ) + Σ (wᵢ/sᵢ) xᵢ.
    static func userUnits(affine weights: ArraySlice<Double>, standardizer: Standardizer) -> [Double] {
        let first = weights.startIndex
        var bias = weights[first]
        var out = [0.0]
        for i in standardizer.means.indices where first + 1 + i < weights.endIndex {
            let w = weights[first + 1 + i] / standardizer.scales[i]
            bias -= w * standardizer.means[i]
            out.append(w)
        }
        out[0] = bias
        return out
    }

    static func userUnits(affine weights: [Double], standardizer: Standardizer) -> [Double] {
        userUnits(affine: weights[...], standardizer: standardizer)
    }

    /// `run` with an `accuracy` metric at every state: the history's own where it has one,
    /// `accuracy(parameters)` where it does not.
    static func withAccuracy(_ run: RecordedRun, _ accuracy: ([Double]) -> Double?) -> RecordedRun {
        let names = run.metricNames.contains("accuracy") ? run.metricNames : run.metricNames + ["accuracy"]
        return run.mappingStates(metricNames: names) { state in
            if state.metrics["accuracy"] == nil, let value = accuracy(state.parameters) { state.metrics["accuracy"] = value }
        }
    }
}
