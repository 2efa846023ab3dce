// Entry point: parse, run, and turn every failure into one line on stderr with the
// documented exit status (0 done, 1 bad data or failed write, 2 wrong usage).
FrameplotCLI.main(CommandLine.arguments.dropFirst().map { $0 })
