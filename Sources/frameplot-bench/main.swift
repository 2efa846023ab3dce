// frameplot-bench: prints performance figures (never a pass/fail test).
// Usage: frameplot-bench [canvas|model|animation|plotcore|race|figures|all]
import Frameplot

let which = CommandLine.arguments.dropFirst().first ?? "all"
switch which {
case "canvas": runCanvasBenchmarks()
case "model": runModelBenchmarks()
case "animation": runAnimationBenchmarks()
case "plotcore": runPlotCoreBenchmarks()
case "race": runRaceBenchmarks()
case "figures": runFigureBenchmarks()
case "all":
    runCanvasBenchmarks()
    runModelBenchmarks()
    runAnimationBenchmarks()
    runPlotCoreBenchmarks()
    runRaceBenchmarks()
    runFigureBenchmarks()
default:
    print("usage: frameplot-bench [canvas|model|animation|plotcore|race|figures|all]")
}
