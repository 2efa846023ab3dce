import FrameplotPlot

/// The frames of the backprop animation as a pure function of the frame index: a few
/// held frames showing the bare graph, one frame per node event (forward left to right,
/// backward right to left, then the parameter update), then held frames with every value.
///
/// ```swift
/// let timeline = BackpropTimeline(eventCount: trace.events.count)
/// timeline.frameCount                 // held + events + held
/// timeline.eventsApplied(atFrame: 0)  // 0: the bare graph
/// ```
public struct BackpropTimeline: Sendable, Hashable {
    public var eventCount: Int
    /// Frames showing the bare graph before the first event.
    public var heldAtStart: Int
    /// Frames showing the finished graph after the last event.
    public var heldAtEnd: Int

    public init(eventCount: Int, heldAtStart: Int = 3, heldAtEnd: Int = 6) {
        self.eventCount = max(0, eventCount)
        self.heldAtStart = max(0, heldAtStart)
        self.heldAtEnd = max(0, heldAtEnd)
    }

    public var frameCount: Int { heldAtStart + eventCount + heldAtEnd }

    /// How many events have happened in frame `index` (clamped to the valid range).
    public func eventsApplied(atFrame index: Int) -> Int {
        min(eventCount, max(0, index - heldAtStart + 1))
    }

    /// The event that frame `index` shows happening, or nil in the held frames.
    public func currentEvent(atFrame index: Int) -> Int? {
        let e = index - heldAtStart
        return (0..<eventCount).contains(e) ? e : nil
    }
}
