import Testing
import TerminalUI
@testable import PortfolioApp

/// The 80×24 layout: columns that scroll in sideways, the full-screen
/// detail panel, long messages and `:messages`.
@Suite struct ScreenLayoutTests {
    @Test func hiddenColumnsScrollInWithTheArrowKeys() throws {
        let fixture = try AppFixture()
        let start = screenText(fixture.drive([])).split(separator: "\n")
        #expect(start[1].hasSuffix(">"), "columns are hidden on the right: \(start[1])")
        #expect(!start[1].contains("Note"))
        #expect(start[1].contains("NS / DNS"))
        let scrolled = screenText(fixture.drive([.char(">"), .char(">"), .char(">")])).split(separator: "\n")
        #expect(scrolled[1].hasPrefix("<"), "\(scrolled[1])")
        #expect(scrolled[1].contains("Note") && !scrolled[1].contains("NS / DNS"), "\(scrolled[1])")
        // Name and expiry never scroll away.
        #expect(scrolled[1].contains("Domain") && scrolled[1].contains("Expires"))
        #expect(scrolled.contains { $0.contains("old campaign") })
        let back = screenText(fixture.drive([.char("<"), .char("<"), .char("<"), .char("<")])).split(separator: "\n")
        #expect(back[1] == start[1])
        #expect(start.contains { $0.contains("1/7 │") }, "the position and total")
    }

    @Test func theDetailOverlayScrollsThroughALongNote() throws {
        let fixture = try AppFixture()
        let note = Array(repeating: "a long note about this domain", count: 25).joined(separator: " ")
        fixture.drive([.char(":")] + AppFixture.typed("set note \"\(note)\"") + [.enter])
        let first = screenText(fixture.drive([.enter]))
        #expect(first.contains("┌─ alpha.com ─ lines 1–19 of "), "\(first)")
        #expect(first.contains("pending     note → a long note"))
        #expect(!first.contains("cached"))
        let last = screenText(fixture.drive([.char("G")]))
        #expect(last.contains("cached      5m ago"), "\(last)")
        #expect(!last.contains("lines 1–"))
        // Every word of the note is on some line (wrapped at blanks, not cut).
        let overlay = screenText(fixture.drive([.char("g")])) + "\n" + last
        #expect(!overlay.contains("lon\n") && !overlay.contains("abo…"))
        let closed = screenText(fixture.drive([.escape]))
        #expect(closed.contains("Domain ▲"))
    }

    @Test func longMessagesWrapAndMessagesShowsThemAll() throws {
        let fixture = try AppFixture()
        let error = screenText(fixture.drive([.char("/")] + AppFixture.typed("tdl:x")))
        #expect(error.contains("filter: unknown key 'tdl' — did you mean 'tld'?"))
        #expect(error.contains("pending, failed, gone"), "the message continues on the line above the footer:\n\(error)")
        fixture.drive([.escape, .char(":")] + AppFixture.typed("frobnicate") + [.enter])
        let shown = screenText(fixture.drive([.char(":")] + AppFixture.typed("messages") + [.enter]))
        #expect(shown.contains("Messages"))
        #expect(shown.contains("! ") && shown.contains("pending, failed, gone"), "\(shown)")
        #expect(shown.contains("unknown command 'frobnicate'"))
        #expect(fixture.app.messageLog.count >= 2)
    }
}
