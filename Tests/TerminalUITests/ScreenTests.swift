import Testing
@testable import TerminalUI

@Suite struct ScreenTests {
    @Test func wideCharactersTakeALeadAndAContinuationCell() {
        var screen = Screen(size: Size(rows: 1, cols: 10))
        let written = screen.put("a例b", at: Point(row: 0, col: 0), style: .plain)
        #expect(written == 4)
        #expect(screen[0, 1].character == "例")
        #expect(screen[0, 1].width == 2)
        #expect(screen[0, 2].isContinuation)
        #expect(screen[0, 3].character == "b")
        #expect(screen.plainText() == "a例b")
    }

    @Test func aWideCharacterThatDoesNotFitBecomesABlank() {
        var screen = Screen(size: Size(rows: 1, cols: 4))
        screen.put("ab例", at: Point(row: 0, col: 1), style: .plain)
        #expect(screen.plainText() == " ab")
        #expect(screen[0, 3].width == 1)

        var limited = Screen(size: Size(rows: 1, cols: 10))
        let written = limited.put("例え", at: Point(row: 0, col: 0), style: .plain, maxWidth: 3)
        #expect(written == 3)
        #expect(limited.plainText() == "例")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var screen = Screen(size: Size(rows: 2, cols: 6))
        screen.put("例え", at: Point(row: 0, col: 0), style: .plain)
        screen.put("x", at: Point(row: 0, col: 1), style: .plain)
        #expect(screen.plainText() == " xえ\n")
        screen.put("例え", at: Point(row: 1, col: 0), style: .plain)
        screen.put("y", at: Point(row: 1, col: 2), style: .plain)
        #expect(screen.plainText() == " xえ\n例y")
        #expect(!screen[1, 3].isContinuation)
    }

    @Test func controlCharactersAreNeverWrittenThrough() {
        var screen = Screen(size: Size(rows: 1, cols: 12))
        screen.put("a\u{1B}[2Jb\tc", at: Point(row: 0, col: 0), style: .plain)
        #expect(screen.plainText() == "a�[2Jb�c")
    }

    @Test func drawingIsClippedToTheScreen() {
        var screen = Screen(size: Size(rows: 2, cols: 5))
        screen.put("abcdefgh", at: Point(row: 1, col: 2), style: .plain)
        screen.put("zz", at: Point(row: 5, col: 0), style: .plain)
        screen.put("xyz", at: Point(row: 0, col: -1), style: .plain)
        #expect(screen.plainText() == "yz\n  abc")
    }

    @Test func fillRestylesAndClearResets() {
        var screen = Screen(size: Size(rows: 2, cols: 4))
        screen.put("abcd", at: Point(row: 0, col: 0), style: .plain)
        screen.fill(Rect(row: 0, col: 1, width: 2, height: 2), style: Style(.header))
        #expect(screen.plainText() == "a  d\n")
        #expect(screen[1, 2].style == Style(.header))
        screen.cursor = Point(row: 0, col: 0)
        screen.clear()
        #expect(screen == Screen(size: Size(rows: 2, cols: 4)))
    }

    @Test func styledTextMarksEveryStyleChange() {
        var screen = Screen(size: Size(rows: 2, cols: 20))
        screen.put("Name", at: Point(row: 0, col: 0), style: Style(.header))
        screen.put("overdue", at: Point(row: 0, col: 5), style: Style(.row, accent: .expiryOverdue))
        screen.put("ok", at: Point(row: 1, col: 2), style: Style(.ok))
        screen.put("x", at: Point(row: 1, col: 6), style: .plain)
        #expect(screen.styledText(theme: .builtinDefault) == """
            ⟦fg=153 bg=236 bold⟧Name⟦plain⟧ ⟦fg=196 bold reverse⟧overdue
              ⟦fg=78⟧ok⟦plain⟧  x
            """)
        #expect(screen.styledText(theme: .builtinDefault, mode: .colors16) == """
            ⟦fg=bright-cyan bg=black bold⟧Name⟦plain⟧ ⟦fg=bright-red bold reverse⟧overdue
              ⟦fg=green⟧ok⟦plain⟧  x
            """)
        #expect(screen.plainText() == "Name overdue\n  ok  x")
    }
}
