import FrameplotCanvas
import FrameplotPlot

/// A backprop trace drawn as a slide-sized figure: a title, the diagram, and a caption
/// line (the legend for still figures, the current step for animation frames).
///
/// ```swift
/// let figure = try BackpropFigure(trace: .shopping())
/// let canvas = try ImageCanvas(width: figure.size.width, height: figure.size.height, scale: 2)
/// figure.drawStill(on: canvas)
/// ```
public struct BackpropFigure: Sendable {
    public let trace: BackpropTrace
    public let diagram: GraphDiagram
    public let layout: DiagramLayout
    /// The whole figure in layout units (even numbers, so videos can use it as is).
    public let size: Size
    let titleStyle: TextStyle
    let captionStyle: TextStyle
    let diagramOrigin: Point
    let titleText: String
    let titleCenter: Point
    let captionCenter: Point

    /// Lays out `trace` with `style` (sized for slides by default), measuring text with a real canvas.
    public init(trace: BackpropTrace, style: DiagramStyle = DiagramStyle(theme: .default)) throws {
        let measurer = try ImageCanvas(width: 1, height: 1)
        try self.init(trace: trace, style: style, measuringWith: measurer)
    }

    /// Lays out `trace`, measuring text with `canvas`.
    public init(trace: BackpropTrace, style: DiagramStyle, measuringWith canvas: Canvas) throws {
        self.trace = trace
        self.diagram = trace.diagram()
        self.layout = try DiagramLayout(diagram, style: style, measuringWith: canvas)
        var title = style.nodeText
        title.markup = true
        title.size = style.nodeText.size * 1.15
        title.weight = .bold
        var caption = style.nodeText
        caption.markup = true
        caption.size = style.nodeText.size * 0.9
        caption.color = style.nodeText.color
        self.titleStyle = title
        self.captionStyle = caption
        self.titleText = MathText.escaped(trace.title)
        let titleHeight = canvas.measureText(titleText, style: title).logical.height
        let captionHeight = canvas.measureText("Backward ∂", style: caption).logical.height
        // The widest caption decides the width so that no frame's caption is clipped.
        var captions = [Self.legendText(trace)]
        for i in trace.events.indices { captions.append(trace.caption(forEvent: i)) }
        let captionWidth = captions.map { canvas.measureText($0, style: caption).logical.width }.max() ?? 0
        let titleWidth = canvas.measureText(titleText, style: title).logical.width
        let margin = style.margin
        let width = max(layout.size.width, titleWidth + 2 * margin, captionWidth + 2 * margin)
        let height = margin + titleHeight + layout.size.height + captionHeight + margin
        self.size = Size(width: Self.even(width), height: Self.even(height))
        self.titleCenter = Point(x: size.width / 2, y: margin + titleHeight / 2)
        self.diagramOrigin = Point(x: ((size.width - layout.size.width) / 2).rounded(), y: margin + titleHeight)
        self.captionCenter = Point(x: size.width / 2, y: margin + titleHeight + layout.size.height + captionHeight / 2)
    }

    /// The caption of still figures.
    static func legendText(_ trace: BackpropTrace) -> String {
        "forward values above the edges, gradients ∂\(BackpropTrace.displayLabel(trace.outputLabel, kind: .output))/∂(value) below"
    }

    private static func even(_ x: Double) -> Double { (x / 2).rounded(.up) * 2 }

    /// Background, title, edges and nodes: what every frame shares.
    public func drawStatic(on canvas: Canvas) {
        canvas.clear(layout.style.background)
        canvas.drawText(titleText, at: titleCenter, style: titleStyle, anchor: .center)
        layout.drawStructure(on: canvas, origin: diagramOrigin)
    }

    /// The revealed values and a caption line, over ``drawStatic(on:)``.
    public func drawValues(_ reveal: DiagramReveal, caption: String, on canvas: Canvas) {
        layout.drawValues(on: canvas, reveal: reveal, origin: diagramOrigin)
        if !caption.isEmpty {
            canvas.drawText(caption, at: captionCenter, style: captionStyle, anchor: .center)
        }
    }

    /// The complete still figure: every value, every gradient, the updated parameters and the legend.
    public func drawStill(on canvas: Canvas) {
        drawStatic(on: canvas)
        layout.drawValues(on: canvas, reveal: .everything(of: diagram), origin: diagramOrigin)
        drawLegend(on: canvas)
    }

    private func drawLegend(on canvas: Canvas) {
        let black = "forward values above the edges,"
        let red = "gradients ∂\(BackpropTrace.displayLabel(trace.outputLabel, kind: .output))/∂(value) below"
        var redStyle = captionStyle
        redStyle.color = layout.style.gradientColor
        let blackStyle = captionStyle
        let spacer = captionStyle.size * 0.4
        let wb = canvas.measureText(black, style: blackStyle).logical.width
        let wr = canvas.measureText(red, style: redStyle).logical.width
        let left = captionCenter.x - (wb + spacer + wr) / 2
        canvas.drawText(black, at: Point(x: left, y: captionCenter.y), style: blackStyle, anchor: .centerLeft)
        canvas.drawText(red, at: Point(x: left + wb + spacer, y: captionCenter.y), style: redStyle, anchor: .centerLeft)
    }
}
