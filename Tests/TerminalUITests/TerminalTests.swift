import Foundation
import Testing
@testable import TerminalUI

@Suite struct TerminalTests {
    @Test func headlessTerminalReplaysKeysAndKeepsTheLastScreen() {
        let terminal = HeadlessTerminal(size: Size(rows: 24, cols: 80), keys: [.char("j"), .down])
        terminal.type("ü:")
        #expect(terminal.readKey(timeoutMs: 100) == .char("j"))
        #expect(terminal.readKey(timeoutMs: 100) == .down)
        #expect(terminal.readKey(timeoutMs: -1) == .char("ü"))
        #expect(terminal.readKey(timeoutMs: 0) == .char(":"))
        #expect(terminal.readKey(timeoutMs: 100) == nil)

        var screen = Screen(size: terminal.size)
        screen.put("hello", at: Point(row: 0, col: 0), style: .plain)
        terminal.draw(screen)
        #expect(terminal.lastScreen?.plainText().hasPrefix("hello") == true)
        #expect(terminal.drawCount == 1)

        terminal.resize(to: Size(rows: 40, cols: 120))
        #expect(terminal.size == Size(rows: 40, cols: 120))
        #expect(terminal.readKey(timeoutMs: 0) == .resize)

        terminal.suspend()
        #expect(terminal.isSuspended)
        terminal.resume()
        #expect(!terminal.isSuspended)
        terminal.restore()
        #expect(terminal.isRestored)
    }

    @Test func controlCharactersBecomeNamedKeys() {
        #expect(KeyEvent.fromCharacter("\u{9}") == .tab)
        #expect(KeyEvent.fromCharacter("\r") == .enter)
        #expect(KeyEvent.fromCharacter("\n") == .enter)
        #expect(KeyEvent.fromCharacter("\u{1B}") == .escape)
        #expect(KeyEvent.fromCharacter("\u{7F}") == .backspace)
        #expect(KeyEvent.fromCharacter("\u{8}") == .backspace)
        #expect(KeyEvent.fromCharacter("\u{15}") == .ctrl("u"))
        #expect(KeyEvent.fromCharacter("\u{17}") == .ctrl("w"))
        #expect(KeyEvent.fromCharacter("\u{1}") == .ctrl("a"))
        #expect(KeyEvent.fromCharacter("q") == .char("q"))
        #expect(KeyEvent.fromCharacter("例") == .char("例"))
    }

    @Test func keysAreNamedForHelpAndFooters() {
        #expect(KeyEvent.char(" ").description == "Space")
        #expect(KeyEvent.ctrl("u").description == "C-u")
        #expect(KeyEvent.pageDown.description == "PgDn")
        #expect(KeyEvent.function(5).description == "F5")
        #expect(KeyEvent.char("G").description == "G")
    }

    @Test func terminalErrorsSayWhatToDo() {
        #expect(TerminalError.unsupportedTerminal("unknown").description
            == "terminal type 'unknown' is not supported; set TERM to e.g. xterm-256color")
        #expect(TerminalError.notATerminal.description.contains("needs a terminal"))
    }

    /// Under `swift test` standard input is normally not a terminal (CI, the
    /// tmux end-to-end tests cover the real one); then the ncurses backend
    /// must refuse cleanly instead of taking over the screen.
    @Test(.enabled(if: isatty(STDIN_FILENO) == 0))
    func ncursesRefusesWithoutATerminal() {
        #expect(throws: TerminalError.notATerminal) {
            _ = try NCursesTerminal(environment: ["TERM": "xterm-256color"])
        }
    }

    @Test func rectLayoutHelpers() {
        let screen = Rect(row: 0, col: 0, width: 80, height: 24)
        let (tabs, rest) = screen.splitTop(1)
        let (body, footer) = rest.splitBottom(2)
        #expect(tabs == Rect(row: 0, col: 0, width: 80, height: 1))
        #expect(body == Rect(row: 1, col: 0, width: 80, height: 21))
        #expect(footer == Rect(row: 22, col: 0, width: 80, height: 2))
        let (left, right) = body.splitLeft(50)
        #expect(right == Rect(row: 1, col: 50, width: 30, height: 21))
        #expect(left.splitRight(10).right == Rect(row: 1, col: 40, width: 10, height: 21))
        #expect(screen.centered(width: 60, height: 10) == Rect(row: 7, col: 10, width: 60, height: 10))
        #expect(screen.centered(width: 100, height: 30) == screen)
        #expect(screen.inset(dx: 2, dy: 1) == Rect(row: 1, col: 2, width: 76, height: 22))
        #expect(screen.splitTop(30).rest.isEmpty)
        #expect(screen.line(23) == Rect(row: 23, col: 0, width: 80, height: 1))
        #expect(screen.line(24).isEmpty)
        #expect(body.contains(Point(row: 1, col: 79)) && !body.contains(Point(row: 22, col: 0)))
        #expect(body.intersection(Rect(row: 20, col: 70, width: 20, height: 20)) == Rect(row: 20, col: 70, width: 10, height: 2))
        #expect(Size(rows: 24, cols: 80).description == "80×24")
    }
}
