/// The `?` overlay: sections of key → description, scrollable, in a box.
///
/// Keys: `?`, `q`, Esc close; Up/Down/`j`/`k`/PgUp/PgDn/`g`/`G` scroll.
///
/// ```swift
/// var help = HelpOverlay(sections: [.init(title: "Move", entries: [.init(keys: "j / Down", description: "next row")])])
/// if help.handle(key, area: body) == .closed { showHelp = false }
/// help.render(into: &screen, area: body)
/// ```
public struct HelpOverlay: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public var keys: String
        public var description: String

        public init(keys: String, description: String) {
            self.keys = keys
            self.description = description
        }
    }

    public struct Section: Hashable, Sendable {
        public var title: String
        public var entries: [Entry]

        public init(title: String, entries: [Entry]) {
            self.title = title
            self.entries = entries
        }
    }

    public enum Outcome: Hashable, Sendable { case closed, scrolled, ignored }

    public var title: String
    public var sections: [Section]
    public private(set) var scrollOffset = 0

    public init(title: String = "Keys", sections: [Section]) {
        self.title = title
        self.sections = sections
    }

    private var keyWidth: Int {
        sections.flatMap(\.entries).map { DisplayWidth.of($0.keys) }.max() ?? 0
    }

    /// The content, one entry per line, a title line per section and a blank
    /// line between sections.
    private var contentLines: [[Span]] {
        var lines: [[Span]] = []
        let keyWidth = self.keyWidth
        for (index, section) in sections.enumerated() {
            if index > 0 { lines.append([]) }
            lines.append([Span(section.title, style: Style(.dialog, accent: .header))])
            for entry in section.entries {
                lines.append([
                    Span("  " + DisplayWidth.pad(entry.keys, to: keyWidth), style: Style(.dialog, accent: .helpKey)),
                    Span("  " + entry.description),
                ])
            }
        }
        return lines
    }

    /// The box over `area`: as wide as the widest line (at most 76 columns),
    /// as tall as the content and `area` allow.
    public func frame(in area: Rect) -> Rect {
        let widest = contentLines.map { $0.reduce(0) { $0 + DisplayWidth.of($1.text) } }.max() ?? 0
        let width = min(area.width - 2, min(76, max(widest, DisplayWidth.of(title) + 20) + 4))
        let height = min(area.height - 2, contentLines.count + 2)
        return area.centered(width: width, height: height)
    }

    public func visibleLines(in area: Rect) -> Int {
        max(0, frame(in: area).height - 2)
    }

    public mutating func handle(_ key: KeyEvent, area: Rect) -> Outcome {
        switch key {
        case .char("?"), .char("q"), .escape: return .closed
        default:
            let total = contentLines.count
            guard
                let offset = ScrollPosition.offset(
                    after: key, current: scrollOffset, visible: visibleLines(in: area), total: total)
            else { return .ignored }
            scrollOffset = offset
            return .scrolled
        }
    }

    public func render(into screen: inout Screen, area: Rect) {
        let box = frame(in: area)
        guard box.width >= 4, box.height >= 3 else { return }
        let lines = contentLines
        let visible = visibleLines(in: area)
        let offset = min(scrollOffset, max(0, lines.count - visible))
        var heading = title
        if let position = ScrollPosition.label(offset: offset, visible: visible, total: lines.count) {
            heading += " (\(position))"
        }
        screen.drawBox(box, style: Style(.dialog), border: Style(.dialogBorder), title: heading)
        let inner = box.inset(dx: 2, dy: 1)
        for (index, line) in lines.dropFirst(offset).prefix(visible).enumerated() {
            screen.put(
                truncated(line, to: inner.width), at: Point(row: inner.row + index, col: inner.col),
                base: Style(.dialog), maxWidth: inner.width)
        }
    }
}
