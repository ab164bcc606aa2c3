/// A rectangle of screen cells, and the layout helpers widgets are placed with.
///
/// Splitting never produces negative sizes: asking for more than there is
/// gives the whole rectangle to the requested part and an empty remainder.
///
/// ```swift
/// let screen = Rect(row: 0, col: 0, width: 80, height: 24)
/// let (tabs, rest) = screen.splitTop(1)
/// let (body, footer) = rest.splitBottom(2)
/// let dialog = body.centered(width: 60, height: 12)
/// ```
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    public var row: Int
    public var col: Int
    public var width: Int
    public var height: Int

    public init(row: Int, col: Int, width: Int, height: Int) {
        self.row = row
        self.col = col
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The rectangle covering a whole screen of `size`.
    public init(size: Size) {
        self.init(row: 0, col: 0, width: size.cols, height: size.rows)
    }

    public var isEmpty: Bool { width == 0 || height == 0 }
    /// One past the last row.
    public var bottom: Int { row + height }
    /// One past the last column.
    public var right: Int { col + width }
    public var origin: Point { Point(row: row, col: col) }

    public var description: String { "(\(row),\(col) \(width)×\(height))" }

    /// The top `rows` rows and the rest below them.
    public func splitTop(_ rows: Int) -> (top: Rect, rest: Rect) {
        let taken = min(max(0, rows), height)
        return (
            Rect(row: row, col: col, width: width, height: taken),
            Rect(row: row + taken, col: col, width: width, height: height - taken)
        )
    }

    /// The bottom `rows` rows and the rest above them.
    public func splitBottom(_ rows: Int) -> (rest: Rect, bottom: Rect) {
        let taken = min(max(0, rows), height)
        return (
            Rect(row: row, col: col, width: width, height: height - taken),
            Rect(row: row + height - taken, col: col, width: width, height: taken)
        )
    }

    /// The left `cols` columns and the rest to their right.
    public func splitLeft(_ cols: Int) -> (left: Rect, rest: Rect) {
        let taken = min(max(0, cols), width)
        return (
            Rect(row: row, col: col, width: taken, height: height),
            Rect(row: row, col: col + taken, width: width - taken, height: height)
        )
    }

    /// The right `cols` columns and the rest to their left.
    public func splitRight(_ cols: Int) -> (rest: Rect, right: Rect) {
        let taken = min(max(0, cols), width)
        return (
            Rect(row: row, col: col, width: width - taken, height: height),
            Rect(row: row, col: col + width - taken, width: taken, height: height)
        )
    }

    /// The rectangle shrunk by `dx` columns on each side and `dy` rows on
    /// top and bottom.
    public func inset(dx: Int = 1, dy: Int = 1) -> Rect {
        Rect(row: row + dy, col: col + dx, width: width - 2 * dx, height: height - 2 * dy)
    }

    /// A rectangle of at most `width` × `height`, centred in this one.
    public func centered(width w: Int, height h: Int) -> Rect {
        let cw = min(max(0, w), width)
        let ch = min(max(0, h), height)
        return Rect(row: row + (height - ch) / 2, col: col + (width - cw) / 2, width: cw, height: ch)
    }

    /// Row `index` (0-based within this rectangle) as a one-row rectangle.
    public func line(_ index: Int) -> Rect {
        Rect(row: row + index, col: col, width: width, height: index >= 0 && index < height ? 1 : 0)
    }

    /// Whether `point` lies inside.
    public func contains(_ point: Point) -> Bool {
        point.row >= row && point.row < bottom && point.col >= col && point.col < right
    }

    /// The overlap of two rectangles (empty when they do not meet).
    public func intersection(_ other: Rect) -> Rect {
        let top = max(row, other.row)
        let left = max(col, other.col)
        return Rect(
            row: top, col: left,
            width: min(right, other.right) - left,
            height: min(bottom, other.bottom) - top)
    }
}
