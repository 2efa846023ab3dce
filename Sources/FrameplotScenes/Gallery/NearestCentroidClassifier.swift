import Foundation

/// A nearest-centroid classifier with Gaussian class probabilities: each class is
/// modelled by its mean and one shared, isotropic variance estimated from the data, so
/// p(k | x) ∝ exp(−‖x − μ_k‖² / 2σ²) (equal priors). Its decision boundaries are the
/// perpendicular bisectors between centroids.
///
/// ```swift
/// let model = NearestCentroidClassifier(points: pts, labels: ys, classCount: 3)
/// model.predict(0.5, 1.0)        // class index
/// model.probabilities(0.5, 1.0)  // [p0, p1, p2]
/// ```
public struct NearestCentroidClassifier: Sendable, Hashable {
    /// Class means, flattened as [x0, y0, x1, y1, ...].
    public let means: [Double]
    /// The shared per-coordinate variance σ².
    public let variance: Double

    /// Fits the class means and the pooled variance; classes without points get a mean at
    /// infinity (never predicted).
    public init(points: [(Double, Double)], labels: [Int], classCount: Int) {
        var sx = [Double](repeating: 0, count: classCount), sy = sx, n = sx
        for (p, k) in zip(points, labels) where k >= 0 && k < classCount {
            sx[k] += p.0; sy[k] += p.1; n[k] += 1
        }
        var means: [Double] = []
        for k in 0..<classCount {
            means += n[k] > 0 ? [sx[k] / n[k], sy[k] / n[k]] : [.infinity, .infinity]
        }
        var ss = 0.0, count = 0.0
        for (p, k) in zip(points, labels) where k >= 0 && k < classCount && n[k] > 0 {
            ss += pow(p.0 - means[2 * k], 2) + pow(p.1 - means[2 * k + 1], 2); count += 2
        }
        self.means = means
        self.variance = count > 0 && ss > 0 ? ss / count : 1
    }

    /// Class probabilities at (x, y) (softmax of −squared distance / 2σ², computed stably).
    public func probabilities(_ x: Double, _ y: Double) -> [Double] {
        let k = means.count / 2
        let logits = (0..<k).map { -(pow(x - means[2 * $0], 2) + pow(y - means[2 * $0 + 1], 2)) / (2 * variance) }
        let m = logits.filter(\.isFinite).max() ?? 0
        let e = logits.map { $0.isFinite ? exp($0 - m) : 0 }
        let s = e.reduce(0, +)
        return s > 0 ? e.map { $0 / s } : [Double](repeating: 1 / Double(Swift.max(1, k)), count: k)
    }

    /// The most probable class at (x, y).
    public func predict(_ x: Double, _ y: Double) -> Int {
        let p = probabilities(x, y)
        return p.indices.max { p[$0] < p[$1] } ?? 0
    }
}
