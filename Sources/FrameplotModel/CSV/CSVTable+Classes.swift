/// The classes of a label column: their names in order, and each row's class index.
///
/// ```swift
/// let species = try table.classes(column: "species")
/// species.names      // ["setosa", "versicolor", "virginica"]
/// species.indexes    // [0, 0, …, 2]
/// ```
public struct CSVClasses: Sendable, Equatable {
    /// The class names; index k names class k.
    public var names: [String]
    /// The class index of each row read.
    public var indexes: [Int]
    /// Whether every label is a number (the names are then sorted by value).
    public var numeric: Bool

    /// The number of classes.
    public var count: Int { names.count }
}

extension CSVTable {
    /// The class labels of a column, for the given rows or all rows, in linear time.
    ///
    /// The order of the classes (colours, legend, class indexes): when every label is a
    /// number they are sorted by value (`0, 1, 2`, and `2` before `10`), and `1` and `1.0`
    /// are one class; otherwise they keep the order of first appearance in the file, as
    /// seaborn does. An empty label, or NaN or ±∞, is an error naming its line and column
    /// (``labelledRows(column:among:)`` leaves such rows out first).
    ///
    /// ```swift
    /// let labels = try table.classes(column: "label", rows: xy.rows)
    /// ```
    /// The rows among `rows` whose cell in `column` can be a class label: neither empty nor
    /// NaN or ±∞ (for `--drop-invalid`).
    ///
    /// ```swift
    /// let kept = try table.labelledRows(column: "label", among: xy.rows)
    /// ```
    public func labelledRows(column spec: String, among rows: [Int]) throws -> [Int] {
        let store = try storage(try column(named: spec))
        guard !store.isAllNumbers else { return rows }
        return rows.filter { store.kind($0) != .missing && store.kind($0) != .nonFinite }
    }

    public func classes(column spec: String, rows: [Int]? = nil) throws -> CSVClasses {
        let column = try column(named: spec)
        let store = try storage(column)
        let selected = rows ?? Array(0..<rowCount)
        for row in selected where store.kind(row) == .missing || store.kind(row) == .nonFinite {
            throw cellError(row: row, column: column, store: store)
        }
        if selected.allSatisfy({ store.kind($0) == .number }) {
            var distinct: [Double: Int] = [:]
            for row in selected where distinct[store.number(row)] == nil {
                distinct[store.number(row)] = 0
            }
            let sorted = distinct.keys.sorted()
            for (index, value) in sorted.enumerated() { distinct[value] = index }
            return CSVClasses(
                names: sorted.map(CSVColumn.format),
                indexes: selected.map { distinct[store.number($0)] ?? 0 },
                numeric: true)
        }
        // First appearance; text cells map through their interned index.
        var names: [String] = []
        var byName: [String: Int] = [:]
        var byTextID = [Int](repeating: -1, count: store.texts.count)
        var indexes: [Int] = []
        indexes.reserveCapacity(selected.count)
        for row in selected {
            if store.kind(row) != .number {
                let id = store.textID(row)
                if byTextID[id] < 0 {
                    let name = store.texts[id]
                    if let known = byName[name] {
                        byTextID[id] = known
                    } else {
                        byTextID[id] = names.count
                        byName[name] = names.count
                        names.append(name)
                    }
                }
                indexes.append(byTextID[id])
            } else {
                let name = CSVColumn.format(store.number(row))
                if let known = byName[name] {
                    indexes.append(known)
                } else {
                    byName[name] = names.count
                    indexes.append(names.count)
                    names.append(name)
                }
            }
        }
        return CSVClasses(names: names, indexes: indexes, numeric: false)
    }
}
