// frameplot-bench: prints performance figures (never a pass/fail test).
// Usage: frameplot-bench [canvas|model|animation|all]
import Frameplot

let which = CommandLine.arguments.dropFirst().first ?? "all"
switch which {
case "canvas": runCanvasBenchmarks()
case "model": runModelBenchmarks()
case "animation": runAnimationBenchmarks()
case "all":
    runCanvasBenchmarks()
    runModelBenchmarks()
    runAnimationBenchmarks()
default:
    print("usage: frameplot-bench [canvas|model|animation|all]")
}
