/// The user's own data for a scene: `--data FILE --x COL --y COL [--label COL]`, with
/// optional axis titles (`--xlabel`, `--ylabel`; the column names by default).
///
/// Columns are names or 1-based numbers, read by the same CSV reader as the plot commands.
/// Empty means "the built-in data".
///
/// ```swift
/// var data = DataSelection()
/// data.file = "heights.csv"; data.x = "height"; data.y = "weight"
/// try data.check(label: .none)
/// ```
public struct DataSelection: Codable, Hashable, Sendable {
    public var file: String?
    public var x: String?
    public var y: String?
    public var label: String?
    public var xTitle: String?
    public var yTitle: String?

    public init(file: String? = nil, x: String? = nil, y: String? = nil, label: String? = nil,
                xTitle: String? = nil, yTitle: String? = nil) {
        self.file = file; self.x = x; self.y = y; self.label = label; self.xTitle = xTitle; self.yTitle = yTitle
    }

    /// Whether a label column belongs to the scene's data.
    public enum LabelRule: Sendable {
        /// Regression: `--x` is the input, `--y` the target; no labels.
        case none
        /// Classification: `--x` and `--y` are the two features, `--label` the class.
        case required
    }

    /// No file given: the scene uses its built-in data.
    public var isBuiltIn: Bool { file == nil }

    /// The data file, for the render identity.
    public var inputFiles: [String] { file.map { [$0] } ?? [] }

    /// Checks that the options go together: columns only with a file, and every column the
    /// scene needs with it.
    ///
    /// - Throws: ``AnimationError/invalidOption(_:)``.
    public func check(label rule: LabelRule) throws {
        guard let file else {
            let given = [("x", x), ("y", y), ("label", label), ("xlabel", xTitle), ("ylabel", yTitle)]
                .filter { $0.1 != nil }.map { "--\($0.0)" }
            if !given.isEmpty {
                throw AnimationError.invalidOption("\(given.joined(separator: ", ")) needs --data FILE (the built-in data has fixed columns)")
            }
            return
        }
        var missing: [String] = []
        if x == nil { missing.append("--x COL") }
        if y == nil { missing.append("--y COL") }
        if rule == .required, label == nil { missing.append("--label COL") }
        if !missing.isEmpty {
            throw AnimationError.invalidOption("--data \(SceneText.clipped(file)): also give \(missing.joined(separator: " and ")) (a column name or a 1-based number)")
        }
    }
}

extension SceneOption {
    /// `--data FILE --x COL --y COL` (and `--label COL` for classifiers), plus `--xlabel` and
    /// `--ylabel` for the axis titles. Drawing options: `render` takes them too.
    ///
    /// ```swift
    /// static let options: [SceneOption<LineOptions>] = [.steps(\.steps)] + .data(\.data, label: .none)
    /// ```
    public static func data(_ field: WritableKeyPath<Options, DataSelection> & Sendable,
                            label rule: DataSelection.LabelRule) -> [SceneOption] {
        func option(_ name: String, _ valueName: String, _ help: String,
                    _ store: @escaping @Sendable (inout DataSelection, String) -> Void) -> SceneOption {
            SceneOption(info: SceneOptionInfo(name: name, valueName: valueName, help: help, use: .drawing, defaultText: nil)) { options, text in
                let value = try String(optionText: text, option: name)
                store(&options[keyPath: field], value)
            }
        }
        let (x, y) = rule == .none
            ? ("The input column (x axis).", "The target column (y axis).")
            : ("The first feature column (x axis).", "The second feature column (y axis).")
        var options = [
            option("data", "FILE", "A CSV file with your data instead of the built-in set.") { $0.file = $1 },
            option("x", "COL", x + " A name or a 1-based number.") { $0.x = $1 },
            option("y", "COL", y + " A name or a 1-based number.") { $0.y = $1 },
        ]
        if rule == .required {
            options.append(option("label", "COL", "The class column: numbers or text, one class per value.") { $0.label = $1 })
        }
        options.append(option("xlabel", "TEXT", "Title of the x axis (default: the column name).") { $0.xTitle = $1 })
        options.append(option("ylabel", "TEXT", "Title of the y axis (default: the column name).") { $0.yTitle = $1 })
        return options
    }
}
