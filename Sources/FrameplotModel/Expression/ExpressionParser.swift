/// Reads formula text into an ``ExpressionNode`` by recursive descent.
///
/// Grammar (loosest first; `^` is right-associative and binds tighter than a sign on its
/// left, so `-x^2` is `-(x^2)` and `2^-1` is `2^(-1)`, as mathematicians read them):
///
///     sum     := product (("+" | "-") product)*
///     product := signed (("*" | "/") signed)*
///     signed  := ("+" | "-") signed | power
///     power   := atom ("^" signed)?
///     atom    := number | variable | constant | function "(" sum ")" | "(" sum ")"
///
/// Numbers are decimal (`2`, `0.5`, `.5`, `1e-3`, `2.5E+4`). Common spellings are accepted:
/// `**` for `^`; `×`, `·`, `⋅`, `∗` for `*`; `÷`, `∕` for `/`; the minus sign `−`;
/// superscript `²` and `³`; full-width forms typed with a Japanese input method.
struct ExpressionParser {
    /// The deepest nesting of parentheses and signs accepted (keeps the recursion bounded).
    static let maximumDepth = 200
    /// The most numbers, names and operators accepted. A chain such as `x + x + … + x` has a
    /// tree as tall as it is long, and the tree is walked recursively (description, hash,
    /// graph building), so its length is bounded like the nesting is.
    static let maximumTokens = 1000

    private enum Token: Hashable {
        case number(Double)
        case name(String)
        case plus, minus, times, divide, caret, open, close, comma
        case end
    }

    private let variables: [String]
    private var tokens: [(token: Token, offset: Int, text: String)] = []
    private var position = 0
    private var depth = 0

    /// Reads `text`, whose variables are `variables` (by name, in order).
    static func parse(_ text: String, variables: [String]) throws(MathExpressionError) -> ExpressionNode {
        var parser = ExpressionParser(variables: variables)
        parser.tokens = try tokenize(text)
        if parser.tokens.count == 1 {
            throw MathExpressionError(offset: 0, message: "the formula is empty; write one, e.g. \"x^2 + y^2\"")
        }
        if parser.tokens.count - 1 > maximumTokens {
            throw MathExpressionError(offset: parser.tokens[maximumTokens].offset,
                                      message: "the formula has more than \(maximumTokens) numbers, names and operators")
        }
        let root = try parser.sum()
        let next = parser.tokens[parser.position]
        switch next.token {
        case .end:
            return root
        case .close:
            throw MathExpressionError(offset: next.offset, message: "unmatched \")\"")
        case .number, .name, .open:
            throw MathExpressionError(offset: next.offset,
                                      message: "expected an operator (+ - * / ^) before \"\(next.text)\"; write 2*x for a product")
        default:
            throw MathExpressionError(offset: next.offset, message: "unexpected \"\(next.text)\"")
        }
    }

    private init(variables: [String]) { self.variables = variables }

    // MARK: Grammar

    private mutating func sum() throws(MathExpressionError) -> ExpressionNode {
        try leftAssociative([.plus: .add, .minus: .subtract]) { (p: inout ExpressionParser) throws(MathExpressionError) in try p.product() }
    }

    private mutating func product() throws(MathExpressionError) -> ExpressionNode {
        try leftAssociative([.times: .multiply, .divide: .divide]) { (p: inout ExpressionParser) throws(MathExpressionError) in try p.signed() }
    }

    /// operand (operator operand)*, folded to the left: a − b − c is (a − b) − c.
    private mutating func leftAssociative(_ operators: [Token: ComputationGraph.Operation],
                                          _ operand: (inout ExpressionParser) throws(MathExpressionError) -> ExpressionNode)
        throws(MathExpressionError) -> ExpressionNode {
        var node = try operand(&self)
        while let op = operators[tokens[position].token] {
            position += 1
            node = .binary(op, node, try operand(&self))
        }
        return node
    }

