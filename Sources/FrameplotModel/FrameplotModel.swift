// FrameplotModel module. See README.md for the layering.
