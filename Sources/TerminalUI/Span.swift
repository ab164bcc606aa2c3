/// A run of text in one style; a line of mixed styles is `[Span]`.
///
/// ```swift
/// let line: [Span] = [Span("example.com  ns: "), Span("a.ns → b.ns", style: Style(.dialog, accent: .pending))]
/// ```
public struct Span: Hashable, Sendable, ExpressibleByStringInterpolation {
    public var text: String
    /// `nil` draws in the style of whatever contains the span.
    public var style: Style?

    public init(_ text: String, style: Style? = nil) {
        self.text = text
        self.style = style
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }
}

extension Screen {
    /// Draws spans one after another on one line, each in its own style or
    /// `base`, clipped to `maxWidth` columns (no ellipsis). Returns the
    /// columns written.
    @discardableResult
    public mutating func put(_ spans: [Span], at point: Point, base: Style, maxWidth: Int) -> Int {
        var used = 0
        for span in spans where used < maxWidth {
            used += put(
                span.text, at: Point(row: point.row, col: point.col + used),
                style: span.style ?? base, maxWidth: maxWidth - used)
        }
        return used
    }

    /// Fills `rect` with `style` and draws a single-line box around its edge,
    /// with `title` (truncated with `…`) in the top border. The box-drawing
    /// characters are in `border`.
    public mutating func drawBox(_ rect: Rect, style: Style, border: Style, title: String? = nil) {
        guard rect.width >= 2, rect.height >= 2 else {
            fill(rect, style: style)
            return
        }
        fill(rect, style: style)
        let inner = rect.width - 2
        let horizontal = String(repeating: "─", count: inner)
        put("┌" + horizontal + "┐", at: rect.origin, style: border)
        for row in (rect.row + 1)..<(rect.bottom - 1) {
            put("│", at: Point(row: row, col: rect.col), style: border)
            put("│", at: Point(row: row, col: rect.right - 1), style: border)
        }
        put("└" + horizontal + "┘", at: Point(row: rect.bottom - 1, col: rect.col), style: border)
        if let title, inner >= 3 {
            let shown = DisplayWidth.truncate(" \(title) ", to: inner - 2)
            put(shown, at: Point(row: rect.row, col: rect.col + 2), style: border)
        }
    }
}
