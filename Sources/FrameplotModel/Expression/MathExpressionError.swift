/// Why a typed formula cannot be read, and where: the 0-based character offset of the
/// offending character (counted in characters as the user sees them) and a message.
///
/// The description is one line that names the character 1-based, as a person counts;
/// a command-line caller prefixes the option and the text:
///
/// ```swift
/// do { _ = try MathExpression.parse("x^2 + * 3", variables: ["x"]) }
/// catch { print("--function \"x^2 + * 3\": \(error)") }
/// // --function "x^2 + * 3": at character 7: expected a number, variable, function or "(" but found "*"
/// ```
public struct MathExpressionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// 0-based offset of the offending character (the text's length when the text ended too early).
    public var offset: Int
    /// What is wrong there, without the position.
    public var message: String

    /// Creates an error at `offset` (0-based).
    ///
    /// ```swift
    /// let e = MathExpressionError(offset: 6, message: "unexpected \"*\"")
    /// ```
    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    /// "at character N: message", N counted from 1.
    public var description: String { "at character \(offset + 1): \(message)" }
}
