import Foundation

/// A contiguous range of frame indices parsed from text: `10..19` or `10...19` (both ends
/// included), `10..` (to the end), `..19` (from the start) or `7` (one frame).
///
/// ```swift
/// let range = try FrameRange.parse("10..19", frameCount: 101) // 10...19
/// ```
public enum FrameRange {
    /// Parses `text` and checks it against `frameCount`.
    public static func parse(_ text: String, frameCount: Int) throws -> ClosedRange<Int> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let last = frameCount - 1
        let lower: Int?
        let upper: Int?
        if let dots = trimmed.range(of: "...") ?? trimmed.range(of: "..") {
            let left = trimmed[..<dots.lowerBound], right = trimmed[dots.upperBound...]
            lower = left.isEmpty ? 0 : Int(left)
            upper = right.isEmpty ? last : Int(right)
        } else {
            lower = Int(trimmed); upper = lower
        }
        guard let a = lower, let b = upper, a >= 0, b >= a, b <= last else {
            throw AnimationError.invalidFrameRange(text, frameCount: frameCount)
        }
        return a...b
    }
}
