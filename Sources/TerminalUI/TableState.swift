/// Cursor and scroll position of a ``TableView``. The caller keeps it
/// between frames; the table adjusts it so the cursor stays visible.
///
/// ```swift
/// state.moveCursor(by: 1, rowCount: count)          // j
/// state.page(by: 1, visibleRows: 20, rowCount: count) // PgDn
/// state = table.render(into: &screen, rect: body) { rows[$0] }
/// ```
public struct TableState: Hashable, Sendable {
    /// Index of the cursor row (0 when the table is empty).
    public var cursor: Int
    /// Index of the first row shown.
    public var scrollOffset: Int
    /// How many of the columns that can scroll sideways (priority 0) are
    /// scrolled out to the left (`<` / `>`).
    public var columnScroll: Int
    /// Set by the last render: columns are hidden to the right, so
    /// ``scrollColumns(by:)`` to the right has something to show.
    public internal(set) var hasColumnsRight: Bool

    public init(cursor: Int = 0, scrollOffset: Int = 0, columnScroll: Int = 0) {
        self.cursor = cursor
        self.scrollOffset = scrollOffset
        self.columnScroll = columnScroll
        self.hasColumnsRight = false
    }

    /// Scrolls the hideable columns sideways by `delta` (`>` is +1), not
    /// past the first one nor beyond the last hidden one.
    public mutating func scrollColumns(by delta: Int) {
        if delta > 0, !hasColumnsRight { return }
        columnScroll = max(0, columnScroll + delta)
    }

    /// Moves the cursor by `delta` rows, stopping at the first and last row.
    public mutating func moveCursor(by delta: Int, rowCount: Int) {
        cursor = Self.clamp(cursor + delta, rowCount: rowCount)
    }

    /// Moves the cursor to `index` (clamped).
    public mutating func moveCursor(to index: Int, rowCount: Int) {
        cursor = Self.clamp(index, rowCount: rowCount)
    }

    /// Moves the cursor and the view by whole pages (negative: up), like
    /// PgUp/PgDn in a pager: the cursor keeps its place on the screen where
    /// it can.
    public mutating func page(by pages: Int, visibleRows: Int, rowCount: Int) {
        let step = max(1, visibleRows) * pages
        cursor = Self.clamp(cursor + step, rowCount: rowCount)
        scrollOffset += step
        self = keepingCursorVisible(visibleRows: visibleRows, rowCount: rowCount)
    }

    /// This state with the cursor clamped to the rows there are and the
    /// scroll offset moved the least needed to show the cursor, never leaving
    /// blank rows at the bottom while rows above are hidden (after a resize
    /// or when rows went away).
    public func keepingCursorVisible(visibleRows: Int, rowCount: Int) -> TableState {
        let visible = max(1, visibleRows)
        let cursor = Self.clamp(self.cursor, rowCount: rowCount)
        var offset = scrollOffset
        if cursor < offset { offset = cursor }
        if cursor >= offset + visible { offset = cursor - visible + 1 }
        offset = min(offset, max(0, rowCount - visible))
        offset = max(0, offset)
        var result = self
        result.cursor = cursor
        result.scrollOffset = offset
        return result
    }

    private static func clamp(_ index: Int, rowCount: Int) -> Int {
        guard rowCount > 0 else { return 0 }
        return min(max(0, index), rowCount - 1)
    }
}
