/// How one column of a ``TableView`` is sized and aligned.
public struct TableColumn: Hashable, Sendable {
    public var title: String
    /// Never narrower than this while the column is shown; columns that do
    /// not fit at their minimum are dropped from the right.
    public var minWidth: Int
    /// Never wider than this (`nil`: no limit).
    public var maxWidth: Int?
    /// Share of the width left over once every column has its content width;
    /// 0 means the column never grows past its content.
    public var flex: Int
    public var alignment: DisplayWidth.Alignment
    /// The content width to aim for; `nil` measures the header and the
    /// visible rows (which can shift widths while scrolling — give a width,
    /// e.g. the longest value in the data set, to keep columns still).
    public var preferredWidth: Int?
    /// Above 0: shown at its content width before any column of priority 0
    /// is shown at all (higher first); such columns never scroll sideways.
    /// Priority-0 columns that do not fit are dropped from the right and
    /// scroll in with ``TableView/scrolledColumns``.
    public var priority: Int

    public init(
        _ title: String, minWidth: Int = 1, maxWidth: Int? = nil, flex: Int = 0,
        alignment: DisplayWidth.Alignment = .left, preferredWidth: Int? = nil, priority: Int = 0
    ) {
        self.title = title
        self.minWidth = max(0, minWidth)
        self.maxWidth = maxWidth
        self.flex = max(0, flex)
        self.alignment = alignment
        self.preferredWidth = preferredWidth
        self.priority = priority
    }
}

/// One cell of a table row: text, optionally in an accent role
/// (e.g. `.expiryOverdue` for an expiry date).
public struct TableCell: Hashable, Sendable, ExpressibleByStringInterpolation {
    public var text: String
    public var accent: Role?

    public init(_ text: String, accent: Role? = nil) {
        self.text = text
        self.accent = accent
    }

    public init(stringLiteral value: String) { self.init(value) }
}

/// The content of one row, produced on demand for visible rows only.
public struct TableRow: Hashable, Sendable {
    public var cells: [TableCell]
    /// Drawn in the `selected` role (or as an accent on the cursor row).
    public var isSelected: Bool
    /// Replaces the row / row-alt role for the whole row (e.g. `.pending`,
    /// `.conflict`); selection and the cursor still take precedence.
    public var role: Role?

    public init(_ cells: [TableCell], isSelected: Bool = false, role: Role? = nil) {
        self.cells = cells
        self.isSelected = isSelected
        self.role = role
    }
}

/// A virtual-scrolling table: the caller gives the row count and a closure
/// producing a row by index; only the rows on screen are asked for.
///
/// ```swift
/// let table = TableView(
///     columns: [TableColumn("Domain", minWidth: 12, flex: 1), TableColumn("Expires", minWidth: 10)],
///     rowCount: domains.count, state: state)
/// state = table.render(into: &screen, rect: body) { i in
///     TableRow([TableCell(domains[i].name), TableCell(domains[i].expiry)], isSelected: selection.contains(domains[i].name))
/// }
/// ```
public struct TableView: Sendable {
    public var columns: [TableColumn]
    public var rowCount: Int
    public var state: TableState
    public var showsHeader: Bool
    /// `false` draws no cursor row (e.g. when another pane has focus).
    public var showsCursor: Bool
    /// Blank columns between columns.
    public var columnGap: Int
    /// Shown (dim) in place of rows when `rowCount` is 0.
    public var emptyText: String?
    /// Draws a marker column (``selectionMarker``) at the left edge of
    /// selected rows, so selection shows without colour (`NO_COLOR`, mono,
    /// vt100) — in a pane with multi-select.
    public var marksSelection: Bool
    /// Columns of priority 0 that do not fit scroll in sideways
    /// (``TableState/columnScroll``); `<` / `>` in the header say some are out.
    public var scrollsColumns: Bool

    /// The selection marker (`*` on an ASCII terminal, see ``GlyphSet``).
    public static let selectionMarker = "●"
    /// Columns the marker column takes, its gap included.
    static let markerWidth = 2

    public init(
        columns: [TableColumn], rowCount: Int, state: TableState = TableState(),
        showsHeader: Bool = true, showsCursor: Bool = true, columnGap: Int = 1, emptyText: String? = nil,
        marksSelection: Bool = false, scrollsColumns: Bool = false
    ) {
        self.columns = columns
        self.rowCount = max(0, rowCount)
        self.state = state
        self.showsHeader = showsHeader
        self.showsCursor = showsCursor
        self.columnGap = max(0, columnGap)
        self.emptyText = emptyText
        self.marksSelection = marksSelection
        self.scrollsColumns = scrollsColumns
    }

    /// How many data rows fit in `rect` (for paging and for
    /// ``TableState/keepingCursorVisible(visibleRows:rowCount:)``).
    public func visibleRows(in rect: Rect) -> Int {
        max(0, rect.height - (showsHeader ? 1 : 0))
    }

