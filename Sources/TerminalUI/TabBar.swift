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
    /// between tabs. When the full titles do not fit, the bar turns compact
    /// (inactive titles unpadded, two blanks apart; the active tab keeps its
    /// highlighted padding) and inactive tabs switch to their short titles
    /// from the right until they do; then the last tabs are truncated (the
    /// active tab is always drawn whole when it fits on its own).
    public func render(into screen: inout Screen, rect: Rect) {
        let line = rect.line(0)
        guard !line.isEmpty else { return }
        screen.fill(line, style: Style(.tab))
        var labels = tabs.map(\.title)
        let compact = Self.width(labels, active: active, compact: false) > line.width
        for index in tabs.indices.reversed() where index != active && Self.width(labels, active: active, compact: compact) > line.width {
            labels[index] = tabs[index].short ?? tabs[index].title
        }
        // Make sure the active tab is not the one cut off: draw from a start
        // that keeps it on screen.
        var start = 0
        while start < active, active < labels.count,
            Self.width(Array(labels[start...active]), active: active - start, compact: compact) > line.width
        {
            start += 1
        }
        var col = line.col
        for index in labels.indices.dropFirst(start) {
            if index > start {
                col += compact && index != active && index - 1 != active ? 2 : 1
            }
            let room = line.right - col
            guard room > 0 else { break }
            let label = DisplayWidth.truncate(compact && index != active ? labels[index] : " \(labels[index]) ", to: room)
            let role: Role = index == active ? .tabActive : .tab
            col += screen.put(label, at: Point(row: line.row, col: col), style: Style(role), maxWidth: room)
        }
    }

    /// Columns `labels` take drawn with `active` highlighted (see `render`).
    public static func width(_ labels: [String], active: Int, compact: Bool) -> Int {
        let text = labels.reduce(0) { $0 + DisplayWidth.of($1) }
        let gaps = max(0, labels.count - 1)
        guard compact else { return text + 2 * labels.count + gaps }
        guard labels.indices.contains(active) else { return text + 2 * gaps }
        // The active tab's padding stands in for one blank on each side.
        let besideActive = (active > 0 ? 1 : 0) + (active < labels.count - 1 ? 1 : 0)
        return text + 2 * gaps + 2 - besideActive
    }
}
