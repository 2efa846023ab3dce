import Frameplot

/// Prints the animation benchmark figures.
func runAnimationBenchmarks() {
    print("animation: no benchmarks yet")
}
