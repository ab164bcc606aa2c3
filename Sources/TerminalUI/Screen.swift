/// One cell of a ``Screen``.
///
/// A wide character (CJK, most emoji) takes two cells: the lead cell holds
/// the character with `width == 2`, the cell to its right is a continuation
/// (`width == 0`) that draws nothing of its own.
public struct Cell: Hashable, Sendable {
    public var character: Character
    /// 1 for a normal cell, 2 for the lead cell of a wide character, 0 for
    /// the continuation cell after it.
    public var width: Int8
    public var style: Style

    public init(character: Character, width: Int8, style: Style) {
        self.character = character
        self.width = width
        self.style = style
    }

    public var isContinuation: Bool { width == 0 }

    /// A blank cell.
    public static func blank(_ style: Style = .plain) -> Cell {
        Cell(character: " ", width: 1, style: style)
    }
}

/// An in-memory grid of cells that widgets draw into and a ``Terminal``
/// flushes. Drawing is clipped to the screen; nothing here does I/O.
///
/// ```swift
/// var screen = Screen(size: Size(rows: 24, cols: 80))
/// screen.put("例え.jp", at: Point(row: 0, col: 0), style: Style(.header))
/// print(screen.plainText())
/// ```
public struct Screen: Hashable, Sendable {
    public private(set) var size: Size
    private var cells: [Cell]
    /// Where the terminal cursor is shown (e.g. in a text input); `nil` hides it.
    public var cursor: Point?

    public init(size: Size) {
        let clamped = Size(rows: max(0, size.rows), cols: max(0, size.cols))
        self.size = clamped
        self.cells = Array(repeating: .blank(), count: clamped.rows * clamped.cols)
    }

    /// The whole screen as a rectangle.
    public var bounds: Rect { Rect(size: size) }

    /// The cell at (`row`, `col`); a blank plain cell outside the screen.
    public subscript(row: Int, col: Int) -> Cell {
        guard row >= 0, row < size.rows, col >= 0, col < size.cols else { return .blank() }
        return cells[row * size.cols + col]
    }

    /// Blanks every cell in the plain style and hides the cursor.
    public mutating func clear() {
        for index in cells.indices { cells[index] = .blank() }
        cursor = nil
    }

    /// Blanks `rect` (clipped to the screen) in `style`.
    public mutating func fill(_ rect: Rect, style: Style) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for row in area.row..<area.bottom {
            // A wide character half inside the area loses its other half.
            breakWide(row: row, col: area.col)
            breakWide(row: row, col: area.right - 1)
            for col in area.col..<area.right { cells[row * size.cols + col] = .blank(style) }
        }
    }

    /// Draws `text` on one line starting at `point`, using at most
    /// `maxWidth` columns (default: to the right edge). Text that does not
    /// fit is cut without an ellipsis (use ``DisplayWidth/truncate(_:to:)``
    /// first for one); a wide character that would straddle the limit is
    /// replaced by a blank. Control characters are drawn as `�` so nothing
    /// from data can reach the terminal as an escape sequence; zero-width
    /// characters on their own are skipped.
    ///
    /// Returns the number of columns written.
    @discardableResult
    public mutating func put(_ text: String, at point: Point, style: Style, maxWidth: Int? = nil) -> Int {
        guard point.row >= 0, point.row < size.rows else { return 0 }
        let limit = min(point.col + (maxWidth ?? Int.max / 2), size.cols)
        var col = point.col
        for character in text {
            if col >= limit { break }
            var shown = character
            var width = DisplayWidth.of(character)
            if DisplayWidth.isControl(character) {
                shown = DisplayWidth.replacement
                width = 1
            }
            if width == 0 { continue }
            if col + width > limit {
                if col >= 0 { set(row: point.row, col: col, Cell.blank(style)) }
                col += 1
                break
            }
            if col >= 0 {
                set(row: point.row, col: col, Cell(character: shown, width: Int8(width), style: style))
                if width == 2 {
                    set(row: point.row, col: col + 1, Cell(character: " ", width: 0, style: style))
                }
            }
            col += width
        }
        return max(0, col - max(point.col, 0))
    }

    /// Changes the style of the cells in `rect`, keeping their characters.
    public mutating func restyle(_ rect: Rect, style: Style) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for row in area.row..<area.bottom {
            for col in area.col..<area.right { cells[row * size.cols + col].style = style }
        }
    }

    /// Writes one cell, first breaking any wide character it cuts in half.
    private mutating func set(row: Int, col: Int, _ cell: Cell) {
        guard col >= 0, col < size.cols else { return }
        breakWide(row: row, col: col)
        if cell.width != 0, cells[row * size.cols + col].width == 2 {
            // Overwriting a wide lead: its continuation would be orphaned.
            let next = row * size.cols + col + 1
            if col + 1 < size.cols, cells[next].isContinuation {
                cells[next] = .blank(cells[next].style)
            }
        }
        cells[row * size.cols + col] = cell
    }

    /// If (`row`, `col`) is the continuation of a wide character, blank the
    /// lead so no half character is left behind.
    private mutating func breakWide(row: Int, col: Int) {
        guard col >= 0, col < size.cols else { return }
        let index = row * size.cols + col
        if cells[index].isContinuation, col > 0, cells[index - 1].width == 2 {
            cells[index - 1] = .blank(cells[index - 1].style)
            cells[index] = .blank(cells[index].style)
        }
    }

    // MARK: Text dumps for tests

    /// The screen as text, one line per row, continuation cells omitted (so
    /// a wide character shows once), trailing blanks trimmed.
    public func plainText() -> String {
        (0..<size.rows).map { row in
            var line = ""
            for col in 0..<size.cols where !self[row, col].isContinuation {
                line.append(self[row, col].character)
            }
            return trimTrailingSpaces(line)
        }.joined(separator: "\n")
    }

    /// Like ``plainText()``, with the resolved style written inline wherever
    /// it changes, as `⟦fg=red bold⟧` (`⟦plain⟧` back to the terminal's
    /// defaults). Every line starts in the plain style; trailing plain blanks
    /// are trimmed.
    public func styledText(theme: Theme, mode: ColorMode = .colors256) -> String {
        let plain = ResolvedStyle()
        return (0..<size.rows).map { row in
            var line = ""
            var current = plain
            var pendingBlanks = ""
            for col in 0..<size.cols where !self[row, col].isContinuation {
                let cell = self[row, col]
                let resolved = theme.resolve(cell.style, mode: mode)
                if resolved == plain, cell.character == " " {
                    // Held back so plain blanks at the end of the line can be dropped.
                    pendingBlanks.append(" ")
                    continue
                }
                if !pendingBlanks.isEmpty {
                    if current != plain { line += "⟦plain⟧" }
                    current = plain
                    line += pendingBlanks
                    pendingBlanks = ""
                }
                if resolved != current {
                    line += "⟦\(resolved)⟧"
                    current = resolved
                }
                line.append(cell.character)
            }
            return line
        }.joined(separator: "\n")
    }

    private func trimTrailingSpaces(_ line: String) -> String {
        var result = line
        while result.last == " " { result.removeLast() }
        return result
    }
}
