/// A position on the screen: row 0 is the top line, column 0 the left edge.
public struct Point: Hashable, Sendable {
    public var row: Int
    public var col: Int

    public init(row: Int, col: Int) {
        self.row = row
        self.col = col
    }
}

/// A terminal size in rows (lines) and columns.
public struct Size: Hashable, Sendable, CustomStringConvertible {
    public var rows: Int
    public var cols: Int

    public init(rows: Int, cols: Int) {
        self.rows = rows
        self.cols = cols
    }

    /// `80×24` (columns × rows, the way terminal sizes are usually written).
    public var description: String { "\(cols)×\(rows)" }
}
