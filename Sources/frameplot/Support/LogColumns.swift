import Foundation
import FrameplotModel

/// The columns `curve` draws when the person names none: the x column of a training log
/// and its loss columns, chosen so that a data column is never taken for x by accident.
enum LogColumns {
    /// Names of a log's x column, in order of preference, compared ignoring case and
    /// surrounding spaces ("Step" from TensorBoard's CSV export, Lightning's "epoch").
    static let xNames = ["step", "global_step", "trainer/global_step", "iteration", "iter", "epoch"]

    /// The x column of a log (0-based): the first of ``xNames`` present, else a first
    /// column with an empty header (the row index pandas writes), else nil: the points are
    /// then drawn against their row number, never against some other column such as a
    /// learning rate.
    ///
    /// ```swift
    /// LogColumns.x(in: table)   // 1 for "wall_time,Step,Value"; nil for "lr,loss"
    /// ```
    static func x(in table: CSVTable) -> Int? {
        let folded = table.columnNames.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        for name in xNames {
            if let index = folded.firstIndex(of: name) { return index }
        }
        return table.columnNames.isEmpty || !table.isUnnamed(0) ? nil : 0
    }

    /// Whether the header alone says a column may be the x column (for reading only the
    /// columns needed).
    static func mayBeX(_ index: Int, _ name: String) -> Bool {
        index == 0 || xNames.contains(name.trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// A spec that ``CSVTable/column(named:)`` resolves to column `index` (0-based): its
    /// name when no other column shares it, else its 1-based number.
    ///
    /// ```swift
    /// LogColumns.spec(3, in: table)   // "4" for the second "loss" of "step,loss,acc,loss"
    /// ```
    static func spec(_ index: Int, in table: CSVTable) -> String {
        let name = table.columnNames[index]
        return table.columns(namedExactly: name).count == 1 && Int(name.trimmingCharacters(in: .whitespaces)) == nil
            ? name : String(index + 1)
    }
}
