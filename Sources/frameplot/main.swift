import FrameplotFiles

// Entry point: install the signal handlers, parse the arguments without losing bytes that are
// not UTF-8 (file names are written exactly as typed), run, and turn every failure into one
// line on stderr with the documented exit status (0 done, 1 bad data or failed write, 2 wrong
// usage, 130/143 interrupted).
SignalHandling.install()
FrameplotCLI.main(PathEncoding.arguments())
