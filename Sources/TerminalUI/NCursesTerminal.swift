import CNCursesShim
import Foundation
import Synchronization

/// Why the terminal could not be taken over. The description is the message
/// for the user.
public enum TerminalError: Error, Hashable, Sendable, CustomStringConvertible {
    /// `TERM` names a terminal ncurses does not know (or is unset).
    case unsupportedTerminal(String)
    /// Standard input or output is not a terminal (piped, redirected).
    case notATerminal
    /// Another ``NCursesTerminal`` is still active in this process.
    case alreadyActive

    public var description: String {
        switch self {
        case .unsupportedTerminal(let term):
            return "terminal type '\(term)' is not supported; set TERM to e.g. xterm-256color"
        case .notATerminal:
            return "the interactive interface needs a terminal (standard input and output are not one)"
        case .alreadyActive:
            return "the terminal is already in use by this program"
        }
    }
}

/// The real terminal, through ncursesw.
///
/// Creating one sets up the locale (`setlocale(LC_ALL, "")`, falling back to
/// `C.UTF-8` for `LC_CTYPE` under C/POSIX), starts curses with `newterm`
/// (so an unknown `TERM` is a ``TerminalError``, not a crash), and installs
/// signal handlers so the terminal is restored on SIGTERM, SIGHUP and
/// crashes, and Ctrl-Z suspends cleanly (the next ``readKey(timeoutMs:)``
/// after `fg` returns `.resize`). Ctrl-C is read as the key `.ctrl("c")`,
/// so the app can ask first (a second Ctrl-C before it is read ends the
/// process, terminal restored). Only one may be active at a time.
///
/// Input is cbreak (Ctrl-Z keeps its usual meaning), no echo, keypad on,
/// Esc delay 25 ms.
public final class NCursesTerminal: Terminal {
    /// How many colours are used (after `NO_COLOR`).
    public let colorMode: ColorMode
    /// `LC_CTYPE` in force after setup (e.g. `C.UTF-8`: curses' wide
    /// character functions need a UTF-8 `LC_CTYPE` even under `LANG=C`).
    public let characterLocale: String
    /// What is sent to the terminal: the user's own locale decides (before
    /// the UTF-8 fallback above), so under `LANG=C` every cell goes out as
    /// ASCII (``GlyphSet/displayed(_:)``) and no byte ≥ 0x80 is written.
    public let glyphs: GlyphSet
    /// Whether the user's locale is UTF-8, i.e. non-ASCII text can be shown
    /// (Unicode names); otherwise names are shown in punycode.
    public var isUnicode: Bool { glyphs == .unicode }

    /// The theme cells are drawn with. Changing it repaints everything.
    public var theme: Theme {
        didSet {
            attributeCache = [:]
            drawn = nil
        }
    }

    private var drawn: Screen?
    private var attributeCache: [Style: (attributes: UInt32, pair: Int32)] = [:]
    private var pairs: [PairKey: Int32] = [:]
    private var cursorVisible = false
    private var restored = false
    private let defaultColorsWork: Bool