    /// Draws header and visible rows into `rect`, calling `row` once for each
    /// visible index, and returns the state actually used (cursor clamped,
    /// scrolled to keep the cursor visible) for the caller to keep.
    @discardableResult
    public func render(into screen: inout Screen, rect: Rect, row: (Int) -> TableRow) -> TableState {
        let visible = visibleRows(in: rect)
        var used = state.keepingCursorVisible(visibleRows: visible, rowCount: rowCount)
        guard !rect.isEmpty else { return used }
        let end = min(rowCount, used.scrollOffset + visible)
        let rows = (used.scrollOffset..<max(used.scrollOffset, end)).map { row($0) }

        var natural = columns.map { DisplayWidth.of($0.title) }
        for content in rows {
            for (index, cell) in content.cells.prefix(columns.count).enumerated() {
                natural[index] = max(natural[index], DisplayWidth.of(cell.text))
            }
        }
        let marker = marksSelection && rect.width > Self.markerWidth ? Self.markerWidth : 0
        let scrollable = scrollsColumns ? columns.indices.filter { columns[$0].priority <= 0 } : []
        used.columnScroll = min(used.columnScroll, max(0, scrollable.count - 1))
        let widths = Self.columnWidths(columns, available: rect.width - marker, gap: columnGap, natural: natural,
                                       scrolled: used.columnScroll)
        used.hasColumnsRight = scrollable.last.map { widths[$0] == 0 } ?? false

        var line = rect.row
        if showsHeader {
            let headerCells = columns.map { TableCell($0.title) }
            drawLine(headerCells, widths: widths, style: Style(.header), screen: &screen, rect: rect, row: line, marker: marker)
            // Columns scrolled out to either side are announced at the edges.
            if used.columnScroll > 0 {
                screen.put("<", at: Point(row: line, col: rect.col), style: Style(.header))
            }
            if used.hasColumnsRight {
                screen.put(">", at: Point(row: line, col: rect.right - 1), style: Style(.header))
            }
            line += 1
        }
        if rowCount == 0, let emptyText, visible > 0 {
            screen.fill(Rect(row: line, col: rect.col, width: rect.width, height: visible), style: Style(.row))
            screen.put(
                DisplayWidth.truncate(emptyText, to: rect.width - 2),
                at: Point(row: line, col: rect.col + 1), style: Style(.row, accent: .dim))
            return used
        }
        for (offset, content) in rows.enumerated() {
            let index = used.scrollOffset + offset
            let isCursor = showsCursor && index == used.cursor
            let base: Role
            var rowAccent: Role?
            if isCursor {
                base = .cursor
                rowAccent = content.isSelected ? .selected : nil
            } else if content.isSelected {
                base = .selected
            } else if let role = content.role {
                base = role
            } else {
                base = index % 2 == 0 ? .row : .rowAlt
            }
            drawLine(
                content.cells, widths: widths, style: Style(base, accent: rowAccent),
                screen: &screen, rect: rect, row: line, marker: marker)
            if marker > 0, content.isSelected {
                screen.put(Self.selectionMarker, at: Point(row: line, col: rect.col), style: Style(base, accent: .selected))
            }
            line += 1
        }
        if line < rect.bottom {
            screen.fill(Rect(row: line, col: rect.col, width: rect.width, height: rect.bottom - line), style: Style(.row))
        }
        return used
    }

    private func drawLine(
        _ cells: [TableCell], widths: [Int], style: Style, screen: inout Screen, rect: Rect, row: Int, marker: Int
    ) {
        screen.fill(Rect(row: row, col: rect.col, width: rect.width, height: 1), style: style)
        var col = rect.col + marker
        for (index, width) in widths.enumerated() where width > 0 {
            let cell = index < cells.count ? cells[index] : TableCell("")
            let text = DisplayWidth.fit(cell.text, to: width, alignment: columns[index].alignment)
            let cellStyle = cell.accent.map { Style(style.role, accent: $0) } ?? style
            screen.put(text, at: Point(row: row, col: col), style: cellStyle, maxWidth: width)
            col += width + columnGap
        }
    }

    /// Column widths for `available` columns. Columns with a `priority`
    /// above 0 are placed first (highest first) at their content width
    /// (`preferredWidth` or `natural`, within min/max; at their minimum
    /// when that does not fit); then the others, left to right from the
    /// `scrolled`-th of them, at their minimum while they fit. Every shown
    /// column then grows toward its content, then flex columns share what
    /// is left in rounds of `flex` columns each (left to right, up to their
    /// max). Columns not shown get width 0.
    public static func columnWidths(
        _ columns: [TableColumn], available: Int, gap: Int, natural: [Int], scrolled: Int = 0
    ) -> [Int] {
        var widths = Array(repeating: 0, count: columns.count)
        guard available > 0, !columns.isEmpty else { return widths }
        let desired = columns.indices.map { index -> Int in
            let column = columns[index]
            let want = column.preferredWidth ?? (index < natural.count ? natural[index] : 0)
            return min(max(want, column.minWidth), column.maxWidth ?? Int.max)
        }
        var shown: [Int] = []
        var needed = 0
        func place(_ index: Int, width: Int) -> Bool {
            let extra = width + (shown.isEmpty ? 0 : gap)
            guard needed + extra <= available else { return false }
            needed += extra
            shown.append(index)
            widths[index] = width
            return true
        }
        let pinned = columns.indices.filter { columns[$0].priority > 0 }
            .sorted { columns[$0].priority > columns[$1].priority }
        for index in pinned {
            if place(index, width: desired[index]) { continue }
            if !place(index, width: columns[index].minWidth) { break }
        }
        let others = columns.indices.filter { columns[$0].priority <= 0 }
        for index in others.dropFirst(max(0, scrolled)) {
            if !place(index, width: columns[index].minWidth) { break }
        }
        if shown.isEmpty {
            widths[0] = available
            return widths
        }
        shown.sort()
        var remaining = available - needed
        // Grow toward content one column at a time, round-robin, so a long
        // column cannot starve the others.
        var growing = true
        while remaining > 0, growing {
            growing = false
            for index in shown where remaining > 0 && widths[index] < desired[index] {
                widths[index] += 1
                remaining -= 1
                growing = true
            }
        }
        growing = true
        while remaining > 0, growing {
            growing = false
            for index in shown where columns[index].flex > 0 {
                let room = (columns[index].maxWidth ?? Int.max) - widths[index]
                let step = min(columns[index].flex, room, remaining)
                if step > 0 {
                    widths[index] += step
                    remaining -= step
                    growing = true
                }
            }
        }
        return widths
    }
}
