/// Rewrites ArgumentParser's message for a refused option value into the project's one-line
/// form, which names the option and the value first, as every other message does:
/// `The value '8x8' is invalid for '--size <WxH>': width must be at least 16`
/// becomes `--size 8x8: width must be at least 16`.
enum OptionValueMessage {
    static func projectStyle(_ message: String) -> String {
        let head = "The value '", middle = "' is invalid for '"
        guard message.hasPrefix(head), let middleRange = message.range(of: middle) else { return message }
        let value = message[message.index(message.startIndex, offsetBy: head.count)..<middleRange.lowerBound]
        let afterOption = message[middleRange.upperBound...]
        guard let close = afterOption.firstIndex(of: "'") else { return message }
        let option = afterOption[..<close].split(separator: " ").first.map(String.init) ?? ""
        var reason = afterOption[afterOption.index(after: close)...].drop { $0 == ":" || $0 == "." || $0 == " " }
        if reason.isEmpty { reason = "not a valid value" }
        return "\(option) \(value): \(reason)"
    }
}
