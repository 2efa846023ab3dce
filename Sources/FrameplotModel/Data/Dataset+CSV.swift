extension Dataset {
    /// A data set from columns of a CSV table: numeric feature columns and either a label
    /// column (classification; classes ordered as ``CSVTable/classes(column:rows:)`` orders
    /// them: by value when they are numbers, else by first appearance) or a numeric target
    /// column (regression). Columns are names or 1-based indexes, as in `CSVTable.column(named:)`.
    ///
    /// Cell problems throw `CSVError` naming file, line and column; an empty selection throws
    /// `TrainingError.emptyData`.
    ///
    /// ```swift
    /// let table = try CSVTable(contentsOf: "iris.csv")
    /// let iris = try Dataset(table: table, features: ["petal_length", "petal_width"], label: "species")
    /// let line = try Dataset(table: table, features: ["1"], target: "2")
    /// ```
    public init(table: CSVTable, features: [String], label: String? = nil, target: String? = nil,
                options: CSVNumberOptions = CSVNumberOptions()) throws {
        guard !features.isEmpty else { throw TrainingError.invalidArgument("choose at least one feature column") }
        guard (label == nil) != (target == nil) else {
            throw TrainingError.invalidArgument("choose either a label column (classification) or a target column (regression)")
        }
        if let target {
            let numbers = try table.numbers(columns: features + [target], options: options)
            guard numbers.count > 0 else { throw TrainingError.emptyData }
            let d = features.count
            var values: [Double] = []
            values.reserveCapacity(numbers.count * d)
            for r in 0..<numbers.count { for c in 0..<d { values.append(numbers.columns[c][r]) } }
            try self.init(features: Matrix(rows: numbers.count, cols: d, values: values), targets: numbers.columns[d],
                          featureNames: Array(numbers.names.prefix(d)), targetName: numbers.names[d])
        } else if let label {
            let numbers = try table.numbers(columns: features, options: options)
            guard numbers.count > 0 else { throw TrainingError.emptyData }
            let classes = try table.classes(column: label, rows: numbers.rows)
            let targets = classes.indexes.map(Double.init)
            let d = features.count
            var values: [Double] = []
            values.reserveCapacity(numbers.count * d)
            for r in 0..<numbers.count { for c in 0..<d { values.append(numbers.columns[c][r]) } }
            try self.init(features: Matrix(rows: numbers.count, cols: d, values: values), targets: targets,
                          featureNames: numbers.names, targetName: table.columnNames[try table.column(named: label)],
                          classNames: classes.names)
        } else {
            throw TrainingError.invalidArgument("choose a label or a target column")
        }
    }
}
