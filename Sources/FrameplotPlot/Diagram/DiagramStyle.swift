import FrameplotCanvas

/// Fonts, colours and spacing of a computation-graph diagram.
///
/// The default is sized for slides; `DiagramStyle(theme:)` follows a plot ``Theme`` (its
/// font family, text and background colours), and every field can be changed afterwards.
/// All diagram texts are Pango markup (``MathText`` output; escape literal text with
/// ``MathText/escaped(_:)``).
///
/// ```swift
/// var style = DiagramStyle()
/// style.gradientColor = Color(hex: 0xd62728)
/// let layout = try DiagramLayout(diagram, style: style, measuringWith: canvas)
/// ```
public struct DiagramStyle: Sendable, Hashable {
    /// Labels of input, parameter, constant and output nodes.
    public var nodeText: TextStyle
    /// Operator symbols inside operation circles.
    public var operatorText: TextStyle
    /// Forward values above the edges.
    public var forwardText: TextStyle
    /// Gradients below the edges.
    public var gradientText: TextStyle
    /// Notes under nodes (updated parameter values).
    public var annotationText: TextStyle

    public var background: Color
    public var edgeColor: Color
    public var nodeStroke: Color
    public var nodeFill: Color
    public var parameterFill: Color
    public var outputFill: Color
    public var constantTextColor: Color
    /// The colour of gradients: text and backward arrows.
    public var gradientColor: Color
    /// The outline and fill of a node being evaluated (animations).
    public var highlightStroke: Color
    public var highlightFill: Color

    public var edgeWidth: Double
    public var nodeStrokeWidth: Double
    public var arrowLength: Double
    public var arrowWidth: Double
    /// Draw a thin backward arrow under each edge that carries a gradient, as the textbook figures do.
    public var drawsGradientArrows: Bool
    /// Distance from the edge line to its labels.
    public var labelGap: Double
    /// Space inside box nodes around their label.
    public var nodePadding: Size
    /// The smallest diameter of an operation circle.
    public var minimumCircleDiameter: Double
    /// The smallest horizontal distance between two layers of nodes.
    public var minimumLayerGap: Double
    /// The smallest vertical distance between two nodes of a layer (before label room).
    public var minimumNodeGap: Double
    /// Empty space around the whole diagram.
    public var margin: Double

    public init(fontFamily: String = TextStyle.defaultFamily, fontSize: Double = 15) {
        nodeText = TextStyle(family: fontFamily, size: fontSize, markup: true)
        operatorText = TextStyle(family: fontFamily, size: fontSize * 1.25, markup: true)
        forwardText = TextStyle(family: fontFamily, size: fontSize * 0.95, markup: true)
        gradientColor = Color(hex: 0xd62728)
        gradientText = TextStyle(family: fontFamily, size: fontSize * 0.95, color: gradientColor, markup: true)
        annotationText = TextStyle(family: fontFamily, size: fontSize * 0.85, color: Color(hex: 0x1f5fa8), markup: true)
        background = .white
        edgeColor = Color(hex: 0x222222)
        nodeStroke = Color(hex: 0x222222)
        nodeFill = .white
        parameterFill = Color(hex: 0xeaf2fb)
        outputFill = Color(hex: 0xf3f3f3)
        constantTextColor = Color(hex: 0x555555)
        highlightFill = Color(hex: 0xfff1dc)
        // Dark orange: 3:1 on the pale highlight fill (and white), unlike #ff8c00.
        highlightStroke = Color(hex: 0xff8c00).ensuringContrast(Theme.presetContrast, against: highlightFill)
        edgeWidth = 1.4
        nodeStrokeWidth = 1.5
        arrowLength = 9
        arrowWidth = 7
        drawsGradientArrows = true
        labelGap = 4
        nodePadding = Size(width: 10, height: 6)
        minimumCircleDiameter = fontSize * 2.6
        minimumLayerGap = fontSize * 4
        minimumNodeGap = fontSize * 1.2
        margin = fontSize * 1.2
    }

    /// The style of a plot theme: its font family and size (the axis-label size), its text,
    /// line and background colours, arrowheads and gaps scaled by its ``Theme/sizeScale``;
    /// gradients stay red and updates blue on light themes.
    ///
    /// ```swift
    /// let style = DiagramStyle(theme: .slides)
    /// ```
    public init(theme: Theme) {
        self.init(fontFamily: theme.fonts.family, fontSize: theme.fonts.axisLabel * 15 / 14)
        let text = theme.colors.text
        for keyPath in [\DiagramStyle.nodeText, \.operatorText, \.forwardText] { self[keyPath: keyPath].color = text }
        background = theme.colors.background
        edgeColor = text
        nodeStroke = text
        nodeFill = theme.colors.axesFace
        let dark = theme.colors.background.red + theme.colors.background.green + theme.colors.background.blue < 1.5
        if dark {
            gradientColor = Color(hex: 0xff6b6b)
            gradientText.color = gradientColor
            annotationText.color = Color(hex: 0x7fb8ff)
            parameterFill = Color(hex: 0x23344a)
            outputFill = Color(hex: 0x3a3a3a)
            constantTextColor = Color(hex: 0xaaaaaa)
            highlightFill = Color(hex: 0x5a3d12)
            highlightStroke = Color(hex: 0xff8c00)
        }
        edgeWidth *= theme.lines.spine
        nodeStrokeWidth *= theme.lines.spine
        // Arrowheads and gaps grow with the theme like the text and lines.
        let k = theme.sizeScale
        arrowLength *= k; arrowWidth *= k; labelGap *= k
        nodePadding = Size(width: nodePadding.width * k, height: nodePadding.height * k)
    }

    /// Offset of the backward arrow below its edge, when drawn.
    var gradientArrowOffset: Double { drawsGradientArrows ? gradientText.size * 0.45 : 0 }
}
