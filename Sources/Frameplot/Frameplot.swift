// The umbrella module: `import Frameplot` gives the whole public API.
@_exported import FrameplotAnimation
@_exported import FrameplotCanvas
@_exported import FrameplotModel
@_exported import FrameplotPlot
@_exported import FrameplotScenes
@_exported import FrameplotFiles
