/// A one-line row of tabs, the active one highlighted.
///
/// ```swift
/// TabBar(tabs: [.init("1 Domains", short: "1 Dom"), .init("7 Queue (3)", short: "7 Q")], active: 0)
///     .render(into: &screen, rect: tabsLine)
/// ```
public struct TabBar: Hashable, Sendable {
    public struct Tab: Hashable, Sendable {
        public var title: String
        /// Used instead of the title when the full titles do not fit: tabs
        /// give up their titles one by one, the last first and the active
        /// one never (e.g. just the number key and a badge, `7 (3)`).
        public var short: String?

        public init(_ title: String, short: String? = nil) {
            self.title = title
            self.short = short
        }
    }

    public var tabs: [Tab]
    public var active: Int

    public init(tabs: [Tab], active: Int) {
        self.tabs = tabs
        self.active = active
    }

    /// Draws into the first line of `rect`: ` title ` per tab, one blank
    /// between tabs; when the full titles do not fit, inactive tabs switch
    /// to their short titles from the right until they do, then the last
    /// tabs are truncated (the active tab is always drawn whole when it
    /// fits on its own).
    public func render(into screen: inout Screen, rect: Rect) {
        let line = rect.line(0)
        guard !line.isEmpty else { return }
        screen.fill(line, style: Style(.tab))
        var labels = tabs.map(\.title)
        for index in tabs.indices.reversed() where index != active && totalWidth(labels) > line.width {
            labels[index] = tabs[index].short ?? tabs[index].title
        }
        var order = Array(labels.indices)
        // Make sure the active tab is not the one cut off: draw from a start
        // that keeps it on screen.
        var start = 0
        while start < active, active < labels.count,
            totalWidth(Array(labels[start...active])) > line.width
        {
            start += 1
        }
        order = Array(order[start...])
        var col = line.col
        for index in order {
            let room = line.right - col
            guard room > 0 else { break }
            let label = DisplayWidth.truncate(" \(labels[index]) ", to: room)
            let role: Role = index == active ? .tabActive : .tab
            col += screen.put(label, at: Point(row: line.row, col: col), style: Style(role), maxWidth: room)
            col += 1
        }
    }

    private func totalWidth(_ labels: [String]) -> Int {
        labels.reduce(0) { $0 + DisplayWidth.of($1) + 2 } + max(0, labels.count - 1)
    }
}
