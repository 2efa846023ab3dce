import Frameplot

/// Prints the canvas benchmark figures.
func runCanvasBenchmarks() {
    print("canvas: no benchmarks yet")
}
