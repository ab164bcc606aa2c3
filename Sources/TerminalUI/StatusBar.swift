/// A one-line status bar: left segments from the left edge, right segments
/// flush right, segments separated by ` │ `. When they do not all fit,
/// whole segments drop, lowest priority first, instead of being cut.
///
/// ```swift
/// StatusBar(left: ["acme", "cache 2m"], right: [Span("offline", style: Style(.statusBar, accent: .error)), "3 selected"])
///     .render(into: &screen, rect: statusLine)
/// ```
public struct StatusBar: Hashable, Sendable {
    /// One segment and how much it matters (higher stays longer).
    public struct Item: Hashable, Sendable {
        public var span: Span
        public var priority: Int

        public init(_ span: Span, priority: Int) {
            self.span = span
            self.priority = priority
        }
    }

    public var left: [Item]
    public var right: [Item]
    public var separator: String

    /// Segments with priorities: `StatusBar(left: [.init("acme", priority: 5)], right: …)`.
    public init(items left: [Item], right: [Item] = [], separator: String = " │ ") {
        self.left = left
        self.right = right
        self.separator = separator
    }

    /// Segments without priorities: the right side outlasts the left, and
    /// on each side the earlier segment outlasts the later one.
    public init(left: [Span], right: [Span] = [], separator: String = " │ ") {
        self.init(items: left.enumerated().map { Item($1, priority: -$0) },
                  right: right.enumerated().map { Item($1, priority: 1000 - $0) }, separator: separator)
    }

    /// Draws into the first line of `rect`. Segments drop whole, lowest
    /// priority first (the later one among equals), until the rest fits;
    /// only a last segment too wide on its own is truncated with `…`.
    public func render(into screen: inout Screen, rect: Rect) {
        let line = rect.line(0)
        guard !line.isEmpty else { return }
        let base = Style(.statusBar)
        screen.fill(line, style: base)
        let inner = line.width - 2
        guard inner > 0 else { return }
        var left = self.left
        var right = self.right
        while width(left.map(\.span), right.map(\.span)) > inner, left.count + right.count > 1 {
            let lowest = (left + right).map(\.priority).min()!
            if let index = right.lastIndex(where: { $0.priority == lowest }) {
                right.remove(at: index)
            } else if let index = left.lastIndex(where: { $0.priority == lowest }) {
                left.remove(at: index)
            }
        }
        draw(left.map(\.span), right.map(\.span), into: &screen, line: line, inner: inner)
    }

    private func width(_ left: [Span], _ right: [Span]) -> Int {
        let l = joined(left).reduce(0) { $0 + DisplayWidth.of($1.text) }
        let r = joined(right).reduce(0) { $0 + DisplayWidth.of($1.text) }
        return l + r + (l > 0 && r > 0 ? 2 : 0)
    }

    private func draw(_ left: [Span], _ right: [Span], into screen: inout Screen, line: Rect, inner: Int) {
        let base = Style(.statusBar)
        let rightSpans = joined(right)
        let rightWidth = min(inner, rightSpans.reduce(0) { $0 + DisplayWidth.of($1.text) })
        let leftRoom = inner - rightWidth - (rightWidth > 0 ? 2 : 0)
        if leftRoom > 0 {
            screen.put(truncated(joined(left), to: leftRoom), at: Point(row: line.row, col: line.col + 1), base: base, maxWidth: leftRoom)
        }
        if rightWidth > 0 {
            screen.put(
                truncated(rightSpans, to: rightWidth),
                at: Point(row: line.row, col: line.right - 1 - rightWidth), base: base, maxWidth: rightWidth)
        }
    }

    private func joined(_ spans: [Span]) -> [Span] {
        var result: [Span] = []
        for (index, span) in spans.enumerated() {
            if index > 0 { result.append(Span(separator)) }
            result.append(span)
        }
        return result
    }
}

/// `spans` cut to `width` columns, the last kept span ending in `…` when
/// anything was cut.
func truncated(_ spans: [Span], to width: Int) -> [Span] {
    let total = spans.reduce(0) { $0 + DisplayWidth.of($1.text) }
    guard total > width else { return spans }
    var result: [Span] = []
    var used = 0
    for span in spans {
        let spanWidth = DisplayWidth.of(span.text)
        if used + spanWidth < width {
            result.append(span)
            used += spanWidth
            continue
        }
        // This span reaches the edge and more was cut after it (or in it).
        let kept = DisplayWidth.prefix(span.text, width: width - used - 1)
        result.append(Span(kept + String(DisplayWidth.ellipsis), style: span.style))
        break
    }
    return result
}
