import FrameplotModel

extension RecordedRun {
    /// A copy whose every state went through `transform` (as a ``TrainingStep``), with new
    /// column names if given: how a scene converts a run, e.g. standardised weights back to the
    /// units of the user's columns.
    ///
    /// ```swift
    /// let doubled = run.mappingStates { $0.parameters = $0.parameters.map { 2 * $0 } }
    /// ```
    public func mappingStates(parameterNames newParameterNames: [String]? = nil, metricNames newMetricNames: [String]? = nil,
                              _ transform: (inout TrainingStep) throws -> Void) rethrows -> RecordedRun {
        var states: [TrainingStep] = []
        states.reserveCapacity(steps.count)
        for step in steps {
            var metrics: [String: Double] = [:]
            for name in metricNames { if let value = step.metrics[name] { metrics[name] = value } }
            var state = TrainingStep(step: step.step, epoch: step.epoch, parameters: Array(step.parameters), loss: step.loss,
                                     metrics: metrics)
            try transform(&state)
            states.append(state)
        }
        return RecordedRun(parameterNames: newParameterNames ?? parameterNames, metricNames: newMetricNames ?? metricNames,
                           steps: states)
    }
}
