import ArgumentParser
import FrameplotAnimation

// The shared settings are library types that parse and check themselves, so each is parsed once,
// when the arguments are. These conformances let any option be declared with them directly; the
// commands' options add `transform: FrameSize.init(parsing:)` so that a refusal keeps its
// reason ("width must be at least 16"), which `init?(argument:)` cannot carry.

extension ThemeName: ExpressibleByArgument {
    public init?(argument: String) { try? self.init(parsing: argument) }
    public var defaultValueDescription: String { rawValue }
}

extension FrameSize: ExpressibleByArgument {
    public init?(argument: String) { try? self.init(parsing: argument) }
    public var defaultValueDescription: String { description }
}

extension FrameRate: ExpressibleByArgument {
    public init?(argument: String) { try? self.init(parsing: argument) }
    public var defaultValueDescription: String { description }
}

extension RenderScale: ExpressibleByArgument {
    public init?(argument: String) { try? self.init(parsing: argument) }
    public var defaultValueDescription: String { description }
}
