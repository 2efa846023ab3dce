import FrameplotFiles

/// Writes text to `path` with the one atomic writer (temporary file, fsync, rename, folder
/// fsync), so a failure never leaves a half-written history and names its cause.
///
/// - Throws: ``FileWriteError`` (a full disk, no permission, a missing folder, …).
func writeTextAtomically(_ text: String, to path: String) throws {
    try AtomicFile.write(text: text, to: path)
}
