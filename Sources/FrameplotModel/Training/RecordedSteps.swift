/// The recorded states of a run as columns: a random-access collection of ``RecordedStep``.
///
/// Each state costs 8 bytes for its step, epoch and loss, plus 8 per parameter and per metric,
/// in flat arrays: a million states of two parameters take about 40 MB (an array of
/// ``TrainingStep`` values took over 170 MB). Slices (`run.steps[...i]`) share the storage,
/// so taking one is O(1) and copies nothing; elements are views read on demand.
///
/// ```swift
/// let past = run.steps[...10]                     // O(1), no copy
/// let path = past.map { $0.parameters[0] }         // reads one column
/// let last = run.steps.last?.loss
/// ```
public struct RecordedSteps: RandomAccessCollection, Sendable, Hashable, CustomStringConvertible {
    public typealias Index = Int
    public typealias Indices = Range<Int>
    public typealias SubSequence = RecordedSteps

    @usableFromInline var columns: RecordedColumns
    public let startIndex: Int
    public private(set) var endIndex: Int

    @usableFromInline init(columns: RecordedColumns, bounds: Range<Int>) {
        self.columns = columns
        self.startIndex = bounds.lowerBound
        self.endIndex = bounds.upperBound
    }

    /// No states yet, with these column names.
    ///
    /// ```swift
    /// let steps = RecordedSteps(parameterNames: ["a", "b"])
    /// ```
    public init(parameterNames: [String], metricNames: [String] = []) {
        self.init(columns: RecordedColumns(parameterNames: parameterNames, metricNames: metricNames), bounds: 0..<0)
    }

    /// The names of the parameter columns (`parameters[i]` of every state).
    public var parameterNames: [String] { columns.parameterNames }
    /// The names of the metric columns.
    public var metricNames: [String] { columns.metricNames }

    @inlinable public subscript(position: Int) -> RecordedStep {
        precondition(position >= startIndex && position < endIndex, "recorded state \(position) outside \(startIndex)..<\(endIndex)")
        return RecordedStep(columns: columns, row: position)
    }

    @inlinable public subscript(bounds: Range<Int>) -> RecordedSteps {
        precondition(bounds.lowerBound >= startIndex && bounds.upperBound <= endIndex, "recorded states \(bounds) outside \(startIndex)..<\(endIndex)")
        return RecordedSteps(columns: columns, bounds: bounds)
    }

    @inlinable public var indices: Range<Int> { startIndex..<endIndex }
    @inlinable public func index(after i: Int) -> Int { i + 1 }
    @inlinable public func index(before i: Int) -> Int { i - 1 }
    @inlinable public var count: Int { endIndex - startIndex }

    /// The losses of these states, in order (a copy of the column).
    public var losses: [Double] { Array(columns.losses[startIndex..<endIndex]) }

    /// The step numbers of these states, in order (a copy of the column).
    public var stepNumbers: [Int] { Array(columns.steps[startIndex..<endIndex]) }

    /// The values of parameter `index` over these states: the fast way to read a column
    /// (a strided copy, several times faster than `map { $0.parameters[index] }`).
    ///
    /// ```swift
    /// let aPath = frame.past.parameterValues(0)
    /// ```
    public func parameterValues(_ index: Int) -> [Double] {
        let width = columns.parameterNames.count
        guard index >= 0, index < width else { return [] }
        let values = columns.parameters   // one read of the column storage, then plain array access
        return (startIndex..<endIndex).map { values[$0 * width + index] }
    }

    /// Bytes held by the columns (capacity included), for memory budgets and tests.
    public var allocatedBytes: Int { columns.allocatedBytes }

    public var description: String {
        "RecordedSteps(\(count) states; parameters \(parameterNames.joined(separator: ",")); metrics \(metricNames.joined(separator: ",")))"
    }

    // MARK: Appending

    /// Appends `state`. Its parameters are matched to the columns by position (missing ones
    /// become NaN, extra ones are dropped: check the count first when it can differ); a metric
    /// not yet in ``metricNames`` adds a column, missing in the states before.
    ///
    /// ```swift
    /// steps.append(TrainingStep(step: 0, epoch: 0, parameters: [0, 0], loss: 29.75))
    /// ```
    public mutating func append(_ state: TrainingStep) {
        append(step: state.step, epoch: state.epoch, loss: state.loss, parameters: state.parameters, metrics: state.metrics)
    }

    /// Appends one state from its parts (see ``append(_:)`` for how they are matched to columns).
    public mutating func append(step: Int, epoch: Int, loss: Double, parameters: [Double], metrics: [String: Double] = [:]) {
        makeUniqueForAppending()
        for name in metrics.keys.sorted() where !columns.metricNames.contains(name) {
            columns.addMetricColumn(name)
        }
        columns.append(step: step, epoch: epoch, loss: loss, parameters: parameters, metrics: metrics)
        endIndex += 1
    }

    /// Reserves room for `count` more states.
    public mutating func reserveCapacity(_ count: Int) {
        makeUniqueForAppending()
        columns.reserveCapacity(endIndex + Swift.max(0, count))
    }

    /// Renames the parameter columns. With a different number of names, the columns are cut
    /// or padded with NaN (missing) on the right.
    public mutating func setParameterNames(_ names: [String]) {
        makeUniqueForAppending()
        columns.setParameterNames(names)
    }

