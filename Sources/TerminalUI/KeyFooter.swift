/// A one-line list of key hints (`j/k move  / filter  ? help`). Hints are
/// kept in order and dropped from the end when they do not fit.
///
/// ```swift
/// KeyFooter(hints: [.init(key: "space", label: "select"), .init(key: "?", label: "help")])
///     .render(into: &screen, rect: footerLine)
/// ```
public struct KeyFooter: Hashable, Sendable {
    public struct Hint: Hashable, Sendable {
        public var key: String
        public var label: String

        public init(key: String, label: String) {
            self.key = key
            self.label = label
        }
    }

    public var hints: [Hint]

    public init(hints: [Hint]) {
        self.hints = hints
    }

    /// Draws into the first line of `rect`: ` key label  key label…`.
    public func render(into screen: inout Screen, rect: Rect) {
        let line = rect.line(0)
        guard !line.isEmpty else { return }
        screen.fill(line, style: Style(.footer))
        var col = line.col + 1
        for hint in hints {
            let keyWidth = DisplayWidth.of(hint.key)
            let width = keyWidth + 1 + DisplayWidth.of(hint.label)
            guard col + width <= line.right else { break }
            screen.put(hint.key, at: Point(row: line.row, col: col), style: Style(.footerKey))
            screen.put(hint.label, at: Point(row: line.row, col: col + keyWidth + 1), style: Style(.footer))
            col += width + 2
        }
    }
}
