import Foundation

/// CSV files as users bring them: Japanese column names, a pandas index column with a BOM and
/// CRLF, semicolons with decimal commas and large x values, three text classes, and two
/// separable numeric classes on different scales. Deterministic (no random numbers).
struct UserDataFixtures {
    let folder: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("frameplot-user-data-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try write("heights_ja.csv", Self.heights)
        try write("pandas.csv", Self.pandas)
        try write("semicolon.csv", Self.semicolon)
        try write("three_class.csv", Self.threeClass)
        try write("separable.csv", Self.separable)
    }

    func path(_ name: String) -> String { folder + "/" + name }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path(name)))
        return path(name)
    }

    /// A wiggle in [-1, 1] that looks like noise but is the same on every machine.
    static func wiggle(_ i: Int, _ k: Double) -> Double { sin(Double(i) * k + 0.3) * cos(Double(i) * 0.7 * k) }

    /// 名前,身長,体重: weight ≈ 0.9·height − 88.
    static var heights: String {
        var text = "名前,身長,体重\n"
        for i in 0..<24 {
            let h = 168 + 8 * wiggle(i, 1.3)
            text += "生徒\(i + 1),\(String(format: "%.1f", h)),\(String(format: "%.1f", 0.9 * h - 88 + 4 * wiggle(i, 2.9)))\n"
        }
        return text
    }

    /// A pandas `to_csv` with its index, a BOM and CRLF line ends: score ≈ 8·hours + 30.
    static var pandas: String {
        var text = "\u{FEFF},hours,score\r\n"
        for i in 0..<40 {
            let hours = 5.5 + 4.5 * wiggle(i, 0.9)
            text += "\(i),\(String(format: "%.2f", hours)),\(String(format: "%.1f", 8 * hours + 30 + 6 * wiggle(i, 3.1)))\r\n"
        }
        return text
    }

    /// Semicolons and decimal commas, years as x: price (k€) ≈ 1.5·(year − 1990) + 200.
    static var semicolon: String {
        var text = "\"Jahr\";\"Preis (€)\"\n"
        for year in 1990...2020 {
            let price = 1.5 * Double(year - 1990) + 200 + 8 * wiggle(year, 1.7)
            text += "\(year);\(String(format: "%.3f", price).replacingOccurrences(of: ".", with: ","))\n"
        }
        return text
    }

    /// Three iris-like text classes.
    static var threeClass: String {
        var text = "petal_length,petal_width,species\n"
        let centres = [("setosa", 1.5, 0.25), ("versicolor", 4.3, 1.3), ("virginica", 5.6, 2.0)]
        for i in 0..<120 {
            let (name, x, y) = centres[(i * 7) % 3]
            text += "\(String(format: "%.2f", x + 0.35 * wiggle(i, 1.1))),\(String(format: "%.2f", y + 0.2 * wiggle(i, 2.3))),\(name)\n"
        }
        return text
    }

    /// Two classes labelled 0 and 1, far apart, on features of different scales; quoted header.
    static var separable: String {
        var text = "\"temperature\",\"pressure\",\"label\"\n"
        for i in 0..<100 {
            let label = i % 2
            let t = (label == 0 ? 20.0 : 35) + 3 * wiggle(i, 1.9)
            let p = (label == 0 ? 300.0 : 520) + 40 * wiggle(i, 0.8)
            text += "\(String(format: "%.2f", t)),\(String(format: "%.1f", p)),\(label)\n"
        }
        return text
    }
}