    /// Sets the metric columns by name: a name already recorded keeps its values, a new one
    /// is missing everywhere, and a metric left out is dropped.
    public mutating func setMetricNames(_ names: [String]) {
        makeUniqueForAppending()
        columns.setMetricNames(names)
    }

    /// Ensures the storage is this value's alone and ends at `endIndex` (copy-on-write).
    private mutating func makeUniqueForAppending() {
        if !isKnownUniquelyReferenced(&columns) || columns.count != endIndex {
            columns = columns.copy(rows: endIndex)
        }
    }

    // MARK: Equality

    /// Equal when the names match and every state has the same step, epoch and the same bits
    /// in every value (so NaN equals NaN, and 0 differs from −0), whatever the indices.
    public static func == (a: RecordedSteps, b: RecordedSteps) -> Bool {
        guard a.count == b.count, a.parameterNames == b.parameterNames, a.metricNames == b.metricNames else { return false }
        if a.columns === b.columns && a.startIndex == b.startIndex { return true }
        return zip(a, b).allSatisfy { $0 == $1 }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(parameterNames)
        hasher.combine(metricNames)
        hasher.combine(count)
        for state in self { hasher.combine(state) }
    }
}

/// Column storage of recorded states, shared copy-on-write by ``RecordedSteps`` values.
///
/// `@unchecked Sendable`: it is mutated only by `RecordedSteps`' mutating methods, after
/// `isKnownUniquelyReferenced` proved that no other value (hence no other thread) refers to
/// it; an instance reachable from more than one value is only ever read.
@usableFromInline
final class RecordedColumns: @unchecked Sendable {
    @usableFromInline private(set) var parameterNames: [String]
    @usableFromInline private(set) var metricNames: [String]
    @usableFromInline private(set) var steps: [Int] = []
    @usableFromInline private(set) var epochs: [Int] = []
    @usableFromInline private(set) var losses: [Double] = []
    /// Row-major: state i's parameters are `parameters[i * width ..< (i + 1) * width]`.
    @usableFromInline private(set) var parameters: [Double] = []
    /// Row-major like `parameters`; ``RecordedColumns/missing`` marks a metric a state lacks.
    @usableFromInline private(set) var metrics: [Double] = []

    /// A NaN with a payload of our own: "this state has no value for this metric" (a NaN the
    /// program recorded keeps its own bits and still reads as a value).
    @usableFromInline static let missing = Double(bitPattern: 0x7FF8_0000_4D15_5106)

    init(parameterNames: [String], metricNames: [String]) {
        self.parameterNames = parameterNames
        // A metric listed twice would be two columns read under one name: keep the first.
        var seen = Set<String>()
        self.metricNames = metricNames.filter { seen.insert($0).inserted }
    }

    @usableFromInline var count: Int { steps.count }

    var allocatedBytes: Int {
        8 * (steps.capacity + epochs.capacity + losses.capacity + parameters.capacity + metrics.capacity)
    }

    /// A copy of the first `rows` states.
    func copy(rows: Int) -> RecordedColumns {
        let copy = RecordedColumns(parameterNames: parameterNames, metricNames: metricNames)
        let p = parameterNames.count, m = metricNames.count
        copy.steps = Array(steps.prefix(rows))
        copy.epochs = Array(epochs.prefix(rows))
        copy.losses = Array(losses.prefix(rows))
        copy.parameters = Array(parameters.prefix(rows * p))
        copy.metrics = Array(metrics.prefix(rows * m))
        return copy
    }

    func reserveCapacity(_ rows: Int) {
        steps.reserveCapacity(rows); epochs.reserveCapacity(rows); losses.reserveCapacity(rows)
        parameters.reserveCapacity(rows * parameterNames.count)
        metrics.reserveCapacity(rows * metricNames.count)
    }

    func append(step: Int, epoch: Int, loss: Double, parameters values: [Double], metrics named: [String: Double]) {
        steps.append(step)
        epochs.append(epoch)
        losses.append(loss)
        for i in parameterNames.indices { parameters.append(i < values.count ? values[i] : .nan) }
        for name in metricNames { metrics.append(named[name] ?? Self.missing) }
    }

    func addMetricColumn(_ name: String) {
        setMetricNames(metricNames + [name])
    }

    func setParameterNames(_ names: [String]) {
        let old = parameterNames.count, new = names.count
        if old != new {
            var values: [Double] = []
            values.reserveCapacity(count * new)
            for row in 0..<count {
                for i in 0..<new { values.append(i < old ? parameters[row * old + i] : .nan) }
            }
            parameters = values
        }
        parameterNames = names
    }

    func setMetricNames(_ names: [String]) {
        var seen = Set<String>()
        let unique = names.filter { seen.insert($0).inserted }
        guard unique != metricNames else { return }
        let old = metricNames.count
        let sources = unique.map { metricNames.firstIndex(of: $0) }
        var values: [Double] = []
        values.reserveCapacity(count * unique.count)
        for row in 0..<count {
            for source in sources { values.append(source.map { metrics[row * old + $0] } ?? Self.missing) }
        }
        metrics = values
        metricNames = unique
    }
}
