import FrameplotPlot

extension FigureAnimation {
    /// The text of each keyed legend row (``LegendEntry/key``) in one frame, by key, computed
    /// without building the frame's marks: the layout finds each row's widest text with one
    /// call per frame, where building every frame would cost the sum of all frames' paths.
    ///
    /// It must give exactly the labels the frame closure gives its keyed rows. The layout
    /// checks this on the frames it samples (and that every sampled frame shows the same keyed
    /// rows, in the same panels and styles); where it does not hold, or a frame names a key no
    /// sampled frame shows, the layout builds those frames instead, so the legend is the same.
    ///
    /// ```swift
    /// let animation = try FigureAnimation(run: run, figure: figure,
    ///                                     legendLabels: { ["loss": "loss \(format($0.step.loss))"] }) { frame, figure in
    ///     figure.axes.line(xs: steps(frame), ys: losses(frame), label: "loss \(format(frame.step.loss))", legendKey: "loss")
    /// }
    /// ```
    public typealias LegendLabels = @Sendable (AnimationFrame) -> [String: String]
}

/// Gives the layout's keyed legend rows (``LegendEntry/key``) room for the texts of every
/// frame, not only of the frames the layout samples.
struct KeyedLegendWidening {
    /// A keyed row as the sampled frames show it: the first mark carrying the key in a panel.
    struct Row {
        let panel: Int
        let mark: any Mark
    }

    private let theme: Theme
    private var seen: [Set<String>]
    /// The first mark at each place stands for the later ones, whose long paths are not kept.
    private var representatives: [[Int: any Mark]]

    init(panelCount: Int, theme: Theme) {
        self.theme = theme
        seen = Array(repeating: [], count: panelCount)
        representatives = Array(repeating: [:], count: panelCount)
    }

    /// Adds the keyed texts of one built frame that are new to `sizing`.
    mutating func add(_ marked: Figure, to sizing: inout Figure) {
        for p in marked.panels.indices where p < sizing.panels.count {
            let panel = marked.panels[p]
            for m in panel.marks.indices where panel.isFrameMark(at: m) {
                let entries = panel.marks[m].legendEntries(theme: theme).filter { $0.key != nil }
                let texts = entries.map { "\($0.key ?? "")\u{1f}\($0.label)" }
                guard !texts.isEmpty, !seen[p].isSuperset(of: texts) else { continue }
                seen[p].formUnion(texts)
                let representative = representatives[p][m] ?? panel.marks[m]
                representatives[p][m] = representative
                sizing.panels[p].add(KeyedLegendTexts(representative: representative, entries: entries))
            }
        }
    }

    /// The keyed rows of the sampled frames, by key, when `labels` can stand for building the
    /// frames: every sampled frame shows the same keys in the same panels and styles, one text
    /// per key, and `labels` gives exactly those texts. Nil otherwise.
    static func rows(sampled: [(index: Int, figure: Figure)], labels: FigureAnimation.LegendLabels,
                     frame: (Int) -> AnimationFrame, theme: Theme) -> [String: [Row]]? {
        struct Place: Hashable { let key: String; let panel: Int; let handle: LegendEntry.Handle }
        var rows: [String: [Row]] = [:]
        var places: Set<Place>?
        for (index, marked) in sampled {
            var shown: [String: String] = [:]
            var here = Set<Place>()
            var firsts: [String: [Row]] = [:]
            for p in marked.panels.indices {
                let panel = marked.panels[p]
                for m in panel.marks.indices where panel.isFrameMark(at: m) {
                    for entry in panel.marks[m].legendEntries(theme: theme) {
                        guard let key = entry.key else { continue }
                        if let text = shown[key], text != entry.label { return nil }
                        shown[key] = entry.label
                        if here.insert(Place(key: key, panel: p, handle: entry.handle)).inserted,
                           !(firsts[key] ?? []).contains(where: { $0.panel == p }) {
                            firsts[key, default: []].append(Row(panel: p, mark: panel.marks[m]))
                        }
                    }
                }
            }
            guard places.map({ $0 == here }) ?? true, labels(frame(index)) == shown else { return nil }
            if places == nil { places = here; rows = firsts }
        }
        return rows
    }

    /// Adds to `sizing` the texts `labels` gives the keyed `rows` in `frames`, one call per
    /// frame and nothing built; returns the frames that name a key no row has (to build).
    static func addLabels(of frames: [Int], rows: [String: [Row]], labels: FigureAnimation.LegendLabels,
                          frame: (Int) -> AnimationFrame, to sizing: inout Figure) -> [Int] {
        var texts: [String: Set<String>] = [:]
        var unknown: [Int] = []
        for index in frames {
            let shown = labels(frame(index))
            guard shown.keys.allSatisfy({ rows[$0] != nil }) else { unknown.append(index); continue }
            for (key, text) in shown { texts[key, default: []].insert(text) }
        }
        for key in rows.keys.sorted() {
            guard let candidates = texts[key]?.sorted(), !candidates.isEmpty else { continue }
            for row in rows[key] ?? [] where row.panel < sizing.panels.count {
                sizing.panels[row.panel].add(KeyedLegendTexts(representative: row.mark, texts: [key: candidates]))
            }
        }
        return unknown
    }
}

/// The keyed legend entries of a frame's mark, for the layout only: the texts its legend rows
/// show in some frames, so each row gets room for the widest (nothing is drawn, nothing else
/// counts: no extent, no occupied points).
struct KeyedLegendTexts: Mark {
    /// An earlier frame's mark at the same place, whose rows (handles in the layout's theme)
    /// get these texts: a long run's later marks hold long paths, and are not kept.
    let representative: any Mark
    /// The texts of each keyed row.
    let texts: [String: [String]]
    var layer: MarkLayer { .dynamic }
    /// The frame mark's own stratum, so the layout's per-frame strata stay those of the frames.
    var stratum: MarkStratum { representative.stratum }

    init(representative: any Mark, texts: [String: [String]]) {
        self.representative = representative
        self.texts = texts
    }

    /// The texts of one frame's keyed `entries`.
    init(representative: any Mark, entries: [LegendEntry]) {
        var texts: [String: [String]] = [:]
        for entry in entries { if let key = entry.key, texts[key] == nil { texts[key] = [entry.label] } }
        self.init(representative: representative, texts: texts)
    }

    func draw(in context: MarkContext) {}
    func legendEntries(theme: Theme) -> [LegendEntry] {
        representative.legendEntries(theme: theme).filter { $0.key != nil }.flatMap { entry in
            (entry.key.flatMap { texts[$0] } ?? [entry.label]).map { label in
                var entry = entry
                entry.label = label
                return entry
            }
        }
    }
}