    /// Takes over the terminal. Call ``restore()`` when done (also from
    /// `defer`); it is idempotent and also runs when the object goes away.
    public init(
        theme: Theme = .builtinDefault,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(TerminalError) {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        guard ActiveTerminal.claim() else { throw .alreadyActive }
        let term = environment["TERM"] ?? ""
        guard !term.isEmpty else {
            ActiveTerminal.release()
            throw .unsupportedTerminal("(unset)")
        }
        self.glyphs = GlyphSet.forLocale(environment)
        self.characterLocale = String(cString: dfc_setup_locale())
        self.theme = theme
        dfc_install_signal_handlers()
        NCursesTerminal.registerExitRestore()
        let started = term.withCString { dfc_newterm($0) }
        guard started == 0 else {
            dfc_remove_signal_handlers()
            ActiveTerminal.release()
            throw .unsupportedTerminal(term)
        }
        dfc_cbreak()
        dfc_noecho()
        dfc_nonl()
        dfc_keypad(1)
        dfc_set_escdelay(25)
        _ = dfc_curs_set(0)
        let hasColors = dfc_has_colors() == 1
        if hasColors {
            _ = dfc_start_color()
            defaultColorsWork = dfc_use_default_colors() == 0
        } else {
            defaultColorsWork = false
        }
        colorMode = ColorMode.detect(colors: Int(dfc_colors()), hasColors: hasColors, environment: environment)
    }

    deinit { restore() }

    public var size: Size {
        var rows: Int32 = 0
        var cols: Int32 = 0
        dfc_getmaxyx(&rows, &cols)
        return Size(rows: Int(rows), cols: Int(cols))
    }

    public func draw(_ screen: Screen) {
        guard !restored else { return }
        if dfc_take_resumed() == 1 { repaintAll() }
        let limit = size
        if drawn?.size != screen.size {
            _ = dfc_erase()
            drawn = nil
        }
        let rows = min(screen.size.rows, limit.rows)
        let cols = min(screen.size.cols, limit.cols)
        for row in 0..<rows {
            for col in 0..<cols {
                let cell = screen[row, col]
                if let drawn, drawn[row, col] == cell { continue }
                // The lead cell of a wide character draws both columns.
                if cell.isContinuation { continue }
                if cell.width == 2, col + 1 >= cols { continue }
                put(cell, row: row, col: col)
            }
        }
        if let cursor = screen.cursor, cursor.row < rows, cursor.col < cols {
            if !cursorVisible { _ = dfc_curs_set(1) }
            cursorVisible = true
            _ = dfc_move(Int32(cursor.row), Int32(cursor.col))
        } else if cursorVisible {
            _ = dfc_curs_set(0)
            cursorVisible = false
        }
        _ = dfc_refresh()
        drawn = screen
    }

    public func readKey(timeoutMs: Int) -> KeyEvent? {
        guard !restored else { return nil }
        if dfc_take_interrupt() == 1 { return .ctrl("c") }
        if dfc_take_resumed() == 1 {
            repaintAll()
            return .resize
        }
        dfc_timeout(Int32(clamping: max(-1, timeoutMs)))
        var value: wint_t = 0
        let result = dfc_get_wch(&value)
        switch result {
        case DFC_GOT_KEY.rawValue:
            guard let key = KeyCodes.table[Int32(bitPattern: value)] else { return nil }
            if key == .resize { drawn = nil }
            return key
        case DFC_GOT_CHAR.rawValue:
            guard let scalar = Unicode.Scalar(UInt32(value)) else { return nil }
            return KeyEvent.fromCharacter(scalar)
        default:
            // An interrupted wait (Ctrl-C, the Ctrl-Z round trip) ends here too.
            if dfc_take_interrupt() == 1 { return .ctrl("c") }
            if dfc_take_resumed() == 1 {
                repaintAll()
                return .resize
            }
            return nil
        }
    }

    public func suspend() {
        guard !restored else { return }
        dfc_endwin()
    }

    public func resume() {
        guard !restored else { return }
        repaintAll()
        _ = dfc_refresh()
    }

    public func restore() {
        guard !restored else { return }
        restored = true
        dfc_end()
        dfc_remove_signal_handlers()
        ActiveTerminal.release()
    }

    // MARK: Drawing

    private func repaintAll() {
        dfc_force_repaint()
        drawn = nil
    }

    private func put(_ cell: Cell, row: Int, col: Int) {
        let look = lookFor(cell.style)
        guard glyphs == .unicode || cell.character.isASCII else {
            // One ASCII character per column the cell covers.
            for (offset, scalar) in glyphs.displayed(cell.character).unicodeScalars.enumerated() {
                var char = wchar_t(bitPattern: scalar.value)
                _ = dfc_put_cluster(Int32(row), Int32(col + offset), &char, 1, look.attributes, look.pair)
            }
            return
        }
        var chars = cell.character.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        if chars.isEmpty { chars = [wchar_t(32)] }
        _ = dfc_put_cluster(Int32(row), Int32(col), &chars, Int32(chars.count), look.attributes, look.pair)
    }

    private func lookFor(_ style: Style) -> (attributes: UInt32, pair: Int32) {
        if let cached = attributeCache[style] { return cached }
        let resolved = theme.resolve(style, mode: colorMode)
        var attributes = dfc_a_normal()
        if resolved.attributes.contains(.bold) { attributes |= dfc_a_bold() }
        if resolved.attributes.contains(.dim) { attributes |= dfc_a_dim() }
        if resolved.attributes.contains(.reverse) { attributes |= dfc_a_reverse() }
        if resolved.attributes.contains(.underline) { attributes |= dfc_a_underline() }
        if resolved.attributes.contains(.italic) { attributes |= dfc_a_italic() }
        let look = (attributes, pair(foreground: resolved.foreground, background: resolved.background))
        attributeCache[style] = look
        return look
    }

    private struct PairKey: Hashable {
        var foreground: Int32
        var background: Int32
    }

    /// The colour pair for (fg, bg), initialised on first use. Pair 0 is the
    /// terminal's defaults; when pairs run out, the defaults are used.
    private func pair(foreground: Int?, background: Int?) -> Int32 {
        guard colorMode != .monochrome, foreground != nil || background != nil else { return 0 }
        // -1 is "the terminal's own colour", valid after use_default_colors.
        let fg = Int32(foreground ?? (defaultColorsWork ? -1 : 7))
        let bg = Int32(background ?? (defaultColorsWork ? -1 : 0))
        let key = PairKey(foreground: fg, background: bg)
        if let known = pairs[key] { return known }
        let next = Int32(pairs.count + 1)
        guard next < dfc_color_pairs(), dfc_init_pair(next, fg, bg) == 0 else { return 0 }
        pairs[key] = next
        return next
    }

    // MARK: Process-wide state

    private static let exitRestoreRegistered = Mutex(false)

    /// `exit()` from anywhere (argument parser, a fatal path) still restores.
    private static func registerExitRestore() {
        let first = exitRestoreRegistered.withLock { registered in
            defer { registered = true }
            return !registered
        }
        if first { atexit { dfc_end() } }
    }
}

/// The one-terminal-at-a-time flag (ncurses and signal handlers are global).
private enum ActiveTerminal {
    private static let active = Mutex(false)

    static func claim() -> Bool {
        active.withLock { active in
            if active { return false }
            active = true
            return true
        }
    }

    static func release() {
        active.withLock { $0 = false }
    }
}

/// ncurses key codes → ``KeyEvent``.
private enum KeyCodes {
    static let table: [Int32: KeyEvent] = {
        var table: [Int32: KeyEvent] = [
            dfc_key_resize(): .resize,
            dfc_key_up(): .up,
            dfc_key_down(): .down,
            dfc_key_left(): .left,
            dfc_key_right(): .right,
            dfc_key_home(): .home,
            dfc_key_end(): .end,
            dfc_key_npage(): .pageDown,
            dfc_key_ppage(): .pageUp,
            dfc_key_backspace(): .backspace,
            dfc_key_dc(): .delete,
            dfc_key_ic(): .insert,
            dfc_key_enter(): .enter,
            dfc_key_btab(): .backTab,
        ]
        for n in 1...12 { table[dfc_key_f(Int32(n))] = .function(n) }
        return table
    }()
}
