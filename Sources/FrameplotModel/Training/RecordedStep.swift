/// One recorded state, read in place from its run's columns (no copy is made).
///
/// It reads like a ``TrainingStep``: `step`, `epoch`, `loss`, `parameters[i]`,
/// `metrics["accuracy"]`. Use ``trainingStep`` for an independent value.
///
/// ```swift
/// let path = frame.past.map { $0.parameters[0] }
/// let accuracy = run.steps.last?.metrics["accuracy"]
/// ```
public struct RecordedStep: Sendable, Hashable {
    @usableFromInline let columns: RecordedColumns
    @usableFromInline let row: Int

    @inlinable init(columns: RecordedColumns, row: Int) {
        self.columns = columns
        self.row = row
    }

    /// Number of parameter updates done before this state (0 = initial state).
    @inlinable public var step: Int { columns.steps[row] }
    /// Number of complete passes over the training data before this state.
    @inlinable public var epoch: Int { columns.epochs[row] }
    /// The loss at this state's parameters.
    @inlinable public var loss: Double { columns.losses[row] }
    /// The parameters, in the order of the run's `parameterNames`.
    @inlinable public var parameters: RecordedParameters { RecordedParameters(columns: columns, row: row) }
    /// The metrics this state has, by name.
    public var metrics: RecordedMetrics { RecordedMetrics(columns: columns, row: row) }

    /// The state as an independent value.
    ///
    /// ```swift
    /// let copy: TrainingStep = run.steps[3].trainingStep
    /// ```
    public var trainingStep: TrainingStep {
        TrainingStep(step: step, epoch: epoch, parameters: Array(parameters), loss: loss, metrics: metrics.dictionary)
    }

    /// Same step, epoch, and the same bits in every value (metrics compared by name).
    public static func == (a: RecordedStep, b: RecordedStep) -> Bool {
        guard a.step == b.step, a.epoch == b.epoch, a.loss.bitPattern == b.loss.bitPattern,
              a.parameters.count == b.parameters.count,
              zip(a.parameters, b.parameters).allSatisfy({ $0.bitPattern == $1.bitPattern }) else { return false }
        let am = a.metrics, bm = b.metrics
        guard am.keys.sorted() == bm.keys.sorted() else { return false }
        return am.keys.allSatisfy { am[$0]?.bitPattern == bm[$0]?.bitPattern }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(step)
        hasher.combine(epoch)
        hasher.combine(loss.bitPattern)
        for value in parameters { hasher.combine(value.bitPattern) }
    }
}

/// The parameters of one recorded state: `parameters[i]` reads the column in place.
///
/// ```swift
/// let w = run.steps[0].parameters
/// let slope = w[0], values = Array(w)
/// ```
public struct RecordedParameters: RandomAccessCollection, Sendable, Hashable, CustomStringConvertible {
    @usableFromInline let columns: RecordedColumns
    @usableFromInline let base: Int
    public let endIndex: Int

    @inlinable init(columns: RecordedColumns, row: Int) {
        self.columns = columns
        self.endIndex = columns.parameterNames.count
        self.base = row * endIndex
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public func index(after i: Int) -> Int { i + 1 }
    @inlinable public func index(before i: Int) -> Int { i - 1 }

    @inlinable public subscript(position: Int) -> Double {
        precondition(position >= 0 && position < endIndex, "parameter \(position) outside 0..<\(endIndex)")
        return columns.parameters[base + position]
    }

    public static func == (a: RecordedParameters, b: RecordedParameters) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern }
    }

    /// Whether the values equal `values` (as numbers: NaN is never equal).
    ///
    /// ```swift
    /// run.steps[0].parameters == [0, 0]
    /// ```
    public static func == (a: RecordedParameters, values: [Double]) -> Bool {
        a.count == values.count && zip(a, values).allSatisfy { $0 == $1 }
    }

    /// Whether `values` equal the parameters (as numbers: NaN is never equal).
    public static func == (values: [Double], a: RecordedParameters) -> Bool { a == values }

    public func hash(into hasher: inout Hasher) {
        for value in self { hasher.combine(value.bitPattern) }
    }

    public var description: String { Array(self).description }
}

/// The metrics of one recorded state by name; a metric the state lacks reads as `nil`.
///
/// ```swift
/// if let accuracy = step.metrics["accuracy"] { print(accuracy) }
/// ```
public struct RecordedMetrics: Sendable, Hashable, CustomStringConvertible {
    @usableFromInline let columns: RecordedColumns
    @usableFromInline let row: Int

    init(columns: RecordedColumns, row: Int) {
        self.columns = columns
        self.row = row
    }

    /// The value of metric `name`, or nil when this state has none.
    public subscript(name: String) -> Double? {
        guard let column = columns.metricNames.firstIndex(of: name) else { return nil }
        return value(column)
    }

    /// The names of the metrics this state has, in the run's order.
    public var keys: [String] {
        columns.metricNames.indices.filter { value($0) != nil }.map { columns.metricNames[$0] }
    }

    /// How many metrics this state has.
    public var count: Int { keys.count }
    /// Whether this state has no metric.
    public var isEmpty: Bool { count == 0 }

    /// The metrics as a dictionary.
    public var dictionary: [String: Double] {
        var out: [String: Double] = [:]
        for (column, name) in columns.metricNames.enumerated() {
            if let v = value(column) { out[name] = v }
        }
        return out
    }

    private func value(_ column: Int) -> Double? {
        let v = columns.metrics[row * columns.metricNames.count + column]
        return v.bitPattern == RecordedColumns.missing.bitPattern ? nil : v
    }

    public static func == (a: RecordedMetrics, b: RecordedMetrics) -> Bool {
        let ad = a.dictionary, bd = b.dictionary
        return ad.count == bd.count && ad.allSatisfy { bd[$0.key]?.bitPattern == $0.value.bitPattern }
    }

    public func hash(into hasher: inout Hasher) {
        for (name, value) in dictionary.sorted(by: { $0.key < $1.key }) { hasher.combine(name); hasher.combine(value.bitPattern) }
    }

    public var description: String { dictionary.description }
}