    private mutating func signed() throws(MathExpressionError) -> ExpressionNode {
        let current = tokens[position]
        guard current.token == .plus || current.token == .minus else { return try power() }
        try enter(at: current.offset)
        defer { depth -= 1 }
        position += 1
        let operand = try signed()
        return current.token == .minus ? .unary(.negate, operand) : operand
    }

    private mutating func power() throws(MathExpressionError) -> ExpressionNode {
        let base = try atom()
        guard tokens[position].token == .caret else { return base }
        try enter(at: tokens[position].offset)
        defer { depth -= 1 }
        position += 1
        return .binary(.power, base, try signed())
    }

    private mutating func atom() throws(MathExpressionError) -> ExpressionNode {
        let current = tokens[position]
        switch current.token {
        case let .number(v):
            position += 1
            return .number(v)
        case let .name(name):
            position += 1
            if let function = ExpressionNode.functions[name] {
                guard tokens[position].token == .open else {
                    throw MathExpressionError(offset: tokens[position].offset, message: "expected \"(\" after \(name)")
                }
                return .unary(function, try parenthesised())
            }
            let node: ExpressionNode
            if let index = variables.firstIndex(of: name) {
                node = .variable(index)
            } else if let constant = MathConstant(rawValue: name == "π" ? "pi" : name) {
                node = .constant(constant)
            } else {
                throw MathExpressionError(offset: current.offset, message: "unknown name \"\(name)\"; use \(allowedNames)")
            }
            if tokens[position].token == .open {
                throw MathExpressionError(offset: tokens[position].offset,
                                          message: "\(name) is not a function; write \(name)*(…) for a product")
            }
            return node
        case .open:
            return try parenthesised()
        case .end:
            throw MathExpressionError(offset: current.offset,
                                      message: "expected a number, variable, function or \"(\" but the formula ends here")
        default:
            throw MathExpressionError(offset: current.offset,
                                      message: "expected a number, variable, function or \"(\" but found \"\(current.text)\"")
        }
    }

    /// "(" sum ")", at the current "(".
    private mutating func parenthesised() throws(MathExpressionError) -> ExpressionNode {
        let open = tokens[position]
        try enter(at: open.offset)
        defer { depth -= 1 }
        position += 1
        let inner = try sum()
        let next = tokens[position]
        switch next.token {
        case .close:
            position += 1
            return inner
        case .comma:
            throw MathExpressionError(offset: next.offset, message: "functions take one argument; unexpected \",\"")
        case .end:
            throw MathExpressionError(offset: next.offset,
                                      message: "expected \")\" to close the \"(\" at character \(open.offset + 1)")
        case .number, .name, .open:
            throw MathExpressionError(offset: next.offset,
                                      message: "expected an operator (+ - * / ^) before \"\(next.text)\"; write 2*x for a product")
        default:
            throw MathExpressionError(offset: next.offset,
                                      message: "expected \")\" to close the \"(\" at character \(open.offset + 1) but found \"\(next.text)\"")
        }
    }

    private mutating func enter(at offset: Int) throws(MathExpressionError) {
        depth += 1
        if depth > ExpressionParser.maximumDepth {
            throw MathExpressionError(offset: offset, message: "the formula nests more than \(ExpressionParser.maximumDepth) levels deep")
        }
    }

    private var allowedNames: String {
        let names = variables + ["pi", "e"]
        return names.joined(separator: ", ") + " or a function (\(ExpressionNode.functionList))"
    }

    // MARK: Characters to tokens

