/// One key press (or a resize) read from the terminal.
public enum KeyEvent: Hashable, Sendable, CustomStringConvertible {
    /// A printable character, as typed (`ü` arrives whole).
    case char(Character)
    /// Ctrl plus a letter, lower-cased: Ctrl-U is `.ctrl("u")`. Ctrl-I, -J,
    /// -M and -[ arrive as `.tab`, `.enter`, `.enter` and `.escape`.
    case ctrl(Character)
    case up, down, left, right, home, end, pageUp, pageDown
    case backspace, delete, insert, enter, tab, backTab, escape
    /// F1…F12 (`.function(1)`).
    case function(Int)
    /// The terminal changed size — or came back from Ctrl-Z — and the whole
    /// screen must be redrawn at ``Terminal/size``.
    case resize

    /// How the key is written in help and footers: `a`, `C-u`, `Up`, `F5`.
    public var description: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "C-\(c)"
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .insert: return "Ins"
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .escape: return "Esc"
        case .function(let n): return "F\(n)"
        case .resize: return "Resize"
        }
    }

    /// The event for a control or printable character code read as a
    /// character (not a key code): 9 → `.tab`, 13 → `.enter`, 21 → `.ctrl("u")`.
    public static func fromCharacter(_ scalar: Unicode.Scalar) -> KeyEvent {
        switch scalar.value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 0: return .ctrl("@")
        case 1...26: return .ctrl(Character(Unicode.Scalar(scalar.value + 96)!))
        case 28...31: return .ctrl(Character(Unicode.Scalar(scalar.value + 64)!))
        default: return .char(Character(scalar))
        }
    }
}
