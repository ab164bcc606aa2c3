import Foundation
import Testing
import TerminalUI
@testable import PortfolioApp

/// Switching accounts in the TUI: the status bar names the account,
/// `:account NAME` and the picker ask the caller to show another account's
/// app, and an app keeps its filter and selection while another is shown.
@Suite struct AccountSwitchTests {
    static let accounts = AccountChoice(name: "alpha", names: ["alpha", "beta"])

    static func screen(_ terminal: HeadlessTerminal) -> [String] {
        (terminal.lastScreen?.plainText() ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func statusBarNamesTheAccount() throws {
        let fixture = try AppFixture(accounts: Self.accounts)
        let lines = Self.screen(fixture.drive([]))
        #expect(lines[22].hasPrefix(" [alpha] "), "\(lines[22])")
        let single = try AppFixture()
        #expect(!Self.screen(single.drive([]))[22].contains("[alpha]"))
    }

    @Test func accountCommandAsksForTheOtherAccount() throws {
        let fixture = try AppFixture(accounts: Self.accounts)
        fixture.drive([.char(":")] + AppFixture.typed("account gamma") + [.enter])
        #expect(fixture.app.requestedAccount == nil)
        #expect(fixture.app.state.message?.text == "no account 'gamma'; the accounts are alpha, beta")
        fixture.drive([.char(":")] + AppFixture.typed("account alpha") + [.enter])
        #expect(fixture.app.requestedAccount == nil)
        fixture.drive([.char(":")] + AppFixture.typed("account beta") + [.enter])
        #expect(fixture.app.requestedAccount == "beta")
    }

    @Test func pickerSwitchesToTheCursorAccount() throws {
        let fixture = try AppFixture(accounts: Self.accounts)
        let shown = Self.screen(fixture.drive([.char("@")])).joined(separator: "\n")
        #expect(shown.contains("Accounts") && shown.contains("* alpha") && shown.contains("  beta"))
        #expect(fixture.app.requestedAccount == nil)
        fixture.drive([.char("j"), .enter])
        #expect(fixture.app.requestedAccount == "beta")
    }

    @Test func oneAccountHasNothingToSwitchTo() throws {
        let fixture = try AppFixture()
        fixture.drive([.char("@")])
        #expect(fixture.app.state.message?.text.contains("only one account is configured") == true)
        fixture.drive([.char(":")] + AppFixture.typed("account beta") + [.enter])
        #expect(fixture.app.requestedAccount == nil)
        #expect(fixture.app.state.message?.isError == true)
    }

    @Test func filterAndSelectionOutlastASwitch() throws {
        let fixture = try AppFixture(accounts: Self.accounts)
        fixture.drive([.char("/")] + AppFixture.typed("tld:com") + [.enter, .char(" ")])
        let selected = try fixture.selectedNames()
        #expect(!selected.isEmpty)
        fixture.drive([.char(":")] + AppFixture.typed("account beta") + [.enter])
        #expect(fixture.app.requestedAccount == "beta")
        // Shown again later (TUIContext keeps one app per account).
        fixture.app.resumeAfterSwitch()
        let lines = Self.screen(fixture.drive([]))
        #expect(lines[1].hasPrefix("/tld:com"))
        #expect(try fixture.selectedNames() == selected)
        #expect(fixture.app.requestedAccount == nil)
    }
}
