import FrameplotAnimation
import FrameplotModel

/// Every optimizer's points, losses and step positions over all frames of a race, as
/// columns: a frame's paths are prefixes of them, instead of a walk over every earlier state
/// (which made a race of 20,000 recorded states take minutes before its first frame).
///
/// ```swift
/// let columns = RacePathColumns(run: drawn, recorded: tracks.run, timeline: timeline, trackCount: 6)
/// let gd = columns.path(0, throughFrame: 40)   // xs, ys, losses and steps of frames 0…40
/// ```
struct RacePathColumns: Sendable {
    private var xs: [[Double]] = []
    private var ys: [[Double]] = []
    private var losses: [[Double]] = []
    /// The frames each track is drawn for: up to its first missing point (where it diverged).
    private var lengths: [Int] = []
    /// The step (fractional between recorded states) each frame shows on the loss axis.
    private let steps: [Double]

    /// - Parameters:
    ///   - run: the states drawn, one per frame (the recorded run, or its tweened states).
    ///   - recorded: the recorded states, whose steps the frames' positions interpolate.
    init(run: RecordedRun, recorded: RecordedRun, timeline: FrameTimeline, trackCount: Int) {
        for k in 0..<trackCount {
            var x: [Double] = [], y: [Double] = [], loss: [Double] = []
            for state in run.steps {
                guard let p = RaceTracks.point(state, k) else { break }
                x.append(p.x); y.append(p.y); loss.append(p.loss)
            }
            lengths.append(x.count)
            xs.append(x); ys.append(y); losses.append(loss)
        }
        steps = (0..<run.steps.count).map { frame in
            let (k, t) = timeline.position(ofFrame: frame)
            let here = Double(recorded.steps[k].step)
            guard t > 0, k + 1 < recorded.steps.count else { return here }
            return here + (Double(recorded.steps[k + 1].step) - here) * t
        }
    }

    /// Track `k`'s path as drawn in frame `frame`: its points of frames 0 through `frame`, up
    /// to its first missing one.
    func path(_ k: Int, throughFrame frame: Int) -> (xs: [Double], ys: [Double], losses: [Double], steps: [Double]) {
        let n = Swift.max(0, Swift.min(frame + 1, lengths[k], steps.count))
        return (Array(xs[k][..<n]), Array(ys[k][..<n]), Array(losses[k][..<n]), Array(steps[..<n]))
    }
}
