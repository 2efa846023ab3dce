import Foundation

extension Dataset {
    /// Gaussian blobs: `classes` clusters with centres evenly spaced on a circle of radius
    /// `spread`, each point drawn with standard deviation `standardDeviation` (seeded).
    ///
    /// ```swift
    /// let d = try Dataset.blobs(count: 300, classes: 3, seed: 1)
    /// ```
    public static func blobs(count: Int, classes: Int = 3, spread: Double = 2.5,
                             standardDeviation: Double = 0.6, seed: UInt64) throws -> Dataset {
        try requireCount(count)
        guard classes >= 1 else { throw TrainingError.invalidArgument("blobs need at least 1 class") }
        try requireNoise(standardDeviation)
        var rng = SeededGenerator(seed: seed)
        var values: [Double] = [], targets: [Double] = []
        for i in 0..<count {
            let k = i % classes
            let angle = 2 * Double.pi * Double(k) / Double(classes)
            values.append(spread * cos(angle) + standardDeviation * rng.nextNormal())
            values.append(spread * sin(angle) + standardDeviation * rng.nextNormal())
            targets.append(Double(k))
        }
        return planar(values, targets, classNames: (0..<classes).map { "class \($0)" })
    }

    /// Two interleaving half circles (like scikit-learn's make_moons), Gaussian noise added.
    ///
    /// ```swift
    /// let d = try Dataset.twoMoons(count: 200, noise: 0.1, seed: 2)
    /// ```
    public static func twoMoons(count: Int, noise: Double = 0.1, seed: UInt64) throws -> Dataset {
        try requireCount(count)
        try requireNoise(noise)
        var rng = SeededGenerator(seed: seed)
        var values: [Double] = [], targets: [Double] = []
        let outer = (count + 1) / 2, inner = count - outer
        for i in 0..<outer {
            let t = Double.pi * Double(i) / Double(max(1, outer - 1))
            values += [cos(t) + noise * rng.nextNormal(), sin(t) + noise * rng.nextNormal()]
            targets.append(0)
        }
        for i in 0..<inner {
            let t = Double.pi * Double(i) / Double(max(1, inner - 1))
            values += [1 - cos(t) + noise * rng.nextNormal(), 0.5 - sin(t) + noise * rng.nextNormal()]
            targets.append(1)
        }
        return planar(values, targets, classNames: ["upper moon", "lower moon"])
    }

    /// Two concentric circles: outer radius 1 (class 0), inner radius `factor` (class 1).
    ///
    /// ```swift
    /// let d = try Dataset.circles(count: 200, factor: 0.5, noise: 0.05, seed: 3)
    /// ```
    public static func circles(count: Int, factor: Double = 0.5, noise: Double = 0.05, seed: UInt64) throws -> Dataset {
        try requireCount(count)
        try requireNoise(noise)
        guard factor > 0, factor < 1 else { throw TrainingError.invalidArgument("the inner circle factor must be in (0, 1)") }
        var rng = SeededGenerator(seed: seed)
        var values: [Double] = [], targets: [Double] = []
        let outer = (count + 1) / 2, inner = count - outer
        for (n, radius, label) in [(outer, 1.0, 0.0), (inner, factor, 1.0)] {
            for i in 0..<n {
                let t = 2 * Double.pi * Double(i) / Double(max(1, n))
                values += [radius * cos(t) + noise * rng.nextNormal(), radius * sin(t) + noise * rng.nextNormal()]
                targets.append(label)
            }
        }
        return planar(values, targets, classNames: ["outer", "inner"])
    }

    /// XOR: points uniform in [−1, 1]², class 1 when x₁·x₂ < 0 (opposite quadrants share a class).
    ///
    /// ```swift
    /// let d = try Dataset.xor(count: 200, seed: 4)
    /// ```
    public static func xor(count: Int, seed: UInt64) throws -> Dataset {
        try requireCount(count)
        var rng = SeededGenerator(seed: seed)
        var values: [Double] = [], targets: [Double] = []
        for _ in 0..<count {
            let x = rng.nextUniform(in: -1, 1), y = rng.nextUniform(in: -1, 1)
            values += [x, y]
            targets.append(x * y < 0 ? 1 : 0)
        }
        return planar(values, targets, classNames: ["same sign", "opposite sign"])
    }

    /// The 2-input 3-class Gaussian set of the study-group slides (seed 003, after Itō's textbook):
    /// class priors 0.4/0.4/0.2, means (−0.5, −0.5), (0.5, 1.0), (1, −0.5),
    /// per-axis standard deviations (0.7, 0.7), (0.8, 0.3), (0.3, 0.8).
    ///
    /// ```swift
    /// let d = try Dataset.threeClassGaussian(count: 200, seed: 1)
    /// ```
    public static func threeClassGaussian(count: Int = 200, seed: UInt64) throws -> Dataset {
        try requireCount(count)
        let means: [(Double, Double)] = [(-0.5, -0.5), (0.5, 1.0), (1, -0.5)]
        let sigmas: [(Double, Double)] = [(0.7, 0.7), (0.8, 0.3), (0.3, 0.8)]
        let cumulative = [0.4, 0.8, 1.0]
        var rng = SeededGenerator(seed: seed)
        var values: [Double] = [], targets: [Double] = []
        for _ in 0..<count {
            let u = rng.nextUniform()
            let k = cumulative.firstIndex { u < $0 } ?? 2
            values.append(rng.nextNormal() * sigmas[k].0 + means[k].0)
            values.append(rng.nextNormal() * sigmas[k].1 + means[k].1)
            targets.append(Double(k))
        }
        return planar(values, targets, classNames: ["class 0", "class 1", "class 2"])
    }

    private static func planar(_ values: [Double], _ targets: [Double], classNames: [String]) -> Dataset {
        Dataset(unchecked: Matrix(rows: targets.count, cols: 2, values: values), targets: targets,
                featureNames: ["x1", "x2"], targetName: "class", classNames: classNames)
    }

    private static func requireCount(_ count: Int) throws {
        guard count >= 1 else { throw TrainingError.invalidArgument("the number of points must be at least 1, got \(count)") }
    }

    private static func requireNoise(_ noise: Double) throws {
        guard noise >= 0, noise.isFinite else { throw TrainingError.invalidArgument("the noise must be a finite number ≥ 0") }
    }
}
