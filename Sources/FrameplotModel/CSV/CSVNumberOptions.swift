/// What to do with empty and non-finite cells when reading numbers.
///
/// ```swift
/// // A learning-curve log: validation loss only every few steps.
/// let curve = try table.numbers(columns: ["step", "val_loss"], options: CSVNumberOptions(missing: .skipRow))
/// ```
public struct CSVNumberOptions: Sendable, Equatable {
    /// Empty cells (and `NA`, `null`, `None`).
    public enum Missing: Sendable, Equatable {
        /// An empty cell is an error naming its line and column.
        case error
        /// A row with an empty cell in any requested column is skipped.
        case skipRow
    }

    /// `nan`, `inf` and numbers too large for a `Double`.
    public enum NonFinite: Sendable, Equatable {
        /// A non-finite value is an error naming its line and column.
        case error
        /// A row with a non-finite value in any requested column is dropped.
        case dropRow
    }

    /// Empty cells.
    public var missing: Missing
    /// Non-finite values.
    public var nonFinite: NonFinite

    /// Creates options; by default both empty and non-finite cells are errors.
    public init(missing: Missing = .error, nonFinite: NonFinite = .error) {
        self.missing = missing
        self.nonFinite = nonFinite
    }
}

/// Numeric columns read from a ``CSVTable``, row-aligned.
public struct CSVNumericColumns: Sendable, Equatable {
    /// The names of the columns, as in the header.
    public var names: [String]
    /// One array per requested column; all have the same length.
    public var columns: [[Double]]
    /// The data rows (0-based) the values came from.
    public var rows: [Int]
    /// Rows skipped because a requested cell was empty.
    public var skippedMissing: Int
    /// Rows dropped because a requested cell was NaN or infinite.
    public var droppedNonFinite: Int

    /// The number of rows read.
    public var count: Int { rows.count }
}
