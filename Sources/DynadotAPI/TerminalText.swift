/// The one place that decides which characters may reach a terminal: text
/// from the account (notes, folder names, contact fields, DNS values,
/// listing text, provider messages) can hold escape sequences that would
/// retitle, clear or reprogram the user's terminal. The CLI prints such
/// text through ``escaped(_:keepingLayout:)``; the TUI's screen draws every
/// character ``isControl(_:)`` calls a control as a replacement glyph; the
/// sync engine refuses typed values that ``firstControl(in:)`` finds one in.
///
/// ```swift
/// TerminalText.escaped("a\u{1b}]0;x\u{07}b")   // "a\\e]0;x\\x07b"
/// ```
public enum TerminalText {
    /// C0 controls (U+0000–U+001F), DEL (U+007F) and C1 controls
    /// (U+0080–U+009F).
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (v >= 0x7F && v <= 0x9F)
    }

    /// Whether `text` holds any control character (newline and tab included).
    public static func containsControl<S: StringProtocol>(_ text: S) -> Bool {
        text.unicodeScalars.contains(where: isControl)
    }

    /// The first control character in `text`, spelled visibly (`\n`, `\e`,
    /// `\x07`, `\u{9b}`), or nil when there is none.
    public static func firstControl<S: StringProtocol>(in text: S) -> String? {
        text.unicodeScalars.first(where: isControl).map(visible)
    }

    /// `text` with every control character spelled visibly, so printing it
    /// cannot drive the terminal. With `keepingLayout`, newline and tab pass
    /// (for whole messages whose lines are layout); a field value never
    /// keeps them. A backslash is left alone: the escapes are for reading,
    /// not for decoding back.
    public static func escaped<S: StringProtocol>(_ text: S, keepingLayout: Bool = false) -> String {
        let string = String(text)
        // Fast path: nearly all text has no control character.
        guard string.unicodeScalars.contains(where: { isControl($0) && !(keepingLayout && ($0 == "\n" || $0 == "\t")) }) else {
            return string
        }
        var out = String.UnicodeScalarView()
        for scalar in string.unicodeScalars {
            if isControl(scalar), !(keepingLayout && (scalar == "\n" || scalar == "\t")) {
                out.append(contentsOf: visible(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// One control character spelled visibly.
    public static func visible(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x09: return "\\t"
        case 0x1B: return "\\e"
        case 0..<0x20, 0x7F:
            let hex = String(scalar.value, radix: 16)
            return "\\x" + (hex.count < 2 ? "0" : "") + hex
        default:
            return "\\u{" + String(scalar.value, radix: 16) + "}"
        }
    }
}
