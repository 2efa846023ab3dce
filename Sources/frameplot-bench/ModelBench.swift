import Frameplot

/// Prints the model benchmark figures.
func runModelBenchmarks() {
    print("model: no benchmarks yet")
}
