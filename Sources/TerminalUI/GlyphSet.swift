/// Which characters reach the terminal: all of them under a UTF-8 locale,
/// ASCII only otherwise (`LANG=C`, `POSIX`, a Latin-1 locale), since the
/// terminal's encoding is then unknown and UTF-8 bytes would show as junk.
///
/// Widgets draw with their Unicode glyphs (`─`, `…`, `▲`, `█`, `●`); the
/// terminal passes each cell through ``displayed(_:)``, which gives an ASCII
/// stand-in of the same width, so the layout is the same in both sets:
///
/// ```swift
/// GlyphSet.ascii.displayed("…")   // "~"
/// GlyphSet.ascii.displayed("●")   // "*"
/// GlyphSet.ascii.displayed("例")  // "??" (two columns)
/// ```
public enum GlyphSet: Hashable, Sendable {
    case unicode
    case ascii

    /// The set for the user's locale as the C library resolves it:
    /// `LC_ALL`, then `LC_CTYPE`, then `LANG`; UTF-8 only when it says so.
    public static func forLocale(_ environment: [String: String]) -> GlyphSet {
        let locale = [environment["LC_ALL"], environment["LC_CTYPE"], environment["LANG"]]
            .compactMap { $0 }.first { !$0.isEmpty } ?? ""
        let lowered = locale.lowercased()
        return lowered.contains("utf-8") || lowered.contains("utf8") ? .unicode : .ascii
    }

    /// `character` as this set shows it: itself, or (ASCII) a stand-in
    /// taking the same number of columns (`?` for text without one).
    public func displayed(_ character: Character) -> String {
        guard self == .ascii, let first = character.unicodeScalars.first else { return String(character) }
        // An ASCII letter with combining marks keeps its letter.
        if first.isASCII { return String(first) }
        if let standIn = Self.standIns[first] { return String(standIn) }
        return String(repeating: "?", count: max(1, DisplayWidth.of(character)))
    }

    /// Whether `text` passes unchanged (every character is ASCII, or the set is Unicode).
    public func showsUnchanged(_ text: String) -> Bool {
        self == .unicode || text.unicodeScalars.allSatisfy(\.isASCII)
    }

    /// ASCII stand-ins for the glyphs the interface draws, one column each.
    static let standIns: [Unicode.Scalar: Character] = {
        var table: [Unicode.Scalar: Character] = [:]
        func map(_ glyphs: String, to ascii: Character) {
            for scalar in glyphs.unicodeScalars { table[scalar] = ascii }
        }
        map("─━═┄┈╌", to: "-")
        map("│┃║┆┊╎", to: "|")
        map("┌┐└┘├┤┬┴┼╭╮╯╰╔╗╚╝", to: "+")
        map("…", to: "~")
        map("▲△↑", to: "^")
        map("▼▽↓", to: "v")
        map("→⟶►▶", to: ">")
        map("←⟵◄◀", to: "<")
        map("█▉▊▋▌▍▎▏▓▒", to: "#")
        map("░", to: ".")
        map("●✓✔", to: "*")
        map("•", to: "+")
        map("◦○", to: "o")
        map("·", to: ".")
        map("—–‒−", to: "-")
        map("×", to: "x")
        map("≤", to: "<")
        map("≥", to: ">")
        map("\u{FFFD}", to: "?")
        return table
    }()
}
