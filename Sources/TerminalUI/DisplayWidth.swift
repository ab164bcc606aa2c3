import CNCursesShim
import DynadotAPI

/// Display widths in terminal columns, as `wcwidth` counts them.
///
/// Widths are per grapheme cluster (a Swift `Character`): the cluster takes
/// the width of its first scalar, so `e` + U+0301 is 1, `例` is 2, `👍🏻` is 2.
/// This is the rule ncurses itself applies when it places a cell, so what we
/// measure is what lands on the terminal. Widths are evaluated in a private
/// UTF-8 locale, independent of the process locale.
///
/// ```swift
/// DisplayWidth.of("例え.jp")                 // 7
/// DisplayWidth.truncate("bücher.de", to: 5) // "büch…"
/// ```
public enum DisplayWidth {
    /// The character drawn in place of a control character (which would
    /// otherwise reach the terminal as an escape sequence).
    public static let replacement: Character = "\u{FFFD}"

    /// The ellipsis appended by ``truncate(_:to:)``.
    public static let ellipsis: Character = "…"

    /// Columns taken by one character: 0 (combining, zero-width), 1 or 2.
    /// Control characters measure as the width of ``replacement`` (1),
    /// since ``Screen`` draws them as that.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        // Printable ASCII is by far the common case; skip the C call.
        if first.value >= 0x20, first.value < 0x7F { return 1 }
        let width = Int(dfc_wcwidth(wchar_t(bitPattern: first.value)))
        if width < 0 { return 1 }
        return width
    }

    /// Whether the character is a control character (drawn as
    /// ``replacement``): what ``TerminalText/isControl(_:)`` — the one rule
    /// the CLI's output escaping uses too — calls a control, and anything
    /// else the terminal would not draw.
    public static func isControl(_ character: Character) -> Bool {
        guard let first = character.unicodeScalars.first else { return false }
        if first.value >= 0x20, first.value < 0x7F { return false }
        if character.unicodeScalars.contains(where: TerminalText.isControl) { return true }
        return dfc_wcwidth(wchar_t(bitPattern: first.value)) < 0
    }

    /// Columns taken by a string.
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// The longest prefix of `text` that fits in `width` columns, with `…` as
    /// its last character when anything was cut. Never exceeds `width` and
    /// never splits a wide character (a wide character that does not fit is
    /// dropped whole, so the result may be one column narrower than `width`).
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        // Room for the ellipsis (1 column) at the end.
        return prefix(text, width: width - 1) + String(ellipsis)
    }

    /// The longest prefix of `text` at most `width` columns wide, cut
    /// without an ellipsis and never inside a wide character.
    public static func prefix(_ text: String, width: Int) -> String {
        var result = ""
        var used = 0
        for character in text {
            let w = of(character)
            if used + w > width { break }
            result.append(character)
            used += w
        }
        return result
    }

    /// `text` broken into lines of at most `width` columns, after a blank
    /// where there is one (a word longer than a line is cut); newlines
    /// start a new line. `wrap("offline: cannot reach api.dynadot.com", to: 20)`
    /// is `["offline: cannot ", "reach api.dynadot.com"]` cut to 20 columns each.
    public static func wrap(_ text: String, to width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var rest = Substring(paragraph)
            if rest.isEmpty { lines.append("") }
            while !rest.isEmpty {
                var chunk = prefix(String(rest), width: width)
                if chunk.isEmpty { chunk = String(rest.prefix(1)) }
                if chunk.count < rest.count, rest[rest.index(rest.startIndex, offsetBy: chunk.count)] != " ",
                    let blank = chunk.lastIndex(of: " "), blank > chunk.startIndex
                {
                    chunk = String(chunk[...blank])
                }
                rest = rest.dropFirst(chunk.count)
                lines.append(chunk)
            }
        }
        return lines
    }

    /// Horizontal alignment inside a fixed width.
    public enum Alignment: Sendable, Hashable {
        case left, right, center
    }

    /// `text` truncated (with `…`) or padded with spaces to exactly `width`
    /// columns. When a wide character was dropped at the cut, the missing
    /// column is padded too, so the result is always exactly `width` wide.
    public static func fit(_ text: String, to width: Int, alignment: Alignment = .left) -> String {
        guard width > 0 else { return "" }
        let cut = truncate(text, to: width)
        return pad(cut, to: width, alignment: alignment)
    }

    /// `text` padded with spaces to at least `width` columns.
    public static func pad(_ text: String, to width: Int, alignment: Alignment = .left) -> String {
        let missing = width - of(text)
        guard missing > 0 else { return text }
        switch alignment {
        case .left:
            return text + String(repeating: " ", count: missing)
        case .right:
            return String(repeating: " ", count: missing) + text
        case .center:
            let before = missing / 2
            return String(repeating: " ", count: before) + text
                + String(repeating: " ", count: missing - before)
        }
    }
}
