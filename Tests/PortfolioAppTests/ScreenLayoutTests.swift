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
        #expect(error.contains("pending:yes, failed:yes, gone:yes"), "the message continues on the line above the footer:\n\(error)")
        fixture.drive([.escape, .char(":")] + AppFixture.typed("frobnicate") + [.enter])
        let shown = screenText(fixture.drive([.char(":")] + AppFixture.typed("messages") + [.enter]))
        #expect(shown.contains("Messages"))
        #expect(shown.contains("! ") && shown.contains("pending:yes, failed:yes, gone:yes"), "\(shown)")
        #expect(shown.contains("unknown command 'frobnicate'"))
        #expect(fixture.app.messageLog.count >= 2)
    }

    /// `read-only` means a cache that cannot be written; without a key edits
    /// still queue, and the status bar says `no key` instead.
    @Test func theStatusBarSaysReadOnlyOnlyForACacheThatCannotBeWritten() throws {
        func statusLine(_ fixture: AppFixture) throws -> String {
            let lines = screenText(fixture.drive([])).split(separator: "\n", omittingEmptySubsequences: false)
            return String(try #require(lines.first { $0.contains("cache 5m │") }))
        }
        let noKey = try AppFixture()
        let noKeyLine = try statusLine(noKey)
        #expect(noKeyLine.contains("│ no key │") && !noKeyLine.contains("read-only"), "\(noKeyLine)")

        let newer = try AppFixture(newerCache: true)
        #expect(newer.store.readOnlyReason != nil)
        let newerLine = try statusLine(newer)
        #expect(newerLine.contains("│ read-only │") && !newerLine.contains("no key"), "\(newerLine)")
        // Also with a key: read-only outranks online.
        let keyedLine = try statusLine(try AppFixture(hasAccount: true, newerCache: true))
        #expect(keyedLine.contains("│ read-only │") && !keyedLine.contains("online"), "\(keyedLine)")
    }

    /// The empty Queue says what to do in words that fit 80 columns, with
    /// the keys from the action table.
    @Test func theEmptyQueueFitsEightyColumns() throws {
        let lines = screenText(try AppFixture().drive([.char("7")])).split(separator: "\n").map(String.init)
        let first = try #require(lines.firstIndex { $0.contains("The queue is empty.") }, "\(lines)")
        #expect(lines[first].hasSuffix("select domains in Domains (1),"), "\(lines[first])")
        #expect(lines[first + 1].hasSuffix("then press N (name servers), a (renewal), p (privacy) or type :set …"), "\(lines[first + 1])")
        let remapped = try AppFixture(keys: ["set-ns": ["n"], "pane-domains": ["F9"]])
        let text = screenText(remapped.drive([.char("7")]))
        #expect(text.contains("select domains in Domains (F9),") && text.contains("then press n (name servers),"), "\(text)")
    }
}
