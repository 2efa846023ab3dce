// Files are written by the one atomic writer in FrameplotFiles (shared with FrameplotModel,
// which imports no drawing code). Re-exported, so that code which draws and saves canvases
// keeps calling `AtomicFile.write(…)` and catching `FileWriteError` with `import FrameplotCanvas`.
@_exported import FrameplotFiles
