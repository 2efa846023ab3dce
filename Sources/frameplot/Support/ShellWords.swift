import FrameplotFiles

/// Command-line words quoted so that a shell reads them back unchanged (for "to resume, run: …").
///
/// ```swift
/// ShellWords.quote("out dir")   // "'out dir'"
/// ShellWords.quote("-o")        // "-o"
/// ```
enum ShellWords {
    static func quote(_ word: String) -> String {
        let safe = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+@%"
        if !word.isEmpty && word.allSatisfy({ safe.contains($0) }) { return word }
        if PathEncoding.display(word) != word {
            // Raw bytes or control characters: ANSI-C quoting with \xNN escapes.
            var quoted = "$'"
            for scalar in word.unicodeScalars {
                switch scalar {
                case "\\": quoted += "\\\\"
                case "'": quoted += "\\'"
                default: quoted += PathEncoding.display(String(scalar))
                }
            }
            return quoted + "'"
        }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
