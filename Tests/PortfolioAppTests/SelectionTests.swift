import Foundation
@testable import PortfolioApp
import PortfolioStore
import SyncEngine
import Testing
import TerminalUI

/// The Domains pane's selection: `*`, `!` and `V` select domains in bulk
/// (by rowid, a snapshot), Space by name; both mix, and an action applies
/// to exactly the selected names. Each test runs through SQL and through
/// the filter index.
@Suite("Selection semantics")
struct SelectionTests {
    static func fixture(indexed: Bool) throws -> AppFixture {
        let fixture = try AppFixture()
        if indexed { #expect(try fixture.store.buildFilterIndex()) }
        return fixture
    }

    static func filter(_ text: String) -> [KeyEvent] {
        [.char("/"), .ctrl("u")] + AppFixture.typed(text) + [.enter]
    }

    /// The screen line showing `name`.
    static func line(_ terminal: HeadlessTerminal, _ name: String) -> String {
        screenText(terminal).split(separator: "\n").first { $0.contains(name) }.map(String.init) ?? ""
    }

    @Test("select-all keeps what matched when it was pressed; a new filter and * add its matches", arguments: [false, true])
    func selectAllThenFilterChange(indexed: Bool) throws {
        let fixture = try Self.fixture(indexed: indexed)
        fixture.drive(Self.filter("tld:com") + [.char("*")])
        #expect(try fixture.selectedNames() == ["alpha.com", "charlie.com", "echo.com"])
        let terminal = fixture.drive(Self.filter("tld:net"))
        #expect(try fixture.selectedNames() == ["alpha.com", "charlie.com", "echo.com"])
        #expect(screenText(terminal).contains("3 selected"))
        #expect(!Self.line(terminal, "bravo.net").contains(TableView.selectionMarker))
        let again = fixture.drive([.char("*")])
        #expect(try fixture.selectedNames() == ["alpha.com", "bravo.net", "charlie.com", "echo.com"])
        #expect(Self.line(again, "bravo.net").contains(TableView.selectionMarker))
        #expect(screenText(again).contains("4 selected"))
    }

    @Test("invert flips the matching domains, names picked by Space included, and leaves the others", arguments: [false, true])
    func invert(indexed: Bool) throws {
        let fixture = try Self.fixture(indexed: indexed)
        fixture.drive(Self.filter("tld:com") + [.char(" ")])
        #expect(try fixture.selectedNames() == ["alpha.com"])
        fixture.drive([.char("!")])
        #expect(try fixture.selectedNames() == ["charlie.com", "echo.com"])
        fixture.drive([.char("!")])
        #expect(try fixture.selectedNames() == ["alpha.com"])
        let terminal = fixture.drive(Self.filter("") + [.char("!")])
        #expect(try fixture.selectedNames() == ["bravo.net", "charlie.com", "delta.io", "echo.com", "xn--bcher-kva.de", "xn--r8jz45g.jp"])
        #expect(fixture.app.state.selection.count == 6)
        #expect(!Self.line(terminal, "alpha.com").contains(TableView.selectionMarker))
        #expect(Self.line(terminal, "charlie.com").contains(TableView.selectionMarker))
        fixture.drive([.char("g"), .char("v")])
        #expect(try fixture.selectedNames() == ["alpha.com"])
    }

    @Test("Space after select-all unselects the cursor domain, and selects it again", arguments: [false, true])
    func toggleAfterSelectAll(indexed: Bool) throws {
        let fixture = try Self.fixture(indexed: indexed)
        fixture.drive([.char("*")])
        #expect(fixture.app.state.selection.count == 7)
        let terminal = fixture.drive([.char(" ")])
        #expect(fixture.app.state.selection.count == 6)
        #expect(try !fixture.selectedNames().contains("alpha.com"))
        #expect(!Self.line(terminal, "alpha.com").contains(TableView.selectionMarker))
        #expect(screenText(terminal).contains("6 selected"))
        fixture.drive([.char("k"), .char(" ")])
        #expect(fixture.app.state.selection.count == 7)
        #expect(try fixture.selectedNames().contains("alpha.com"))
        fixture.drive([.char("u")])
        #expect(fixture.app.state.selection.isEmpty)
    }

    @Test("an edit after select-all and a filter change is queued on exactly the selected names", arguments: [false, true])
    func queueAfterSelectAll(indexed: Bool) throws {
        let fixture = try Self.fixture(indexed: indexed)
        fixture.drive(Self.filter("tld:com") + [.char("*")] + Self.filter("tld:net") + [.char(" ")])
        fixture.drive([.char(":")] + AppFixture.typed("set note picked") + [.enter])
        let all = try fixture.store.names(matching: .all)
        let noted = try fixture.store.pendingFields(for: all).filter { $0.value.contains { $0.field == "note" } }.keys
        #expect(Set(noted) == ["alpha.com", "bravo.net", "charlie.com", "echo.com"])
    }
}
