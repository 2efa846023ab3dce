import Foundation

extension CSVTable {
    /// Finds a column (returns its 0-based position) from a name or a 1-based index.
    ///
    /// An exact header name wins; then a whole number is read as a 1-based index (`"1"` is
    /// the first column); then a name that matches ignoring case and surrounding spaces.
    /// A name that two columns share is never settled by picking one: it is an error naming
    /// both positions, and the column is then chosen by its number.
    ///
    /// ```swift
    /// let height = try table.column(named: "height")   // by name
    /// let first = try table.column(named: "1")         // 0, the first column
    /// ```
    /// - Throws: ``CSVError/unknownColumn(file:name:suggestion:available:)`` with the nearest
    ///   name, ``CSVError/ambiguousColumn(file:name:positions:)``, or
    ///   ``CSVError/columnOutOfRange(file:index:count:)``.
    public func column(named spec: String) throws -> Int {
        let exact = columnNames.indices.filter { columnNames[$0] == spec }
        if exact.count == 1 { return exact[0] }
        if exact.count > 1 { throw CSVError.ambiguousColumn(file: file, name: spec, positions: exact.map { $0 + 1 }) }
        let trimmed = spec.trimmingCharacters(in: .whitespaces)
        if let index = Int(trimmed) {
            guard index >= 1, index <= columnNames.count else {
                throw CSVError.columnOutOfRange(file: file, index: index, count: columnNames.count)
            }
            return index - 1
        }
        let folded = trimmed.lowercased()
        let matches = columnNames.indices.filter { columnNames[$0].lowercased() == folded }
        if matches.count == 1 { return matches[0] }
        if matches.count > 1 { throw CSVError.ambiguousColumn(file: file, name: spec, positions: matches.map { $0 + 1 }) }
        throw CSVError.unknownColumn(
            file: file, name: spec, suggestion: nearestColumnName(to: spec), available: columnNames)
    }

    /// The positions (0-based) of the columns named `name` exactly, for a default choice of
    /// column that must not pick one of two columns of the same name silently.
    ///
    /// ```swift
    /// table.columns(namedExactly: "loss")   // [1, 3] for "step,loss,acc,loss"
    /// ```
    public func columns(namedExactly name: String) -> [Int] {
        columnNames.indices.filter { columnNames[$0] == name }
    }

    /// Whether the header cell of `column` (0-based) was empty: such a column is named by its
    /// number (`"1"`), and a first one is usually the row index pandas writes (`to_csv()`).
    ///
    /// ```swift
    /// table.isUnnamed(0)   // true for ",loss,val_loss"
    /// ```
    public func isUnnamed(_ column: Int) -> Bool { unnamedColumns.contains(column) }

    /// The existing column name closest to `name` by edit distance, if reasonably close.
    public func nearestColumnName(to name: String) -> String? {
        let target = Array(name.lowercased())
        var best: (name: String, distance: Int)? = nil
        for candidate in columnNames {
            // The length difference is a lower bound of the distance: skip hopeless names cheaply.
            let gap = abs(candidate.count - target.count)
            if gap > max(2, max(target.count, candidate.count) / 2) || gap >= (best?.distance ?? Int.max) { continue }
            let distance = Self.editDistance(target, Array(candidate.lowercased()))
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        guard let best else { return nil }
        let limit = max(2, max(target.count, best.name.count) / 2)
        return best.distance <= limit ? best.name : nil
    }

    /// Levenshtein distance (insertions, deletions, substitutions each cost 1).
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
