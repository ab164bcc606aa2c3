import Testing
import PortfolioStore
import SyncEngine
import TerminalUI
@testable import PortfolioApp

/// The Acquire pane on the pinned fixture (issue 18): names typed or pasted
/// one per line, cached availability with prices and ages, the
/// registration dialog with each price and the total against the balance.
@Suite struct AcquirePaneTests {
    static var showAcquire: KeyEvent { .char(Character("\((PaneRegistry.all.firstIndex { $0.scope == .acquire } ?? 8) + 1)")) }

    static func lines(_ text: String) -> [KeyEvent] {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { AppFixture.typed(String($0)) + [.enter] }
    }

    @Test func pastedLinesAddNamesAndABadLineIsNamedWithoutStoppingThePaste() throws {
        let fixture = try AppFixture()
        fixture.drive([Self.showAcquire, .char("a")] + Self.lines("shiny-new.com\nzzz\nbücher-neu.de, other-new.net\n# a comment"))
        let pane = try #require(fixture.app.pane(AcquirePane.self))
        #expect(pane.names == ["shiny-new.com", "xn--bcher-neu-q9a.de", "other-new.net"])
        #expect(pane.refused == ["zzz"])
        let screen = screenText(fixture.drive([]))
        #expect(screen.contains("skipped, not domain names: zzz"), "\(screen)")
        // Esc closes the line; without a key nothing is asked, and it says so.
        fixture.drive([.escape])
        #expect(fixture.app.state.message?.text.contains("API key") == true, "\(fixture.app.state.message?.text ?? "")")
    }

    @Test func cachedAnswersShowWithPricesAndTheRegisterDialogShowsTheTotal() throws {
        let fixture = try AppFixture(hasAccount: true)
        let asked = AppFixture.nowMs - 90_000
        try fixture.store.saveAvailability([
            AvailabilityRow(name: "shiny-new.com", status: .available, priceCents: 1099, checkedAtMs: asked),
            AvailabilityRow(name: "ab.com", status: .premium, priceCents: 54_950, checkedAtMs: asked),
            AvailabilityRow(name: "taken-one.com", status: .taken, checkedAtMs: asked),
            AvailabilityRow(name: "alpha.com", status: .yours, checkedAtMs: asked),
        ])
        let typed = Self.lines("shiny-new.com\nab.com\ntaken-one.com\nalpha.com")
        // Every name has an answer younger than ten minutes: closing the
        // line shows the cached answers and asks nothing.
        let terminal = fixture.drive([Self.showAcquire, .char("a")] + typed + [.escape])
        let text = screenText(terminal)
        #expect(recordIfDifferent("acquire-80", text, AcquireGoldens.acquire80))
        // Select every name; only the available ones are offered, each with its price.
        let dialog = screenText(fixture.drive([.char("g"), .char(" "), .char(" "), .char(" "), .char(" "), .char("R")]))
        #expect(recordIfDifferent("acquire-register-80", dialog, AcquireGoldens.acquireRegister80))
        #expect(dialog.contains("$560.49"))
        #expect(dialog.contains("2 not available skipped"))
        // No: nothing is queued.
        fixture.drive([.char("n")])
        #expect(try fixture.store.pendingIntents().isEmpty)
    }
}
