/// The version of Frameplot: printed by `frameplot --version` and part of every render
/// identity, so frames drawn by another version are never reused.
///
/// ```swift
/// print(FrameplotVersion.string)   // "0.2.0"
/// ```
public enum FrameplotVersion {
    public static let string = "0.2.0"
}
