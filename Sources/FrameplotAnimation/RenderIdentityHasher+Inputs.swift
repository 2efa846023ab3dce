import Foundation
import FrameplotModel

extension RenderIdentityHasher {
    /// Adds a Codable value through its JSON form with sorted keys: every stored field counts,
    /// including fields added later, with no list to keep up to date.
    ///
    /// ```swift
    /// try hasher.combine("options", encoded: options)
    /// ```
    public mutating func combine(_ label: String, encoded value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let data = try encoder.encode(value)
        combine(label, bytes: [UInt8](data))
    }

    /// Adds the bytes of the file at `path`, read in chunks (a data file of any size).
    ///
    /// - Throws: `CSVError.unreadable` when the file cannot be read.
    public mutating func combine(_ label: String, contentsOf path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CSVError.unreadable(file: path, reason: "cannot open it")
        }
        defer { try? handle.close() }
        while true {
            let chunk: Data
            do {
                chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            } catch {
                throw CSVError.unreadable(file: path, reason: error.localizedDescription)
            }
            if chunk.isEmpty { break }
            chunk.withUnsafeBytes { combine(label, bytes: $0) }
        }
    }
}