    /// Splits `text` into tokens with their 0-based character offsets; the last is `.end`.
    private static func tokenize(_ text: String) throws(MathExpressionError) -> [(token: Token, offset: Int, text: String)] {
        // Common spellings become ASCII first, keeping each character's original offset.
        var chars: [(Character, Int)] = []
        for (offset, c) in text.enumerated() {
            for n in normalized(c) { chars.append((n, offset)) }
        }
        var tokens: [(token: Token, offset: Int, text: String)] = []
        var i = 0
        while i < chars.count {
            let (c, offset) = chars[i]
            if c.isWhitespace { i += 1; continue }
            if c.isASCII, c.isNumber || (c == "." && i + 1 < chars.count && chars[i + 1].0.isASCII && chars[i + 1].0.isNumber) {
                let (value, length) = try number(chars, from: i)
                tokens.append((.number(value), offset, String(chars[i..<(i + length)].map(\.0))))
                i += length
                continue
            }
            if c.isLetter || c == "_" {
                var j = i + 1
                while j < chars.count, chars[j].0.isLetter || chars[j].0 == "_" || (chars[j].0.isASCII && chars[j].0.isNumber) { j += 1 }
                let name = String(chars[i..<j].map(\.0))
                tokens.append((.name(name), offset, name))
                i = j
                continue
            }
            let token: Token
            var length = 1
            switch c {
            case "+": token = .plus
            case "-": token = .minus
            case "*":
                if i + 1 < chars.count, chars[i + 1].0 == "*" { token = .caret; length = 2 } else { token = .times }
            case "/": token = .divide
            case "^": token = .caret
            case "(": token = .open
            case ")": token = .close
            case ",": token = .comma
            default:
                throw MathExpressionError(offset: offset, message: "unexpected character \"\(c)\"")
            }
            tokens.append((token, offset, String(text.dropFirst(offset).prefix(length))))
            i += length
        }
        tokens.append((.end, text.count, ""))
        return tokens
    }

    /// digits ["." digits] [("e"|"E") ["+"|"-"] digits], or "." digits [...], starting at `start`.
    private static func number(_ chars: [(Character, Int)], from start: Int) throws(MathExpressionError) -> (Double, Int) {
        var i = start
        func isDigit(_ k: Int) -> Bool { k < chars.count && chars[k].0.isASCII && chars[k].0.isNumber }
        while isDigit(i) { i += 1 }
        if i < chars.count, chars[i].0 == "." {
            i += 1
            guard isDigit(i) else {
                throw MathExpressionError(offset: chars[i - 1].1, message: "expected a digit after the decimal point")
            }
            while isDigit(i) { i += 1 }
        }
        if i < chars.count, chars[i].0 == "e" || chars[i].0 == "E" {
            var j = i + 1
            if j < chars.count, chars[j].0 == "+" || chars[j].0 == "-" { j += 1 }
            guard isDigit(j) else {
                throw MathExpressionError(offset: chars[i].1, message: "expected digits after the exponent \"\(chars[i].0)\", as in 1e-3")
            }
            i = j
            while isDigit(i) { i += 1 }
        }
        if i < chars.count, chars[i].0 == "." {
            throw MathExpressionError(offset: chars[i].1, message: "a number has at most one decimal point")
        }
        let literal = String(chars[start..<i].map(\.0))
        guard let value = Double(literal), value.isFinite else {
            throw MathExpressionError(offset: chars[start].1, message: "the number \(literal) is too large")
        }
        return (value, i - start)
    }

    /// The ASCII spelling of common mathematical and full-width characters.
    private static func normalized(_ c: Character) -> [Character] {
        switch c {
        case "−", "－": return ["-"]
        case "×", "·", "⋅", "∗": return ["*"]
        case "÷", "∕": return ["/"]
        case "²": return ["^", "2"]
        case "³": return ["^", "3"]
        default:
            // Full-width ASCII (U+FF01…U+FF5E) and the ideographic space.
            if let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1 {
                if (0xFF01...0xFF5E).contains(scalar.value), let ascii = Unicode.Scalar(scalar.value - 0xFEE0) {
                    return [Character(ascii)]
                }
                if scalar.value == 0x3000 { return [" "] }
            }
            return [c]
        }
    }
}
