import FrameplotModel

/// Observes a training loop and keeps the states that become animation frames.
///
/// Plug it into any training loop of FrameplotModel as its observer; afterwards
/// ``run`` holds one ``TrainingStep`` per frame (the last step seen is always kept, so
/// the animation ends on the final state). Optionally stops training after `maxFrames`.
///
/// ```swift
/// let recorder = AnimationRecorder(schedule: .every(200))
/// try model.train(..., observer: recorder)
/// let animation = Animation(run: recorder.run, size: Size(width: 600, height: 400)) { frame, canvas in
///     // draw frame.step.parameters …
/// }
/// try animation.render(to: "Output/run.mp4")
/// ```
public final class AnimationRecorder: TrainingObserver {
    /// Which steps are kept.
    public let schedule: RecordingSchedule
    /// Stop training once this many frames are recorded (nil: never).
    public let maxFrames: Int?

    private var recorded: [TrainingStep] = []
    private var lastSeen: TrainingStep?
    private var info = TrainingRunInfo(parameterNames: [], metricNames: [])
    private let fixedSteps: Set<Int>?

    public init(schedule: RecordingSchedule = .everyStep, maxFrames: Int? = nil) {
        self.schedule = schedule
        self.maxFrames = maxFrames
        // A log-spaced schedule is a fixed set of steps: compute it once, not per step.
        if case .logSpaced = schedule { fixedSteps = schedule.logSpacedSteps } else { fixedSteps = nil }
    }

    public func trainingDidRecord(_ step: TrainingStep, of run: TrainingRunInfo) -> TrainingControl {
        info = run
        lastSeen = step
        let keep: Bool
        if let fixedSteps {
            keep = fixedSteps.contains(step.step)
        } else {
            keep = schedule.shouldRecord(step: step.step, parameters: step.parameters,
                                         lastRecorded: recorded.last?.parameters)
        }
        if keep { recorded.append(step) }
        if let maxFrames, recorded.count >= maxFrames { return .stop }
        return .continue
    }

    /// The recorded frames' states, ending with the last step seen.
    public var run: RecordedRun {
        var steps = recorded
        if let lastSeen, steps.last?.step != lastSeen.step { steps.append(lastSeen) }
        return RecordedRun(parameterNames: info.parameterNames, metricNames: info.metricNames, steps: steps)
    }

    /// The recorded frames as a `TrainingHistory` (to write CSV or JSON lines).
    public var history: TrainingHistory { run.makeHistory() }
}
