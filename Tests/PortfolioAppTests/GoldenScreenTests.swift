import Testing
import TerminalUI
@testable import PortfolioApp

/// Whole screens of the app, driven by keys on a headless terminal, at
/// 80×24 and 160×48, compared as text (and once with styles inline).
@Suite struct GoldenScreenTests {
    static let wide = Size(rows: 48, cols: 160)

    @Test func domainsPaneAt80x24() throws {
        let fixture = try AppFixture()
        let text = screenText(fixture.drive([]))
        #expect(recordIfDifferent("domains-80", text, Goldens.domains80))
    }

    @Test func domainsPaneWithDetailAt160x48() throws {
        let fixture = try AppFixture()
        let text = screenText(fixture.drive([], size: Self.wide))
        #expect(recordIfDifferent("domains-160", text, Goldens.domains160))
    }

    @Test func detailPanelAt80x24() throws {
        let fixture = try AppFixture()
        let text = screenText(fixture.drive([.enter]))
        #expect(recordIfDifferent("detail-80", text, Goldens.detail80))
    }

    @Test func filterLiveWithCountAndInlineError() throws {
        let fixture = try AppFixture()
        let text = screenText(fixture.drive([.char("/")] + AppFixture.typed("tld:com")))
        #expect(recordIfDifferent("filter-80", text, Goldens.filter80))
        let broken = screenText(fixture.drive(AppFixture.typed(" tdl:x")))
        #expect(recordIfDifferent("filter-error-80", broken, Goldens.filterError80))
    }

    @Test func selectionCountAndRowsAt160x48() throws {
        let fixture = try AppFixture()
        let terminal = fixture.drive([.char(" "), .char("j"), .char("j"), .char("V")], size: Self.wide)
        #expect(try fixture.selectedNames() == ["alpha.com", "bravo.net", "charlie.com", "delta.io"])
        #expect(recordIfDifferent("selection-160", screenText(terminal), Goldens.selection160))
    }

    @Test func renewDialogShowsTheTotalCost() throws {
        let fixture = try AppFixture()
        let keys: [KeyEvent] = [.char(" "), .char(" "), .char(":")] + AppFixture.typed("renew 2") + [.enter]
        let text = screenText(fixture.drive(keys))
        #expect(recordIfDifferent("renew-dialog-80", text, Goldens.renewDialog80))
    }

    @Test func helpOverlay() throws {
        let fixture = try AppFixture()
        #expect(recordIfDifferent("help-80", screenText(fixture.drive([.char("?")])), Goldens.help80))
        let fixture2 = try AppFixture()
        #expect(recordIfDifferent("help-160", screenText(fixture2.drive([.char("?")], size: Self.wide)), Goldens.help160))
    }

    @Test func queuePaneShowsThePlanAndPushDialog() throws {
        let fixture = try AppFixture()
        var keys: [KeyEvent] = [.char(" "), .char(" "), .char(":")]
        keys += AppFixture.typed("set ns dns1.cloudexample.com dns2.cloudexample.com") + [.enter]
        keys += [.char("j"), .char("a")] + AppFixture.typed("auto") + [.enter]
        keys += [.char("7")]
        let terminal = fixture.drive(keys)
        #expect(recordIfDifferent("queue-80", screenText(terminal), Goldens.queue80))
        #expect(recordIfDifferent("queue-160", screenText(fixture.drive([], size: Self.wide)), Goldens.queue160))
        // Without an account the push is refused with the reason, not attempted.
        #expect(recordIfDifferent("queue-push-refused-80", screenText(fixture.drive([.char("p")])), Goldens.queuePushRefused80))
    }

    @Test func pushDialogShowsCallsAndDiff() throws {
        let fixture = try AppFixture(hasAccount: true)
        var keys: [KeyEvent] = [.char(" "), .char(" "), .char(":")]
        keys += AppFixture.typed("set ns dns1.cloudexample.com dns2.cloudexample.com") + [.enter]
        keys += [.char("7"), .char("p")]
        #expect(recordIfDifferent("queue-push-dialog-80", screenText(fixture.drive(keys)), Goldens.queuePushDialog80))
        // n cancels: nothing was sent, the queue is intact.
        fixture.drive([.char("n")])
        #expect(fixture.app.state.queueSize == 2)
    }

    @Test func domainsPaneStyledWithTheDefaultTheme() throws {
        let fixture = try AppFixture()
        let terminal = fixture.drive([.char(" "), .char(":")] + AppFixture.typed("set note hello") + [.enter])
        #expect(recordIfDifferent("domains-styled-80", styledText(terminal), Goldens.domainsStyled80))
    }

    @Test func punycodeWhenTheLocaleIsNotUnicode() throws {
        let fixture = try AppFixture(unicode: false)
        let text = screenText(fixture.drive([.char("G")]))
        #expect(text.contains("xn--bcher-kva.de"))
        #expect(!text.contains("bücher.de"))
    }

    @Test func tooSmallAndResizeKeepCursorAndSelection() throws {
        let fixture = try AppFixture()
        let terminal = HeadlessTerminal(size: Size(rows: 40, cols: 120), keys: [.char("j"), .char("j"), .char(" "), .char("k")])
        fixture.app.run(terminal: terminal, stopWhenIdle: true)
        terminal.resize(to: Size(rows: 20, cols: 70))
        fixture.app.run(terminal: terminal, stopWhenIdle: true)
        #expect(screenText(terminal) == "terminal too small (need 80×24)\nnow 70×20 · q quits")
        terminal.resize(to: Size(rows: 24, cols: 80))
        fixture.app.run(terminal: terminal, stopWhenIdle: true)
        #expect(fixture.app.domainsPane.cursorDomain == "charlie.com")
        #expect(try fixture.selectedNames() == ["charlie.com"])
        terminal.resize(to: Size(rows: 60, cols: 200))
        fixture.app.run(terminal: terminal, stopWhenIdle: true)
        #expect(fixture.app.domainsPane.cursorDomain == "charlie.com")
        #expect(try fixture.selectedNames() == ["charlie.com"])
        #expect(screenText(terminal).contains("1 selected"))
    }
}
