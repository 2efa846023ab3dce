import FrameplotCanvas
import FrameplotModel
import FrameplotPlot

extension Gallery {
    /// (5) The learning curve of the height/weight gradient-descent run (seed 002:
    /// w = [2, −1], learning rate 0.01, 200 iterations on centred data), log y.
    static func learningCurve(_ base: Figure) throws -> Figure {
        var fig = base
        let history = try ReferenceRuns.heightWeightHistory()
        var axes = Axes()
        axes.x.label = "繰り返し回数"
        axes.y = AxisSpec(label: "損失関数値", scale: .log10)
        axes.learningCurve(history.losses, iterations: history.steps.map { Double($0.step) }, width: 2,
                           label: "訓練データの損失")
        axes.title = "学習曲線"
        fig.axes = axes
        return fig
    }
}
