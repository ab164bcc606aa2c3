/// A one-line progress bar: `label ▕██████▍    ▏ 45/100`, with eighth-block
/// resolution.
///
/// ```swift
/// ProgressBar(done: 45, total: 100, label: "Syncing").render(into: &screen, rect: line)
/// ```
public struct ProgressBar: Hashable, Sendable {
    public var done: Int
    public var total: Int
    public var label: String

    public init(done: Int, total: Int, label: String = "") {
        self.done = done
        self.total = total
        self.label = label
    }

    /// done / total in 0…1 (0 when total is 0).
    public var fraction: Double {
        guard total > 0 else { return 0 }
        return min(1, max(0, Double(done) / Double(total)))
    }

    /// Frames of the indeterminate indicator (it turns as `done` grows, also
    /// by whole pages of 1,000).
    static let spinner = ["|", "/", "-", "\\"]

    private static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// The bar alone, `width` columns of full, partial and empty blocks.
    public static func bar(fraction: Double, width: Int) -> String {
        guard width > 0 else { return "" }
        let clamped = min(1, max(0, fraction))
        let units = Int((clamped * Double(width * 8)).rounded(.down))
        let full = units / 8
        var text = String(repeating: "█", count: full)
        if full < width {
            let rest = units % 8
            text.append(rest > 0 ? eighths[rest - 1] : " ")
            text += String(repeating: " ", count: width - full - 1)
        }
        return text
    }

    /// Draws into the first line of `rect`: label, bar, count. The bar takes
    /// the width the label and count leave (at least 1 column, else it is
    /// left out).
    public func render(into screen: inout Screen, rect: Rect, style: Style = Style(.plain)) {
        let line = rect.line(0)
        guard !line.isEmpty else { return }
        screen.fill(line, style: style)
        // No total known: a spinner and the running count, never a bar.
        guard total > 0 else {
            let spinner = Self.spinner[(done + done / 1000) % Self.spinner.count]
            let text = (label.isEmpty ? "" : label + " ") + "\(spinner) \(done) so far"
            screen.put(DisplayWidth.truncate(text, to: line.width), at: Point(row: line.row, col: line.col), style: style)
            return
        }
        let count = " \(done)/\(total)"
        let labelText = label.isEmpty ? "" : DisplayWidth.truncate(label, to: max(0, line.width / 3)) + " "
        var col = line.col
        col += screen.put(labelText, at: Point(row: line.row, col: col), style: style, maxWidth: line.width)
        let barWidth = line.right - col - DisplayWidth.of(count) - 2
        if barWidth >= 1 {
            col += screen.put("▕", at: Point(row: line.row, col: col), style: Style(style.role, accent: .dim))
            col += screen.put(
                Self.bar(fraction: fraction, width: barWidth), at: Point(row: line.row, col: col),
                style: Style(style.role, accent: .chartBar))
            col += screen.put("▏", at: Point(row: line.row, col: col), style: Style(style.role, accent: .dim))
        }
        screen.put(count, at: Point(row: line.row, col: col), style: style, maxWidth: line.right - col)
    }
}
