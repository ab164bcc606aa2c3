/// A one-line status bar: left segments from the left edge, right segments
/// flush right, segments separated by ` │ `.
///
/// ```swift
/// StatusBar(left: ["acme", "cache 2m"], right: [Span("offline", style: Style(.statusBar, accent: .error)), "3 selected"])
///     .render(into: &screen, rect: statusLine)
/// ```
public struct StatusBar: Hashable, Sendable {
    public var left: [Span]
    public var right: [Span]
    public var separator: String

    public init(left: [Span], right: [Span] = [], separator: String = " │ ") {
        self.left = left
        self.right = right
        self.separator = separator
    }

    /// Draws into the first line of `rect`. The right side wins: when both do
    /// not fit, the left side is truncated with `…` first, then the right.
    public func render(into screen: inout Screen, rect: Rect) {
        let line = rect.line(0)
        guard !line.isEmpty else { return }
        let base = Style(.statusBar)
        screen.fill(line, style: base)
        let inner = line.width - 2
        guard inner > 0 else { return }
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
