import Testing
import TerminalUI
@testable import PortfolioApp

@Suite struct ActionTableTests {
    @Test func defaultKeysDispatchByScope() throws {
        let table = try ActionTable()
        #expect(table.action(for: [.char("j")], scope: .domains) == .down)
        #expect(table.action(for: [.down], scope: .queue) == .down)
        #expect(table.action(for: [.char("p")], scope: .domains) == .setPrivacy)
        #expect(table.action(for: [.char("p")], scope: .queue) == .push)
        #expect(table.action(for: [.char("7")], scope: .domains) == .showQueue)
        #expect(table.action(for: [.char("g"), .char("v")], scope: .domains) == .reselect)
        #expect(table.isPrefix([.char("g")], scope: .domains))
        #expect(table.action(for: [.char("g")], scope: .domains) == .top)
    }

    @Test func keysAreRemappedFromConfig() throws {
        let table = try ActionTable(overrides: ["select-all": ["A"], "quit": ["C-q", "Q"]])
        #expect(table.action(for: [.char("A")], scope: .domains) == .selectAll)
        #expect(table.action(for: [.char("*")], scope: .domains) == nil)
        #expect(table.action(for: [.ctrl("q")], scope: .queue) == .quit)
        #expect(table.keyLabel(.quit) == "C-q / Q")
    }

    @Test func badConfigEntriesNameTheProblem() {
        #expect(throws: ActionTableError.self) { try ActionTable(overrides: ["selectall": ["A"]]) }
        do {
            _ = try ActionTable(overrides: ["quit": ["two words"]])
            Issue.record("a key with a space was accepted")
        } catch {
            #expect(error.message.contains("'two words' for quit is not a key"))
        }
    }

    @Test func aRemapThatBindsTwoActionsToOneKeyInAScopeIsRefused() {
        // `p` is set-privacy in the Domains pane: giving it to quit (global) too is ambiguous there.
        #expect(throws: ActionTableError.self) { try ActionTable(overrides: ["quit": ["p"]]) }
        do {
            _ = try ActionTable(overrides: ["select-all": ["s"]])
            Issue.record("select-all and sort-next on one key were accepted")
        } catch {
            #expect(error.message == "[keys]: 's' is bound to both select-all and sort-next in the Domains pane; give one of them another key")
        }
        // The same key in two different panes is fine.
        #expect((try? ActionTable(overrides: ["marketplace": ["x"]])) != nil)
    }

    @Test func remappedKeysDriveTheApp() throws {
        let fixture = try AppFixture(keys: ["select-all": ["A"]])
        fixture.drive([.char("A")])
        #expect(fixture.app.state.selection.count == 7)
    }

    @Test func disabledActionsSayWhy() throws {
        let fixture = try AppFixture()
        let terminal = fixture.drive([.char("r")])
        #expect(screenText(terminal).hasSuffix(" sync needs an API key: set DYNADOT_API_KEY or api_key in config.toml"))
    }

    @Test func markdownListsEveryActionOnce() throws {
        let table = try ActionTable()
        let markdown = table.markdown()
        #expect(Set(table.specs.map(\.action)).count == table.specs.count, "an action id is declared twice")
        for action in table.specs.map(\.action) {
            #expect(markdown.components(separatedBy: "`\(action.rawValue)`").count == 2, "\(action.rawValue)")
        }
        #expect(markdown.contains("| `Space` | select / unselect the cursor row | `toggle-select` |"))
        #expect(markdown.hasPrefix("### Everywhere\n"))
    }

    @Test func selectionKeysWorkOnNamesNotRows() throws {
        let fixture = try AppFixture()
        fixture.drive([.char("/")] + AppFixture.typed("tld:com") + [.enter, .char("*")])
        #expect(try fixture.selectedNames() == ["alpha.com", "charlie.com", "echo.com"])
        fixture.drive([.char("!")])
        #expect(fixture.app.state.selection.isEmpty)
        fixture.drive([.char("g"), .char("v")])
        #expect(try fixture.selectedNames() == ["alpha.com", "charlie.com", "echo.com"])
        fixture.drive([.char("u")])
        #expect(fixture.app.state.selection.isEmpty)
        fixture.drive([.char("/"), .ctrl("u"), .enter, .char("g"), .char("v")])
        #expect(try fixture.selectedNames() == ["alpha.com", "charlie.com", "echo.com"])
    }

    @Test func commandLineQueuesThroughTheEngineWithHistory() throws {
        let fixture = try AppFixture()
        fixture.drive([.char(":")] + AppFixture.typed("set renew donot") + [.enter])
        #expect(try fixture.store.pendingFields(for: ["alpha.com"])["alpha.com"]?.map(\.field) == ["renew_option"])
        let terminal = fixture.drive([.char(":")] + AppFixture.typed("set bogus") + [.enter])
        #expect(screenText(terminal).contains("unknown setting 'bogus'"))
        let recalled = fixture.drive([.char(":"), .up])
        #expect(screenText(recalled).hasSuffix(":set bogus"))
    }
}
